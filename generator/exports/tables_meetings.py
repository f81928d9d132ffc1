"""Tables of boards, people and meetings: the record of who met and what they decided."""

from __future__ import annotations

from typing import Any

from generator import urls
from generator.exports.columns import (
    WITHDRAWN,
    Table,
    derived,
    fields,
    key_column,
    record_rows,
    rows_of,
    url_column,
)
from generator.records.board import Board, Membership
from generator.records.meeting import Attendance, Item, Meeting, Resolution
from generator.records.person import Person
from generator.site.graph import Site

MEETING_ID = "The meeting: <board>/<meeting id>."
ITEM_ID = "The agenda item: <meeting>/<n>."


def boards_table(site: Site) -> Table:
    """Boards."""
    cols = [
        *fields(Board, "id", "name", "short_name", "kind", "organisation_id", "authority", "area", "statutory_basis"),
        *fields(Board, "website", "webcast"),
        url_column(lambda b: urls.board_url(b.id)),
        *WITHDRAWN,
    ]
    rows = record_rows(cols, sorted(site.boards.values(), key=lambda b: b.id))
    return Table("boards", "Boards", cols, rows, ["id"], [("organisation_id", "organisations")])


def people_table(site: Site) -> Table:
    """People in public roles."""
    cols = [
        *fields(Person, "id", "name", "honorific"),
        url_column(lambda p: urls.person_url(p.id)),
        *WITHDRAWN,
    ]
    rows = record_rows(cols, sorted(site.people.values(), key=lambda p: p.id))
    return Table("people", "People", cols, rows, ["id"], [])


def memberships_table(site: Site) -> Table:
    """Seats on boards, current and past: (board, n, membership) for the n-th seat in the board's file."""
    cols = [
        key_column("<board>/<n>: the n-th seat in the board's file.", lambda s: f"{s[0].id}/{s[1]}"),
        derived("board_id", "The board.", lambda s: s[0].id),
        *fields(Membership, "person_id", "vacant", "role", "seat", "voting", "start", "end", of=lambda s: s[2]),
        *fields(Membership, "substitute_for_ids", "substitute_for_pairing", of=lambda s: s[2]),
    ]
    seats = [
        (b, n, m)
        for b in sorted(site.boards.values(), key=lambda b: b.id)
        if not b.withdrawn
        for n, m in enumerate(b.memberships, start=1)
    ]
    fks = [("board_id", "boards"), ("person_id", "people")]
    return Table("memberships", "Memberships", cols, rows_of(cols, seats), ["id"], fks)


def meetings_table(site: Site) -> Table:
    """Meetings."""
    cols = [
        key_column("<board>/<meeting id>.", site.meeting_key),
        *fields(Meeting, "board_id", "date", "title", "start_time", "end_time", "venue", "status", "webcast"),
        *fields(Meeting, "recording", "quorate"),
        derived(
            "notice_date",
            "The date printed on the agenda (its issue date), where recorded.",
            lambda m: _notice(m),
            "date",
        ),
        url_column(lambda m: urls.meeting_url(m.board_id, m.id)),
        *WITHDRAWN,
    ]
    rows = record_rows(cols, [m for _, m in sorted(site.meetings.items())])
    return Table("meetings", "Meetings", cols, rows, ["id"], [("board_id", "boards")])


def _notice(meeting: Meeting) -> Any:
    return meeting.notice.date if meeting.notice else None


def _numbered(site: Site, children: str) -> list[tuple[str, int, Any]]:
    """(meeting key, n, child) for the n-th entry of ``children`` of every meeting not withdrawn, in key order."""
    return [
        (k, n, child)
        for k, m in sorted(site.meetings.items())
        if not m.withdrawn
        for n, child in enumerate(getattr(m, children), start=1)
    ]


def attendance_table(site: Site) -> Table:
    """Who attended each meeting, and in what capacity."""
    cols = [
        key_column("<meeting>/<n>.", lambda s: f"{s[0]}/{s[1]}"),
        derived("meeting_id", MEETING_ID, lambda s: s[0]),
        *fields(Attendance, "person_id", "status", "capacity", "replacing_ids", "replacing_pairing", of=lambda s: s[2]),
    ]
    fks = [("meeting_id", "meetings"), ("person_id", "people")]
    return Table("attendance", "Attendance", cols, rows_of(cols, _numbered(site, "attendance")), ["id"], fks)


def items_table(site: Site) -> Table:
    """Agenda items."""
    cols = [
        key_column("<meeting>/<n>: the n-th item of the meeting.", lambda s: f"{s[0]}/{s[1]}"),
        derived("meeting_id", MEETING_ID, lambda s: s[0]),
        *fields(Item, "number", "minute", "title", "section", "kind", "exempt", "exempt_reason", of=lambda s: s[2]),
        *fields(Item, "pages", "approves_minutes_of", "minutes_for_approval", of=lambda s: s[2]),
    ]
    rows = rows_of(cols, _numbered(site, "items"))
    return Table("agenda_items", "Agenda items", cols, rows, ["id"], [("meeting_id", "meetings")])


def _item_id(site: Site, meeting: Meeting, item: Item) -> str:
    index = next(i for i, it in enumerate(meeting.items, start=1) if it is item)
    return f"{site.meeting_key(meeting)}/{index}"


def resolutions_table(site: Site) -> Table:
    """Decisions: every resolution, quoted word for word."""
    cols = [
        key_column("Permanent decision key <board>/<meeting>/<minute>.", lambda d: d.key),
        derived("meeting_id", MEETING_ID, lambda d: site.meeting_key(d.meeting)),
        derived("item_id", ITEM_ID, lambda d: _item_id(site, d.meeting, d.item)),
        derived("minute", "Minute number as printed (the resolution's own, else its item's).", lambda d: d.minute),
        *fields(Resolution, "outcome", "preamble", of=lambda d: d.resolution),
        derived("text", "The numbered parts as printed, one per line.", _text),
        url_column(lambda d: d.url),
    ]
    rows = rows_of(cols, [d for _, d in sorted(site.decisions.items())])
    fks = [("meeting_id", "meetings"), ("item_id", "agenda_items")]
    return Table("resolutions", "Resolutions", cols, rows, ["id"], fks)


def _text(decision: Any) -> str:
    return "\n".join(f"{p.label} {p.text}" if p.label else p.text for p in decision.resolution.parts)
