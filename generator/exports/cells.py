"""The one CSV writer of every CSV the site serves: the data package's tables and each indicator's download.

A cell is a value written as text a spreadsheet reads back unchanged: numbers in plain decimals
(never '1e-05' or '1.23457e+06'), dates as YYYY-MM-DD, booleans as true/false, and text that a
spreadsheet would run as a formula prefixed with an apostrophe (OWASP, CSV injection). Lines end
in CRLF, as RFC 4180 says.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Stop a spreadsheet reading a cell as a formula: prefix a quote (OWASP CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def number(value: float) -> str:
    """A number in plain decimal notation, exactly as Python reads it back: '17', '0.00001', '98765432101'."""
    text = format(Decimal(repr(value)), "f")
    return text.removesuffix(".0")


def cell(value: Any) -> str:
    """One CSV cell: text neutralised, numbers in full without a needless '.0', dates ISO, booleans true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A whole CSV file: UTF-8, a header row, every value through ``cell``, CRLF line ends (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8")
