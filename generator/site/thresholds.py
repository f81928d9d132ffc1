"""Thresholds below which pages show counts, never a rate (DESIGN.md, "Shared threshold")."""

from __future__ import annotations

# With fewer than five meetings one meeting moves a rate by 20 points or more, so a percentage would
# suggest a precision the record does not have: pages show the counts instead.
MIN_MEETINGS_FOR_RATE = 5
RATE_REASON = (
    f"A percentage is shown only for {MIN_MEETINGS_FOR_RATE} or more meetings: with fewer, one meeting moves it by "
    f"{100 // MIN_MEETINGS_FOR_RATE} points or more, so it would suggest a precision the record does not have."
)
