"""Pages: what a page is, the renderer every page function uses, and the page handler of every kind.

Each kind's pages come from its handler in ``PAGES``: a specific one (board_page.py, meeting_pages.py,
person_page.py, plan_pages.py), or the generic one, which renders the template named after the kind
(``<singular>.j2``) with the record as ``record``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

import jinja2

from generator import urls
from generator.records.common import TopLevel
from generator.records.registry import KIND, KINDS, Handlers, Kind
from generator.render.blocks import tidy
from generator.render.charts import ChartCache
from generator.render.env import TEMPLATES, Linker, plain
from generator.render.markup import meta_text
from generator.site import organisations as orgs
from generator.site.graph import Site
from generator.site.indicators import IndicatorState, indicator_states
from generator.site.meetings import display_status


@dataclass
class Page:
    """A page to write: its URL, front matter and HTML body."""

    url: str
    title: str
    description: str
    body: str
    meta: dict[str, Any] = field(default_factory=dict)
    feeds: list[tuple[str, str]] = field(default_factory=list)  # (title, URL) besides the site's own


@dataclass
class Renderer:
    """Renders pages of one site with one environment and one build date."""

    site: Site
    env: jinja2.Environment
    today: date
    site_name: str
    site_url: str
    charts: ChartCache = field(default_factory=ChartCache)  # one build's charts (the preview keeps one across builds)

    def page(self, url: str, template: str, title: str, description: str, **values: Any) -> Page:
        """Render ``template`` for the page at ``url``."""
        body = self.env.get_template(template).render(site=self.site, L=Linker(url), **self.context(template), **values)
        return Page(url, title, plain(description), tidy(body))

    def context(self, template: str) -> dict[str, Any]:
        """What every template gets besides the site, its links and its own values."""
        return self.shared(self.today)

    def shared(self, today: date) -> dict[str, Any]:
        """The values of ``context``, with the build date given (a tracked renderer notes reading it)."""
        site = self.site
        return {
            "today": today,
            "site_name": self.site_name,
            "org_label": partial(orgs.label, site),
            "status_of": lambda meeting: display_status(site, meeting, self.today),  # reads the date when used
            "post_text": partial(orgs.post_text, site),
        }

    def board_names(self, board_ids: Iterable[str]) -> list[str]:
        """The names of the boards with these ids (those on record)."""
        return [self.site.boards[b].name for b in board_ids if b in self.site.boards]

    def latest_values(self, indicator_ids: list[str]) -> dict[str, IndicatorState]:
        """The latest state of each indicator: value, comparisons, target and trend."""
        if not indicator_ids:  # most pages cite none: a cached build need not compute every indicator for them
            return {}
        states = indicator_states(self.site)  # computed once per build, for every indicator at once
        return {iid: states[iid] for iid in indicator_ids if iid in states}


def listing(page: Page) -> Page:
    """Index a page of rows by its heading and introduction only (each row has its own page)."""
    page.meta["search"] = {"listing": True}
    return page


STAFF = "For staff"  # the search label of pages written for the staff who publish (reference, guide)
LIST = "List"  # the label of index pages: landing pages, registers, A to Z


def findable(page: Page, kind: str, boards: Iterable[str] = (), year: int | None = None) -> Page:
    """Say what a page is for search: its kind, boards and year (a result's label, the search page's filters).

    overrides/main.html turns front matter `find` into Pagefind filters; board names are record text,
    escaped here as the title is.
    """
    names = sorted({meta_text(board) for board in boards})
    page.meta["find"] = {"kind": kind, "boards": names} | ({"year": str(year)} if year else {})
    return page


def wide(page: Page) -> Page:
    """Give a page of wide tables the full width (Material hides the side columns)."""
    page.meta["hide"] = ["navigation", "toc"]
    return page


@dataclass(frozen=True)
class PageMaker:
    """How one kind's records become pages: the template, and the function giving a record's pages."""

    template: str
    make: Callable[[Renderer, Any], list[Page]]


def generic_page(r: Renderer, kind: Kind, record: TopLevel) -> Page:
    """The page of a record of a kind with no page function of its own: its template, given the record."""
    title = str(getattr(record, kind.title_field))
    url = urls.page_url(kind.name, kind.key_of(record))
    page = r.page(url, f"{kind.singular}.j2", title, f"{title} ({kind.singular}).", record=record, kind=kind)
    return findable(page, kind.singular.capitalize())


def _generic(kind: Kind) -> PageMaker | None:
    """The generic page handler, for a kind that has a template named after it."""
    template = f"{kind.singular}.j2"
    if not (TEMPLATES / template).is_file():
        return None
    return PageMaker(template, lambda r, record: [generic_page(r, kind, record)])


PAGES: Handlers[PageMaker] = Handlers("render", _generic)


def record_pages(r: Renderer) -> Iterator[Page]:
    """Every record page, kind by kind, in key order."""
    for kind in KINDS:
        make = PAGES.of(kind).make
        records = r.site.records(kind.name)
        for key in sorted(records):
            yield from make(r, records[key])


def pages_of(r: Renderer, kind: str, key: str) -> list[Page]:
    """The pages that show one record as their subject: a meeting's page and its decisions' pages."""
    record = r.site.records(kind).get(key)
    return PAGES.of(KIND[kind]).make(r, record) if record is not None else []


SITE_FEEDS = (
    ("Decisions of every board", urls.decisions_feed_url()),
    ("Upcoming meetings of every board", urls.upcoming_feed_url()),
)


def feeds(page: Page) -> list[dict[str, str]]:
    """The Atom feeds a feed reader finds in the page's head: the site's, then the page's board's.

    Titles are record text: overrides/main.html escapes them.
    """
    return [{"title": title, "href": urls.relative(page.url, url)} for title, url in (*SITE_FEEDS, *page.feeds)]


def front(page: Page) -> dict[str, Any]:
    """Front matter for a page; title and description are escaped for MkDocs' templates."""
    return {
        "title": meta_text(page.title),
        "description": meta_text(page.description),
        "feeds": feeds(page),
        **page.meta,
    }
