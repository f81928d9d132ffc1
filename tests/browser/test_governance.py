"""The governance comparison in Chromium: its tables sort with JavaScript and read, grouped, without it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.site]

ROWS = "() => Array.from(document.querySelectorAll('#table-hwb tbody tr')).map(r => r.id.replace('board-', ''))"
SORTS = "() => Array.from(document.querySelectorAll('#table-hwb thead th')).map(t => t.getAttribute('aria-sort'))"


def test_a_heading_sorts_its_table_and_says_how(browser: Browser, real_base: str) -> None:
    """Minutes approved: 58 (Dudley), 70 (Warwickshire), 91 days (Coventry); a board with no value stays last."""
    page = browser.new_page()
    page.goto(real_base + "governance/")
    assert page.evaluate(ROWS) == ["coventry-hwb", "dudley-hwb", "warwickshire-hwb"]  # by name, as generated
    heading = page.locator("#table-hwb thead th button", has_text="Minutes approved")
    heading.click()
    assert page.evaluate(ROWS) == ["dudley-hwb", "warwickshire-hwb", "coventry-hwb"]
    assert page.evaluate(SORTS)[3] == "ascending"
    heading.press("Enter")  # a button: the keyboard sorts too
    assert page.evaluate(ROWS) == ["coventry-hwb", "warwickshire-hwb", "dudley-hwb"]
    assert page.evaluate(SORTS)[3] == "descending"
    page.locator("#table-hwb thead th button", has_text="Agenda notice").click()
    assert page.evaluate(ROWS)[-1] == "warwickshire-hwb"  # its agenda prints no date: not recorded, last
    page.close()


def test_without_javascript_the_tables_are_grouped_by_kind(browser: Browser, real_base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_base + "governance/")
    assert page.locator(".mb-sortable table thead button").count() == 0
    headings = page.locator("article h2").all_inner_texts()
    assert [h for h in headings if h.endswith(("Boards", "committees", "boards"))][:3] == [
        "Health and Wellbeing Boards",
        "Scrutiny committees",
        "Safeguarding boards",
    ]
    context.close()
