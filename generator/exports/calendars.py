"""iCalendar files (RFC 5545), written by hand: all meetings, and one calendar per board.

UIDs derive from the meeting's first key (its first former id, when it has been re-dated), so a
calendar client updates a moved event rather than adding a second. Times are local to
Europe/London, as the papers print them. Cancelled meetings stay in the calendar with
STATUS:CANCELLED. From git history: each event's LAST-MODIFIED is the last change to when, where
or whether it meets, SEQUENCE counts those changes (so calendar apps take a moved meeting), and
DTSTAMP is the latest of them in the calendar (RFC 5545 3.8.7.2), so a rebuild of the same commit
gives the same bytes. Without history DTSTAMP is the meeting's date and SEQUENCE says only
whether it still goes ahead.
"""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import urlsplit

from generator import urls
from generator.records.meeting import Meeting
from generator.site.graph import Site
from generator.site.history.gitlog import Commit
from generator.site.history.when import ical
from generator.site.meetings import record_status
from generator.site.queries import meetings_of
from generator.site.reuse import Output, serialised

TZID = "Europe/London"
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]
# By the status on record (site/meetings.py), which does not change with the build date: a calendar is fetched
# again and again, and must not change until the record does.
STATUS = {
    "set": "CONFIRMED",
    "held": "CONFIRMED",
    "held-no-minutes": "CONFIRMED",
    "not-recorded": "TENTATIVE",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}
# The fields whose change is a new version of the event for calendar apps (RFC 5545 SEQUENCE).
SCHEDULE = {"date", "start_time", "end_time", "venue", "status", "title", "webcast", "withdrawn"}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape(text: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11); control characters are dropped."""
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line to at most 75 octets per line, never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _local(meeting: Meeting, time: str) -> str:
    return f"{meeting.date.strftime('%Y%m%d')}T{time.replace(':', '')}00"


def revisions(site: Site, meeting: Meeting) -> list[Commit]:
    """The commits that changed when, where or whether a meeting meets (its first publication first)."""
    track = site.history.track(urls.meeting_url(meeting.board_id, meeting.id))
    return [change.commit for change in track.revisions(SCHEDULE)] if track else []


def uid(meeting: Meeting) -> str:
    """The event's permanent UID key: the meeting's first id (its first former id once it has been re-dated)."""
    return f"{meeting.board_id}/{(meeting.former_ids or [meeting.id])[0]}"


def undated(meeting: Meeting) -> str:
    """DTSTAMP of an event when history says nothing of its calendar: the meeting's date."""
    return f"{meeting.date.strftime('%Y%m%d')}T000000Z"


def vevent(site: Site, meeting: Meeting, host: str, site_url: str, dtstamp: str) -> list[str]:
    """The lines of one meeting's VEVENT."""
    board = site.boards[meeting.board_id]
    status = record_status(site, meeting)
    day = meeting.date.strftime("%Y%m%d")
    page = site_url + urls.meeting_url(meeting.board_id, meeting.id)
    summary = f"{board.short_name}: {meeting.title or 'meeting'}"
    if meeting.status in ("cancelled", "postponed"):
        summary += f" ({meeting.status.upper()})"
    changes = revisions(site, meeting)
    sequence = len(changes) - 1 if changes else (0 if STATUS[status.key] == "CONFIRMED" else 1)
    lines = ["BEGIN:VEVENT", f"UID:{uid(meeting)}@{host}", f"DTSTAMP:{dtstamp or undated(meeting)}"]
    if changes:
        lines += [f"CREATED:{ical(changes[0])}", f"LAST-MODIFIED:{ical(changes[-1])}"]
    lines.append(f"SEQUENCE:{sequence}")
    if meeting.start_time:
        lines.append(f"DTSTART;TZID={TZID}:{_local(meeting, meeting.start_time)}")
        if meeting.end_time:
            lines.append(f"DTEND;TZID={TZID}:{_local(meeting, meeting.end_time)}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{day}")
    lines += [
        f"SUMMARY:{escape(summary)}",
        f"STATUS:{STATUS[status.key]}",
        f"URL:{page}",
        f"DESCRIPTION:{escape(f'{board.name}. Status: {status.label}. Agenda and minutes: {page}')}",
    ]
    if meeting.venue:
        lines.append(f"LOCATION:{escape(meeting.venue)}")
    lines.append("END:VEVENT")
    return lines


def calendar(site: Site, meetings: list[Meeting], name: str, site_url: str, path: str = "") -> Output:
    """A whole VCALENDAR with CRLF line ends and folded lines."""
    host = urlsplit(site_url).hostname or "minutebook"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{host}//Minutebook//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    changed = [commit for meeting in meetings for commit in revisions(site, meeting)]
    dtstamp = ical(max(changed, key=lambda c: c.seq)) if changed else ""  # the latest change to the calendar's data
    for meeting in meetings:
        lines += vevent(site, meeting, host, site_url, dtstamp)
    lines.append("END:VCALENDAR")
    return serialised(path, lines, partial(encode, lines))


def encode(lines: list[str]) -> bytes:
    """The calendar's lines, folded, with CRLF line ends."""
    return ("".join(fold(line) + "\r\n" for line in lines)).encode("utf-8")


def calendar_files(site: Site, site_name: str, site_url: str) -> dict[str, Output]:
    """The calendar of every meeting, and one per board; withdrawn meetings are left out."""
    everything = sorted(
        (m for m in site.meetings.values() if not m.withdrawn), key=lambda m: (m.date, m.board_id, m.id)
    )
    path = urls.calendar_url()
    files = {path: calendar(site, everything, f"{site_name}: all meetings", site_url, path)}
    for board in sorted(site.boards.values(), key=lambda b: b.id):
        own = [m for m in meetings_of(site, board.id) if not m.withdrawn]
        path = urls.calendar_url(board.id)
        files[path] = calendar(site, own, f"{board.name}: meetings", site_url, path)
    return files
