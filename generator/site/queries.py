"""Computed views of the site that several pages share (pure functions)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as dt_time
from zoneinfo import ZoneInfo

from generator.records.meeting import Item, Meeting
from generator.records.board import Board, Membership
from generator.records.person import Person
from generator.site.graph import Decision, Site, covers, grouping
from generator.site.meetings import is_upcoming, was_held
from generator.site.thresholds import MIN_MEETINGS_FOR_RATE
from generator.site.tracked import Tracked

LONDON = ZoneInfo("Europe/London")


def uk_date(day: date | None, weekday: bool = True) -> str:
    """Format a date as people in the UK write it: 'Monday 10 July 2017'."""
    if day is None:
        return ""
    text = f"{day.day} {day:%B %Y}"
    return f"{day:%A} {text}" if weekday else text


def local_time(day: date, time: str | None) -> str:
    """A meeting's day, or its day and London time with the UTC offset of that date (GMT or BST): 2024-06-20T14:00:00+01:00."""
    if not time:
        return day.isoformat()
    hour, minute = (int(part) for part in time.split(":"))
    return datetime.combine(day, dt_time(hour, minute), LONDON).isoformat()


def short_date(day: date | None) -> str:
    """Format a date briefly: '10 Jul 2017'."""
    return f"{day.day} {day:%b %Y}" if day else ""


def counted(n: int, one: str, many: str | None = None) -> str:
    """A count with its noun: '1 decision', '3 decisions', '2 people'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def surname_key(person: Person) -> tuple[str, str]:
    """Sort people A to Z by surname, then by full name."""
    return (person.name.split()[-1].lower(), person.name.lower())


def display_name(person: Person) -> str:
    """Name with honorific: 'Dr Adrian Canale-Parola'."""
    return f"{person.honorific} {person.name}" if person.honorific else person.name


def meetings_of(site: Site, board_id: str) -> list[Meeting]:
    """A board's meetings, oldest first."""
    return sorted(site.meetings_by_board.get(board_id, []), key=lambda m: (m.date, m.id))


def upcoming(site: Site, today: date) -> list[Meeting]:
    """Meetings still to come (on or after ``today``, neither held nor called off), soonest first."""
    found = [m for m in site.meetings.values() if is_upcoming(site, m, today)]
    return sorted(found, key=lambda m: (m.date, m.board_id, m.id))


def decisions_newest_first(site: Site) -> list[Decision]:
    """Every decision, newest meeting first, then in minute order."""
    ordered = sorted(site.decisions.values(), key=lambda d: (d.meeting.date, d.board.id, d.meeting.id))
    by_meeting: dict[tuple[date, str, str], list[Decision]] = {}
    for decision in ordered:
        by_meeting.setdefault((decision.meeting.date, decision.board.id, decision.meeting.id), []).append(decision)
    result: list[Decision] = []
    for key in sorted(by_meeting, reverse=True):
        result.extend(by_meeting[key])
    return result


def board_decisions(site: Site, board_id: str) -> list[Decision]:
    """A board's decisions, newest first (one site-wide sort, then a lookup by board)."""
    return site.grouped("decisions_by_board").get(board_id, [])


def decisions_by_year(site: Site, board_id: str) -> dict[int, list[Decision]]:
    """A board's decisions by year, newest year first: every year from its first decision to its last.

    A year with none inside that span is kept (empty), so a register page, once published, stays.
    """

    def by_year() -> dict[int, list[Decision]]:
        found: dict[int, list[Decision]] = {}
        for decision in board_decisions(site, board_id):
            found.setdefault(decision.meeting.date.year, []).append(decision)
        years = range(max(found), min(found) - 1, -1) if found else []
        return {year: found.get(year, []) for year in years}

    return site.memo("decisions_by_year", board_id, by_year)


def meetings_by_year(site: Site, board_id: str) -> dict[int, list[Meeting]]:
    """A board's meetings by year, newest year and newest meeting first."""
    found: dict[int, list[Meeting]] = {}
    for meeting in reversed(meetings_of(site, board_id)):
        found.setdefault(meeting.date.year, []).append(meeting)
    return found


def letter_of(person: Person) -> str:
    """The A to Z page a person is listed on: the surname's first letter without accents, or 'other'."""
    folded = unicodedata.normalize("NFKD", surname_key(person)[0])  # 'Ó' -> 'O' + combining accent
    first = next((c for c in folded if c.isalpha()), "")  # skips a leading apostrophe or digit
    return first if "a" <= first <= "z" else "other"


def decisions_of_meeting(site: Site, meeting: Meeting) -> dict[int, Decision]:
    """Decisions of a meeting keyed by id() of their resolution."""
    by_meeting = site.grouped("decisions")
    return {id(d.resolution): d for d in by_meeting.get(site.meeting_key(meeting), []) if d.meeting is meeting}


def neighbours(site: Site, meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
    """The board's previous and next meeting."""
    series = meetings_of(site, meeting.board_id)
    i = series.index(meeting)
    return (series[i - 1] if i else None, series[i + 1] if i + 1 < len(series) else None)


def current_and_past(board: Board, today: date) -> tuple[list[Membership], list[Membership], list[Membership]]:
    """Split seats into current members, vacancies and past members."""
    current = [m for m in board.memberships if covers(m, today) and not m.vacant]
    vacant = [m for m in board.memberships if covers(m, today) and m.vacant]
    past = [m for m in board.memberships if m.end is not None and m.end < today and not m.vacant]
    return current, vacant, past


@dataclass
class AttendanceRecord:
    """A person's attendance on one board, counted honestly."""

    board: Board
    eligible: int = 0
    present: int = 0
    apologies: int = 0
    substituted: int = 0  # sent a substitute, or temporarily replaced without one
    absent: int = 0
    first: Meeting | None = None  # the span of the meetings counted
    last: Meeting | None = None

    @property
    def percent(self) -> str:
        """Share of eligible meetings attended in person, or '' below MIN_MEETINGS_FOR_RATE (counts only)."""
        return f"{round(100 * self.present / self.eligible)}%" if self.eligible >= MIN_MEETINGS_FOR_RATE else ""


def attendance_of(site: Site, person: Person) -> list[AttendanceRecord]:
    """Count only meetings held, with a recorded attendance, while the person was a member.

    A seat without a start counts from the first meeting that lists the person: before it the record
    does not say they were a member, so those meetings are not counted as absences.
    """
    records = []
    for board in sorted({b.id: b for b, _ in site.memberships_of.get(person.id, [])}.values(), key=lambda b: b.id):
        record = AttendanceRecord(board)
        seats = [m for b, m in site.memberships_of[person.id] if b is board and m.role != "substitute"]
        seen = [m for m in meetings_of(site, board.id) if any(a.person_id == person.id for a in m.attendance)]
        for meeting in meetings_of(site, board.id):
            if not meeting.attendance or not was_held(site, meeting):
                continue
            if not any(_seat_covers(seat, meeting, seen) for seat in seats):
                continue
            record.eligible += 1
            record.first = record.first or meeting
            record.last = meeting
            _count(record, meeting, person.id)
        records.append(record)
    return records


def _seat_covers(seat: Membership, meeting: Meeting, seen: list[Meeting]) -> bool:
    """Whether the seat was held on the meeting's date, a seat without a start from the first meeting listing them."""
    if seat.start is None and (not seen or meeting.date < seen[0].date):
        return False
    return covers(seat, meeting.date)


def _count(record: AttendanceRecord, meeting: Meeting, person_id: str) -> None:
    status = {a.person_id: a.status for a in meeting.attendance}.get(person_id)
    replaced = status == "replaced" or any(person_id in a.replacing_ids for a in meeting.attendance)
    if status == "present":
        record.present += 1
    elif replaced:
        record.substituted += 1
    elif status == "apologies":
        record.apologies += 1
    else:
        record.absent += 1


def presented_by(site: Site, person_id: str) -> list[tuple[Meeting, Item]]:
    """Items a person presented or wrote, oldest first."""
    found = list(site.grouped("presented").get(person_id, []))
    return sorted(found, key=lambda pair: (pair[0].date, pair[0].board_id))


def presenter_ids(item: Item) -> list[str]:
    """The people who presented an item: by presenter_ids and among its presenters, each once."""
    return list(dict.fromkeys([*item.presenter_ids, *(p.person_id for p in item.presenters if p.person_id)]))


def declarations_by(site: Site, person_id: str) -> list[tuple[Meeting, object]]:
    """Declarations of interest a person made at meetings."""
    found = list(site.grouped("declared").get(person_id, []))
    return sorted(found, key=lambda pair: pair[0].date)


def actions_for(site: Site, decision: Decision) -> list[Tracked]:
    """Actions arising from a decision: those of its item that name its minute, or all of the item's."""
    by_meeting = site.grouped("actions_by_meeting")
    mine = [t for t in by_meeting.get(site.meeting_key(decision.meeting), []) if t.item is decision.item]
    named = [t for t in mine if t.action.resolution and t.action.resolution == decision.minute]
    return named or [t for t in mine if not t.action.resolution and t.origin == "resolution"]


@grouping("decisions_by_board")
def _decisions_by_board(site: Site) -> Iterable[tuple[str, Decision]]:
    return ((d.board.id, d) for d in decisions_newest_first(site))


@grouping("decisions")
def _decisions_by_meeting(site: Site) -> Iterable[tuple[str, Decision]]:
    return ((site.meeting_key(d.meeting), d) for d in site.decisions.values())


@grouping("presented")
def _presented(site: Site) -> Iterable[tuple[str, tuple[Meeting, Item]]]:
    return ((p, (m, i)) for m in site.meetings.values() for i in m.items for p in presenter_ids(i))


@grouping("declared")
def _declared(site: Site) -> Iterable[tuple[str, tuple[Meeting, object]]]:
    return ((d.person_id, (m, d)) for m in site.meetings.values() for d in m.declarations)


@grouping("actions_by_meeting")
def _actions_by_meeting(site: Site) -> Iterable[tuple[str, Tracked]]:
    return ((site.meeting_key(t.meeting), t) for t in site.actions if t.meeting and t.item)
