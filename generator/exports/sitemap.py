"""A sitemap of record pages, and of each board's registers, with last-modified dates taken from the records.

MkDocs writes sitemap.xml itself (without lastmod) and would overwrite a file of that
name, so this one is sitemap-records.xml, linked from the home page.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from functools import partial

from generator import urls
from generator.exports.tables import EXPORTS
from generator.records.board import Board
from generator.records.document import Document
from generator.records.meeting import Meeting
from generator.records.person import Person
from generator.records.registry import KINDS
from generator.site.graph import Site
from generator.site.queries import decisions_by_year
from generator.site.reuse import Output, serialised

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def last_modified(site: Site) -> dict[str, date | None]:
    """Each record page's URL and the latest date its records carry (None when they carry none)."""
    found: dict[str, date | None] = {}
    for kind in KINDS:
        lastmod = EXPORTS.of(kind).lastmod
        for key, record in site.records(kind.name).items():
            found[urls.page_url(kind.name, key)] = lastmod(site, record)
    for d in site.decisions.values():
        found[d.url] = d.meeting.date
    found.update(register_dates(site))
    return found


def meeting_lastmod(site: Site, m: Meeting) -> date | None:
    """A meeting page changes with the meeting (or its withdrawal)."""
    return m.withdrawn.date if m.withdrawn else m.date


def board_lastmod(site: Site, board: Board) -> date | None:
    """A board page changes with its newest meeting."""
    dates = [m.date for m in site.meetings_by_board.get(board.id, []) if m.date]
    return board.withdrawn.date if board.withdrawn else max(dates, default=None)


def person_lastmod(site: Site, person: Person) -> date | None:
    """A person's page changes with the newest meeting they attended."""
    dates = [m.date for m in site.attended(person.id)]
    return person.withdrawn.date if person.withdrawn else max(dates, default=None)


def document_lastmod(site: Site, doc: Document) -> date | None:
    """A document's page changes when it is published (or withdrawn)."""
    return doc.withdrawn.date if doc.withdrawn else doc.published


def register_dates(site: Site) -> dict[str, date | None]:
    """Each board's meetings page, decisions page and decisions-by-year pages, dated by their newest meeting."""
    found: dict[str, date | None] = {}
    for board in site.boards.values():
        dates = [m.date for m in site.meetings_by_board.get(board.id, []) if m.date]
        found[urls.board_meetings_url(board.id)] = max(dates, default=None)
        years = decisions_by_year(site, board.id)
        for year, rows in years.items():
            found[urls.decisions_year_url(board.id, year)] = max((d.meeting.date for d in rows), default=None)
        newest = [rows[0].meeting.date for rows in years.values() if rows]
        found[urls.board_decisions_url(board.id)] = max(newest, default=None)
    return found


def sitemap_files(site: Site, site_url: str) -> dict[str, Output]:
    """The records sitemap."""
    dates = sorted(last_modified(site).items())
    return {urls.sitemap_url(): serialised(urls.sitemap_url(), (dates, site_url), partial(sitemap, dates, site_url))}


def sitemap(dates: list[tuple[str, date | None]], site_url: str) -> bytes:
    """The sitemap of ``dates`` (URL, last change or None)."""
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}urlset")
    for url, day in dates:
        node = ET.SubElement(root, f"{{{NS}}}url")
        ET.SubElement(node, f"{{{NS}}}loc").text = site_url + url
        if day is not None:
            ET.SubElement(node, f"{{{NS}}}lastmod").text = day.isoformat()
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
