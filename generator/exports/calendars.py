"""iCalendar files (RFC 5545), written by hand: all meetings, and one calendar per board.

UIDs derive from the permanent meeting key, so a calendar client updates an event
rather than duplicating it. Times are local to Europe/London, as the papers print them.
Cancelled meetings stay in the calendar with STATUS:CANCELLED.
"""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import urlsplit

from generator import urls
from generator.records.meeting import Meeting
from generator.site.graph import Site
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


def vevent(site: Site, meeting: Meeting, host: str, site_url: str) -> list[str]:
    """The lines of one meeting's VEVENT."""
    board = site.boards[meeting.board_id]
    status = record_status(site, meeting)
    day = meeting.date.strftime("%Y%m%d")
    page = site_url + urls.meeting_url(meeting.board_id, meeting.id)
    summary = f"{board.short_name}: {meeting.title or 'meeting'}"
    if meeting.status in ("cancelled", "postponed"):
        summary += f" ({meeting.status.upper()})"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{site.meeting_key(meeting)}@{host}",
        f"DTSTAMP:{day}T000000Z",
        f"SEQUENCE:{0 if STATUS[status.key] == 'CONFIRMED' else 1}",
    ]
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
    for meeting in meetings:
        lines += vevent(site, meeting, host, site_url)
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
