"""Render the whole site: Site -> {path relative to docs_dir: Markdown text}."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import partial
from typing import Any, TypeVar

import jinja2

from generator import urls
from generator.records.common import TopLevel
from generator.records.registry import KINDS
from generator.render import (  # noqa: F401  (page handlers)
    board_page,
    followup_pages,
    indicator_pages,
    meeting_pages,
    organisation_page,
    person_page,
    plan_pages,
)
from generator.render.charts import ChartCache
from generator.render.env import make_env
from generator.render.history_pages import changes_page, history_pages, subjects_of, with_footer
from generator.render.indexes import index_groups
from generator.render.markup import front_matter
from generator.render.pages import LIST, PAGES, Page, Renderer, findable, front, pages_of
from generator.render.reference import reference_page
from generator.site.graph import Site, grouping


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates for the life of the process: one entry per template, replaced when its source changes.

    Every build makes a fresh Jinja environment (so an edited template shows in the preview); this
    spares it compiling the unchanged ones again, which was most of the time of a small build.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Give Jinja the compiled template, if any (Jinja drops it if the source changed since)."""
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep a freshly compiled template (bounded: one per template name)."""
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()
T = TypeVar("T")


def environment() -> jinja2.Environment:
    """A fresh environment for one build, reusing what earlier builds compiled."""
    env = make_env()
    env.bytecode_cache = COMPILED
    return env


def render_site(
    site: Site, today: date, site_name: str, site_url: str, charts: ChartCache | None = None
) -> dict[str, str]:
    """Render every page; withdrawn records become tombstones (redirects: redirect_stubs).

    ``charts`` is a cache kept across builds by a long-running process (the preview); by default
    each build draws its charts afresh.
    """
    return render_site_into(site, today, site_name, site_url, charts, lambda text: text)


def render_site_into(
    site: Site,
    today: date,
    site_name: str,
    site_url: str,
    charts: ChartCache | None,
    keep: Callable[[str], T],
) -> dict[str, T]:
    """``render_site``, handing each page's text to ``keep`` as soon as its unit is rendered (output/spool.py)."""
    charts = charts if charts is not None else ChartCache()
    charts.new_build()
    renderer = Renderer(site, environment(), today, site_name, site_url, charts)
    kept: dict[str, T] = {}
    for _, make in render_units(renderer):
        kept.update((path, keep(text)) for path, text in make().items())
    return kept


Unit = tuple[tuple[str, ...], Callable[[], dict[str, str]]]


def render_units(r: Renderer) -> Iterator[Unit]:
    """Every page of the site, in units that can be rendered alone: (key, function giving path -> text).

    The index pages are one unit, each record's pages another (a meeting's page with its decisions'
    pages, with their history pages), the data-format reference and /changes/ the last. A unit reads
    the site only through ``r.site``, its subject included, so a tracked build (site/tracking.py) sees
    what it depends on, history included (site/tracking_history.py), so a cached build renders again
    after a commit only the units whose history entries it changed.
    """
    for group, make_lists in index_groups(r):
        yield ("index", group), partial(_lists, r, make_lists)
    for kind in KINDS:
        make = PAGES.of(kind).make
        for key in sorted(r.site.records(kind.name)):
            yield (kind.name, key), partial(_record_unit, r, make, kind.name, key)
    yield ("reference",), lambda: finish(r, [reference_page(r)])
    yield ("changes",), lambda: _texts([changes_page(r)])


def _lists(r: Renderer, make: Callable[[], Iterable[Page]]) -> dict[str, str]:
    """Index pages, each labelled a list for search unless it says what it is."""
    return finish(r, [page if "find" in page.meta else findable(page, LIST) for page in make()])


def _record_unit(r: Renderer, make: Callable[[Renderer, Any], list[Page]], kind: str, key: str) -> dict[str, str]:
    return finish(r, make(r, r.site.records(kind)[key]))


def finish(r: Renderer, pages: Iterable[Page]) -> dict[str, str]:
    """The pages' texts by path: each withdrawn record's page replaced by its tombstone, each record's page
    with its 'last changed' line and its history page."""
    withdrawn = r.site.grouped("withdrawn")
    subjects = subjects_of(r)
    done = [with_footer(r, tombstone(r, page, withdrawn.get(page.url)), subjects) for page in pages]
    done += history_pages(r, {page.url: subjects[page.url][0] for page in done if page.url in subjects})
    return _texts(done)


def render_records(
    site: Site,
    today: date,
    site_name: str,
    site_url: str,
    records: Iterable[tuple[str, str]],
    env: jinja2.Environment,
    charts: ChartCache | None = None,
) -> dict[str, str]:
    """Only the pages whose subject is one of ``records`` ((kind, key) pairs), as render_site would write them."""
    renderer = Renderer(site, env, today, site_name, site_url, charts if charts is not None else ChartCache())
    return finish(renderer, [page for kind, key in records for page in pages_of(renderer, kind, key)])


def _texts(pages: list[Page]) -> dict[str, str]:
    return {urls.page_path(page.url): front_matter(front(page)) + "\n" + page.body for page in pages}


@grouping("withdrawn")
def _withdrawn_records(site: Site) -> Iterator[tuple[str, TopLevel]]:
    """The withdrawn records of every kind, by the URL of their page."""
    for kind in KINDS:
        if kind.withdrawals:
            for key, record in site.records(kind.name).items():
                if record.withdrawn:
                    yield urls.page_url(kind.name, key), record


def tombstone(r: Renderer, page: Page, withdrawn: list[TopLevel] | None) -> Page:
    """Replace the page of a withdrawn record (``withdrawn``: the record at the page's URL) with one that says why."""
    record = withdrawn[0] if withdrawn else None
    if record is None or record.withdrawn is None:
        return page
    w = record.withdrawn
    stone = r.page(
        page.url, "withdrawn.j2", f"{page.title} (withdrawn)", f"Withdrawn: {w.reason}", record_title=page.title, w=w
    )
    stone.meta["find"] = page.meta.get("find", {})
    return stone


def redirect_stubs(site: Site, today: date, site_name: str, site_url: str, moved: dict[str, str]) -> dict[str, str]:
    """A redirect page at every old page URL of ``moved`` (old URL -> new URL; files are copied elsewhere)."""
    renderer = Renderer(site, environment(), today, site_name, site_url)
    return _texts([redirect_page(renderer, old, new) for old, new in sorted(moved.items()) if old.endswith("/")])


def redirect_page(r: Renderer, old: str, new: str) -> Page:
    """A page at ``old`` that redirects to ``new`` (meta refresh, canonical link, and a plain link)."""
    target = urls.relative(old, new)
    page = r.page(old, "redirect.j2", "Moved", "This page has moved.", target=target)
    page.meta["redirect"] = target
    page.meta["search"] = {"exclude": True}
    return page
