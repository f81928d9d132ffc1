"""Atom feeds (RFC 4287): decisions, decisions per board, meetings per board, upcoming meetings, changes,
and the recommendations of each board that made any.

Entry ids are the records' permanent URLs. An entry's ``updated`` is when its record last changed
and ``published`` when it first appeared, both from git history, so rebuilding the same commit
gives the same bytes. Without history an entry is dated by its meeting and has no ``published``; a
feed with no entries is dated by the newest change to what it is made from (the build date without
history), never by a placeholder.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from generator import urls
from generator.exports.atom import Entry, atom, stamp
from generator.exports.calendars import revisions
from generator.exports.changes_feed import changes_feed
from generator.records.meeting import Meeting
from generator.site import followup
from generator.site.graph import Decision, Site
from generator.site.history.record import History
from generator.site.history.when import utc
from generator.site.meetings import record_status
from generator.site.queries import decisions_newest_first, meetings_of, uk_date, upcoming
from generator.site.reuse import Output, serialised
from generator.site.tracked import Made


def dates(history: History, url: str, held: date, today: date) -> tuple[str, str | None]:
    """(updated, published) of the entry for the record at ``url``: from history, else from its meeting date."""
    last, first = history.last(url), history.first(url)
    if last is not None and first is not None:
        return utc(last), utc(first)
    return stamp(held), None


def decision_entry(site: Site, d: Decision, today: date) -> Entry:
    """A decision as an entry: the item title, and the resolution quoted."""
    text = " ".join(p.text for p in d.resolution.parts)
    summary = f"{d.board.name}, {uk_date(d.meeting.date)}, minute {d.minute}. Outcome: {d.resolution.outcome}. {text}"
    updated, published = dates(site.history, d.url, d.meeting.date, today)
    return Entry(d.url, f"{d.item.title} ({d.board.short_name})", updated, summary, published)


def meeting_entry(site: Site, m: Meeting, today: date) -> Entry:
    """A meeting as an entry; the title says when it is cancelled or postponed."""
    board = site.boards[m.board_id]
    shown = record_status(site, m)  # not the page's status: a feed must not change with the build date
    status = f" ({m.status.upper()})" if m.status in ("cancelled", "postponed") else ""
    when = uk_date(m.date) + (f", {m.start_time}" if m.start_time else "")
    summary = f"{board.name}: {m.title or 'meeting'}, {when}. Status: {shown.label}." + (
        f" Venue: {m.venue}." if m.venue else ""
    )
    url = urls.meeting_url(m.board_id, m.id)
    updated, published = dates(site.history, url, m.date, today)
    return Entry(url, f"{board.short_name}, {uk_date(m.date, weekday=False)}{status}", updated, summary, published)


def empty_date(site: Site, urls_shown: list[str], today: date) -> str:
    """The date of a feed with no entries: the newest change to what it is made from (else the build date)."""
    changed = [c for url in urls_shown if (c := site.history.last(url)) is not None]
    return utc(max(changed, key=lambda c: c.seq)) if changed else stamp(today)


def schedule_date(site: Site, today: date) -> str:
    """The date of the upcoming feed when empty: the newest change to when, where or whether a meeting meets."""
    changed = [c for m in site.meetings.values() for c in revisions(site, m)]
    return utc(max(changed, key=lambda c: c.seq)) if changed else stamp(today)


def recommendation_entry(site: Site, made: Made, today: date) -> Entry:
    """A recommendation as an entry: updated when its record last changed, else on its latest dated event."""
    rec = made.rec
    events = [made.meeting.date, *(r.date for r in rec.responses), *(u.date for u in rec.updates if u.date)]
    if rec.report_received:
        events.append(rec.report_received.date)
    to = rec.to_printed or ", ".join(b.name or b.ref or "" for b in rec.to)
    state = followup.record_state(made)  # not "overdue": an entry changes only when its record does
    summary = f"{made.board.name}, {uk_date(made.meeting.date)}, to {to}: {rec.text} {state}"
    updated, published = dates(site.history, made.url, max(events), today)
    title = f"Recommendation {made.label} to {to} ({made.board.short_name})"
    return Entry(made.url, title, updated, summary, published)


def feed(
    entries: list[Entry], title: str, feed_url: str, page_url: str, site_name: str, site_url: str, empty: str
) -> Output:
    """The feed file at ``feed_url`` (reused by a cached build when its entries and dates are unchanged)."""
    args = (entries, title, feed_url, page_url, site_name, site_url, empty)
    return serialised(feed_url, args, partial(atom, *args))


def feed_files(site: Site, today: date, site_name: str, site_url: str) -> dict[str, Output]:
    """Every Atom feed of the site."""
    everything = empty_date(site, [d.url for d in site.decisions.values()], today)
    pairs = [(d, decision_entry(site, d, today)) for d in decisions_newest_first(site) if not d.meeting.withdrawn]
    decisions = [entry for _, entry in pairs]
    soon = [meeting_entry(site, m, today) for m in upcoming(site, today) if not m.withdrawn]
    files = {
        urls.decisions_feed_url(): feed(
            decisions, f"{site_name}: all decisions", urls.decisions_feed_url(), urls.index_url("decisions"),
            site_name, site_url, everything,
        ),
        urls.upcoming_feed_url(): feed(
            soon, f"{site_name}: upcoming meetings", urls.upcoming_feed_url(), urls.index_url("meetings"),
            site_name, site_url, schedule_date(site, today),
        ),
        urls.changes_feed_url(): feed(
            changes_feed(site), f"{site_name}: what changed", urls.changes_feed_url(), urls.changes_url(),
            site_name, site_url, empty_date(site, list(site.history.tracks), today),
        ),
    }  # fmt: skip
    for board in sorted(site.boards.values(), key=lambda b: b.id):
        page = urls.board_url(board.id)
        empty = empty_date(site, [page], today)  # a board with no meetings or decisions: its own last change
        own = [meeting_entry(site, m, today) for m in reversed(meetings_of(site, board.id)) if not m.withdrawn]
        files[urls.meetings_feed_url(board.id)] = feed(
            own, f"{board.name}: meetings", urls.meetings_feed_url(board.id), page, site_name, site_url, empty
        )
        mine = [entry for d, entry in pairs if d.board.id == board.id]
        files[urls.decisions_feed_url(board.id)] = feed(
            mine, f"{board.name}: decisions", urls.decisions_feed_url(board.id), page, site_name, site_url, empty
        )
        made = [recommendation_entry(site, m, today) for m in followup.recommendations_of(site, board.id)]
        if made:  # a board that made no recommendation has no such feed
            path = urls.recommendations_feed_url(board.id)
            files[path] = feed(made, f"{board.name}: recommendations", path, page, site_name, site_url, empty)
    return files
