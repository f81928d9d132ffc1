"""Pagefind search in headless Chromium: without JavaScript, the search page, keyboard, subfolders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.support import serve
from tests.browser.test_a11y import search

pytestmark = [pytest.mark.browser, pytest.mark.site]  # Chromium, on a built site

DECISION = "decisions/riverton-hwb/2024-03-14/4-24/"


def test_header_search_without_javascript_opens_the_search_page(browser: Browser, fixture_base: str) -> None:
    """With JavaScript off, the header form goes to /search/?q=, which explains and links to the indexes."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_base + DECISION)
    form = page.locator("form[role=search]")
    assert form.get_attribute("method") == "get"
    assert page.locator("label[for=mb-search-input]").inner_text() == "Search this site"
    page.locator("#mb-search-input").fill("six months")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == fixture_base + "search/?q=six+months"
    article = page.locator("article")
    expect(article.locator("h1")).to_have_text("Search")
    expect(article).to_contain_text("needs JavaScript")
    hrefs = article.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    for index in ("decisions/", "people/", "meetings/", "indicators/"):
        assert fixture_base + index in hrefs, index
    context.close()


def test_search_page_without_words_shows_only_the_form(browser: Browser, fixture_base: str) -> None:
    """No query yet: the box and its button, and no "Show more results" (it once showed, as the theme's
    button style beat the hidden attribute)."""
    page = browser.new_page()
    page.goto(fixture_base + "search/")
    expect(page.locator("#mb-search-page-input")).to_be_visible()
    expect(page.locator("[data-mb-search-more]")).to_be_hidden()
    page.close()


def test_search_page_lists_every_result_for_q(browser: Browser, fixture_base: str) -> None:
    """/search/?q=words fills the box and lists every result, with the count announced."""
    page = browser.new_page()
    page.goto(fixture_base + "search/?q=reported every six months")
    expect(page.locator("#mb-search-page-input")).to_have_value("reported every six months")
    status = page.locator(".mb-search-page__status")
    expect(status).to_contain_text("for \u2018reported every six months\u2019", timeout=10_000)
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    links = page.locator(".mb-search-page__results a").evaluate_all("links => links.map(a => a.href)")
    assert fixture_base + DECISION in links
    expect(page.locator("[data-mb-search-nojs]")).to_be_hidden()
    page.close()


def test_result_title_is_the_page_title_and_excerpt_marks_the_words(browser: Browser, fixture_base: str) -> None:
    """A result is titled like the page (board and date for a decision); its excerpt marks the words."""
    page = browser.new_page()
    search(page, fixture_base, "reported every six months")
    hit = page.locator(".md-search-result__item", has=page.locator(f"a[href$='/{DECISION}']"))
    expect(hit.locator("a")).to_have_text("Joint Health and Wellbeing Strategy 2024-2027 (Riverton HWB, 14 March 2024)")
    expect(hit.locator("mark").first).to_be_visible()
    assert "Skip to content" not in hit.inner_text() and "This page as JSON" not in hit.inner_text()
    page.close()


def test_search_results_are_keyboard_operable(browser: Browser, fixture_base: str) -> None:
    """Arrow keys move from the box through the results, Enter opens one, Escape closes the box."""
    page = browser.new_page()
    links = search(page, fixture_base, "strategy")
    box = page.locator("#mb-search-input")
    box.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    expect(page.locator(".md-search__output")).to_have_css("opacity", "0")
    page.keyboard.type(" riverton")
    assert page.locator("#__search").is_checked()
    expect(page.locator(".md-search-result__meta")).to_contain_text("\u2018strategy riverton\u2019", timeout=10_000)
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target
    page.close()


def test_phone_search_button_opens_the_box_and_escape_returns_to_it(browser: Browser, fixture_base: str) -> None:
    """On a phone the search button is a link (it works without JavaScript); with it, it opens the box."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(fixture_base + DECISION)
    button = page.locator(".mb-search-button")
    assert button.evaluate("b => b.tagName") == "A" and button.get_attribute("aria-label") == "Search"
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#mb-search-input")).to_be_focused()
    page.keyboard.type("Cllr Chair")
    expect(page.locator(".md-search-result__item a").first).to_be_visible(timeout=10_000)
    page.keyboard.press("Escape")
    expect(button).to_be_focused()
    page.close()


def test_search_works_from_a_subfolder_and_fetches_only_the_site(
    browser: Browser, fixture_site: Path, tmp_path: Path
) -> None:
    """Served from /council/minutebook/, results point inside it and every request stays on the site."""
    (tmp_path / "council").mkdir()
    os.symlink(fixture_site, tmp_path / "council" / "minutebook")
    with serve(tmp_path) as root:
        base = root + "council/minutebook/"
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        links = search(page, base, "Cllr Chair", url=DECISION)
        assert base + "people/ann-chair/" in links, links
        assert any("/pagefind/" in url for url in requests)
        assert [url for url in requests if not url.startswith(base)] == []
        page.goto(base + "search/?q=Cllr Chair")
        expect(
            page.locator(".mb-search-page__results a[href$='/council/minutebook/people/ann-chair/']")
        ).to_be_visible()
        page.close()


def test_each_result_says_what_kind_of_page_it_is(browser: Browser, fixture_base: str) -> None:
    """A result is labelled with its kind, read before its title; staff pages are labelled for staff."""
    page = browser.new_page()
    search(page, fixture_base, "reported every six months")
    hit = page.locator(".md-search-result__item", has=page.locator(f"a[href$='/{DECISION}']"))
    expect(hit.locator(".mb-search-hit__title")).to_have_text(
        "Decision: Joint Health and Wellbeing Strategy 2024-2027 (Riverton HWB, 14 March 2024)"
    )
    page.goto(fixture_base + "search/?q=skeleton")
    guide = page.locator(".mb-search-page__item", has=page.locator("a[href$='/guide/publishing/']"))
    expect(guide.locator(".mb-search-hit__kind")).to_have_text("For staff", timeout=10_000)
    page.close()


def test_search_page_filters_by_kind_board_and_year(browser: Browser, fixture_base: str) -> None:
    """The filters list Pagefind's kinds, boards and years; a choice narrows the results and stays in the address."""
    filters_work(browser, fixture_base)


def filters_work(browser: Browser, fixture_base: str) -> None:
    """Check the search page's filters on the fixture site served at ``fixture_base`` (also built in shards)."""
    page = browser.new_page()
    page.goto(fixture_base + "search/?q=riverton")
    status = page.locator(".mb-search-page__status")
    expect(status).to_contain_text("for \u2018riverton\u2019", timeout=10_000)
    kinds = page.locator("#mb-filter-kind option").all_inner_texts()
    assert (
        kinds[0] == "Every kind" and any(k.startswith("Decision (") for k in kinds) and "For staff (7)" in kinds
    )  # the reference and the six guide pages
    assert any(
        b.startswith("Riverton Health and Wellbeing Board (")
        for b in page.locator("#mb-filter-board option").all_inner_texts()
    )
    assert [y.split(" ")[0] for y in page.locator("#mb-filter-year option").all_inner_texts()][:3] == [
        "Every",
        "2030",
        "2025",  # the panel's meeting of 13 March 2025 (issue 15's fixture board)
    ]
    page.get_by_label("Kind of page").select_option("Meeting")
    expect(status).to_contain_text("among pages marked Meeting", timeout=10_000)
    expect(page.locator(".mb-search-hit__kind").first).to_be_visible(timeout=10_000)
    labels = page.locator(".mb-search-hit__kind").all_inner_texts()
    assert labels and set(labels) == {"Meeting"}
    assert "kind=Meeting" in page.url
    page.get_by_label("Year").select_option("2024")
    expect(status).to_contain_text("among pages marked Meeting, 2024", timeout=10_000)
    # the board's March and June 2024, the panel's July, September and December 2024; not 2025 or 2030
    expect(page.locator(".mb-search-page__item")).to_have_count(5, timeout=10_000)
    page.goto(fixture_base + "search/?q=&kind=Decision")  # filters alone, from the address
    expect(page.get_by_label("Kind of page")).to_have_value("Decision")
    expect(status).to_have_text("3 results among pages marked Decision", timeout=10_000)  # one board, two panel
    page.close()
