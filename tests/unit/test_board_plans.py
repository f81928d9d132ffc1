"""A board's page lists the plans it owns or monitors and the plans put to its meetings."""

from __future__ import annotations

from generator import build, urls
from generator.render import render_site
from tests.conftest import ROOT, TODAY

PANEL = "southampton-health-overview-and-scrutiny-panel"


def test_a_plan_put_to_a_meeting_is_on_the_board_page() -> None:
    """List the winter plan put to the panel (owned by another body) with the meeting and item it was put to."""
    report, site = build.check(ROOT / "data")
    assert site is not None, report.lines()
    page = render_site(site, TODAY, "Minutebook", "https://example.org/")[urls.page_path(urls.board_url(PANEL))]
    plans = page[page.index('<h2 id="plans">') :].split("</ul>")[0]
    assert plans.count("<li>") == 2
    assert (
        "South West Hampshire System Urgent and Emergency Care Whole System Action Plan 2014/15</a> (29 actions)"
        in plans
    )
    assert "put to its meeting of " in plans and "27 November 2014</a>, item 11" in plans
    assert "Action Plan in Response to Ofsted Findings</a> (90 actions)" in plans
