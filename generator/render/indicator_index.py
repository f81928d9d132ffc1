"""The indicators landing page (one row per board) and each board's indicator overview.

No page lists every indicator of the site: the landing page holds a row of counts per board, and each
board's overview a row per indicator it watches, with the report's own rating and the computed
judgement in separate columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator import urls
from generator.records.board import Board
from generator.render.indicator_pages import groups_of, indicator_extra_pages
from generator.render.indicator_view import LEGEND, badge, spine
from generator.render.pages import Page, Renderer, listing, wide
from generator.site.overview import OverviewRow, board_overview, counts


@dataclass
class BoardIndicators:
    """A board's overview rows and how many are judged each way."""

    board: Board
    rows: list[OverviewRow]

    @property
    def counts(self) -> dict[str, int]:
        """Judged better, similar, worse (higher, lower), and rated by the report itself."""
        return counts(self.rows)

    @property
    def targets(self) -> dict[str, int]:
        """How many headlines met or missed their target for the period."""
        keys = [r.state.target.key for r in self.rows]
        return {k: keys.count(k) for k in ("met", "not-met") if keys.count(k)}


def indicator_pages(r: Renderer, boards: list[Board]) -> Iterator[Page]:
    """``/indicators/`` (one row of counts per board), each board's overview, the methods and compare pages."""
    yield indicators_index(r, boards)
    for board in boards:
        yield from board_indicators(r, board)
    yield from indicator_extra_pages(r)


def indicators_index(r: Renderer, boards: list[Board]) -> Page:
    """``/indicators/``: one row of counts per board."""
    site = r.site
    groups = [BoardIndicators(b, rows) for b in boards if (rows := board_overview(site, b.id))]
    return r.page(
        urls.index_url("indicators"),
        "indicators_index.j2",
        "Indicators",
        "How each board's area compares on the indicators it watches; each board has an overview of them.",
        groups=groups,
        badge=badge,
        judgements=LEGEND,
        compares=groups_of(site),
        methods=urls.indicator_methods_url(),
    )


def board_indicators(r: Renderer, board: Board) -> Iterator[Page]:
    """The board's overview of its indicators, if it watches any."""
    rows = board_overview(r.site, board.id)
    if not rows:
        return
    url = urls.board_indicators_url(board.id)
    yield listing(
        wide(
            r.page(
                url,
                "board_indicators.j2",
                f"Indicators: {board.name}",
                f"How {board.area or board.name} is doing on the indicators {board.short_name} watches.",
                b=board,
                rows=rows,
                badge=badge,
                spine=spine,
                judgements=LEGEND,
                methods=urls.relative(url, urls.indicator_methods_url()),
            )
        )
    )
