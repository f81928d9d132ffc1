"""Tables on phones (issue 17): each scrolls sideways in a region a keyboard can reach, named by its caption."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from mkdocs.utils.meta import get_data

from generator import build
from generator.render import render_site
from generator.render.blocks import tidy
from tests.conftest import FIXTURE, TODAY


class Tables(HTMLParser):
    """Each table's region (the element around it), the table's class, and the captions' ids and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str]] = []
        self.tables: list[tuple[dict[str, str], dict[str, str]]] = []  # (region attributes, table attributes)
        self.captions: dict[str, str] = {}
        self.caption: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note a table with the element around it, and a caption's id."""
        values = {k: v or "" for k, v in attrs}
        if tag == "table":
            self.tables.append((self.stack[-1] if self.stack else {}, values))
        if tag == "caption":
            self.caption = (values.get("id", ""), [])
        if tag not in ("br", "img", "hr", "input", "meta", "link"):
            self.stack.append(values)

    def handle_endtag(self, tag: str) -> None:
        """Close an element; keep a caption's text."""
        self.stack.pop()
        if tag == "caption" and self.caption:
            self.captions[self.caption[0]] = " ".join("".join(self.caption[1]).split())
            self.caption = None

    def handle_data(self, data: str) -> None:
        """Text of a caption."""
        if self.caption:
            self.caption[1].append(data)


def region_problems(body: str) -> list[str]:
    """What is wrong with the scrolling regions of one page body."""
    parser = Tables()
    parser.feed(body)
    problems, names = [], []
    for region, table in parser.tables:
        if table.get("class") != "mb-table":  # Material wraps a table without a class in a region of its own
            problems.append(f"a table of class {table.get('class')!r}")
        if region.get("class") != "mb-table-wrap" or region.get("tabindex") != "0" or region.get("role") != "region":
            problems.append(f"a table in {region}, not in a focusable region")
        name = parser.captions.get(region.get("aria-labelledby", "")) or region.get("aria-label", "")
        if not name:
            problems.append(f"a region without a name: {region}")
        names.append(name)
    duplicates = sorted({name for name in names if names.count(name) > 1})
    return problems + [f"two regions are named {name!r}" for name in duplicates]


def test_every_table_of_the_fixture_pages_scrolls_in_a_named_focusable_region() -> None:
    """Every table of every page sits in a region with tabindex 0, named by its own caption, unique on the page."""
    report, site = build.check(FIXTURE)
    assert site is not None, report.lines()
    pages = render_site(site, TODAY, "Minutebook", "https://minutebook.example.org/")
    problems = []
    for rel, text in sorted(pages.items()):
        problems += [f"{rel}: {problem}" for problem in region_problems(get_data(text)[0])]
    assert sum(text.count("<table") for text in pages.values()) > 20
    assert problems == []


def test_a_table_without_a_caption_gets_a_numbered_name() -> None:
    """A table from a Markdown field has no caption: its region is named by its place on the page."""
    body = tidy(
        '<div class="mb-page">\n<table><caption>Members</caption><tr><td>a</td></tr></table>\n'
        "<div><table><tr><td>b</td></tr></table></div>\n</div>\n"
    )
    assert region_problems(body) == []
    assert re.search(r'<div class="mb-table-wrap" tabindex="0" role="region" aria-label="Table 2 on this page">', body)
    assert '<caption id="table-1">Members</caption>' in body


def test_a_table_with_attributes_gets_its_region_too_and_the_page_stays_balanced() -> None:
    """A table written with a class or id is wrapped like a bare one (before, only its end got a </div>)."""
    from generator.render.blocks import scroll_regions

    html = '<ul>\n<li>\n<table class="mb-sidebyside" id="t">\n<caption>Old and new</caption>\n</table>\n</li>\n</ul>'
    out = scroll_regions(html)
    assert out.count("<div") == out.count("</div>") == 1
    assert '<table class="mb-table mb-sidebyside" id="t">' in out
    assert 'role="region" aria-labelledby="table-1"' in out and '<caption id="table-1">' in out
