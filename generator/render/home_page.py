"""The home page: what is happening (upcoming meetings, latest decisions, what is open, the span of the
record), then the boards that have met, then the bodies only mentioned, in one compact list."""

from __future__ import annotations

from generator import urls
from generator.records.board import Board
from generator.render.pages import Page, Renderer
from generator.site import followup
from generator.site import queries as ctx
from generator.site.graph import Site
from generator.site.tracked import Tracked

LATEST = 10  # decisions and upcoming meetings on the home page
OPEN_SHOWN = 5  # open recommendations named on the home page; the rest are on /recommendations/
STILL_OPEN = ("not-started", "in-progress", "overdue")


def home_page(r: Renderer, boards: list[Board], counts: dict[str, int]) -> Page:
    """The home page."""
    site = r.site
    open_recs = sorted(
        (x for x in site.recommendations.values() if followup.is_open(x, r.today)),
        key=lambda x: (-x.meeting.date.toordinal(), x.board.id, x.loc),
    )
    return r.page(
        urls.index_url("home"),
        "home.j2",
        r.site_name,
        f"What {len(boards)} public health and care boards decided, who sits on them and what is coming up.",
        met=[b for b in boards if counts[b.id]],
        mentioned=[b for b in boards if not counts[b.id]],
        counts=counts,
        years=lambda board_id: _years(site, board_id),
        decision_years=sorted({d.meeting.date.year for d in site.decisions.values()}),
        meeting_years=sorted({m.date.year for m in site.meetings.values()}),
        upcoming=ctx.upcoming(site, r.today)[:LATEST],
        planned=followup.coming_up(site, r.today)[:LATEST],
        latest=ctx.decisions_newest_first(site)[:LATEST],
        open_recs=open_recs[:OPEN_SHOWN],
        open_count=len(open_recs),
        state=lambda made: followup.response_state(made, r.today),
        open_actions=open_actions(site),
    )


def open_actions(site: Site) -> list[Tracked]:
    """Actions whose latest update on record says not started, in progress or overdue."""
    return [t for t in site.actions if t.action.status_history and t.action.status_history[-1].status in STILL_OPEN]


def _years(site: Site, board_id: str) -> tuple[int, int]:
    """The first and last year of a board's meetings on record."""
    meetings = ctx.meetings_of(site, board_id)
    return meetings[0].date.year, meetings[-1].date.year
