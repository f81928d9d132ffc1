"""What a unit is called in change lists and feeds: its page's subject, as the page names it."""

from __future__ import annotations

from generator import urls
from generator.records.registry import KINDS
from generator.site.graph import Site
from generator.site.history.model import Track
from generator.site.queries import uk_date


def titles(site: Site) -> dict[str, str]:
    """The title of every unit of the current data, by URL: a record's title, a meeting's board and date."""
    found: dict[str, str] = {}
    for kind in KINDS:
        for key, record in site.records(kind.name).items():
            found[urls.page_url(kind.name, key)] = str(getattr(record, kind.title_field, "") or key)
    for key, meeting in site.meetings.items():
        board = site.boards.get(meeting.board_id)
        name = board.short_name if board else meeting.board_id
        found[urls.page_url("meetings", key)] = f"{name}, {uk_date(meeting.date, weekday=False)}"
    for d in site.decisions.values():
        found[d.url] = f"{d.item.title} ({d.board.short_name}, {uk_date(d.meeting.date, weekday=False)})"
    return found


def title_of(track: Track, current: dict[str, str]) -> str:
    """A unit's title: as the data has it now, or as it last had it (a unit no longer in the data)."""
    if track.url in current:
        return current[track.url]
    if any(c.withheld for c in track.changes):  # its last title may be the withheld text
        return f"a {track.noun} no longer published"
    return track.title
