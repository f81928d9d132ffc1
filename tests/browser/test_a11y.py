"""axe-core (WCAG 2.0, 2.1, 2.2 A and AA) and keyboard checks in headless Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.support import as_deployed, axe_violations, is_redirect, page_kinds, serve, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.site]  # Chromium, on a built site


WIDTHS = [(390, 844), (1280, 720)]  # a phone and a desktop


def _audit(browser: Browser, base: str, urls: list[str], width: int = 1280, height: int = 720) -> list[str]:
    """Run axe on each URL at one window size (one browser page for them all); every violation, with its page."""
    page = browser.new_page(viewport={"width": width, "height": height})
    as_deployed(page, base)  # the 404 page loads its styles from site_url
    problems = []
    for url in urls:
        page.goto(base + url)
        problems += [f"{width}px /{url}: {line}" for line in axe_violations(page)]
    page.close()
    return problems


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_every_fixture_page_has_no_axe_violations(
    browser: Browser, fixture_site: Path, fixture_base: str, width: int, height: int
) -> None:
    """Every generated and hand-written page of the fixture site passes axe on a phone and a desktop."""
    urls = [url for url in site_pages(fixture_site) if not is_redirect(fixture_site, url)]
    assert len(urls) >= 20
    assert _audit(browser, fixture_base, urls, width, height) == []


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_one_page_of_each_kind_of_the_real_site_passes_axe(
    browser: Browser, real_site: Path, real_base: str, width: int, height: int
) -> None:
    """One page of every kind built from the real dataset passes axe, on a phone and a desktop."""
    kinds = page_kinds(real_site)
    assert set(kinds) >= {"home", "board", "meeting", "decision", "person", "strategy", "indicator", "404"}
    assert _audit(browser, real_base, sorted(kinds.values()), width, height) == []


def search(page: Page, base: str, words: str, url: str = "") -> list[str]:
    """Type ``words`` into the header search box (Pagefind) on ``url``; return the result links."""
    page.goto(base + url)
    box = page.locator("#mb-search-input")
    box.click(timeout=5_000)
    box.press_sequentially(words, delay=20)
    expect(page.locator(".md-search-result__meta")).to_contain_text(f"for \u2018{words}\u2019", timeout=10_000)
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 720)])
def test_search_results_have_no_axe_violations(browser: Browser, fixture_base: str, width: int, height: int) -> None:
    """The open header search with results passes axe, on a phone (full-screen box) and a desktop."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(fixture_base)
    if width < 960:
        page.locator(".mb-search-button").click()
    page.locator("#mb-search-input").press_sequentially("strategy", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    assert axe_violations(page) == []
    page.close()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_search_page_with_results_has_no_axe_violations(
    browser: Browser, fixture_base: str, width: int, height: int
) -> None:
    """The search page listing every result for ?q= and a filter, with its filters, passes axe."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(fixture_base + "search/?q=board&kind=Meeting")
    expect(page.locator(".mb-search-page__item").first).to_be_visible(timeout=10_000)
    assert axe_violations(page) == []
    page.close()


def test_skip_link_is_first_and_focus_is_visible(browser: Browser, fixture_base: str) -> None:
    """The first Tab lands on a visible 'Skip to content' link with a focus outline."""
    page = browser.new_page()
    page.goto(fixture_base + "meetings/riverton-hwb/2024-03-14/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const e = document.activeElement, s = getComputedStyle(e);"
        " return {text: e.textContent.trim(), href: e.getAttribute('href'),"
        " outline: s.outlineStyle, width: parseFloat(s.outlineWidth), visible: e.getBoundingClientRect().height > 0}; }"
    )
    assert focused["text"].lower().startswith("skip to content")
    assert focused["href"].startswith("#")
    assert focused["visible"]
    assert focused["outline"] != "none" and focused["width"] >= 2
    page.close()


FOCUSABLE = (
    "() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]"
    ".filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[hidden]') && e.getClientRects().length"
    " && getComputedStyle(e).visibility !== 'hidden')"
    ".map((e, i) => { e.dataset.mbControl = i; return e.outerHTML.slice(0, 100); })"
)


def test_every_visible_control_is_reachable_by_keyboard(browser: Browser, fixture_base: str) -> None:
    """Tabbing through a decision page visits every visible link, button and field."""
    page = browser.new_page()
    page.goto(fixture_base + "decisions/riverton-hwb/2024-03-14/4-24/")
    wanted = page.evaluate(FOCUSABLE)
    reached: set[int] = set()
    for _ in range(len(wanted) + 20):
        page.keyboard.press("Tab")
        reached.add(int(page.evaluate("() => document.activeElement.dataset.mbControl ?? -1")))
    page.close()
    assert len(wanted) >= 20
    assert [html for i, html in enumerate(wanted) if i not in reached] == []


@pytest.mark.parametrize(
    ("injected", "rule"),
    [
        ('<img src="../../../assets/images/favicon.png">', "image-alt"),
        ('<p style="color: #b0b0b0; background: #ffffff">Pale grey text</p>', "color-contrast"),
    ],
)
def test_injected_failure_is_caught(
    browser: Browser, fixture_site: Path, tmp_path: Path, injected: str, rule: str
) -> None:
    """An image without alt text, or low-contrast text, added to a built page fails the axe check."""
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page_file = site / "meetings" / "riverton-hwb" / "2024-03-14" / "index.html"
    page_file.write_text(page_file.read_text("utf-8").replace("</article>", injected + "</article>", 1), "utf-8")
    with serve(site) as base:
        problems = _audit(browser, base, ["meetings/riverton-hwb/2024-03-14/"])
    assert problems and all(
        line.startswith(f"1280px /meetings/riverton-hwb/2024-03-14/: {rule}: ") for line in problems
    )
