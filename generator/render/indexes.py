"""Generated index pages: home, boards, meetings, decisions, people, strategies, indicators."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from generator import urls
from generator.render import context as ctx
from generator.render.indicator_view import LEGEND, badge, indicator_state, spine
from generator.render.pages import Page, Renderer


def wide(page: Page) -> Page:
    """Give a page of wide tables the full width (Material hides the side columns)."""
    page.meta["hide"] = ["navigation", "toc"]
    return page


def index_pages(r: Renderer) -> Iterator[Page]:
    """Every index page, in a stable order."""
    site = r.site
    boards = sorted(site.boards.values(), key=lambda b: b.name)
    counts = {b.id: len(site.meetings_by_board.get(b.id, [])) for b in boards}
    decisions = ctx.decisions_newest_first(site)
    upcoming = ctx.upcoming(site, r.today)
    yield r.page(
        urls.index_url("home"),
        "home.j2",
        r.site_name,
        f"What {len(boards)} public health and care boards decided, who sits on them and what is coming up.",
        boards=boards,
        counts=counts,
        upcoming=upcoming[:10],
        latest=decisions[:10],
    )
    yield r.page(
        urls.index_url("boards"), "boards_index.j2", "Boards", "Every board on record.", boards=boards, counts=counts
    )
    past = [(b, list(reversed([m for m in ctx.meetings_of(site, b.id) if m not in upcoming]))) for b in boards]
    yield r.page(
        urls.index_url("meetings"),
        "meetings_index.j2",
        "Meetings",
        "Upcoming and past meetings of every board.",
        upcoming=upcoming,
        past=[(b, rows) for b, rows in past if rows],
    )
    yield wide(
        r.page(
            urls.index_url("decisions"),
            "decisions_index.j2",
            "Decisions register",
            "Every decision on record, newest first, with board, date and outcome.",
            decisions=decisions,
        )
    )
    people = sorted(site.people.values(), key=ctx.surname_key)
    groups = [(letter, list(rows)) for letter, rows in groupby(people, key=lambda p: ctx.surname_key(p)[0][:1].upper())]
    yield r.page(
        urls.index_url("people"),
        "people_index.j2",
        "People A to Z",
        "Everyone named in the record in a public role.",
        groups=groups,
        count=len(people),
    )
    strategies = sorted(site.strategies.values(), key=lambda s: (s.board_ids[0], s.title))
    yield r.page(
        urls.index_url("strategies"),
        "strategies_index.j2",
        "Strategies",
        "Strategies and plans of every board.",
        strategies=strategies,
    )
    by_board = []
    for board in boards:
        rows = sorted((i for i in site.indicators.values() if board.id in i.board_ids), key=lambda i: i.title)
        if rows:
            by_board.append((board, [indicator_state(site, i) for i in rows]))
    yield wide(
        r.page(
            urls.index_url("indicators"),
            "indicators_index.j2",
            "Indicators",
            "Every indicator the boards watch: latest value, comparison, target and trend.",
            groups=by_board,
            badge=badge,
            spine=lambda state: spine(site, state),
            judgements=LEGEND,
        )
    )
    for board, rows in by_board:
        yield wide(
            r.page(
                urls.board_indicators_url(board.id),
                "indicators_index.j2",
                f"Indicators: {board.name}",
                f"How {board.area or board.name} is doing on the indicators {board.short_name} watches.",
                groups=[(board, rows)],
                badge=badge,
                spine=lambda state: spine(site, state),
                judgements=LEGEND,
            )
        )
