"""What pages show about an indicator: its latest state, judgements, spine marker and CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from generator import urls
from generator.records.models import INDICATOR_COLUMNS, Indicator, IndicatorValue
from generator.render.env import format_number
from generator.site import stats
from generator.site.graph import Site


@dataclass
class Comparison:
    """The latest value set against one comparator area."""

    area: str
    row: IndicatorValue | None
    judgement: stats.Judgement
    unit: str | None = None

    @property
    def value_only(self) -> str:
        """The comparator's value with its unit."""
        return stats.with_unit(self.row.value if self.row else None, self.unit)


@dataclass
class IndicatorState:
    """An indicator's latest value and every judgement made about it."""

    indicator: Indicator
    area: str
    latest: IndicatorValue | None
    summary: str
    target: stats.Judgement
    trend: stats.Judgement
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def main(self) -> Comparison | None:
        """The comparison shown in overviews: England where there is one, else the first."""
        return next((c for c in self.comparisons if c.row is not None), None)

    @property
    def value_only(self) -> str:
        """The latest value with its unit, or an empty string."""
        row = self.latest
        return "" if row is None or row.value is None else stats.with_unit(row.value, self.indicator.unit)

    @property
    def value_text(self) -> str:
        """The latest value with its unit and period, or an empty string."""
        row = self.latest
        if row is None or row.value is None:
            return ""
        return f"{stats.with_unit(row.value, self.indicator.unit)} ({row.period})"


def indicator_state(site: Site, indicator: Indicator) -> IndicatorState:
    """Judge an indicator's latest own-area value against comparators, target and trend."""
    values = site.values(indicator.id)
    row = stats.latest(indicator, values)
    comparisons = []
    for area in stats.comparators(indicator, values):
        other = next((v for v in values if row and v.area == area and v.period == row.period), None)
        comparisons.append(Comparison(area, other, stats.compare(row, other, indicator.polarity), indicator.unit))
    return IndicatorState(
        indicator,
        stats.own_area(indicator, values),
        row,
        stats.summary(indicator, values),
        stats.against_target(row, indicator.polarity),
        stats.trend(indicator, values),
        comparisons,
    )


LEGEND = {
    "better": stats.Judgement("better", "Better"),
    "similar": stats.Judgement("similar", "Similar"),
    "worse": stats.Judgement("worse", "Worse"),
    "not-compared": stats.Judgement("not-compared", "Not compared"),
    "met": stats.Judgement("met", "Target met"),
    "not-met": stats.Judgement("not-met", "Target not met"),
}


def badge(j: stats.Judgement) -> Markup:
    """A judgement as shape and word (colour only repeats what they say)."""
    title = f' title="{escape(j.detail)}"' if j.detail else ""
    shape = f'<span aria-hidden="true">{stats.SHAPES[j.key]}</span>'
    return Markup(f'<span class="mb-judge mb-judge--{j.key}"{title}>{shape} {escape(j.word)}</span>')


def spine(site: Site, state: IndicatorState) -> Markup:
    """A small inline marker: the range of areas that period, the comparator, and this area."""
    row = state.latest
    if row is None or row.value is None:
        return Markup("")
    same = [v.value for v in site.values(state.indicator.id) if v.period == row.period and v.value is not None]
    main = state.main
    if len(same) < 2 or main is None or main.row is None or main.row.value is None:
        return Markup("")
    lo, hi = min(same), max(same)
    span = (hi - lo) or 1.0

    def x(v: float) -> str:
        return f"{4 + (v - lo) / span * 92:.1f}"

    label = (
        f"{state.area} {format_number(row.value)}; {main.area} {format_number(main.row.value)}; "
        f"range of {len(same)} areas {format_number(lo)} to {format_number(hi)}"
    )
    return Markup(
        f'<svg class="mb-spine" viewBox="0 0 100 16" width="100" height="16" role="img" aria-label="{escape(label)}">'
        f'<rect x="4" y="6" width="92" height="4" fill="#c8c8c8"/>'
        f'<rect x="{x(main.row.value)}" y="1" width="2" height="14" fill="#222"/>'
        f'<circle cx="{x(row.value)}" cy="8" r="4.5" fill="#fff" stroke="#1d3f72" stroke-width="2"/></svg>'
    )


def _cell(value: object) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value).replace(",", "")
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def indicator_csv(indicator: Indicator, values: list[IndicatorValue]) -> str:
    """The indicator's values as CSV, in the data file's columns and order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["indicator_id", *INDICATOR_COLUMNS])
    for v in values:
        writer.writerow([indicator.id, *(_cell(getattr(v, c, None)) for c in INDICATOR_COLUMNS)])
    return out.getvalue()


def csv_files(site: Site) -> list[tuple[str, str]]:
    """A CSV download beside every indicator page."""
    return [
        (urls.indicator_csv_path(iid), indicator_csv(site.indicators[iid], site.values(iid)))
        for iid in sorted(site.indicators)
        if not site.indicators[iid].withdrawn
    ]
