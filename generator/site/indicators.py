"""An indicator's latest state: its latest value, and how it compares, against its target and over time."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.records.indicator import Indicator, IndicatorValue
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
    breakdown: int = 0  # figures in the latest period when it is broken down (then there is no latest value)

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
    def value_or_why(self) -> str:
        """The latest value with its unit, or how many figures a breakdown has, or 'No value'."""
        if self.breakdown:
            return f"{self.breakdown} figures, a breakdown"
        return self.value_only or "No value"

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
        len(stats.breakdown(indicator, values)),
    )
