"""The split indexes are built, reachable from their landing pages, and their links resolve."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator import urls
from tests.site.linkcheck import broken_links, parse, target_file

pytestmark = pytest.mark.site

BOARDS = ("riverton-hwb", "riverton-sab")
NEW_PAGES = [
    *(urls.board_decisions_url(b) for b in BOARDS),
    urls.decisions_year_url("riverton-hwb", 2024),
    *(urls.board_meetings_url(b) for b in BOARDS),
    *(urls.people_letter_url(letter) for letter in "abcdefghijklmnopqrstuvwxyz"),
]


def links_of(site: Path, url: str) -> set[str]:
    """The site URLs (no fragment) that the page at ``url`` links to, resolved against it."""
    page = parse(site / url / "index.html")
    return {urljoin("/" + url, link).split("#")[0] for link in page.links if not link.startswith(("http", "#"))}


@pytest.mark.parametrize("url", NEW_PAGES)
def test_every_new_index_page_is_built_with_a_heading(fixture_site: Path, url: str) -> None:
    """Each board register, year register, meetings page and letter page exists and has an h1."""
    path = target_file(fixture_site, "/" + url)
    assert path is not None, url
    html = path.read_text(encoding="utf-8")
    assert "<h1" in html and "<title>" in html and '<meta name="description"' in html


def test_landing_pages_link_their_parts(fixture_site: Path) -> None:
    """Each landing page links every page it was split into (a reader can get from / to any of them)."""
    decisions = links_of(fixture_site, urls.index_url("decisions"))
    assert {"/" + urls.board_decisions_url(b) for b in BOARDS} <= decisions
    assert "/" + urls.decisions_year_url("riverton-hwb", 2024) in decisions
    register = links_of(fixture_site, urls.board_decisions_url("riverton-hwb"))
    assert "/" + urls.decisions_year_url("riverton-hwb", 2024) in register
    meetings = links_of(fixture_site, urls.index_url("meetings"))
    assert {"/" + urls.board_meetings_url(b) for b in BOARDS} <= meetings
    people = links_of(fixture_site, urls.index_url("people"))
    letters = links_of(fixture_site, urls.people_letter_url("c"))
    assert "/" + urls.people_letter_url("c") in people
    assert {"/" + urls.people_letter_url(letter) for letter in "abdz"} <= letters
    assert "/" + urls.person_url("ann-chair") in letters
    board = links_of(fixture_site, urls.board_url("riverton-hwb"))
    assert {"/" + urls.decisions_year_url("riverton-hwb", 2024), "/" + urls.board_meetings_url("riverton-hwb")} <= board


def test_old_index_anchors_still_land(fixture_site: Path) -> None:
    """Links published to /meetings/#board-x, /indicators/#board-x and /people/#letter-x keep a target."""
    for url, anchor in (
        (urls.index_url("meetings"), "board-riverton-hwb"),
        (urls.index_url("indicators"), "board-riverton-hwb"),
        (urls.index_url("people"), "letter-c"),
        (urls.index_url("decisions"), "board-riverton-sab"),
    ):
        assert anchor in parse(fixture_site / url / "index.html").ids, (url, anchor)


def test_new_pages_have_no_broken_links(fixture_site: Path) -> None:
    """The link checker finds nothing wrong on the split index pages (the whole site is checked elsewhere)."""
    problems = broken_links(fixture_site)
    assert [p for p in problems if p.startswith(("decisions/", "meetings/", "people/", "indicators/"))] == []
