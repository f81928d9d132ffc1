"""Pages of the Southampton panel (the real dataset): its plans, and its indicators that are breakdowns."""

from __future__ import annotations

import re

import pytest

from generator import build, urls
from generator.render import render_site
from tests.conftest import ROOT, TODAY

PANEL = "southampton-health-overview-and-scrutiny-panel"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The real dataset's pages by path."""
    report, site = build.check(ROOT / "data")
    assert site is not None, report.lines()
    return render_site(site, TODAY, "Minutebook", "https://example.org/")


def test_a_plan_put_to_a_meeting_is_on_the_board_page(pages: dict[str, str]) -> None:
    """List the winter plan put to the panel (owned by another body) with the meeting and item it was put to."""
    page = pages[urls.page_path(urls.board_url(PANEL))]
    plans = page[page.index('<h2 id="plans">') :].split("</ul>")[0]
    assert plans.count("<li>") == 2
    assert (
        "South West Hampshire System Urgent and Emergency Care Whole System Action Plan 2014/15</a> (29 actions)"
        in plans
    )
    assert "put to its meeting of " in plans and "27 November 2014</a>, item 11" in plans
    assert "Action Plan in Response to Ofsted Findings</a> (90 actions)" in plans


def test_a_breakdown_is_no_value_and_no_trend_in_the_overview(pages: dict[str, str]) -> None:
    """Say a breakdown has several figures (not 'No value'), and draw no trend through rows of one period."""
    page = pages[urls.page_path(urls.board_indicators_url(PANEL))]
    rows = {re.sub(r"<[^>]+>", "", r.split("</th>")[0]): r for r in page.split('<tr><th scope="row">')[1:]}
    assert "18 figures, a breakdown" in rows["MASH - Staff Costs"]
    assert "5 figures, a breakdown" in rows["Proposed savings"]
    assert "No value" not in rows["Proposed savings"] and "Up" not in rows["Proposed savings"]
