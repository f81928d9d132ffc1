"""The site's one sitemap (sitemaps.org 0.9), with each page's true last change from history, and robots.txt.

MkDocs' own sitemap is switched off (overrides/sitemap.xml renders empty, so MkDocs skips it): it
gave every page the build day. Here a record's page, and its history page, are dated by the last
commit that changed the record's own fields; /changes/ by the newest change; a hand-written page by
its file's last commit. Pages that gather many records (indexes, registers, the home page) carry
no date, since no one change dates them, and without git history no page does: a meeting date is
not a modification date. Past 50,000 pages (the protocol's limit) sitemap.xml becomes an index.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator import urls
from generator.site.graph import Site
from generator.site.history.gitlog import Commit
from generator.site.history.record import History
from generator.site.history.when import utc

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000


def page_dates(history: History, pages: list[str], hand_written: list[str]) -> dict[str, Commit | None]:
    """Each page's URL and the commit that last changed it (None: no one change dates it)."""
    found: dict[str, Commit | None] = {}
    for rel in pages:
        url = urls.url_of_file(rel)
        subject = url.removesuffix("history/") if url.endswith("/history/") else url
        found[url] = history.last(subject) if history.available else None
    if history.available:
        found[urls.changes_url()] = history.latest()
    for rel in hand_written:
        found[urls.url_of_file(rel)] = history.pages.get(rel) if history.available else None
    return found


def _urlset(entries: list[tuple[str, Commit | None]], site_url: str) -> bytes:
    root = ET.Element(f"{{{NS}}}urlset")
    for url, commit in entries:
        node = ET.SubElement(root, f"{{{NS}}}url")
        ET.SubElement(node, f"{{{NS}}}loc").text = site_url + url
        if commit is not None:
            ET.SubElement(node, f"{{{NS}}}lastmod").text = utc(commit)
    return _bytes(root)


def _bytes(root: ET.Element) -> bytes:
    ET.register_namespace("", NS)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def sitemap_files(
    site: Site, site_url: str, pages: list[str], hand_written: list[str], limit: int = MAX_URLS
) -> dict[str, bytes]:
    """sitemap.xml (an index of parts past ``limit`` pages) and robots.txt, which names it."""
    entries = sorted(page_dates(site.history, pages, hand_written).items())
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {site_url}{urls.sitemap_url()}\n".encode()
    if len(entries) <= limit:
        return {urls.sitemap_url(): _urlset(entries, site_url), urls.robots_url(): robots}
    files = {urls.robots_url(): robots}
    index = ET.Element(f"{{{NS}}}sitemapindex")
    for number, start in enumerate(range(0, len(entries), limit), 1):
        part = entries[start : start + limit]
        files[urls.sitemap_part_url(number)] = _urlset(part, site_url)
        node = ET.SubElement(index, f"{{{NS}}}sitemap")
        ET.SubElement(node, f"{{{NS}}}loc").text = site_url + urls.sitemap_part_url(number)
        newest = max((c for _, c in part if c is not None), key=lambda c: c.seq, default=None)
        if newest is not None:
            ET.SubElement(node, f"{{{NS}}}lastmod").text = utc(newest)
    files[urls.sitemap_url()] = _bytes(index)
    return files
