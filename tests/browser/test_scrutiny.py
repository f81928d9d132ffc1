"""The scrutiny fixture (tests/fixtures/scrutiny) in Chromium: axe on every page, reading without
JavaScript, and screenshots of its follow-up pages at phone and desktop widths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.support import as_deployed, axe_violations, is_redirect, serve, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.site]  # Chromium, on a built site

# The follow-up pages a reviewer looks at: (name, URL, the element to show when not the whole page).
SHOTS = [
    ("scrutiny-recommendation", "recommendations/westmoor-hosc/2026-03-12/3-26/a/", None),
    ("scrutiny-recommendation-overdue", "recommendations/westmoor-hosc/2026-03-12/3-26/b/", None),
    ("scrutiny-plan", "plans/westmoor-hospitals-urgent-care-plan/", None),
    ("scrutiny-tracker", "plans/westmoor-hosc-tracker-2026/", None),
    ("scrutiny-open-recommendations", "recommendations/", None),
    ("scrutiny-board-coming-up", "boards/westmoor-hosc/", "#coming-up"),
    ("scrutiny-work-programme", "work-programmes/westmoor-hosc-2026-27/", None),
    ("scrutiny-meeting", "meetings/westmoor-hosc/2026-03-12/", None),
]


@pytest.fixture(scope="session")
def scrutiny_base(scrutiny_site: Path) -> Iterator[str]:
    """Base URL of the built scrutiny site, served over HTTP."""
    with serve(scrutiny_site) as base:
        yield base


def test_every_scrutiny_page_has_no_axe_violations(browser: Browser, scrutiny_site: Path, scrutiny_base: str) -> None:
    """Every page of the scrutiny site passes axe (WCAG 2.2 AA); the data-format reference, the same for any
    dataset, is audited on the main fixture (test_a11y)."""
    urls = [
        url
        for url in site_pages(scrutiny_site)
        if not is_redirect(scrutiny_site, url) and url != "reference/data-format/"
    ]
    page = browser.new_page()
    as_deployed(page, scrutiny_base)  # the 404 page loads its styles from site_url
    problems = []
    for url in urls:
        page.goto(scrutiny_base + url)
        problems += [f"/{url}: {line}" for line in axe_violations(page)]
    page.close()
    assert problems == []


def test_follow_up_pages_read_without_javascript(browser: Browser, scrutiny_base: str) -> None:
    """With JavaScript off, each follow-up page shows its heading and its facts."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for _, url, _ in SHOTS:
        page.goto(scrutiny_base + url)
        assert page.locator("article h1").first.is_visible(), url
        assert len(page.locator("article").inner_text()) > 200, url
    context.close()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_screenshots_of_the_follow_up_pages(
    browser: Browser, scrutiny_base: str, artifacts: Path, width: int, height: int
) -> None:
    """Write a PNG of each follow-up page (a section of the board page: its 'coming up') to test-artifacts/."""
    page = browser.new_page(viewport={"width": width, "height": height})
    written = []
    for name, url, section in SHOTS:
        page.goto(scrutiny_base + url)
        target = artifacts / f"{name}-{width}.png"
        if section:
            page.locator(section).scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, -80)")  # below the sticky header
            page.wait_for_timeout(600)  # the header's title changes as the page scrolls: let it settle
            page.screenshot(path=str(target))
        else:
            page.screenshot(path=str(target), full_page=True)
        written.append(target)
    page.close()
    assert all(path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for path in written)
