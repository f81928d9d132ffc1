"""The pages of strategies and documents."""

from __future__ import annotations

from generator import urls
from generator.records.document import Document
from generator.records.strategy import Strategy
from generator.render.indicator_view import LEGEND, badge
from generator.render.pages import PAGES, Page, PageMaker, Renderer, findable
from generator.site.tracked import Tracked


def strategy_page(r: Renderer, strategy: Strategy) -> Page:
    """The page of one strategy with its priorities and decisions."""
    priority_actions: dict[str, list[Tracked]] = {p.id: [] for p in strategy.priorities}
    served = r.site.grouped(
        "priority_actions",
        lambda s: (
            (sid, t) for t in s.actions for sid in dict.fromkeys(ref.partition("/")[0] for ref in t.action.priority_ids)
        ),
    )
    for tracked in served.get(strategy.id, []):
        for ref in tracked.action.priority_ids:
            sid, _, pid = ref.partition("/")
            if sid == strategy.id and pid in priority_actions:
                priority_actions[pid].append(tracked)
    ids = [i for p in strategy.priorities for i in p.indicator_ids]
    description = f"{strategy.title}: priorities, indicators and the decisions that adopted and reviewed it."
    page = r.page(
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
    return findable(page, "Strategy", r.board_names(strategy.board_ids))


def document_page(r: Renderer, document: Document) -> Page:
    """The page of one source document."""
    meeting = r.site.meetings.get(document.meeting_id or "")
    page = r.page(
        urls.document_url(document.id),
        "document.j2",
        document.title,
        f"{document.title}: a source document of the record.",
        doc=document,
        meeting=meeting,
    )
    day = document.published or (meeting.date if meeting else None)
    return findable(page, "Document", r.board_names([meeting.board_id] if meeting else []), day.year if day else None)


PAGES.register("strategies", PageMaker("strategy.j2", lambda r, strategy: [strategy_page(r, strategy)]))
PAGES.register("documents", PageMaker("document.j2", lambda r, document: [document_page(r, document)]))
