"""Periods as the packs print them: their order, their shape, and whether they are whole, single years.

Packs write one period many ways ('2015/16', '2015-16', '15/16', 'Q4 2016/17', '31-Mar-13',
'2013 - 15'). Each is read once into a sort key; a period that names no date ('Year One',
'5 year average', 'not stated') has none and is never a headline, a trend point or a chart point
of a dated series.
"""

from __future__ import annotations

import re
from functools import lru_cache

MONTHS = {
    m: i
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
# Words that make a dated-looking period a summary of several periods, not a period of its own.
_NOT_A_PERIOD = re.compile(r"\b(average|since|cumulative)\b", re.I)
# Words that make a year a part of it: the year to date, or a span of its months.
_PART_YEAR = re.compile(r"\b(ytd|to date|year to date)\b|\(\s*" + r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_MONTH_RANGE = re.compile(
    r"\b" + _MONTH + r"(?:\s+(\d{4}|\d{2}))?\s*-\s*" + _MONTH + r"\s+(\d{4}|\d{2})\b"
)
_FINANCIAL_DATES = re.compile(r"\b1 april (\d{4})\s*-\s*31 march (\d{4})\b")


def _year(text: str) -> int:
    """A two- or four-digit year as four digits."""
    y = int(text)
    return y if y >= 100 else 2000 + y if y < 70 else 1900 + y


@lru_cache(maxsize=4096)
def period_key(text: str | None) -> tuple[int, ...] | None:
    """Sort key (year, month, day, span in years; 0 for part of a year) of a printed period, or None if undated."""
    if not text or _NOT_A_PERIOD.search(text):
        return None
    key = _key(text.lower())
    if key is not None and key[3] == 1 and _PART_YEAR.search(text):
        return (*key[:3], 0)
    return key


def _key(t: str) -> tuple[int, ...] | None:
    """The sort key of a lower-cased period."""
    if m := _FINANCIAL_DATES.search(t):
        return (int(m.group(1)), 4, 1, 1) if int(m.group(2)) == int(m.group(1)) + 1 else None
    quarter = re.search(r"\bq([1-4])\b", t)
    m = re.search(r"\b(\d{4})\s*[/-]\s*(\d{4}|\d{2})\b", t)
    if m and 0 < _year(m.group(2)) - int(m.group(1)) <= 10:
        start, end = int(m.group(1)), _year(m.group(2))
        span = end - start
        if span == 1 or quarter:  # a financial year starts in April
            month = 4 + 3 * (int(quarter.group(1)) - 1) if quarter else 4
            return (start + (month - 1) // 12, (month - 1) % 12 + 1, 1, 1 if not quarter else 0)
        return (start, 1, 1, max(span, 0))
    if (m := re.search(r"\b(\d{2})/(\d{2})\b", t)) and int(m.group(2)) == int(m.group(1)) + 1:
        month = 4 + 3 * (int(quarter.group(1)) - 1) if quarter else 4
        return (_year(m.group(1)) + (month - 1) // 12, (month - 1) % 12 + 1, 1, 0 if quarter else 1)
    if m := _MONTH_RANGE.search(t):  # 'April - September 2013': it ends after the last month's dates
        return (_year(m.group(4)), MONTHS[m.group(3)[:3]], 32, 0)
    if m := re.search(r"\b(\d{1,2})[\s-]+(\d{1,2})[\s-]+(\d{2}|\d{4})\b", t):
        return (_year(m.group(3)), int(m.group(2)), int(m.group(1)), 0)
    if m := re.search(r"\b(\d{1,2})[\s-]+" + _MONTH + r"[\s-]+(\d{4}|\d{2})\b", t):
        return (_year(m.group(3)), MONTHS[m.group(2)], int(m.group(1)), 0)
    if m := re.search(r"\b" + _MONTH + r"\s+(\d{4}|\d{2})\b", t):
        return (_year(m.group(2)), MONTHS[m.group(1)], 1, 0)
    if m := re.search(r"\b(\d{4})\b", t):
        return (int(m.group(1)), 1, 1, 1)
    return None


def sort_periods(periods: list[str]) -> list[str]:
    """Distinct periods in time order; undated periods keep file order after dated ones."""
    seen = list(dict.fromkeys(periods))
    return sorted(seen, key=lambda p: (0, period_key(p), seen.index(p)) if period_key(p) else (1, (), seen.index(p)))


@lru_cache(maxsize=4096)
def period_kind(text: str | None) -> str:
    """How a period is printed, reduced to its shape ('9999/99'), so like can be compared with like."""
    if not text:
        return ""
    shape = re.sub(r"\d", "9", re.sub(_MONTH, "M", text.lower()))
    return re.sub(r"\s*[/-]\s*", "/", shape).strip()


def kind_name(text: str | None) -> str:
    """A plain name for the kind of a period: 'years', 'quarters', 'parts of a year', 'periods of several years'."""
    key = period_key(text)
    if key is None:
        return "undated periods"
    if key[3] > 1:
        return "periods of several years"
    if key[3] == 1:
        return "years"
    if re.search(r"\bq[1-4]\b", (text or "").lower()):
        return "quarters"
    return "parts of a year" if _PART_YEAR.search(text or "") else "dates and months"


def is_annual(text: str | None) -> bool:
    """Whether a period is one whole year (calendar or financial): not a quarter, a month or a rolling span."""
    key = period_key(text)
    return key is not None and key[3] == 1


def start_year(text: str | None) -> int | None:
    """The year a dated period starts in."""
    key = period_key(text)
    return key[0] if key else None
