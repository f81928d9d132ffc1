"""Indicator charts: pinned SVG, identical bytes on every render, text as text, small, cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.records.indicator import Indicator, IndicatorValue
from generator.render import charts

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "charts" / "cvd.svg"


def dataset() -> tuple[Indicator, list[IndicatorValue]]:
    """A small indicator with limits, two comparators and a target."""
    ind = Indicator(
        id="cvd",
        title="Under 75 mortality <CVD> & stroke",
        unit="per 100,000",
        value_type="rate",
        polarity="lower-is-better",
        board_ids=["b"],
        area="Coventry",
    )
    rows = []
    for k, period in enumerate(["2011 - 13", "2012 - 14", "2013 - 15"]):
        rows.append(
            IndicatorValue(
                period=period,
                area="Coventry",
                value=str(95 - 3 * k),
                lower_ci=str(88 - 3 * k),
                upper_ci=str(102 - 3 * k),
                target="90",
            )
        )
        rows.append(IndicatorValue(period=period, area="England", value=str(80 - 2 * k)))
        rows.append(IndicatorValue(period=period, area="West Midlands", value=str(85 - 2 * k)))
    return ind, rows


def test_chart_matches_golden(request: pytest.FixtureRequest) -> None:
    ind, rows = dataset()
    svg = charts.render(charts.chart_spec(ind, rows, "A summary."))
    if request.config.getoption("--update-golden"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(svg, encoding="utf-8")
    assert svg == GOLDEN.read_text(encoding="utf-8")


def test_two_renders_give_identical_bytes() -> None:
    ind, rows = dataset()
    first = charts.render(charts.chart_spec(ind, rows, "s")).encode()
    second = charts.render(charts.chart_spec(*dataset(), "s")).encode()
    assert first == second


def test_text_is_text_and_escaped() -> None:
    ind, rows = dataset()
    svg = charts.render(charts.chart_spec(ind, rows, "Summary <b>"))
    assert '<title id="chart-title">Under 75 mortality &lt;CVD&gt; &amp; stroke</title>' in svg
    assert '<desc id="chart-desc">Summary &lt;b&gt;</desc>' in svg
    assert ">2013 - 15</text>" in svg and ">England</text>" in svg and ">Target</text>" in svg
    assert "\n\n" not in svg  # safe inside a raw HTML block


def test_confidence_whiskers_are_drawn_only_where_given() -> None:
    ind, rows = dataset()
    spec = charts.chart_spec(ind, rows, "s")
    assert [p[2] for p in spec["series"][0]["points"]] == [88, 85, 82]
    assert all(p[2] is None for p in spec["series"][1]["points"])


def test_large_chart_stays_under_30_kb() -> None:
    ind, _ = dataset()
    rows = [
        IndicatorValue(
            period=f"Q{q} 20{y}/{y + 1}",
            area=area,
            value=str(1000 + 37 * y + q),
            lower_ci="990",
            upper_ci="1400",
            target="1200",
        )
        for y in range(10, 20)
        for q in range(1, 5)
        for area in ("Coventry", "England", "A", "B", "C", "D", "E")
    ]
    assert len(charts.render(charts.chart_spec(ind, rows, "s")).encode()) < 30_000


def test_unchanged_chart_is_reused_from_the_cache() -> None:
    ind, rows = dataset()
    cache = charts.ChartCache()
    cache.svg(ind, rows, "cache test")
    assert cache.svg(ind, rows, "cache test") == cache.svg(ind, rows, "cache test")
    assert (cache.rendered, cache.reused) == (1, 2)
    rows[0] = IndicatorValue(period="2011 - 13", area="Coventry", value="96")
    cache.svg(ind, rows, "cache test")
    assert cache.rendered == 2


def test_chart_cache_keeps_only_the_last_build_and_this_one() -> None:
    """A long preview session must not keep every chart it ever drew (on main the cache grew by one per edit)."""
    ind, rows = dataset()
    cache = charts.ChartCache()
    for n in range(6):
        cache.new_build()
        rows[0] = IndicatorValue(period="2011 - 13", area="Coventry", value=str(90 + n))
        cache.svg(ind, rows, "edited")
    assert len(cache) == 2 and cache.rendered == 6
    cache.new_build()
    cache.svg(ind, rows, "edited")  # unchanged since the last build: reused
    assert cache.reused == 1 and len(cache) == 1


def test_single_value_and_flat_values_render() -> None:
    ind, _ = dataset()
    for rows in (
        [IndicatorValue(period="2012", area="Coventry", value="0")],
        [IndicatorValue(period=p, area="Coventry", value="5") for p in ("2012", "2013")],
    ):
        assert "<circle" in charts.render(charts.chart_spec(ind, rows, "s"))


def test_a_breakdown_gets_no_chart() -> None:
    """Draw no chart when a period has several figures: one point per period would show only the last, a total."""
    mash = Indicator(
        id="mash", title="MASH - Staff Costs", unit="£", value_type="pounds", polarity="no-judgement", board_ids=["b"]
    )
    rows = [
        IndicatorValue(period="not printed", area="Southampton", value="52800", note="Post: Team Management"),
        IndicatorValue(period="not printed", area="Southampton", value="545500", note="Post: Total SCC MASH"),
    ]
    assert charts.ChartCache().svg(mash, rows, "") == ""
    assert "<svg" in charts.ChartCache().svg(mash, rows[:1], "")
