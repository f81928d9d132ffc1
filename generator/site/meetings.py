"""What a meeting's record shows once read with the rest: its status to display, its minutes' approval,
the board's name on its date, and when a member first appears.

Nothing here is stored: a past meeting is never "scheduled", and a meeting whose minutes no later meeting
approves reads "approval not on record", never "draft".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.records.board import Board
from generator.records.meeting import Item, Meeting
from generator.site.graph import Site

Approval = tuple[Meeting, Item]  # the later meeting, and its item that approves (or puts for approval)


@dataclass(frozen=True)
class Status:
    """A meeting's status as pages show it: a key for styling and the words readers see."""

    key: str
    label: str


STATUSES = {
    "upcoming": Status("upcoming", "Upcoming"),
    "held": Status("held", "Held"),
    "held-no-minutes": Status("held-no-minutes", "Held; minutes not on record"),
    "date-passed": Status("date-passed", "Date passed; not recorded whether it was held"),
    "cancelled": Status("cancelled", "Cancelled"),
    "postponed": Status("postponed", "Postponed"),
    "set": Status("set", "Set for this date"),
    "not-recorded": Status("not-recorded", "Status not recorded"),
}


def has_minutes(meeting: Meeting) -> bool:
    """Whether any minute of the meeting is on record (minute text or a resolution)."""
    return any(item.minutes or item.resolutions for item in meeting.items)


def was_held(site: Site, meeting: Meeting) -> bool:
    """The record shows the meeting took place: it says so, or lists who attended, or holds its minutes,
    or a later meeting approved its minutes."""
    if meeting.status in ("cancelled", "postponed"):
        return False
    return bool(meeting.status == "held" or meeting.attendance or has_minutes(meeting) or approvals(site, meeting))


def display_status(site: Site, meeting: Meeting, today: date) -> Status:
    """The status pages show, from the record's facts and the build date."""
    if meeting.status in ("cancelled", "postponed"):
        return STATUSES[meeting.status]
    if was_held(site, meeting):
        return STATUSES["held" if has_minutes(meeting) else "held-no-minutes"]
    return STATUSES["upcoming" if meeting.date >= today else "date-passed"]


def record_status(site: Site, meeting: Meeting) -> Status:
    """The status from the record alone, whatever the date (feeds and calendars must not change with the build date)."""
    if meeting.status in ("cancelled", "postponed"):
        return STATUSES[meeting.status]
    if was_held(site, meeting):
        return STATUSES["held" if has_minutes(meeting) else "held-no-minutes"]
    return STATUSES["set" if meeting.status == "scheduled" else "not-recorded"]


def is_upcoming(site: Site, meeting: Meeting, today: date) -> bool:
    """Whether the meeting is still to come: on or after ``today`` and neither held nor called off."""
    return display_status(site, meeting, today).key == "upcoming"


def _later(site: Site, field: str) -> dict[str, list[Approval]]:
    """Meeting key -> the later meetings' items that name it in ``field``."""
    return site.grouped(
        field,
        lambda s: (
            (f"{m.board_id}/{earlier}", (m, item))
            for m in sorted(s.meetings.values(), key=lambda m: (m.date, m.id))
            for item in m.items
            for earlier in getattr(item, field)
        ),
    )


def approvals(site: Site, meeting: Meeting) -> list[Approval]:
    """The later meetings whose minutes approved this meeting's minutes as a correct record."""
    return _later(site, "approves_minutes_of").get(site.meeting_key(meeting), [])


def put_for_approval(site: Site, meeting: Meeting) -> list[Approval]:
    """The later agendas that put this meeting's minutes for approval (outcome not on record)."""
    return _later(site, "minutes_for_approval").get(site.meeting_key(meeting), [])


def name_in_force(board: Board, day: date) -> tuple[str, str]:
    """The board's (name, short name) on ``day``: an earlier name whose dates cover it, else the current one."""
    for earlier in board.names:
        if (earlier.start is None or earlier.start <= day) and day <= earlier.end:
            return earlier.name, earlier.short_name or earlier.name
    return board.name, board.short_name


def first_shown(site: Site, board_id: str, person_id: str) -> Meeting | None:
    """The first meeting of the board whose attendance lists the person."""
    firsts = site.lookups.setdefault("first_shown", {})
    if board_id not in firsts:
        seen: dict[str, Meeting] = {}
        for m in sorted(site.meetings_by_board.get(board_id, []), key=lambda m: (m.date, m.id)):
            for entry in m.attendance:
                seen.setdefault(entry.person_id, m)
        firsts[board_id] = seen
    first: Meeting | None = firsts[board_id].get(person_id)
    return first


def attendance_as_of(site: Site, board_id: str, today: date) -> Meeting | None:
    """The latest meeting, up to ``today``, whose attendance is on record."""
    recorded = [m for m in site.meetings_by_board.get(board_id, []) if m.attendance and m.date <= today]
    return max(recorded, key=lambda m: (m.date, m.id), default=None)
