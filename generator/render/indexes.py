"""Generated index pages: home, boards, meetings, decisions, people, strategies, indicators.

No index lists the whole site. A landing page holds one short row per board (or per letter)
plus a bounded "newest" or "upcoming" list; the long lists are split by board and year
(``registers``) or by board and letter (``directories``).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator import urls
from generator.render.directories import meetings_pages, people_pages
from generator.render.follow_pages import follow_page
from generator.render.followup_pages import follow_indexes
from generator.render.indicator_index import indicator_pages
from generator.render.organisation_page import organisations_index
from generator.render.pages import Page, Renderer, wide
from generator.render.registers import register_pages
from generator.site import followup
from generator.site import queries as ctx

__all__ = ["index_pages", "wide"]

LATEST = 10  # decisions and upcoming meetings on the home page


def index_pages(r: Renderer) -> Iterator[Page]:
    """Every index page, in a stable order."""
    site = r.site
    boards = sorted(site.boards.values(), key=lambda b: b.name)
    counts = {b.id: len(site.meetings_by_board.get(b.id, [])) for b in boards}
    yield r.page(
        urls.index_url("home"),
        "home.j2",
        r.site_name,
        f"What {len(boards)} public health and care boards decided, who sits on them and what is coming up.",
        boards=boards,
        counts=counts,
        upcoming=ctx.upcoming(site, r.today)[:LATEST],
        planned=followup.coming_up(site, r.today)[:LATEST],
        latest=ctx.decisions_newest_first(site)[:LATEST],
    )
    yield r.page(
        urls.index_url("boards"), "boards_index.j2", "Boards", "Every board on record.", boards=boards, counts=counts
    )
    yield organisations_index(r)
    yield from meetings_pages(r, boards)
    yield from register_pages(r, boards)
    yield from people_pages(r)
    strategies = sorted(site.strategies.values(), key=lambda s: (s.board_ids[0], s.title))
    yield r.page(
        urls.index_url("strategies"),
        "strategies_index.j2",
        "Strategies",
        "Strategies and plans of every board.",
        strategies=strategies,
    )
    yield from indicator_pages(r, boards)
    yield from follow_indexes(r)
    yield follow_page(r)
