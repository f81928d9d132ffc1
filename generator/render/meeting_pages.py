"""The page of a meeting, and the permanent page of each of its decisions."""

from __future__ import annotations

from generator import urls
from generator.records.board import Board
from generator.records.common import DatedText
from generator.records.fields import slug
from generator.records.meeting import Attendance, Item, Meeting
from generator.render import jsonld
from generator.render.followup_pages import recommendation_page
from generator.render.indicator_view import badge
from generator.render.pages import PAGES, Page, PageMaker, Renderer, findable
from generator.site import followup
from generator.site import queries as ctx
from generator.site.graph import Decision
from generator.site.meetings import approvals, display_status, name_in_force, put_for_approval, was_held
from generator.site.queries import uk_date

ATTENDANCE_GROUPS = (
    ("present", "Members present"),
    ("substitute", "Substitutes"),
    ("apologies", "Apologies"),
    ("replaced", "Replaced for this meeting, no substitute named"),
    ("absent", "Absent"),
    ("officer", "Officers in attendance"),
    ("observer", "Observers"),
    ("guest", "Also in attendance"),
)


def meeting_page(r: Renderer, meeting: Meeting) -> Page:
    """The page of one meeting: attendance, agenda, minutes and resolutions."""
    board = r.site.boards[meeting.board_id]
    decisions = ctx.decisions_of_meeting(r.site, meeting)
    prev, nxt = ctx.neighbours(r.site, meeting)
    anchors = [item_anchor(item, i) for i, item in enumerate(meeting.items)]
    groups = [
        {"key": key, "label": label, "rows": [a for a in meeting.attendance if a.status == key]}
        for key, label in ATTENDANCE_GROUPS
    ]
    declared = [
        [d for d in meeting.declarations if d.item and d.item in (item.number, item.minute)] for item in meeting.items
    ]
    documents = sorted(
        r.site.grouped("documents", lambda s: ((d.meeting_id or "", d) for d in s.documents.values())).get(
            r.site.meeting_key(meeting), []
        ),
        key=lambda d: d.id,
    )
    url = urls.meeting_url(board.id, meeting.id)
    tracked = {id(t.action): t for t in r.site.actions if t.holder is meeting}
    name, short = name_in_force(board, meeting.date)
    status = display_status(r.site, meeting, r.today)
    title = f"{short}, {uk_date(meeting.date, weekday=False)}"
    description = f"{name} meeting on {uk_date(meeting.date)}: {status.label}, {len(meeting.items)} items."
    page = r.page(
        url,
        "meeting.j2",
        title,
        description,
        mt=meeting,
        board=board,
        board_name=name,
        status=status,
        held=was_held(r.site, meeting),
        approvals=approvals(r.site, meeting),
        put_for_approval=put_for_approval(r.site, meeting),
        replaced_by=replaced_by(meeting),
        present=sum(1 for a in meeting.attendance if a.status == "present"),
        substitutes=sum(1 for a in meeting.attendance if a.status == "substitute"),
        taking_part=meeting.taking_part or board_statement(board, meeting),
        anchors=anchors,
        attendance=[g for g in groups if g["rows"]],
        declared=declared,
        documents=documents,
        decision_of=lambda res: decisions[id(res)],
        prev=prev,
        next=nxt,
        has_minutes=any(item.minutes or item.resolutions for item in meeting.items),
        tracked=lambda action: tracked[id(action)],
        recommendations_at=lambda item: followup.recommendations_at(r.site, meeting, item),
        state=lambda made: followup.response_state(made, r.today),
        plans_at=lambda item: followup.plans_received(r.site, meeting, item),
        planned_at=lambda item: followup.planned_for(r.site, meeting, item),
        planned_here=[p for p in followup.planned(r.site) if p.target is meeting and p.heard is None],
        permalink=r.site_url + url,
    )
    page.meta["jsonld"] = jsonld.meeting(r, meeting, board)
    return findable(page, "Meeting", [board.name], meeting.date.year)


def board_statement(board: Board, meeting: Meeting) -> DatedText | None:
    """The board's own 'taking part' text, for a meeting on or after its date (a later text may not have held)."""
    text = board.taking_part
    return text if text and text.date and text.date <= meeting.date else None


def item_anchor(item: Item, index: int) -> str:
    """The anchor of an item: its number or minute, or its place for an unnumbered item ('p3': the third)."""
    return slug(item.number or item.minute or "") if item.number or item.minute else f"p{index + 1}"


def replaced_by(meeting: Meeting) -> dict[str, list[Attendance]]:
    """Member id -> the substitutes that name them in replacing_ids (pairing as the minutes print it)."""
    found: dict[str, list[Attendance]] = {}
    for entry in meeting.attendance:
        for member in entry.replacing_ids:
            found.setdefault(member, []).append(entry)
    return found


def decision_page(r: Renderer, decision: Decision) -> Page:
    """The permanent page of one resolution."""
    res = decision.resolution
    strategies = [r.site.strategies[s] for s in res.strategy_ids]
    indicators = [r.site.indicators[i] for i in res.indicator_ids]
    adopted = sorted((s for s in r.site.strategies.values() if s.adopted_by == decision.key), key=lambda s: s.id)
    _, short = name_in_force(decision.board, decision.meeting.date)
    title = f"{decision.item.title} ({short}, {uk_date(decision.meeting.date, weekday=False)})"
    text = " ".join(p.text for p in res.parts)
    description = f"{decision.board.name}, {uk_date(decision.meeting.date)}, minute {decision.minute}: {text}"[:300]
    page = r.page(
        decision.url,
        "decision.j2",
        title,
        description,
        d=decision,
        strategies=strategies,
        indicators=indicators,
        latest_values=r.latest_values(res.indicator_ids),
        badge=badge,
        actions=ctx.actions_for(r.site, decision),
        made=[m for m in r.site.recommendations.values() if m.decision is decision],
        state=lambda made: followup.response_state(made, r.today),
        adopted=adopted,
        permalink=r.site_url + decision.url,
    )
    return findable(page, "Decision", [decision.board.name], decision.meeting.date.year)


def meeting_pages(r: Renderer, meeting: Meeting) -> list[Page]:
    """A meeting's page, its decisions' pages and its recommendations' pages."""
    decisions = sorted(ctx.decisions_of_meeting(r.site, meeting).values(), key=lambda d: d.key)
    made = [m for item in meeting.items for m in followup.recommendations_at(r.site, meeting, item)]
    return [
        meeting_page(r, meeting),
        *(decision_page(r, d) for d in decisions),
        *(recommendation_page(r, m) for m in made),
    ]


PAGES.register("meetings", PageMaker("meeting.j2", meeting_pages))
