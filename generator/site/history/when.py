"""When a commit was made, as pages (London time) and machine formats (UTC) write it."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from generator.site.history.gitlog import Commit

LONDON = ZoneInfo("Europe/London")


def day(commit: Commit) -> str:
    """The day of a commit as people in the UK write it: '14 March 2024' (London time)."""
    local = commit.when.astimezone(LONDON)
    return f"{local.day} {local:%B %Y}"


def when(commit: Commit) -> str:
    """The day and time of a commit: '14 March 2024, 16:05' (London time)."""
    return f"{day(commit)}, {commit.when.astimezone(LONDON):%H:%M}"


def week_of(commit: Commit) -> date:
    """The Monday of the week of a commit (London time)."""
    local = commit.when.astimezone(LONDON).date()
    return local - timedelta(days=local.weekday())


def utc(commit: Commit) -> str:
    """An RFC 3339 / W3C date-time in UTC: 2024-03-14T16:05:09Z (Atom, sitemaps)."""
    return commit.when.strftime("%Y-%m-%dT%H:%M:%SZ")


def ical(commit: Commit) -> str:
    """An iCalendar UTC date-time: 20240314T160509Z."""
    return commit.when.strftime("%Y%m%dT%H%M%SZ")
