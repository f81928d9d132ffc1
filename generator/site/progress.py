"""Progress to a target with Open SDG's compound-annual-growth-rate method.

Open SDG's progress methodology (open-sdg/open-sdg, docs/progress-methodology.md, after Statistics
Canada and Eurostat; computed in sdg-build's progress measure) compares the observed compound annual
growth rate since the base year with the rate the target needs by its year:

    CAGR_observed = (y_latest / y_base) ** (1 / (t_latest - t_base)) - 1
    CAGR_required = (y_target / y_base) ** (1 / (t_target - t_base)) - 1
    R = d * CAGR_observed / |CAGR_required|,   d = +1 where higher is better, -1 where lower is better

and reads R against fixed thresholds: the target already met (in the better direction) is "Target
achieved"; R >= 95% "On track"; 60% to 95% "Progress made but acceleration needed"; 0% to 60%
"Limited progress"; below 0 "Deterioration". The direction d keeps a target set on the wrong side of the
first value (the edge case the methodology names) from reading a move away from it as progress. Years are
the years the periods start in, as Open SDG takes the first year of a range. Open SDG measures progress
towards a target year still to come: once that year is reached without the target, the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from generator.site.periods import start_year

THRESHOLDS = ((0.95, "On track"), (0.60, "Progress made but acceleration needed"), (0.0, "Limited progress"))


@dataclass(frozen=True)
class Progress:
    """Progress to one target: the category, the ratio of growth rates, or why it is not measured."""

    category: str = ""
    ratio: float | None = None
    base: str = ""
    latest: str = ""
    reason: str = ""


def cagr(latest: float, base: float, t_latest: float, t_base: float) -> float:
    """Compound annual growth rate from base to latest."""
    return float((latest / base) ** (1 / (t_latest - t_base)) - 1)


def category(ratio: float) -> str:
    """The Open SDG category of a ratio of observed to required growth."""
    return next((name for bound, name in THRESHOLDS if ratio >= bound), "Deterioration")


def progress(series: pd.DataFrame, target: float, target_period: str | None, polarity: str) -> Progress:
    """Progress of one main series (columns period, value; dated, oldest first) to a target."""
    if polarity == "no-judgement":
        return Progress(reason="the indicator has no better direction")
    t_target = start_year(target_period)
    if t_target is None:
        return Progress(reason="the target's year is not printed")
    rows = series[series["value"].notna() & series["qualifier"].isna() & series["year"].notna()]
    if len(rows) < 2 or rows["year"].iloc[-1] <= rows["year"].iloc[0]:
        return Progress(reason="it needs values for at least two different whole years")
    base, latest = rows.iloc[0], rows.iloc[-1]
    up = polarity == "higher-is-better"
    first, last = str(base["period"]), str(latest["period"])
    if (latest["value"] >= target) if up else (latest["value"] <= target):
        return Progress("Target achieved", base=first, latest=last)
    if base["value"] <= 0 or target <= 0 or t_target <= base["year"]:
        reason = "growth rates need positive values and a target year after the first value"
        return Progress(base=first, latest=last, reason=reason)
    if latest["year"] >= t_target:
        return Progress("Target year reached, target not met", base=first, latest=last)
    required = cagr(target, base["value"], t_target, base["year"])
    if required == 0:
        return Progress(base=first, latest=last, reason="the first value already equals the target")
    direction = 1 if up else -1
    ratio = direction * cagr(latest["value"], base["value"], latest["year"], base["year"]) / abs(required)
    return Progress(category(ratio), ratio, base=first, latest=last)
