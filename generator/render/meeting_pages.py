"""The page of a meeting, and the permanent page of each of its decisions."""

from __future__ import annotations

from generator import urls
from generator.records.fields import slug
from generator.records.meeting import Meeting
from generator.render import jsonld
from generator.render.indicator_view import badge
from generator.render.pages import PAGES, Page, PageMaker, Renderer, findable
from generator.site import queries as ctx
from generator.site.graph import Decision
from generator.site.queries import uk_date

ATTENDANCE_GROUPS = (
    ("present", "Members present"),
    ("substitute", "Substitutes"),
    ("apologies", "Apologies"),
    ("absent", "Absent"),
    ("officer", "Officers in attendance"),
    ("guest", "Also in attendance"),
)


def meeting_page(r: Renderer, meeting: Meeting) -> Page:
    """The page of one meeting: attendance, agenda, minutes and resolutions."""
    board = r.site.boards[meeting.board_id]
    decisions = ctx.decisions_of_meeting(r.site, meeting)
    prev, nxt = ctx.neighbours(r.site, meeting)
    anchors = [slug(item.number or item.minute or str(i)) for i, item in enumerate(meeting.items)]
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
    title = f"{board.short_name}, {uk_date(meeting.date, weekday=False)}"
    description = f"{board.name} meeting on {uk_date(meeting.date)}: {meeting.status}, {len(meeting.items)} items."
    page = r.page(
        url,
        "meeting.j2",
        title,
        description,
        mt=meeting,
        board=board,
        anchors=anchors,
        attendance=[g for g in groups if g["rows"]],
        declared=declared,
        documents=documents,
        decision_of=lambda res: decisions[id(res)],
        prev=prev,
        next=nxt,
        has_minutes=any(item.minutes or item.resolutions for item in meeting.items),
        permalink=r.site_url + url,
    )
    page.meta["jsonld"] = jsonld.meeting(r, meeting, board)
    return findable(page, "Meeting", [board.name], meeting.date.year)


def decision_page(r: Renderer, decision: Decision) -> Page:
    """The permanent page of one resolution."""
    res = decision.resolution
    strategies = [r.site.strategies[s] for s in res.strategy_ids]
    indicators = [r.site.indicators[i] for i in res.indicator_ids]
    adopted = sorted((s for s in r.site.strategies.values() if s.adopted_by == decision.key), key=lambda s: s.id)
    title = f"{decision.item.title} ({decision.board.short_name}, {uk_date(decision.meeting.date, weekday=False)})"
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
        adopted=adopted,
        permalink=r.site_url + decision.url,
    )
    return findable(page, "Decision", [decision.board.name], decision.meeting.date.year)


def meeting_pages(r: Renderer, meeting: Meeting) -> list[Page]:
    """A meeting's page and its decisions' pages."""
    decisions = sorted(ctx.decisions_of_meeting(r.site, meeting).values(), key=lambda d: d.key)
    return [meeting_page(r, meeting), *(decision_page(r, d) for d in decisions)]


PAGES.register("meetings", PageMaker("meeting.j2", meeting_pages))
