"""Tables of boards, people and meetings: the record of who met and what they decided."""

from __future__ import annotations

from datetime import date
from typing import Any

from generator import urls
from generator.exports.columns import WITHDRAWN, Table, c, meeting_key, top
from generator.site.graph import Site
from generator.site.queries import latest_status


def boards_table(site: Site) -> Table:
    """Boards."""
    cols = [
        c("id"),
        c("name"),
        c("short_name"),
        c("kind"),
        c("authority"),
        c("area"),
        c("statutory_basis"),
        c("website", description="The authority's page for this board."),
        c("url"),
        *WITHDRAWN,
    ]
    rows = [
        top(
            b,
            {
                "id": b.id,
                "name": b.name,
                "short_name": b.short_name,
                "kind": b.kind,
                "authority": b.authority,
                "area": b.area,
                "statutory_basis": b.statutory_basis,
                "website": b.website,
                "url": urls.board_url(b.id),
            },
        )
        for b in sorted(site.boards.values(), key=lambda b: b.id)
    ]
    return Table("boards", "Boards", cols, rows, ["id"], [])


def people_table(site: Site) -> Table:
    """People in public roles."""
    cols = [c("id"), c("name"), c("honorific"), c("organisation"), c("job_title"), c("url"), *WITHDRAWN]
    rows = [
        top(
            p,
            {
                "id": p.id,
                "name": p.name,
                "honorific": p.honorific,
                "organisation": p.organisation,
                "job_title": p.job_title,
                "url": urls.person_url(p.id),
            },
        )
        for p in sorted(site.people.values(), key=lambda p: p.id)
    ]
    return Table("people", "People", cols, rows, ["id"], [])


def memberships_table(site: Site) -> Table:
    """Seats on boards, current and past."""
    cols = [
        c("id", description="<board>/<n>: the n-th seat in the board's file."),
        c("board_id"),
        c("person_id"),
        c("vacant", "boolean"),
        c("role"),
        c("seat"),
        c("voting", "boolean"),
        c("start", "date"),
        c("end", "date"),
    ]
    rows = []
    for b in sorted(site.boards.values(), key=lambda b: b.id):
        if b.withdrawn:
            continue
        for i, m in enumerate(b.memberships, start=1):
            rows.append(
                {
                    "id": f"{b.id}/{i}",
                    "board_id": b.id,
                    "person_id": m.person_id,
                    "vacant": m.vacant,
                    "role": m.role,
                    "seat": m.seat,
                    "voting": m.voting,
                    "start": m.start,
                    "end": m.end,
                }
            )
    return Table("memberships", "Memberships", cols, rows, ["id"], [("board_id", "boards"), ("person_id", "people")])


def meetings_table(site: Site) -> Table:
    """Meetings."""
    cols = [
        c("id", description="<board>/<meeting id>."),
        c("board_id"),
        c("date", "date"),
        c("title"),
        c("start_time"),
        c("end_time"),
        c("venue"),
        c("status"),
        c("webcast"),
        c("url"),
        *WITHDRAWN,
    ]
    rows = [
        top(
            m,
            {
                "id": k,
                "board_id": m.board_id,
                "date": m.date,
                "title": m.title,
                "start_time": m.start_time,
                "end_time": m.end_time,
                "venue": m.venue,
                "status": m.status,
                "webcast": m.webcast,
                "url": urls.meeting_url(m.board_id, m.id),
            },
        )
        for k, m in sorted(site.meetings.items())
    ]
    return Table("meetings", "Meetings", cols, rows, ["id"], [("board_id", "boards")])


def attendance_table(site: Site) -> Table:
    """Who attended each meeting, and in what capacity."""
    cols = [
        c("id", description="<meeting>/<n>."),
        c("meeting_id"),
        c("person_id"),
        c("status"),
        c("capacity"),
        c("replacing_id"),
    ]
    rows = [
        {
            "id": f"{k}/{i}",
            "meeting_id": k,
            "person_id": a.person_id,
            "status": a.status,
            "capacity": a.capacity,
            "replacing_id": a.replacing_id,
        }
        for k, m in sorted(site.meetings.items())
        if not m.withdrawn
        for i, a in enumerate(m.attendance, start=1)
    ]
    fks = [("meeting_id", "meetings"), ("person_id", "people"), ("replacing_id", "people")]
    return Table("attendance", "Attendance", cols, rows, ["id"], fks)


def items_table(site: Site) -> Table:
    """Agenda items."""
    cols = [
        c("id", description="<meeting>/<n>: the n-th item of the meeting."),
        c("meeting_id"),
        c("number"),
        c("minute"),
        c("title"),
        c("section"),
        c("kind"),
        c("exempt", "boolean"),
        c("pages"),
    ]
    rows = [
        {
            "id": f"{k}/{i}",
            "meeting_id": k,
            "number": it.number,
            "minute": it.minute,
            "title": it.title,
            "section": it.section,
            "kind": it.kind,
            "exempt": it.exempt,
            "pages": it.pages,
        }
        for k, m in sorted(site.meetings.items())
        if not m.withdrawn
        for i, it in enumerate(m.items, start=1)
    ]
    return Table("agenda_items", "Agenda items", cols, rows, ["id"], [("meeting_id", "meetings")])


def _item_id(site: Site, meeting: Any, item: Any) -> str:
    index = next(i for i, it in enumerate(meeting.items, start=1) if it is item)
    return f"{meeting_key(site, meeting)}/{index}"


def resolutions_table(site: Site) -> Table:
    """Decisions: every resolution, quoted word for word."""
    cols = [
        c("id", description="Permanent decision key <board>/<meeting>/<minute>."),
        c("meeting_id"),
        c("item_id"),
        c("minute"),
        c("outcome"),
        c("preamble"),
        c("text", description="The numbered parts as printed, one per line."),
        c("url"),
    ]
    rows = []
    for key, d in sorted(site.decisions.items()):
        text = "\n".join(f"{p.label} {p.text}" if p.label else p.text for p in d.resolution.parts)
        rows.append(
            {
                "id": key,
                "meeting_id": meeting_key(site, d.meeting),
                "item_id": _item_id(site, d.meeting, d.item),
                "minute": d.minute,
                "outcome": d.resolution.outcome,
                "preamble": d.resolution.preamble,
                "text": text,
                "url": d.url,
            }
        )
    return Table(
        "resolutions", "Resolutions", cols, rows, ["id"], [("meeting_id", "meetings"), ("item_id", "agenda_items")]
    )


def actions_table(site: Site) -> Table:
    """Actions arising, with their latest status."""
    cols = [
        c("id", description="<meeting>/<action id>."),
        c("meeting_id"),
        c("item_id"),
        c("text"),
        c("owner_id"),
        c("owner"),
        c("due", description="Due date (YYYY-MM-DD) or the text printed."),
        c("latest_status"),
    ]
    rows = [
        {
            "id": f"{meeting_key(site, m)}/{a.id}",
            "meeting_id": meeting_key(site, m),
            "item_id": _item_id(site, m, it),
            "text": a.text,
            "owner_id": a.owner_id,
            "owner": a.owner,
            "due": a.due.isoformat() if isinstance(a.due, date) else a.due,
            "latest_status": latest_status(a),
        }
        for m, it, a in site.actions
        if not m.withdrawn
    ]
    rows.sort(key=lambda r: r["id"])
    fks = [("meeting_id", "meetings"), ("item_id", "agenda_items"), ("owner_id", "people")]
    return Table("actions", "Actions", cols, rows, ["id"], fks)
