"""Meetings and people indexes, split so no page lists the whole site.

Each landing page holds one short row per board (or per letter); the long lists live on
per-board pages (a board's meetings) or per-letter pages (people); indicator_index.py does the same for indicators.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from generator import urls
from generator.records.board import Board
from generator.records.meeting import Meeting
from generator.records.person import Person
from generator.render.pages import Page, Renderer, listing
from generator.site import queries as ctx
from generator.site.meetings import is_upcoming, was_held

UPCOMING = 20  # soonest meetings of every board on the meetings landing page
LETTERS = tuple(string.ascii_lowercase)


# --- meetings -----------------------------------------------------------------


@dataclass
class BoardMeetings:
    """A board's row on the meetings landing page."""

    board: Board
    count: int
    last_held: Meeting | None
    next: Meeting | None
    last: Meeting | None  # the last meeting on record, whatever became of it: where the record ends


def meetings_pages(r: Renderer, boards: list[Board]) -> Iterator[Page]:
    """``/meetings/`` (soonest meetings, one row per board), then ``/meetings/<board>/`` for every board."""
    yield meetings_index(r, boards)
    for board in boards:
        yield board_meetings_page(r, board, upcoming_of(r, board))


def upcoming_of(r: Renderer, board: Board) -> list[Meeting]:
    """The board's meetings still to come, soonest first (queries.upcoming's, reading only the board's)."""
    found = [m for m in ctx.meetings_of(r.site, board.id) if is_upcoming(r.site, m, r.today)]
    return sorted(found, key=lambda m: (m.date, m.board_id, m.id))


def meetings_index(r: Renderer, boards: list[Board]) -> Page:
    """``/meetings/``: the soonest meetings, and one row per board."""
    upcoming = ctx.upcoming(r.site, r.today)
    rows = [board_meetings(r, board, upcoming) for board in boards]
    return r.page(
        urls.index_url("meetings"),
        "meetings_index.j2",
        "Meetings",
        "Upcoming meetings of every board, and each board's meetings by year.",
        upcoming=upcoming[:UPCOMING],
        more=max(0, len(upcoming) - UPCOMING),
        rows=rows,
    )


def board_meetings(r: Renderer, board: Board, upcoming: list[Meeting]) -> BoardMeetings:
    """How many meetings a board has on record, the last it held and the next scheduled."""
    meetings = ctx.meetings_of(r.site, board.id)
    held = [m for m in meetings if m.date <= r.today and was_held(r.site, m)]
    soon = next((m for m in upcoming if m.board_id == board.id), None)
    return BoardMeetings(board, len(meetings), held[-1] if held else None, soon, meetings[-1] if meetings else None)


def board_meetings_page(r: Renderer, board: Board, upcoming: list[Meeting]) -> Page:
    """``/meetings/<board>/``: the board's upcoming meetings, then every other meeting by year, newest first."""
    pending = {id(m) for m in upcoming}
    past: dict[int, list[Meeting]] = {}
    for year, rows in ctx.meetings_by_year(r.site, board.id).items():
        kept = [m for m in rows if id(m) not in pending]
        if kept:
            past[year] = kept
    count = sum(len(rows) for rows in past.values()) + len(upcoming)
    return listing(
        r.page(
            urls.board_meetings_url(board.id),
            "meetings_board.j2",
            f"Meetings of {board.name}",
            f"{ctx.counted(count, 'meeting')} of {board.name} on record, by year, "
            "with agendas, attendance and minutes.",
            b=board,
            upcoming=upcoming,
            past=past,
            decision_years=ctx.decisions_by_year(r.site, board.id),
            decisions_of=lambda m: len(ctx.decisions_of_meeting(r.site, m)),
        )
    )


# --- people -------------------------------------------------------------------


def people_pages(r: Renderer) -> Iterator[Page]:
    """``/people/`` (the letters, with counts), then ``/people/a-z/<letter>/`` for every letter A to Z."""
    people = sorted(r.site.people.values(), key=ctx.surname_key)
    by_letter = {letter: list(rows) for letter, rows in groupby(people, key=ctx.letter_of)}
    letters = [*LETTERS, *([urls.OTHER_LETTER] if urls.OTHER_LETTER in by_letter else [])]
    groups = [(letter, by_letter.get(letter, [])) for letter in letters]
    yield r.page(
        urls.index_url("people"),
        "people_index.j2",
        "People A to Z",
        "Everyone named in the record in a public role, by the first letter of their surname.",
        groups=groups,
        count=len(people),
        letter_label=letter_label,
        surname=lambda person: person.name.split()[-1],
    )
    for i, (letter, rows) in enumerate(groups):
        around = (groups[i - 1][0] if i else None, groups[i + 1][0] if i + 1 < len(groups) else None)
        yield letter_page(r, letter, rows, groups, around)


def letter_label(letter: str) -> str:
    """How a letter page is named to readers: 'A', or 'Other' for surnames outside A to Z."""
    return "Other" if letter == urls.OTHER_LETTER else letter.upper()


def letter_page(
    r: Renderer,
    letter: str,
    rows: list[Person],
    groups: list[tuple[str, list[Person]]],
    around: tuple[str | None, str | None],
) -> Page:
    """``/people/a-z/<letter>/``: everyone whose surname starts with the letter, A to Z."""
    label = letter_label(letter)
    what = "a surname outside A to Z" if letter == urls.OTHER_LETTER else f"a surname starting with {label}"
    return listing(
        r.page(
            urls.people_letter_url(letter),
            "people_letter.j2",
            f"People A to Z: {label}",
            f"{ctx.counted(len(rows), 'person', 'people')} named in the record with {what}.",
            letter=letter,
            label=label,
            what=what,
            rows=rows,
            groups=groups,
            previous=around[0],
            following=around[1],
            letter_label=letter_label,
        )
    )
