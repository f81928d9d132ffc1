"""Material's contents sidebar on record pages, and one skip link on every page (issue 14)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser.support import is_redirect, site_pages

pytestmark = pytest.mark.site

Entries = list[tuple[str, "Entries"]]


class Contents(HTMLParser):
    """The entries of the page's contents sidebar (nav.md-nav--secondary), nested, and its skip links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: Entries = []
        self.stack: list[Entries] = []  # the list each open <ul> of the sidebar adds to
        self.depth = 0  # open elements inside the sidebar's <nav>
        self.text: list[str] | None = None
        self.skips: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Follow the sidebar's lists; note every id and skip link."""
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and "md-skip" in (values.get("class") or "").split():
            self.skips.append(values.get("href") or "")
        if self.depth:
            self.depth += 1
            if tag == "ul":
                self.stack.append(self.root if len(self.stack) == 0 else self.stack[-1][-1][1])
            elif tag == "a" and self.stack:
                self.text = []
        elif tag == "nav" and "md-nav--secondary" in (values.get("class") or ""):
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        """Close an entry or a list."""
        if not self.depth:
            return
        self.depth -= 1
        if tag == "a" and self.text is not None:
            self.stack[-1].append((" ".join("".join(self.text).split()), []))
            self.text = None
        elif tag == "ul":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        """Keep the text of an entry."""
        if self.text is not None:
            self.text.append(data)


def contents(path: Path) -> Contents:
    """Parse a built page."""
    parser = Contents()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def leaf(*titles: str) -> Entries:
    """Entries without children."""
    return [(title, []) for title in titles]


EXPECTED: dict[str, Entries] = {
    "meetings/riverton-hwb/2024-03-14": [
        ("Attendance", leaf("Members present (1)", "Substitutes (1)", "Apologies (1)", "Officers in attendance (1)")),
        ("Declarations of interest", []),
        ("Agenda and minutes", leaf("1. Apologies for absence", "4. Joint Health and Wellbeing Strategy 2024-2027")),
        ("Cite this meeting", []),
        ("Follow this board's meetings", []),
    ],
    "decisions/riverton-hwb/2024-03-14/4-24": leaf(
        "Resolution",
        "What the board was asked to decide",
        "From the minutes",
        "Strategies and indicators",
        "What happened next",
        "Cite this decision",
    ),
    "people/ann-chair": [
        ("Roles", []),
        ("Attendance", []),
        ("Interests", leaf("Declared at meetings", "Register of interests")),
    ],
    "strategies/riverton-jhws": [
        ("Priorities", leaf("1. A smoke-free Riverton", "2. A good start in life")),
        ("Decisions that adopted, reviewed or refreshed it", []),
    ],
}


@pytest.mark.parametrize("url", sorted(EXPECTED))
def test_long_record_pages_have_a_contents_sidebar(fixture_site: Path, url: str) -> None:
    """Meeting, decision, person and strategy pages list their h2 and h3 headings in Material's sidebar."""
    assert contents(fixture_site / url / "index.html").root == EXPECTED[url]


def test_every_page_has_one_skip_link_to_its_content(fixture_site: Path) -> None:
    """Material's skip link (pages with contents) or ours (pages without): exactly one, to an id on the page."""
    pages = [url for url in site_pages(fixture_site) if not is_redirect(fixture_site, url)]
    problems = []
    for url in pages:
        path = fixture_site / (url if url.endswith(".html") else url + "index.html")
        page = contents(path)
        if len(page.skips) != 1 or not re.fullmatch(r"#[\w-]+", page.skips[0]) or page.skips[0][1:] not in page.ids:
            problems.append(f"/{url}: {page.skips}")
    assert len(pages) >= 20
    assert problems == []
