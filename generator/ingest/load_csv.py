"""Read a CSV companion (an indicator's values, data/indicators/<id>.csv) into rows of strings with their lines.

Spreadsheet habits are explained rather than misread: a file saved with semicolons or tabs,
spaces around column names (trimmed), an empty column; every cell and the number of rows are
bounded (documented on the data-format reference page).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from generator.ingest import charset
from generator.records.diagnostics import DataError
from generator.records.fields import MAX_LINE
from generator.records.registry import KIND, Rows
from generator.records.suggest import did_you_mean

MAX_CELL = MAX_LINE  # every column holds plain text or a number
MAX_ROWS = 10_000  # rows of one indicator's values (the most in the real data: 101)
SEPARATORS = {";": "semicolon", "\t": "tab"}


@dataclass
class RawTable:
    """One CSV file: rows of strings with their line numbers."""

    path: str
    kind: str  # the kind whose companion it is: 'indicators'
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def read_csv(shown: str, text: str, kind: str) -> RawTable:
    """Read a CSV companion of ``kind``, checking its header, the width of every row and every limit."""
    spec = KIND[kind].rows
    assert spec is not None, f"{kind} has no CSV companion"  # load reads .csv files only for kinds with one
    reader = csv.reader(io.StringIO(text))
    table = RawTable(shown, kind)
    start = 1  # the first line of the row being read: a runaway quoted cell starts there
    refused: list[DataError] = []  # refused characters (charset.py): every one is reported, then the file fails
    try:
        first = next(reader, None)
        _refuse(refused, first or [], [""] * len(first or []), 1)
        if refused:
            _raise_all(refused)
        header = _header(first, spec)
        start = reader.line_num + 1
        for cells in reader:
            # Raw cells: str.strip() would remove some refused characters (U+0085, U+2028) unseen.
            _refuse(refused, cells, header, reader.line_num)
            _add_row(table, header, cells, reader.line_num)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(_csv_problem(exc), start) from None
    if refused:
        _raise_all(refused)
    return table


def _refuse(refused: list[DataError], cells: list[str], header: list[str], line: int) -> None:
    """Collect a message for every cell of one row that holds a refused character."""
    for name, cell in zip(header, cells, strict=False):
        message = charset.in_value(cell)
        if message:
            refused.append(DataError(message, line, field=name))


def _raise_all(refused: list[DataError]) -> None:
    """Raise the first refusal, carrying the others."""
    refused[0].also = refused[1:]
    raise refused[0]


def _header(cells: list[str] | None, spec: Rows) -> list[str]:
    """The column names, trimmed of spaces around them; explain a header that cannot be right."""
    if cells is None:
        raise DataError("the file is empty (the first line names the columns)", 1)
    header = [_cell(name, "", 1) for name in cells]
    if len(header) == 1:
        for separator, name in SEPARATORS.items():
            if separator in header[0]:
                raise DataError(
                    f"the header has one column '{header[0]}': the file looks {name}-separated; "
                    "save it as CSV (comma delimited)",
                    1,
                )
    for number, name in enumerate(header, start=1):
        if not name:
            raise DataError(f"column {number} of the header is empty (name the column, or delete it)", 1)
        if name not in spec.columns:
            hint = did_you_mean(name, spec.columns)
            raise DataError(f"unknown column '{name}'; expected some of: {', '.join(spec.columns)}{hint}", 1)
    missing = [c for c in spec.required if c not in header]
    if missing:
        raise DataError(f"missing column {', '.join(repr(c) for c in missing)}", 1)
    if len(set(header)) != len(header):
        raise DataError("a column is named twice", 1)
    return header


def _add_row(table: RawTable, header: list[str], cells: list[str], line: int) -> None:
    """Add one row of cells (trimmed, empty ones left out) unless it is blank."""
    if not any(c.strip() for c in cells):
        return
    if len(cells) != len(header):
        raise DataError(f"row has {len(cells)} cells but the header has {len(header)}", line)
    if len(table.rows) == MAX_ROWS:
        raise DataError(
            f"the file has more than {MAX_ROWS:,} rows of values, the limit for one indicator "
            "(keep the areas and periods the board reports on)",
            line,
        )
    row = {name: value for name, cell in zip(header, cells, strict=True) if (value := _cell(cell, name, line))}
    table.rows.append((line, row))


def _cell(cell: str, column: str, line: int) -> str:
    """One cell, trimmed, within the length limit."""
    value = cell.strip()
    if len(value) > MAX_CELL:
        message = f"is {len(value):,} characters long, over the limit of {MAX_CELL:,} for a cell (shorten it)"
        raise DataError(message, line, field=column)
    return value


def _csv_problem(exc: csv.Error) -> str:
    """Explain an error of Python's CSV reader."""
    if "field larger than field limit" in str(exc):
        return (
            f"a cell is over {csv.field_size_limit():,} characters long, beyond the limit of {MAX_CELL:,} for a cell "
            "(a quote mark without its closing quote runs the cell on to the end of the file)"
        )
    return f"the file cannot be read as CSV: {exc}"
