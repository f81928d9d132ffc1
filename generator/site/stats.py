"""Judgements in words and shapes, and values written with their unit and qualifier.

The statistics themselves live in intervals.py (confidence intervals), rowstats.py (which interval
each value gets), trend.py (Fingertips' recent trend), progress.py (Open SDG's progress to target)
and benchmark.py (comparison with England and the region, quintiles).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from generator.site.periods import period_key, period_kind, sort_periods  # noqa: F401  (re-exported for pages)


@dataclass(frozen=True)
class Judgement:
    """A judgement for people: a key for shape and style, a word, and why."""

    key: str  # better | similar | worse | higher | lower | not-compared | met | not-met | none | rating
    word: str
    detail: str = ""


SHAPES = {
    "better": "▲",
    "worse": "▼",
    "similar": "●",
    "higher": "△",
    "lower": "▽",
    "not-compared": "○",
    "met": "✓",
    "not-met": "✗",
    "none": "–",
    "rating": "❝",
}
ANSWERS = ("better", "similar", "worse", "higher", "lower")  # keys that answer "better or worse than England?"

QUALIFIER_WORDS = {
    "less-than": "less than",
    "at-most": "at most",
    "more-than": "more than",
    "at-least": "at least",
    "approximately": "about",
}


def number(value: float | None) -> str:
    """A number as people write it: 1,234 or 12.5."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def with_unit(value: float | None, unit: str | None) -> str:
    """A value with its unit: '5.2%', '87.9 per 100,000', '£3.1m'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no value"
    text = number(value)
    if not unit:
        return text
    if unit.startswith("£"):
        return f"£{text}{unit[1:]}" if unit in ("£", "£m", "£k", "£bn") else f"{text} ({unit})"
    return f"{text}{unit}" if unit.startswith("%") and len(unit) == 1 else f"{text} {unit}"


def value_text(row: Any, unit: str | None) -> str:
    """A row's value as shown: with its qualifier and as printed ('more than 500 (printed “over 500”)')."""
    qualifier = _get(row, "qualifier")
    if qualifier == "suppressed":
        return "suppressed"
    printed = _get(row, "printed")
    if qualifier and printed:
        return str(printed)  # the qualifier is in the printed words: 'over 500', '~9%', '51-58%'
    value = _get(row, "value")
    if qualifier == "range":
        return f"{with_unit(value, None)} to {with_unit(_get(row, 'value_upper'), unit)}"
    shown = with_unit(value, unit)
    return f"{QUALIFIER_WORDS[qualifier]} {shown}" if qualifier in QUALIFIER_WORDS else shown


def _get(row: Any, name: str) -> Any:
    """A field of a row (a dict, a pandas row or a record), None when missing or NaN."""
    value = row.get(name) if hasattr(row, "get") else getattr(row, name, None)
    return None if value is None or pd.isna(value) else value


__all__ = ["ANSWERS", "SHAPES", "Judgement", "number", "period_key", "period_kind", "sort_periods", "value_text"]
