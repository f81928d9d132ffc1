"""The Pagefind index of the built fixture site, and a failed indexing run keeping the old site."""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

import pytest

from generator.publish import publish
from tests.conftest import build_site

pytestmark = pytest.mark.site


def indexed_pages(site: Path) -> dict[str, dict]:
    """Every page in the site's Pagefind index: URL -> its fragment (content, meta)."""
    pages = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data[:12] == b"pagefind_dcd", path
        fragment = json.loads(data[12:])
        pages[fragment["url"]] = fragment
    return pages


def redirect_stubs(site: Path) -> list[str]:
    """URLs of the pages that only redirect a former id ('/boards/x/')."""
    stubs = []
    for path in site.rglob("index.html"):
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            stubs.append("/" + path.parent.relative_to(site).as_posix() + "/")
    return stubs


def test_the_build_writes_a_pagefind_index_and_no_lunr_index(fixture_site: Path) -> None:
    """`site` runs Pagefind: its bundle is in site/pagefind/, and MkDocs' lunr index is gone."""
    for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind"):
        assert (fixture_site / "pagefind" / name).is_file(), name
    assert not (fixture_site / "search" / "search_index.json").exists()
    assert json.loads((fixture_site / "pagefind" / "pagefind-entry.json").read_text())["languages"].keys() == {"en"}


def test_redirect_stubs_404_and_search_page_are_not_indexed(fixture_site: Path) -> None:
    """Only real pages are in the index: no former-id stub, no 'page not found', no search page."""
    pages = indexed_pages(fixture_site)
    stubs = redirect_stubs(fixture_site)
    assert stubs, "the fixture dataset should have a former id"
    assert sorted(set(stubs) & set(pages)) == []
    assert "/404.html" not in pages and "/search/" not in pages
    assert not any("This page has moved" in page["content"] for page in pages.values())
    assert {"/", "/people/ann-chair/", "/decisions/riverton-hwb/2024-03-14/4-24/", "/about/"} <= set(pages)


def test_only_the_article_is_indexed_without_boilerplate(fixture_site: Path) -> None:
    """Header, navigation, footer, follow links and 'cite this' stay out; the title names board and date."""
    decision = indexed_pages(fixture_site)["/decisions/riverton-hwb/2024-03-14/4-24/"]
    assert decision["meta"]["title"] == "Joint Health and Wellbeing Strategy 2024-2027 (Riverton HWB, 14 March 2024)"
    assert decision["content"].startswith("Joint Health and Wellbeing Strategy 2024-2027.")
    assert "Progress be reported to the Board every six months." in decision["content"]
    for boilerplate in (
        "Skip to content",
        "Back to top",
        "Strategies Indicators About",
        "This page as JSON",
        "Cite this decision",
        "retrieved",
    ):
        assert boilerplate not in decision["content"], boilerplate
    # each part's "#" link (.mb-anchor) is for copying a link, not words of the record: excerpts read
    # "... every six months. # What the board ..." while it is indexed
    assert "Progress be reported to the Board every six months. What the board" in decision["content"]
    assert " # " not in decision["content"]


def test_listing_pages_are_indexed_by_heading_and_introduction_only(fixture_site: Path) -> None:
    """An index page is found by its name, but its rows (each a page of its own) are not indexed."""
    pages = indexed_pages(fixture_site)
    people = pages["/people/"]
    assert people["meta"]["title"] == "People A to Z"
    assert "Ann Chair" in pages["/people/ann-chair/"]["content"]
    assert "Ann Chair" not in people["content"] and "Ann Chair" not in pages["/"]["content"]


def snapshot(site: Path) -> dict[str, str]:
    """Every file of a built site with the hash of its bytes."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*")
        if p.is_file()
    }


def test_failed_pagefind_keeps_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """When Pagefind fails after a good mkdocs build, site/ stays as it was, with a plain message."""
    site = build_site(tmp_path)
    project = site.parent
    before = snapshot(site)
    failing = [sys.executable, "-c", "import sys; sys.exit('Error: Pagefind was not able to build an index.')"]
    monkeypatch.setattr(publish, "pagefind_command", lambda _site: failing)
    capfd.readouterr()
    assert publish.mkdocs_build(project / "mkdocs.yml", site) == 1
    err = capfd.readouterr().err
    assert "Error: Pagefind was not able to build an index." in err
    assert err.rstrip().endswith(f"error: search indexing (Pagefind) failed; the previous {site}/ was left as it was.")
    assert snapshot(site) == before
    assert sorted(path.name for path in site.parent.iterdir()) == ["content", "mkdocs.yml", "overrides", "site"]


def test_missing_pagefind_binary_keeps_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """A Pagefind binary that cannot be run (PAGEFIND_BINARY_PATH wrong) fails the same safe way."""
    site = build_site(tmp_path)
    before = snapshot(site)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    assert publish.mkdocs_build(site.parent / "mkdocs.yml", site) == 1
    assert "error: search indexing (Pagefind) failed" in capfd.readouterr().err
    assert snapshot(site) == before


def test_every_indexed_page_says_what_kind_of_page_it_is(fixture_site: Path, scrutiny_site: Path) -> None:
    """Every search result carries its label (organisations, plans, recommendations, work programmes, the
    staff guide and /changes/ had none), so the search page's 'Kind of page' filter can reach every page."""
    unlabelled = [
        url
        for site in (fixture_site, scrutiny_site)
        for url, fragment in indexed_pages(site).items()
        if not fragment["meta"].get("kind")
    ]
    assert unlabelled == []
