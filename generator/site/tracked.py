"""Actions and recommendations with where they came from, as the checks find them (pure data, no rules).

An action is kept under an agenda item, under a meeting, or in a plan; its origin says which, and
pages show it, so an action listed in a report to a meeting not yet held is never read as the
board's own. A recommendation is kept on the agenda item that made it and has its own page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from generator import urls
from generator.records.board import Board
from generator.records.meeting import Item, Meeting
from generator.records.plan import Plan
from generator.records.scrutiny import Recommendation
from generator.records.tracker import Action

if TYPE_CHECKING:  # graph.py imports this module; Decision is only named in annotations here
    from generator.site.graph import Decision

Loc = tuple[str | int, ...]

ORIGINS = {
    "resolution": "arises from a resolution of the board",
    "agenda-item": "listed under an agenda item (in its report or minute), not in a resolution",
    "meeting": "arises from the meeting as a whole (an action log kept with the minutes)",
    "recommendation": "carries out a recommendation the board made",
    "plan": "belongs to a plan (and, through it, to the strategy the plan carries out)",
}


@dataclass(eq=False)
class Made:
    """A recommendation with its place: the board, meeting and item that made it, and the resolution it restates."""

    key: str  # <board>/<meeting>/<item>/<n>
    board: Board
    meeting: Meeting
    item: Item
    rec: Recommendation
    position: int  # 1-based, within the item
    loc: Loc  # where it is in the meeting's file
    decision: Decision | None = None

    @property
    def url(self) -> str:
        """Permanent URL of the recommendation's page."""
        return urls.recommendation_url(self.key)

    @property
    def label(self) -> str:
        """How pages name it: its printed number, or its position."""
        return self.rec.number or str(self.position)


@dataclass(eq=False)
class Tracked:
    """An action with where it is kept and where it came from."""

    action: Action
    holder: Meeting | Plan  # the record whose file holds it
    loc: Loc  # where it is in that file
    origin: str  # one of ORIGINS
    item: Item | None = None
    decision: Decision | None = None
    made: Made | None = None

    @property
    def meeting(self) -> Meeting | None:
        """The meeting that holds it, if a meeting does."""
        return self.holder if isinstance(self.holder, Meeting) else None

    @property
    def plan(self) -> Plan | None:
        """The plan that holds it, if a plan does."""
        return self.holder if isinstance(self.holder, Plan) else None

    @property
    def url(self) -> str:
        """The page that lists it, with its anchor."""
        if isinstance(self.holder, Plan):
            return urls.page_url("plans", self.holder.id) + f"#action-{self.action.id}"
        return urls.meeting_url(self.holder.board_id, self.holder.id) + f"#action-{self.action.id}"

    @property
    def when(self) -> date | None:
        """The date of the meeting that holds it (a plan's actions have none of their own)."""
        return self.holder.date if isinstance(self.holder, Meeting) else None
