"""Indicator charts: they say what they show (legend, other kinds of period, axis), pinned SVG, identical bytes, cached."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator.records.indicator import Indicator
from generator.render import charts
from generator.render.dotcharts import dot_spec, render_dots

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "charts" / "cvd.svg"


def indicator(**kw: Any) -> Indicator:
    """An indicator whose own area is Coventry."""
    fields = {
        "id": "cvd",
        "title": "Under 75 mortality <CVD> & stroke",
        "unit": "per 100,000",
        "value_type": "rate",
        "polarity": "lower-is-better",
        "board_ids": ["b"],
        "area": "Coventry",
        **kw,
    }
    return Indicator(**fields)


def row(period: str, area: str, value: float | None, **kw: Any) -> dict[str, Any]:
    """A row of an indicator's values table, as the page gives it to the chart."""
    base = {
        "period": period,
        "period_label": period,
        "area": area,
        "value": value,
        "main": True,
        "qualifier": None,
        "target": None,
        "lo95": None,
        "hi95": None,
        "lo998": None,
        "hi998": None,
    }
    return {**base, **kw}


def dataset() -> list[dict[str, Any]]:
    """Three periods with limits, two comparators and a target."""
    rows = []
    for k, period in enumerate(["2011 - 13", "2012 - 14", "2013 - 15"]):
        rows.append(row(period, "Coventry", 95 - 3 * k, lo95=88 - 3 * k, hi95=102 - 3 * k, target=90))
        rows.append(row(period, "England", 80 - 2 * k))
        rows.append(row(period, "West Midlands", 85 - 2 * k))
    return rows


def specs(ind: Indicator, rows: list[dict[str, Any]], summary: str = "A summary.") -> list[dict[str, Any]]:
    return charts.chart_specs(ind, rows, "Coventry", summary)


def legend(svg: str) -> list[str]:
    """The labels of a chart's legend (the text beside a legend line)."""
    return re.findall(r'<text x="44" y="[\d.]+">([^<]*)</text>', svg)


def test_chart_matches_golden(request: pytest.FixtureRequest) -> None:
    svg = charts.render(specs(indicator(comparators=["West Midlands"]), dataset())[0])
    if request.config.getoption("--update-golden"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(svg, encoding="utf-8")
    assert svg == GOLDEN.read_text(encoding="utf-8")


def test_two_renders_give_identical_bytes() -> None:
    first = charts.render(specs(indicator(), dataset())[0]).encode()
    second = charts.render(specs(indicator(), dataset())[0]).encode()
    assert first == second


def test_text_is_text_and_escaped() -> None:
    svg = charts.render(specs(indicator(), dataset(), "Summary <b>")[0])
    assert '<title id="chart-1-title">Under 75 mortality &lt;CVD&gt; &amp; stroke</title>' in svg
    assert '<desc id="chart-1-desc">Summary &lt;b&gt;</desc>' in svg
    assert ">2013 - 15</text>" in svg and ">England</text>" in svg and ">Target</text>" in svg
    assert "\n\n" not in svg  # safe inside a raw HTML block


def test_legend_lists_only_the_series_drawn() -> None:
    """England has a value only for a quarter: the chart of years must not list it (it listed it, undrawn)."""
    rows = [
        row("2014", "Coventry", 10),
        row("2015", "Coventry", 12),
        row("Q1 2015/16", "England", 9),
        row("not stated", "West Midlands", 11),
    ]
    years, quarters = (charts.render(s) for s in specs(indicator(), rows))
    assert legend(years) == ["Coventry (this area)"]
    assert legend(quarters) == ["England"]
    assert all("West Midlands" not in s for s in (years, quarters))  # undated: in the table only


def test_another_kind_of_period_gets_its_own_chart() -> None:
    rows = [
        row("2014/15", "Coventry", 10),
        row("2015/16", "Coventry", 12),
        row("Q1 2016/17", "Coventry", 3),
        row("Q2 2016/17", "Coventry", 4),
    ]
    found = specs(indicator(), rows)
    assert [s["title"] for s in found] == [
        "Under 75 mortality <CVD> & stroke (quarters)",
        "Under 75 mortality <CVD> & stroke (years)",
    ]
    assert [s["periods"] for s in found] == [["Q1 2016/17", "Q2 2016/17"], ["2014/15", "2015/16"]]
    assert [s["id"] for s in found] == ["chart-1", "chart-2"]  # distinct ids on one page


def test_qualified_values_are_not_drawn() -> None:
    rows = [row("2014", "Coventry", 10), row("2015", "Coventry", 500, qualifier="more-than")]
    assert specs(indicator(), rows)[0]["periods"] == ["2014"]


@pytest.mark.parametrize(
    ("value_type", "reason", "first_tick"),
    [
        ("count", None, "0"),
        ("percentage", None, "0"),
        ("rate", None, "0"),
        ("years", None, "78.5"),
        ("rate", "Rates vary within a narrow band.", "78.5"),
    ],
)
def test_axis_starts_at_zero_for_amounts_unless_the_indicator_says_why(
    value_type: str, reason: str | None, first_tick: str
) -> None:
    rows = [row("2014", "Coventry", 78.5), row("2015", "Coventry", 79.9)]
    svg = charts.render(specs(indicator(value_type=value_type, axis_not_from_zero=reason), rows)[0])
    ticks = re.findall(r'text-anchor="end">([\d.,]+)</text>', svg)
    assert ticks[0] == first_tick


def test_confidence_whiskers_are_drawn_only_where_known() -> None:
    spec = specs(indicator(), dataset())[0]
    assert [p[2] for p in spec["series"][0]["points"]] == [88, 85, 82]
    assert all(p[2] is None for p in spec["series"][1]["points"])


def test_large_chart_stays_under_30_kb() -> None:
    rows = [
        row(f"Q{q} 20{y}/{y + 1}", area, 1000 + 37 * y + q, lo95=990, hi95=1400, target=1200)
        for y in range(10, 20)
        for q in range(1, 5)
        for area in ("Coventry", "England", "A", "B", "C", "D", "E")
    ]
    assert len(charts.render(specs(indicator(), rows)[0]).encode()) < 30_000


def test_unchanged_chart_is_reused_from_the_cache() -> None:
    cache = charts.ChartCache()
    spec = specs(indicator(), dataset(), "cache test")[0]
    cache.svg(spec)
    assert cache.svg(spec) == cache.svg(spec)
    assert (cache.rendered, cache.reused) == (1, 2)
    rows = dataset()
    rows[0] = row("2011 - 13", "Coventry", 96)
    cache.svg(specs(indicator(), rows, "cache test")[0])
    assert cache.rendered == 2


def test_chart_cache_keeps_only_the_last_build_and_this_one() -> None:
    """A long preview session must not keep every chart it ever drew (on main the cache grew by one per edit)."""
    cache = charts.ChartCache()
    rows = dataset()
    for n in range(6):
        cache.new_build()
        rows[0] = row("2011 - 13", "Coventry", 90 + n)
        cache.svg(specs(indicator(), rows, "edited")[0])
    assert len(cache) == 2 and cache.rendered == 6
    cache.new_build()
    cache.svg(specs(indicator(), rows, "edited")[0])  # unchanged since the last build: reused
    assert cache.reused == 1 and len(cache) == 1


def test_single_value_and_flat_values_render() -> None:
    for rows in ([row("2012", "Coventry", 0)], [row(p, "Coventry", 5) for p in ("2012", "2013")]):
        assert "<circle" in charts.render(specs(indicator(), rows)[0])


def test_breakdown_chart_labels_subtotals_and_says_what_is_not_drawn() -> None:
    rows = [
        {"label": "Team manager", "value": 52000, "lo": None, "hi": None, "kind": "item"},
        {"label": "Total council posts", "value": 93000, "lo": None, "hi": None, "kind": "subtotal"},
        {
            "label": "Agency staff",
            "value": None,
            "lo": None,
            "hi": None,
            "kind": "item",
            "note": "over 5,000 (not drawn)",
        },
    ]
    svg = render_dots(dot_spec("breakdown-1", "Costs <by post>", "Three rows.", "£", rows, True))
    assert ">Total council posts (subtotal)</text>" in svg
    assert '<rect x="240" y="36" width="' in svg  # bars start at zero
    assert 'fill="#fff" stroke="#1d3f72"' in svg  # the subtotal is hollow
    assert ">over 5,000 (not drawn)</text>" in svg
    assert '<title id="breakdown-1-title">Costs &lt;by post&gt;</title>' in svg
