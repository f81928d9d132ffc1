"""Search, reading without JavaScript, and screenshots of every page kind in headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.support import as_deployed, page_kinds
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
    assert len(written) == len(page_kinds(fixture_site))  # every kind of tests/browser/support.py KINDS
    assert all(path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for path in written)


def test_no_page_kind_makes_a_failed_request(browser: Browser, fixture_site: Path, fixture_base: str) -> None:
    """Loading a page of each kind asks for nothing that fails: no 404, no refused or aborted request."""
    page = browser.new_page()
    as_deployed(page, fixture_base)  # the 404 page loads its styles and scripts from site_url
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}: {r.failure}"))
    urls = [*page_kinds(fixture_site).values(), "search/?q=board"]
    feeds = "document.querySelectorAll('link[rel=alternate][type=\"application/atom+xml\"]').length"
    for url in urls:
        page.goto(fixture_base + url, wait_until="networkidle")
        served = (fixture_site / url.split("?")[0] / ("" if url.endswith(".html") else "index.html")).read_text("utf-8")
        assert page.evaluate(feeds) == served.count('rel="alternate" type="application/atom+xml"'), url
    page.close()
    # The 404 page is asked for on purpose (its own status); anything else is a stray request.
    assert [line for line in failed if not line.endswith("/404.html")] == []


def test_copy_buttons_copy_the_address_and_the_citation(browser: Browser, fixture_base: str) -> None:
    """With JavaScript, a follow page's Copy button puts the address on the clipboard, and says so; so does a citation's."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(fixture_base + "boards/riverton-hwb/follow/")
    page.get_by_role("button", name="Copy the address of the meetings calendar").click()
    assert (
        page.evaluate("navigator.clipboard.readText()") == "https://minutebook.example.org/calendars/riverton-hwb.ics"
    )
    assert page.locator("article [role=status]").inner_text() == "Copied to the clipboard."
    page.goto(fixture_base + "decisions/riverton-hwb/2024-03-14/4-24/")
    page.get_by_role("button", name="Copy citation").click()
    cited = page.evaluate("navigator.clipboard.readText()")
    assert cited.startswith("Riverton Health and Wellbeing Board, meeting of 14 March 2024, minute 4/24: ")
    assert "https://minutebook.example.org/decisions/riverton-hwb/2024-03-14/4-24/ (version of " in cited
    assert re.search(r"data commit [0-9a-f]{7}; retrieved ", cited)  # the version quoted (issue 19)
    assert cited.endswith("; retrieved " + page.locator(".mb-today").inner_text() + ").")
    context.close()


def test_without_javascript_the_text_to_copy_is_there_and_no_button_is(browser: Browser, fixture_base: str) -> None:
    """A reader without JavaScript selects the address or the citation; no button that would do nothing is shown."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_base + "boards/riverton-hwb/follow/")
    assert page.locator("#calendar-address").inner_text() == "https://minutebook.example.org/calendars/riverton-hwb.ics"
    assert page.locator("button.mb-copy").count() == 3 and not page.locator("button.mb-copy").first.is_visible()
    page.goto(fixture_base + "decisions/riverton-hwb/2024-03-14/4-24/")
    assert page.locator("#citation").is_visible() and not page.locator("button.mb-copy").is_visible()
    context.close()


def test_no_page_kind_scrolls_sideways_on_a_phone(browser: Browser, real_site: Path, real_base: str) -> None:
    """At 390 px nothing of the real site is wider than the screen: wide tables scroll in their own region,
    and the search page's filters fit, long board names and all (issue 17)."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    wide = []
    for url in [*page_kinds(real_site).values(), "search/?q=strategy&kind=Decision"]:
        page.goto(real_base + url, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide.append(f"/{url}: {width}px")
    page.close()
    assert wide == []
