"""The Atom feed of changes (/feeds/changes.xml): the newest lines of /changes/, one entry each.

An entry is one change to one record, so it never changes once published: ``updated`` and
``published`` are both the commit's time, and its id names the record's history page and the change.
"""

from __future__ import annotations

from generator import urls
from generator.exports.atom import Entry
from generator.site.graph import Site
from generator.site.history.changes import change_lines
from generator.site.history.when import utc

NEWEST = 50  # entries in the feed; /changes/ and the history pages keep the rest


def changes_feed(site: Site) -> list[Entry]:
    """The newest changes as feed entries."""
    entries = []
    for line in change_lines(site)[:NEWEST]:
        where = line.history or f"{urls.changes_url()}#change-{line.commit.short}-{line.what.split()[-1]}"
        summary = line.summary or line.text
        entries.append(Entry(where, f"{line.what}: {line.title}", utc(line.commit), summary, utc(line.commit)))
    return entries
