"""Every internal link and anchor of the built fixture site resolves; broken ones are caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.site.linkcheck import broken_links, parse

pytestmark = pytest.mark.site


def test_every_internal_link_and_anchor_resolves(fixture_site: Path) -> None:
    """The link checker finds nothing wrong in the whole built fixture site."""
    assert broken_links(fixture_site) == []


def test_checker_sees_links_and_anchors(fixture_site: Path) -> None:
    """The site has cross-page links and #fragment links, so the checker has real work to do."""
    links = [link for path in fixture_site.rglob("*.html") for link in parse(path).links]
    assert sum("decisions/" in link for link in links) >= 5
    assert any("#" in link and not link.startswith(("http", "#__")) for link in links)


@pytest.mark.parametrize(
    ("injected", "expected"),
    [
        ('<a href="../../../people/nobody-here/">x</a>', "no file serves /people/nobody-here/"),
        ('<a href="#no-such-anchor">x</a>', "has no id 'no-such-anchor'"),
        ('<a href="../../../people/ann-chair/#nowhere">x</a>', "has no id 'nowhere'"),
        ('<img src="../../../assets/missing.png" alt="x">', "no file serves /assets/missing.png"),
    ],
)
def test_injected_broken_link_fails(fixture_site: Path, tmp_path: Path, injected: str, expected: str) -> None:
    """A broken link, anchor or image added to a copy of a built page is reported."""
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page = site / "meetings" / "riverton-hwb" / "2024-03-14" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", injected + "</article>", 1), "utf-8")
    problems = broken_links(site)
    assert len(problems) == 1
    assert problems[0].startswith("meetings/riverton-hwb/2024-03-14/index.html: ")
    assert expected in problems[0]


def test_feed_readers_find_the_feeds_in_every_page_head(fixture_site: Path) -> None:
    """Every generated page advertises the site's feeds; a board page also its own (links resolve: see above).

    Hand-written pages (about, accessibility, the guide, search) have no generated front matter.
    """
    import re

    alternate = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)">')
    hand = {"about", "accessibility", "guide", "search"}
    pages = [p for p in fixture_site.rglob("index.html") if not hand & set(p.relative_to(fixture_site).parts)]
    pages = [p for p in pages if "pagefind" not in p.parts]
    assert len(pages) > 50
    for path in pages:
        feeds = alternate.findall(path.read_text(encoding="utf-8"))
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        assert [title for title, _ in feeds][:2] == ["Decisions of every board", "Upcoming meetings of every board"], path
    board = alternate.findall((fixture_site / "boards/riverton-hwb/index.html").read_text(encoding="utf-8"))
    assert ("Decisions of Riverton Health and Wellbeing Board", "../../feeds/decisions/riverton-hwb.xml") in board
    assert ("Meetings of Riverton Health and Wellbeing Board", "../../feeds/meetings/riverton-hwb.xml") in board
