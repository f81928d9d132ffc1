"""Record pages: one pure function per kind, site -> (url, meta, body)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import jinja2
from markupsafe import Markup

from generator import urls
from generator.records.models import Board, Document, Indicator, Meeting, Person, Strategy
from generator.render import jsonld
from generator.render.charts import chart_svg
from generator.render.env import Linker, plain, tidy
from generator.render.indicator_view import LEGEND, IndicatorState, badge, indicator_state
from generator.render.markup import meta_text, uk_date
from generator.site import queries as ctx
from generator.site import stats
from generator.site.graph import Decision, Site

RECENT_MEETINGS = 10  # past meetings on a board page; the rest are on its meetings page, by year

ATTENDANCE_GROUPS = (
    ("present", "Members present"),
    ("substitute", "Substitutes"),
    ("apologies", "Apologies"),
    ("absent", "Absent"),
    ("officer", "Officers in attendance"),
    ("guest", "Also in attendance"),
)


@dataclass
class Page:
    """A page to write: its URL, front matter and HTML body."""

    url: str
    title: str
    description: str
    body: str
    meta: dict[str, Any] = field(default_factory=dict)
    feeds: list[tuple[str, str]] = field(default_factory=list)  # (title, URL) besides the site's own


@dataclass
class Renderer:
    """Renders pages of one site with one environment and one build date."""

    site: Site
    env: jinja2.Environment
    today: date
    site_name: str
    site_url: str

    def page(self, url: str, template: str, title: str, description: str, **values: Any) -> Page:
        """Render ``template`` for the page at ``url``."""
        body = self.env.get_template(template).render(
            site=self.site, L=Linker(url), today=self.today, site_name=self.site_name, **values
        )
        return Page(url, title, plain(description), tidy(body))

    def latest_values(self, indicator_ids: list[str]) -> dict[str, IndicatorState]:
        """The latest state of each indicator: value, comparisons, target and trend."""
        known = [iid for iid in indicator_ids if iid in self.site.indicators]
        cache = self.site.lookups.setdefault("indicator_state", {})  # one computation per indicator, not per page
        for iid in known:
            if iid not in cache:
                cache[iid] = indicator_state(self.site, self.site.indicators[iid])
        return {iid: cache[iid] for iid in known}


def listing(page: Page) -> Page:
    """Index a page of rows by its heading and introduction only (each row has its own page)."""
    page.meta["search"] = {"listing": True}
    return page


def wide(page: Page) -> Page:
    """Give a page of wide tables the full width (Material hides the side columns)."""
    page.meta["hide"] = ["navigation", "toc"]
    return page


def latest_value(site: Site, indicator: Indicator) -> Any:
    """The latest row in time order for the indicator's own area that has a value."""
    row = stats.latest(indicator, site.values(indicator.id))
    return row if row is not None and row.value is not None else None


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
    return page


def meeting_page(r: Renderer, meeting: Meeting) -> Page:
    """The page of one meeting: attendance, agenda, minutes and resolutions."""
    board = r.site.boards[meeting.board_id]
    decisions = ctx.decisions_of_meeting(r.site, meeting)
    prev, nxt = ctx.neighbours(r.site, meeting)
    anchors = [urls.slug(item.number or item.minute or str(i)) for i, item in enumerate(meeting.items)]
    groups = [
        {"key": key, "label": label, "rows": [a for a in meeting.attendance if a.status == key]}
        for key, label in ATTENDANCE_GROUPS
    ]
    declared = [
        [d for d in meeting.declarations if d.item and d.item in (item.number, item.minute)] for item in meeting.items
    ]
    documents = sorted(
        r.site.grouped("documents", lambda s: ((d.meeting_id, d) for d in s.documents.values())).get(
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
    )
    page.meta["jsonld"] = jsonld.meeting(r, meeting, board)
    return page


def decision_page(r: Renderer, decision: Decision) -> Page:
    """The permanent page of one resolution."""
    res = decision.resolution
    strategies = [r.site.strategies[s] for s in res.strategy_ids]
    indicators = [r.site.indicators[i] for i in res.indicator_ids]
    adopted = sorted((s for s in r.site.strategies.values() if s.adopted_by == decision.key), key=lambda s: s.id)
    title = f"{decision.item.title} ({decision.board.short_name}, {uk_date(decision.meeting.date, weekday=False)})"
    text = " ".join(p.text for p in res.parts)
    description = f"{decision.board.name}, {uk_date(decision.meeting.date)}, minute {decision.minute}: {text}"[:300]
    return r.page(
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


def person_page(r: Renderer, person: Person) -> Page:
    """The page of one person in their public roles."""
    roles = sorted(r.site.memberships_of.get(person.id, []), key=lambda bm: (bm[0].id, str(bm[1].start)))
    appearances = sorted(
        (
            (m, a)
            for m in r.site.attended(person.id)
            for a in m.attendance
            if a.person_id == person.id and a.status in ("substitute", "officer", "guest")
        ),
        key=lambda pair: pair[0].date,
    )
    role_text = ", ".join(filter(None, [person.job_title, person.organisation]))
    description = f"{ctx.display_name(person)}{': ' + role_text if role_text else ''}. Roles, attendance and interests."
    page = r.page(
        urls.person_url(person.id),
        "person.j2",
        ctx.display_name(person),
        description,
        p=person,
        roles=roles,
        attendance=ctx.attendance_of(r.site, person),
        appearances=appearances,
        presented=ctx.presented_by(r.site, person.id),
        declarations=ctx.declarations_by(r.site, person.id),
    )
    page.meta["jsonld"] = jsonld.person(r, person, roles)
    return page


def strategy_page(r: Renderer, strategy: Strategy) -> Page:
    """The page of one strategy with its priorities and decisions."""
    priority_actions: dict[str, list] = {p.id: [] for p in strategy.priorities}
    served = r.site.grouped(
        "priority_actions",
        lambda s: (
            (sid, (m, i, a))
            for m, i, a in s.actions
            for sid in dict.fromkeys(ref.partition("/")[0] for ref in a.priority_ids)
        ),
    )
    for meeting, item, action in served.get(strategy.id, []):
        for ref in action.priority_ids:
            sid, _, pid = ref.partition("/")
            if sid == strategy.id and pid in priority_actions:
                priority_actions[pid].append((meeting, item, action))
    ids = [i for p in strategy.priorities for i in p.indicator_ids]
    description = f"{strategy.title}: priorities, indicators and the decisions that adopted and reviewed it."
    return r.page(
        urls.strategy_url(strategy.id),
        "strategy.j2",
        strategy.title,
        description,
        s=strategy,
        adopted=r.site.decisions.get(strategy.adopted_by or ""),
        latest_values=r.latest_values(ids),
        decisions=r.site.decisions_citing.get(strategy.id, []),
        priority_actions=priority_actions,
        badge=badge,
        not_compared=LEGEND["not-compared"],
    )


def indicator_page(r: Renderer, indicator: Indicator) -> Page:
    """The page of one indicator: summary, chart, judgements, every value as a table."""
    raw = r.site.values(indicator.id)
    order = {p: k for k, p in enumerate(stats.sort_periods([v.period for v in raw]))}
    values = sorted(raw, key=lambda v: order[v.period])
    has = {
        "ci": any(v.lower_ci is not None for v in values),
        "count": any(v.count is not None for v in values),
        "denominator": any(v.denominator is not None for v in values),
        "target": any(v.target is not None for v in values),
        "note": any(v.note for v in values),
    }
    strategies = [
        (s, p)
        for s in sorted(r.site.strategies.values(), key=lambda s: s.id)
        for p in s.priorities
        if indicator.id in p.indicator_ids
    ]
    state = indicator_state(r.site, indicator)
    url = urls.indicator_url(indicator.id)
    return r.page(
        url,
        "indicator.j2",
        indicator.title,
        state.summary,
        i=indicator,
        state=state,
        chart=Markup(chart_svg(indicator, raw, state.summary)),
        badge=badge,
        csv_link=urls.relative(url, urls.indicator_csv_url(indicator.id)),
        values=values,
        has=has,
        strategies=strategies,
        decisions=r.site.decisions_citing.get(indicator.id, []),
    )


def document_page(r: Renderer, document: Document) -> Page:
    """The page of one source document."""
    meeting = r.site.meetings.get(document.meeting_id or "")
    return r.page(
        urls.document_url(document.id),
        "document.j2",
        document.title,
        f"{document.title}: a source document of the record.",
        doc=document,
        meeting=meeting,
    )


def record_pages(r: Renderer) -> Iterator[Page]:
    """Every record page, in a stable order."""
    site = r.site
    yield from (board_page(r, site.boards[k]) for k in sorted(site.boards))
    yield from (meeting_page(r, site.meetings[k]) for k in sorted(site.meetings))
    yield from (decision_page(r, site.decisions[k]) for k in sorted(site.decisions))
    yield from (person_page(r, site.people[k]) for k in sorted(site.people))
    yield from (strategy_page(r, site.strategies[k]) for k in sorted(site.strategies))
    yield from (indicator_page(r, site.indicators[k]) for k in sorted(site.indicators))
    yield from (document_page(r, site.documents[k]) for k in sorted(site.documents))


def pages_of(r: Renderer, kind: str, key: str) -> list[Page]:
    """The pages that show one record as their subject: a meeting's page and its decisions' pages."""
    site = r.site
    if kind == "meetings":
        meeting = site.meetings.get(key)
        if meeting is None:
            return []
        decisions = sorted(ctx.decisions_of_meeting(site, meeting).values(), key=lambda d: d.key)
        return [meeting_page(r, meeting), *(decision_page(r, d) for d in decisions)]
    makers = {
        "boards": board_page,
        "people": person_page,
        "strategies": strategy_page,
        "indicators": indicator_page,
        "documents": document_page,
    }
    record = getattr(site, kind).get(key)
    return [makers[kind](r, record)] if record is not None else []


SITE_FEEDS = (
    ("Decisions of every board", urls.decisions_feed_url()),
    ("Upcoming meetings of every board", urls.upcoming_feed_url()),
)


def feeds(page: Page) -> list[dict[str, str]]:
    """The Atom feeds a feed reader finds in the page's head: the site's, then the page's board's.

    Titles are record text: overrides/main.html escapes them.
    """
    return [{"title": title, "href": urls.relative(page.url, url)} for title, url in (*SITE_FEEDS, *page.feeds)]


def front(page: Page) -> dict[str, Any]:
    """Front matter for a page; title and description are escaped for MkDocs' templates."""
    return {
        "title": meta_text(page.title),
        "description": meta_text(page.description),
        "feeds": feeds(page),
        **page.meta,
    }
