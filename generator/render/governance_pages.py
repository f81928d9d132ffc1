"""The governance pages: each board's detail (/boards/<id>/governance/), the comparison across boards
(/governance/) and the methods page (/governance/methods/)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator import urls
from generator.render import governance_words
from generator.render.governance_chart import dot_chart
from generator.render.pages import Page, Renderer, findable, wide
from generator.site.governance import COLUMNS, KIND_GROUPS, comparison_rows, every_board, governed
from generator.site.governance_follow import STALE_DAYS
from generator.site.thresholds import MIN_MEETINGS_FOR_RATE, RATE_REASON


def governance_pages(r: Renderer) -> Iterator[Page]:
    """The comparison page, the methods page, then one detail page per board with a meeting on record."""
    boards = governed(r.site, r.today)
    table = comparison_rows(r.site, r.today)
    rows: list[dict[str, Any]] = table
    groups = [(key, heading, [row for row in rows if row["group"] == key]) for key, heading, _ in KIND_GROUPS]
    chart = dot_chart(boards)
    yield wide(
        r.page(
            urls.index_url("governance"),
            "governance_index.j2",
            "How the boards are run",
            "Agenda notice, minutes approval, attendance, quorum and follow-up of every board, from the record.",
            groups=[g for g in groups if g[2]],
            by_id={g.board.id: g for g in boards},
            words=governance_words,
            chart=chart,
            threshold=MIN_MEETINGS_FOR_RATE,
        )
    )
    yield findable(
        r.page(
            urls.governance_methods_url(),
            "governance_methods.j2",
            "How the governance figures are worked out",
            "Definitions, source fields, legal basis and limits of every figure of how the boards are run.",
            reference=r.site.reference,
            columns=COLUMNS,
            threshold=MIN_MEETINGS_FOR_RATE,
            rate_reason=RATE_REASON,
            stale_days=STALE_DAYS,
        ),
        "Methods",
    )
    for g in every_board(r.site, r.today):  # every board has the page, so its address never goes away
        yield findable(
            r.page(
                urls.board_governance_url(g.board.id),
                "board_governance.j2",
                f"How {g.board.name} is run",
                f"Agenda notice, minutes, quorum, attendance and follow-up of {g.board.short_name}, from the record.",
                b=g.board,
                gov=g,
                words=governance_words,
            ),
            "How a board is run",
            [g.board.name],
        )
