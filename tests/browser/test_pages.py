"""Search, reading without JavaScript, and screenshots of every page kind in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.support import KINDS, page_kinds
from tests.browser.test_a11y import search

pytestmark = [pytest.mark.browser, pytest.mark.site]  # Chromium, on a built site


def test_words_from_a_resolution_find_its_decision_page(browser: Browser, fixture_base: str) -> None:
    """Typing words of a resolution lists the decision page among the results."""
    page = browser.new_page()
    links = search(page, fixture_base, "reported every six months")
    page.close()
    assert any("/decisions/riverton-hwb/2024-03-14/4-24/" in link for link in links), links


def test_an_alias_finds_the_person(browser: Browser, fixture_base: str) -> None:
    """A person's alias ('Cllr Chair') lists that person's page."""
    page = browser.new_page()
    links = search(page, fixture_base, "Cllr Chair")
    page.close()
    assert any("/people/ann-chair/" in link for link in links), links


def test_every_page_kind_reads_without_javascript(browser: Browser, fixture_site: Path, fixture_base: str) -> None:
    """With JavaScript off, every page kind shows its heading and content, and its links open."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    problems = []
    for kind, url in page_kinds(fixture_site).items():
        page.goto(fixture_base + url)
        heading = page.locator("article h1").first
        if not heading.is_visible() or not heading.inner_text().strip():
            problems.append(f"{kind}: no visible h1")
        if len(page.locator("article").inner_text()) < 40:
            problems.append(f"{kind}: article has almost no text")
        hrefs = page.locator("article a[href]:not([href^='http']):not([href^='#'])").evaluate_all(
            "links => links.map(a => a.href)"
        )
        hrefs = [href for href in hrefs if href.split("#")[0].endswith("/")]
        if hrefs:
            response = page.goto(hrefs[0])
            if response is None or not response.ok or not page.locator("article h1").first.is_visible():
                problems.append(f"{kind}: its link {hrefs[0]} does not open a page")
    context.close()
    assert problems == []


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_screenshots_of_every_page_kind(
    browser: Browser, fixture_site: Path, fixture_base: str, artifacts: Path, width: int, height: int
) -> None:
    """Write a full-page PNG of each page kind at phone and desktop widths to test-artifacts/."""
    page = browser.new_page(viewport={"width": width, "height": height})
    written = []
    for kind, url in page_kinds(fixture_site).items():
        page.goto(fixture_base + url)
        target = artifacts / f"{kind}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        written.append(target)
    page.close()
    assert len(written) == len(KINDS)  # every kind of page has one in the fixture
    assert all(path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for path in written)
