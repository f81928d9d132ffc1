"""Atom documents (RFC 4287), written with ElementTree, which escapes every record string."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

ATOM = "http://www.w3.org/2005/Atom"


@dataclass
class Entry:
    """One feed entry; dates are RFC 3339 UTC date-times."""

    url: str
    title: str
    updated: str
    summary: str
    published: str | None = None


def stamp(day: date) -> str:
    """An Atom date-time for the start of ``day`` (UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def atom(
    entries: list[Entry], title: str, feed_url: str, page_url: str, site_name: str, site_url: str, empty: str
) -> bytes:
    """Serialise a feed (``empty``: its date when it has no entries); ElementTree escapes every record string."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    for tag, text in (("id", site_url + feed_url), ("title", title)):
        ET.SubElement(feed, f"{{{ATOM}}}{tag}").text = text
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = max((e.updated for e in entries), default=empty)
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = site_name
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=site_url + feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=site_url + page_url)
    for e in entries:
        node = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(node, f"{{{ATOM}}}id").text = site_url + e.url
        ET.SubElement(node, f"{{{ATOM}}}title").text = e.title
        ET.SubElement(node, f"{{{ATOM}}}updated").text = e.updated
        if e.published is not None:
            ET.SubElement(node, f"{{{ATOM}}}published").text = e.published
        ET.SubElement(node, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=site_url + e.url)
        ET.SubElement(node, f"{{{ATOM}}}summary", type="text").text = e.summary
    ET.indent(feed)
    data: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
