"""History on the site: "last changed" on every record page, each record's history page, and /changes/.

Every page whose subject is a record (or a decision inside a meeting's file) ends with when that
record last changed and a link to its history page, ``<page>history/``, which lists each change
newest first: when, the commit's message, what changed in plain words, and old and new text side
by side. /changes/ lists every change on the site, newest first, by week.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

from generator import urls
from generator.render.pages import LIST, Page, Renderer, findable
from generator.site.graph import Site, grouping
from generator.site.history.changes import Line, anchor, change_lines
from generator.site.history.titles import titles
from generator.site.history.when import week_of

SHOWN = 1_000  # lines of /changes/; older changes stay on each record's history page


def footer(r: Renderer, url: str) -> str:
    """The "last changed" line of a record's page, with the link to its history."""
    history = r.site.history
    return r.env.get_template("changed.j2").render(
        h=history,
        last=history.last(url),
        pending=url in history.pending,
        history_url="history/",  # urls.history_url: always the folder "history" right under the record's page
    )


def with_footer(r: Renderer, page: Page, subjects: Mapping[str, list[str]]) -> Page:
    """Add the "last changed" line to a page whose subject is a record."""
    if page.url in subjects:
        line = footer(r, page.url).strip("\n") + "\n"
        body = page.body.rstrip("\n")
        # Inside the page's one Markdown block (issue 14): text after its wrapper would be read as Markdown.
        if body.endswith("</div>"):
            page.body = body[: -len("</div>")] + line + "</div>\n"
        else:
            page.body += line
    return page


def history_page(r: Renderer, url: str, title: str) -> Page:
    """The history page of the record whose page is at ``url``."""
    history = r.site.history
    track = history.track(url)
    changes = list(reversed(track.changes)) if track else []
    page = r.page(
        urls.history_url(url),
        "history.j2",
        f"History: {title}",
        f"Every change to “{title}” since it was first published.",
        h=history,
        track=track,
        changes=changes,
        record_title=title,
        record_url=url,
        pending=url in history.pending,
        anchor=anchor,
    )
    page.meta["search"] = {"exclude": True}  # old wording stays out of search: the record's page has the current
    return page


def history_pages(r: Renderer, subjects: dict[str, str]) -> list[Page]:
    """The history page of every record (every page subject), in URL order."""
    return [history_page(r, url, subjects[url]) for url in sorted(subjects)]


def subjects_of(r: Renderer) -> Mapping[str, list[str]]:
    """The title of every page whose subject is a record (or a decision), by its URL, in a one-item list.

    A registered lookup, so that a tracked page notes only the URLs it asks about (site/tracking.py):
    a page does not depend on every record's title.
    """
    return r.site.grouped("subjects")


@grouping("subjects")
def _subjects(site: Site) -> Iterator[tuple[str, str]]:
    yield from titles(site).items()


def changes_page(r: Renderer) -> Page:
    """/changes/: every change to a record, newest first, grouped by week."""
    lines = change_lines(r.site)
    weeks: dict[date, list[Line]] = {}
    for line in lines[:SHOWN]:
        weeks.setdefault(week_of(line.commit), []).append(line)
    page = r.page(
        urls.changes_url(),
        "changes.j2",
        "What changed",
        "Every change to the records, newest first: new decisions, corrections and membership changes.",
        h=r.site.history,
        weeks=sorted(weeks.items(), reverse=True),
        total=len(lines),
        shown=SHOWN,
    )
    page.feeds.append(("Changes to every record", urls.changes_feed_url()))
    page.meta["search"] = {"listing": True}
    return findable(page, LIST)
