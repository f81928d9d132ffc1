"""Generated index pages: home, boards, meetings, decisions, people, strategies, indicators.

No index lists the whole site. A landing page holds one short row per board (or per letter)
plus a bounded "newest" or "upcoming" list; the long lists are split by board and year
(``registers``) or by board and letter (``directories``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

from generator import urls
from generator.render.directories import board_meetings_page, meetings_index, people_pages, upcoming_of
from generator.render.follow_pages import follow_page
from generator.render.followup_pages import follow_indexes
from generator.render.governance_pages import governance_pages
from generator.render.home_page import home_page
from generator.render.indicator_index import board_indicators, indicators_index
from generator.render.indicator_pages import indicator_extra_pages
from generator.render.organisation_page import organisations_index
from generator.render.pages import Page, Renderer, wide
from generator.render.registers import board_registers, register_landing

__all__ = ["index_groups", "index_pages", "wide"]


Group = tuple[str, Callable[[], Iterable[Page]]]


def index_pages(r: Renderer) -> Iterator[Page]:
    """Every index page, in a stable order."""
    for _, make in index_groups(r):
        yield from make()


def index_groups(r: Renderer) -> Iterator[Group]:
    """The index pages in groups that can be rendered alone (a cached build's units, render.render_units):
    the site-wide lists, the indicators' lists, the follow-up lists, people by letter, how the boards are
    run, and each board's own lists and its indicators' overview, so that an edit to one board's meeting
    renders again that board's lists, not every board's, and computes no indicator."""
    boards = sorted(r.site.boards.values(), key=lambda b: b.name)
    yield "site", partial(site_indexes, r)
    yield "indicators", partial(indicator_indexes, r)
    yield "follow", partial(follow_indexes_and_page, r)
    yield "people", partial(people_pages, r)
    yield "governance", partial(governance_pages, r)
    for board in boards:
        yield f"board/{board.id}", partial(board_indexes, r, board.id)
        yield f"board/{board.id}/indicators", partial(board_indicators, r, board)


def site_indexes(r: Renderer) -> Iterator[Page]:
    """The lists of the whole site: home, boards, organisations, meetings, decisions and strategies."""
    site = r.site
    boards = sorted(site.boards.values(), key=lambda b: b.name)
    counts = {b.id: len(site.meetings_by_board.get(b.id, [])) for b in boards}
    yield home_page(r, boards, counts)
    yield r.page(
        urls.index_url("boards"), "boards_index.j2", "Boards", "Every board on record.", boards=boards, counts=counts
    )
    yield organisations_index(r)
    yield meetings_index(r, boards)
    yield register_landing(r, boards)
    strategies = sorted(site.strategies.values(), key=lambda s: (s.board_ids[0], s.title))
    yield r.page(
        urls.index_url("strategies"),
        "strategies_index.j2",
        "Strategies",
        "Strategies and plans of every board.",
        strategies=strategies,
    )


def indicator_indexes(r: Renderer) -> Iterator[Page]:
    """The indicators' lists: a unit of its own, so that a meeting's edit does not compute every indicator again."""
    yield indicators_index(r, sorted(r.site.boards.values(), key=lambda b: b.name))
    yield from indicator_extra_pages(r)


def follow_indexes_and_page(r: Renderer) -> Iterator[Page]:
    """The follow-up lists (plans, recommendations) and the page on following the site."""
    yield from follow_indexes(r)
    yield follow_page(r)


def board_indexes(r: Renderer, board_id: str) -> Iterator[Page]:
    """One board's lists: its meetings by year, its register and year pages (its indicators' overview is a
    unit of its own: a meeting's edit need not compute every indicator again)."""
    board = r.site.boards[board_id]
    yield board_meetings_page(r, board, upcoming_of(r, board))
    yield from board_registers(r, board)
