"""The page of a board: members, meetings, decisions, strategies and indicators."""

from __future__ import annotations

from generator import urls
from generator.records.board import Board
from generator.records.plan import Plan
from generator.render import jsonld
from generator.render.follow_pages import follow_page
from generator.render.pages import PAGES, Page, PageMaker, Renderer, findable
from generator.site import followup
from generator.site import organisations as orgs
from generator.site import queries as ctx
from generator.site.meetings import attendance_as_of, first_shown, is_upcoming, name_in_force

RECENT_MEETINGS = 10  # past meetings on a board page; the rest are on its meetings page, by year


def board_page(r: Renderer, board: Board) -> Page:
    """The page of one board."""
    meetings = ctx.meetings_of(r.site, board.id)
    latest = attendance_as_of(r.site, board.id, r.today)
    as_of = latest.date if latest else r.today
    current, vacant, past = ctx.current_and_past(board, as_of)
    upcoming = [m for m in meetings if is_upcoming(r.site, m, r.today)]
    past_meetings = list(reversed([m for m in meetings if m not in upcoming]))
    url = urls.board_url(board.id)
    made = followup.recommendations_of(r.site, board.id)
    owner = r.site.organisations.get(board.organisation_id or "")
    belongs = orgs.label(r.site, owner) if owner else board.authority
    description = f"{board.name}{f' ({belongs})' if belongs else ''}: members, meetings, decisions and strategies."
    page = r.page(
        url,
        "board.j2",
        board.name,
        description,
        b=board,
        as_of=as_of,
        as_of_meeting=latest,
        first_shown=lambda person_id: first_shown(r.site, board.id, person_id),
        name_at=lambda meeting: name_in_force(board, meeting.date)[0],
        current=current,
        vacant=vacant,
        past=past,
        upcoming=upcoming,
        past_meetings=past_meetings[:RECENT_MEETINGS],
        meetings_count=len(meetings),
        decision_years=ctx.decisions_by_year(r.site, board.id),
        strategies=sorted((s for s in r.site.strategies.values() if board.id in s.board_ids), key=lambda s: s.id),
        indicators=sorted((i for i in r.site.indicators.values() if board.id in i.board_ids), key=lambda i: i.title),
        reports_from=sorted(r.site.reports_from.get(board.id, []), key=lambda b: b.name),
        coming=followup.coming_up(r.site, r.today, board.id),
        programmes=sorted((w for w in r.site.work_programmes.values() if w.board_id == board.id), key=lambda w: w.id),
        made=made,
        state=lambda m: followup.response_state(m, r.today),
        plans=sorted(
            (p for p in r.site.plans.values() if _plan_of(p, board)),
            key=lambda p: p.title,
        ),
    )
    page.meta["jsonld"] = jsonld.board(r, board, current)
    page.feeds = [
        (f"Decisions of {board.name}", urls.decisions_feed_url(board.id)),
        (f"Meetings of {board.name}", urls.meetings_feed_url(board.id)),
    ]
    if made:
        page.feeds.append((f"Recommendations of {board.name}", urls.recommendations_feed_url(board.id)))
    return findable(page, "Board", [board.name])


def _plan_of(plan: Plan, board: Board) -> bool:
    """Whether a board owns or monitors a plan."""
    return board.id in plan.board_ids or any(owner.board_id == board.id for owner in plan.owners)


PAGES.register("boards", PageMaker("board.j2", lambda r, board: [board_page(r, board), follow_page(r, board)]))
