"""Atom feeds (RFC 4287): decisions, decisions per board, meetings per board, upcoming meetings, and the
recommendations of each board that made any.

Entry ids are the records' permanent URLs. Every date comes from a record (the meeting
date), never from the clock, so rebuilding without changes gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from functools import partial

from generator import urls
from generator.records.meeting import Meeting
from generator.site import followup
from generator.site.graph import Decision, Site
from generator.site.meetings import record_status
from generator.site.queries import decisions_newest_first, meetings_of, uk_date, upcoming
from generator.site.reuse import Output, serialised
from generator.site.tracked import Made

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = date(2000, 1, 1)  # the updated date of a feed with no entries


@dataclass
class Entry:
    """One feed entry."""

    url: str
    title: str
    updated: date
    summary: str


def stamp(day: date) -> str:
    """An Atom date-time for the start of ``day`` (UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def atom(entries: list[Entry], title: str, feed_url: str, page_url: str, site_name: str, site_url: str) -> bytes:
    """Serialise a feed; ElementTree escapes every record string."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    for tag, text in (("id", site_url + feed_url), ("title", title)):
        ET.SubElement(feed, f"{{{ATOM}}}{tag}").text = text
    updated = max((e.updated for e in entries), default=EPOCH)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = stamp(updated)
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = site_name
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=site_url + feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=site_url + page_url)
    for e in entries:
        node = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(node, f"{{{ATOM}}}id").text = site_url + e.url
        ET.SubElement(node, f"{{{ATOM}}}title").text = e.title
        ET.SubElement(node, f"{{{ATOM}}}updated").text = stamp(e.updated)
        ET.SubElement(node, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=site_url + e.url)
        ET.SubElement(node, f"{{{ATOM}}}summary", type="text").text = e.summary
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def decision_entry(d: Decision) -> Entry:
    """A decision as an entry: the item title, and the resolution quoted."""
    text = " ".join(p.text for p in d.resolution.parts)
    summary = f"{d.board.name}, {uk_date(d.meeting.date)}, minute {d.minute}. Outcome: {d.resolution.outcome}. {text}"
    return Entry(d.url, f"{d.item.title} ({d.board.short_name})", d.meeting.date, summary)


def meeting_entry(site: Site, m: Meeting) -> Entry:
    """A meeting as an entry; the title says when it is cancelled or postponed."""
    board = site.boards[m.board_id]
    shown = record_status(site, m)  # not the page's status: a feed must not change with the build date
    status = f" ({m.status.upper()})" if m.status in ("cancelled", "postponed") else ""
    when = uk_date(m.date) + (f", {m.start_time}" if m.start_time else "")
    summary = f"{board.name}: {m.title or 'meeting'}, {when}. Status: {shown.label}." + (
        f" Venue: {m.venue}." if m.venue else ""
    )
    return Entry(
        urls.meeting_url(m.board_id, m.id),
        f"{board.short_name}, {uk_date(m.date, weekday=False)}{status}",
        m.date,
        summary,
    )


def feed(entries: list[Entry], title: str, feed_url: str, page_url: str, site_name: str, site_url: str) -> Output:
    """The feed file at ``feed_url`` (reused by a cached build when its entries are unchanged)."""
    args = (entries, title, feed_url, page_url, site_name, site_url)
    return serialised(feed_url, args, partial(atom, *args))


def recommendation_entry(made: Made) -> Entry:
    """A recommendation as an entry, updated on its latest dated event (a response, an update, the report)."""
    rec = made.rec
    dates = [made.meeting.date, *(r.date for r in rec.responses), *(u.date for u in rec.updates if u.date)]
    if rec.report_received:
        dates.append(rec.report_received.date)
    to = rec.to_printed or ", ".join(b.name or b.ref or "" for b in rec.to)
    state = followup.record_state(made)  # not "overdue": an entry changes only when its record does
    summary = f"{made.board.name}, {uk_date(made.meeting.date)}, to {to}: {rec.text} {state}"
    return Entry(made.url, f"Recommendation {made.label} to {to} ({made.board.short_name})", max(dates), summary)


def feed_files(site: Site, today: date, site_name: str, site_url: str) -> dict[str, Output]:
    """Every Atom feed of the site."""
    decisions = [d for d in decisions_newest_first(site) if not d.meeting.withdrawn]
    files = {
        urls.decisions_feed_url(): feed(
            [decision_entry(d) for d in decisions],
            f"{site_name}: all decisions",
            urls.decisions_feed_url(),
            urls.index_url("decisions"),
            site_name,
            site_url,
        ),
        urls.upcoming_feed_url(): feed(
            [meeting_entry(site, m) for m in upcoming(site, today) if not m.withdrawn],
            f"{site_name}: upcoming meetings",
            urls.upcoming_feed_url(),
            urls.index_url("meetings"),
            site_name,
            site_url,
        ),
    }
    for board in sorted(site.boards.values(), key=lambda b: b.id):
        page = urls.board_url(board.id)
        own = [meeting_entry(site, d) for d in reversed(meetings_of(site, board.id)) if not d.withdrawn]
        files[urls.meetings_feed_url(board.id)] = feed(
            own, f"{board.name}: meetings", urls.meetings_feed_url(board.id), page, site_name, site_url
        )
        mine = [decision_entry(d) for d in decisions if d.board.id == board.id]
        files[urls.decisions_feed_url(board.id)] = feed(
            mine, f"{board.name}: decisions", urls.decisions_feed_url(board.id), page, site_name, site_url
        )
        made = [recommendation_entry(m) for m in followup.recommendations_of(site, board.id)]
        if made:  # a board that made no recommendation has no such feed
            path = urls.recommendations_feed_url(board.id)
            files[path] = feed(made, f"{board.name}: recommendations", path, page, site_name, site_url)
    return files
