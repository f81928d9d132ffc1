"""Pages of the Southampton panel (the real dataset): its plans, and its indicators that are breakdowns."""

from __future__ import annotations

import re

import pytest

from generator import build, urls
from generator.render import render_site
from generator.site.indicators import indicator_state
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


def test_a_breakdown_has_no_headline_in_the_overview(pages: dict[str, str]) -> None:
    """Never give a breakdown's printed total as the panel's figure: MASH staff costs has no single latest value."""
    page = pages[urls.page_path(urls.board_indicators_url(PANEL))]
    rows = {re.sub(r"<[^>]+>", "", r.split("</th>")[0]): r for r in re.split(r'<tr>\s*<th scope="row">', page)[1:]}
    for title in ("MASH - Staff Costs", "Proposed savings", "SCAS 111 performance against KPIs"):
        assert "no single latest value" in rows[title], title
    assert "165,200" not in rows["MASH - Staff Costs"] and "545,500" not in rows["MASH - Staff Costs"]


def test_a_breakdown_with_no_printed_period_keeps_its_rows() -> None:
    """Show every row of a breakdown whose table prints no period (the MASH staff costs: 18 rows, not 0)."""
    report, site = build.check(ROOT / "data")
    assert site is not None, report.lines()
    state = indicator_state(site, site.indicators["southampton-mash-staff-costs"])
    assert [(b.dimension, b.period, len(b.rows)) for b in state.breakdowns] == [("Post", "period not printed", 18)]
