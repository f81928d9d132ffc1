"""The decisions register, split so no page grows with the site.

``/decisions/`` is a landing page (one short row per board and the newest decisions),
``/decisions/<board>/`` lists a board's years, and ``/decisions/<board>/<year>/`` lists that
board's decisions in that year: the largest page holds one board's one year.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator import urls
from generator.records.board import Board
from generator.render.pages import Page, Renderer, listing, wide
from generator.site import queries as ctx
from generator.site.graph import Decision

NEWEST = 25  # decisions across every board on the landing page


@dataclass
class Register:
    """One board's decisions by year, newest year first (years without decisions inside the span kept)."""

    board: Board
    years: dict[int, list[Decision]]

    @property
    def total(self) -> int:
        """Number of decisions of the board."""
        return sum(len(rows) for rows in self.years.values())

    @property
    def span(self) -> str:
        """The years covered, as text: '2013 to 2024', '2024', or ''."""
        years = list(self.years)
        if not years:
            return ""
        return str(years[0]) if len(years) == 1 else f"{years[-1]} to {years[0]}"


def meetings_count(decisions: list[Decision]) -> int:
    """Number of distinct meetings the decisions were made at."""
    return len({id(d.meeting) for d in decisions})


def register_pages(r: Renderer, boards: list[Board]) -> Iterator[Page]:
    """The landing page, then each board's register and its year pages."""
    yield register_landing(r, boards)
    for board in boards:
        yield from board_registers(r, board)


def register_landing(r: Renderer, boards: list[Board]) -> Page:
    """``/decisions/``, from every board's register."""
    return landing_page(r, [Register(board, ctx.decisions_by_year(r.site, board.id)) for board in boards])


def board_registers(r: Renderer, board: Board) -> Iterator[Page]:
    """A board's register and its year pages."""
    register = Register(board, ctx.decisions_by_year(r.site, board.id))
    yield board_register_page(r, register)
    yield from year_pages(r, register)


def landing_page(r: Renderer, registers: list[Register]) -> Page:
    """``/decisions/``: how the register is kept, one row per board, and the newest decisions."""
    newest = ctx.decisions_newest_first(r.site)[:NEWEST]
    return wide(
        r.page(
            urls.index_url("decisions"),
            "decisions_index.j2",
            "Decisions register",
            f"Every decision on record, kept by board and year, with the newest {NEWEST} from every board.",
            registers=registers,
            newest=newest,
            total=len(r.site.decisions),
        )
    )


def board_register_page(r: Renderer, register: Register) -> Page:
    """``/decisions/<board>/``: the board's years with counts (every board has one, even with none yet)."""
    board = register.board
    if register.total:
        description = f"{ctx.counted(register.total, 'decision')} of {board.name} from {register.span}, by year."
    else:
        description = f"No decisions of {board.name} are on record yet."
    return listing(
        r.page(
            urls.board_decisions_url(board.id),
            "decisions_board.j2",
            f"Decisions of {board.name}",
            description,
            b=board,
            register=register,
            meetings_count=meetings_count,
        )
    )


def year_pages(r: Renderer, register: Register) -> Iterator[Page]:
    """``/decisions/<board>/<year>/`` for each year of the register, linked to the years either side."""
    years = list(register.years)
    for i, year in enumerate(years):
        newer = years[i - 1] if i else None
        older = years[i + 1] if i + 1 < len(years) else None
        yield year_page(r, register.board, year, register.years[year], (older, newer))


def year_page(
    r: Renderer, board: Board, year: int, decisions: list[Decision], around: tuple[int | None, int | None]
) -> Page:
    """The register of one board's decisions in one year, newest first, in the landing's columns."""
    count = len(decisions)
    if count:
        meetings = ctx.counted(meetings_count(decisions), "meeting")
        description = f"{ctx.counted(count, 'decision')} of {board.name} in {year}, at {meetings}, newest first."
    else:
        description = f"No decisions of {board.name} are on record for {year}."
    return listing(
        wide(
            r.page(
                urls.decisions_year_url(board.id, year),
                "decisions_year.j2",
                f"Decisions of {board.name} in {year}",
                description,
                b=board,
                year=year,
                decisions=decisions,
                meetings=meetings_count(decisions),
                older=around[0],
                newer=around[1],
            )
        )
    )
