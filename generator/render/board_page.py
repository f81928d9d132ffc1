"""The page of a board: members, meetings, decisions, strategies and indicators."""

from __future__ import annotations

from generator import urls
from generator.records.board import Board
from generator.render import jsonld
from generator.render.follow_pages import follow_page
from generator.render.pages import PAGES, Page, PageMaker, Renderer, findable
from generator.site import queries as ctx

RECENT_MEETINGS = 10  # past meetings on a board page; the rest are on its meetings page, by year


def board_page(r: Renderer, board: Board) -> Page:
    """The page of one board."""
    meetings = ctx.meetings_of(r.site, board.id)
    held = [m for m in meetings if m.date <= r.today and m.status == "held"]
    as_of = min(r.today, held[-1].date) if held else r.today
    reason = "the date of its last meeting on record" if held and as_of < r.today else ""
    current, vacant, past = ctx.current_and_past(board, as_of)
    past_meetings = list(reversed([m for m in meetings if m.date < r.today or m.status == "held"]))
    url = urls.board_url(board.id)
    description = f"{board.name} ({board.authority}): members, meetings, decisions and strategies."
    page = r.page(
        url,
        "board.j2",
        board.name,
        description,
        b=board,
        as_of=as_of,
        as_of_reason=reason,
        current=current,
        vacant=vacant,
        past=past,
        upcoming=[m for m in meetings if m.date > r.today or (m.date == r.today and m.status != "held")],
        past_meetings=past_meetings[:RECENT_MEETINGS],
        meetings_count=len(meetings),
        decision_years=ctx.decisions_by_year(r.site, board.id),
        strategies=sorted((s for s in r.site.strategies.values() if board.id in s.board_ids), key=lambda s: s.id),
        indicators=sorted((i for i in r.site.indicators.values() if board.id in i.board_ids), key=lambda i: i.title),
        reports_from=sorted(r.site.reports_from.get(board.id, []), key=lambda b: b.name),
    )
    page.meta["jsonld"] = jsonld.board(r, board, current)
    page.feeds = [
        (f"Decisions of {board.name}", urls.decisions_feed_url(board.id)),
        (f"Meetings of {board.name}", urls.meetings_feed_url(board.id)),
    ]
    return findable(page, "Board", [board.name])


PAGES.register("boards", PageMaker("board.j2", lambda r, board: [board_page(r, board), follow_page(r, board)]))
