"""Render the whole site: Site -> {path relative to docs_dir: Markdown text}."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import jinja2

from generator import urls
from generator.render.env import make_env
from generator.render.indexes import index_pages
from generator.render.markup import front_matter
from generator.render.pages import Page, Renderer, front, pages_of, record_pages
from generator.render.reference import reference_page
from generator.site.graph import Site


def render_site(site: Site, today: date, site_name: str, site_url: str) -> dict[str, str]:
    """Render every page; withdrawn records become tombstones (redirects: redirect_stubs)."""
    renderer = Renderer(site, make_env(), today, site_name, site_url)
    pages: list[Page] = [*index_pages(renderer), *record_pages(renderer), reference_page(renderer)]
    withdrawn = _withdrawn_records(site)
    pages = [tombstone(renderer, page, withdrawn) for page in pages]
    return _texts(pages)


def render_records(
    site: Site, today: date, site_name: str, site_url: str, records: Iterable[tuple[str, str]], env: jinja2.Environment
) -> dict[str, str]:
    """Only the pages whose subject is one of ``records`` ((kind, key) pairs), as render_site would write them."""
    renderer = Renderer(site, env, today, site_name, site_url)
    withdrawn = _withdrawn_records(site)
    pages = [tombstone(renderer, page, withdrawn) for kind, key in records for page in pages_of(renderer, kind, key)]
    return _texts(pages)


def _texts(pages: list[Page]) -> dict[str, str]:
    return {urls.page_path(page.url): front_matter(front(page)) + "\n" + page.body for page in pages}


def _withdrawn_records(site: Site) -> dict[str, object]:
    found = {}
    for kind, url_of in (
        ("boards", urls.board_url),
        ("people", urls.person_url),
        ("strategies", urls.strategy_url),
        ("indicators", urls.indicator_url),
        ("documents", urls.document_url),
    ):
        for record in getattr(site, kind).values():
            if record.withdrawn:
                found[url_of(record.id)] = record
    for meeting in site.meetings.values():
        if meeting.withdrawn:
            found[urls.meeting_url(meeting.board_id, meeting.id)] = meeting
    return found


def tombstone(r: Renderer, page: Page, withdrawn: dict[str, object]) -> Page:
    """Replace the page of a withdrawn record with a page that says when and why."""
    record = withdrawn.get(page.url)
    if record is None:
        return page
    w = record.withdrawn
    return r.page(
        page.url, "withdrawn.j2", f"{page.title} (withdrawn)", f"Withdrawn: {w.reason}", record_title=page.title, w=w
    )


def redirect_stubs(site: Site, today: date, site_name: str, site_url: str, moved: dict[str, str]) -> dict[str, str]:
    """A redirect page at every old page URL of ``moved`` (old URL -> new URL; files are copied elsewhere)."""
    renderer = Renderer(site, make_env(), today, site_name, site_url)
    return _texts([redirect_page(renderer, old, new) for old, new in sorted(moved.items()) if old.endswith("/")])


def redirect_page(r: Renderer, old: str, new: str) -> Page:
    """A page at ``old`` that redirects to ``new`` (meta refresh, canonical link, and a plain link)."""
    target = urls.relative(old, new)
    page = r.page(old, "redirect.j2", "Moved", "This page has moved.", target=target)
    page.meta["redirect"] = target
    page.meta["search"] = {"exclude": True}
    return page
