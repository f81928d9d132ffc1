"""Thresholds shared by the figures that could read as rates.

Defined once: member attendance percentages (person pages) and every per-board governance figure use
the same number, so a reader meets one rule across the site.
"""

from __future__ import annotations

# Below this many meetings pages show counts ("1 of 1 agendas ..."), never a rate: with fewer than five
# meetings one meeting moves a rate by 20 points or more, so a percentage would suggest a precision the
# record does not have.
MIN_MEETINGS_FOR_RATE = 5

RATE_REASON = (
    f"Below {MIN_MEETINGS_FOR_RATE} meetings a figure is given as a count, never a rate: with fewer than "
    f"{MIN_MEETINGS_FOR_RATE} meetings one meeting moves a rate by 20 points or more, so a percentage would "
    "suggest a precision the record does not have."
)


def share(count: int, total: int, meetings: int, what: str) -> str:
    """'1 of 1 <what>' below the threshold of meetings; '80% (4 of 5 <what>)' at or above it."""
    counted = f"{count} of {total} {what}"
    if meetings < MIN_MEETINGS_FOR_RATE or total == 0:
        return counted
    return f"{round(100 * count / total)}% ({counted})"
