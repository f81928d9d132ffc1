"""Clear days between an agenda's date and its meeting, counted by the rule in data/reference/governance.yml."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.records.governance import ClearDays


@dataclass(frozen=True)
class Count:
    """Clear days by the rule (None when the bank holidays of a year in between are not in the table)."""

    calendar: int  # whole days strictly between the two dates
    clear: int | None  # the same, less what the rule leaves out
    missing_years: tuple[int, ...] = ()  # years whose bank holidays the table lacks


def between(start: date, end: date) -> list[date]:
    """The days strictly after ``start`` and before ``end``."""
    return [start + timedelta(days=n) for n in range(1, (end - start).days)]


def count_clear_days(start: date, end: date, rule: ClearDays, holidays: frozenset[date]) -> Count:
    """Clear days from an agenda dated ``start`` to a meeting on ``end``, excluding what ``rule`` says."""
    days = between(start, end)
    if rule.exclude_weekends:
        days = [d for d in days if d.weekday() < 5]
    missing: tuple[int, ...] = ()
    if rule.exclude_bank_holidays:
        known = {h.year for h in holidays}
        missing = tuple(sorted({d.year for d in days} - known))
        days = [d for d in days if d not in holidays]
    return Count(max(0, (end - start).days - 1), None if missing else len(days), missing)
