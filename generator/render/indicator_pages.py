"""The pages of indicators: each indicator's page, the compare pages across boards, and the methods page."""

from __future__ import annotations

from typing import Any, cast

from markupsafe import Markup

from generator import urls
from generator.records.indicator import Indicator
from generator.render.charts import chart_specs, drawable
from generator.render.dotcharts import dot_spec, render_dots
from generator.render.indicator_view import LEGEND, METHOD_ANCHORS, badge
from generator.render.pages import PAGES, Page, PageMaker, Renderer, findable
from generator.site.breakdowns import Breakdown
from generator.site.compare import CompareGroup, compare_groups
from generator.site.graph import Site
from generator.site.indicators import IndicatorState, indicator_state

ZERO_BASED = ("count", "percentage", "rate", "pounds")


def groups_of(site: Site) -> list[CompareGroup]:
    """The build's compare groups, computed once."""
    cache = site.lookups.setdefault("compare_groups", {})
    if "groups" not in cache:
        cache["groups"] = compare_groups(site)
    return cast("list[CompareGroup]", cache["groups"])


def _columns(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Which optional columns the values table needs."""
    has: dict[str, Any] = {
        name: any(r[name] is not None for r in rows) for name in ("count", "denominator", "target", "note")
    }
    has["ci95"] = any(r["ci95"] for r in rows)
    has["ci998"] = any(r["ci998"] for r in rows)
    has["breakdown"] = any(not r["main"] for r in rows)
    has["dimensions"] = len({r["dimension"] for r in rows if not r["main"]})
    has["line"] = any(r["source_line"] is not None or r["source_pages"] is not None for r in rows)
    return has


def _breakdown_chart(r: Renderer, ind: Indicator, b: Breakdown, n: int) -> Markup:
    """A bar (or dot) chart of one breakdown, with intervals."""
    rows = [
        {
            "label": (f"{row['group']}: " if row["group"] else "") + str(row["category"]),
            "value": row["value"] if not row["qualifier"] else None,
            "lo": row["lo95"],
            "hi": row["hi95"],
            "kind": row["row_type"] or "item",
            "note": row["value_text"] + (" (not drawn)" if row["qualifier"] and row["value"] is not None else ""),
        }
        for row in b.rows
    ]
    title = f"{ind.title}: by {b.dimension}, {b.area}, {b.period}"
    desc = f"{len(rows)} rows of the breakdown by {b.dimension} for {b.area}, {b.period}; the figures are in the table."
    zero = ind.value_type in ZERO_BASED and not ind.axis_not_from_zero
    return Markup(r.charts.svg(dot_spec(f"breakdown-{n}", title, desc, ind.unit or "", rows, zero), render_dots))


def _not_drawn(state: IndicatorState) -> list[str]:
    """Periods of main-series values that the charts over time leave out (undated or qualified)."""
    rows = [row for row in state.rows if row["main"] and not drawable(row) and row["value_text"] != "no value"]
    return list(dict.fromkeys(row["period_label"] for row in rows))


def indicator_page(r: Renderer, indicator: Indicator) -> Page:
    """The page of one indicator: sentence, headline, ratings, judgements, charts, breakdowns, every value."""
    state = indicator_state(r.site, indicator)
    specs = chart_specs(indicator, state.rows, state.area, state.summary)
    strategies = [
        (s, p)
        for s in sorted(r.site.strategies.values(), key=lambda s: s.id)
        for p in s.priorities
        if indicator.id in p.indicator_ids
    ]
    url = urls.indicator_url(indicator.id)
    group = next((g for g in groups_of(r.site) if indicator in g.indicators), None)
    page = r.page(
        url,
        "indicator.j2",
        indicator.title,
        state.summary,
        i=indicator,
        state=state,
        charts=[Markup(r.charts.svg(spec)) for spec in specs],
        chart_titles=[spec["title"] for spec in specs],
        not_drawn=_not_drawn(state),
        breakdown_charts=[_breakdown_chart(r, indicator, b, n) for n, b in enumerate(state.breakdowns, start=1)],
        badge=badge,
        csv_link=urls.relative(url, urls.indicator_csv_url(indicator.id)),
        methods=urls.relative(url, urls.indicator_methods_url()),
        method_anchors=METHOD_ANCHORS,
        compare=urls.relative(url, group.url) if group else None,
        has=_columns(state.rows),
        strategies=strategies,
        decisions=r.site.decisions_citing.get(indicator.id, []),
    )
    return findable(page, "Indicator", r.board_names(indicator.board_ids))


def compare_page(r: Renderer, group: CompareGroup) -> Page:
    """The page ranking the boards' areas on one national code, period by period, with a dot chart each."""
    lead = group.lead
    charts = []
    for n, period in enumerate(group.periods, start=1):
        rows = [
            {
                "label": row["area"],
                "value": row["value"],
                "lo": row["lo"],
                "hi": row["hi"],
                "kind": "own",
                "note": row["value_text"],
            }
            for row in period.rows
        ]
        if period.england is not None:
            rows.append({"label": "England", "value": period.england, "lo": None, "hi": None, "kind": "area"})
        title = f"{lead.title}: areas compared, {period.period}"
        desc = f"{len(period.rows)} areas' values for {period.period}, with their intervals where known."
        zero = lead.value_type in ZERO_BASED and not lead.axis_not_from_zero
        charts.append(
            Markup(r.charts.svg(dot_spec(f"compare-{n}", title, desc, lead.unit or "", rows, zero), render_dots))
        )
    title = f"Compared across boards: {group.code}"
    page = r.page(
        group.url,
        "indicator_compare.j2",
        title,
        f"{lead.title} ({group.code}): the areas of {len(group.indicators)} indicators compared, period by period.",
        g=group,
        charts=charts,
        methods=urls.relative(group.url, urls.indicator_methods_url()),
        badge=badge,
        judgements=LEGEND,
    )
    return findable(page, "Indicator comparison")


def methods_page(r: Renderer) -> Page:
    """The page that explains every method the indicator pages use, with its sources."""
    page = r.page(
        urls.indicator_methods_url(),
        "indicator_methods.j2",
        "How the indicator pages compare and judge",
        "The methods behind every interval, comparison, trend and progress judgement on the indicator pages.",
        groups=groups_of(r.site),
    )
    return findable(page, "Methods")


def indicator_extra_pages(r: Renderer) -> list[Page]:
    """The methods page and one compare page per national code shared across boards."""
    return [methods_page(r), *(compare_page(r, g) for g in groups_of(r.site))]


PAGES.register("indicators", PageMaker("indicator.j2", lambda r, indicator: [indicator_page(r, indicator)]))
