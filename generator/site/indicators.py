"""Each indicator's state for its pages: headline, the report's own rating, benchmarks, trend, targets, breakdowns.

Computed once per build for every indicator from one DataFrame (frame.py) and kept with
``Site.memo``, so the indicator page, the board overviews, the compare pages and meeting pages all read the
same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import pandas as pd

from generator.records.indicator import Indicator
from generator.records.indicator_parts import ReportRating, TargetStatement
from generator.site.benchmark import NOT_BENCHMARKED, comparisons, earlier_comparisons, headlines, quintile
from generator.site.breakdowns import Breakdown, breakdowns, display_periods, records_of, table_rows
from generator.site.frame import ENGLAND, values_frame
from generator.site.graph import Site
from generator.site.periods import period_key
from generator.site.progress import Progress, progress
from generator.site.sentence import possessive, sentence
from generator.site.stats import ANSWERS, Judgement, value_text, with_unit
from generator.site.trend import recent_trend


@dataclass
class Comparison:
    """The headline against one comparator's value for the same period."""

    area: str
    value: float
    value_text: str
    judgement: Judgement
    higher: bool = False
    reason: str = ""  # why it was not tested, when it was not


@dataclass
class RatingView:
    """The report's own rating, with its key's meaning when it is a symbol."""

    rating: ReportRating
    period: str
    meaning: str = ""

    def __getattr__(self, name: str) -> Any:
        """Read the rating's own fields through the view (printed, kind, against, source)."""
        if name.startswith("__") or name == "rating":  # asked before ``rating`` is set, as unpickling does
            raise AttributeError(name)
        return getattr(self.rating, name)


@dataclass
class IndicatorState:
    """An indicator's latest value and every judgement made about it."""

    indicator: Indicator
    area: str
    headline: dict[str, Any] | None = None
    headline_reason: str = ""
    period: str = ""
    value_only: str = ""  # the headline value with its unit and qualifier
    ratings: list[RatingView] = field(default_factory=list)
    other_ratings: list[RatingView] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    no_comparison: str = ""
    earlier: list[Comparison] = field(default_factory=list)  # an earlier period's, when the headline's has none
    earlier_period: str = ""
    earlier_value: str = ""
    trend: Judgement = Judgement("none", "No trend")
    target: Judgement = Judgement("none", "No target")
    targets: list[tuple[TargetStatement, Progress | None]] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    quintile: str = ""
    summary: str = ""

    @property
    def main(self) -> Comparison | None:
        """The comparison shown first: England where it has a value, else the first comparator."""
        return self.comparisons[0] if self.comparisons else None

    @property
    def headline_value(self) -> float | None:
        """The headline's number, when it has one."""
        return None if self.headline is None else self.headline["value"]

    @property
    def judgement(self) -> Judgement:
        """The computed judgement against the main comparator, or why there is none."""
        if self.main is not None:
            return self.main.judgement
        return Judgement("not-compared", "Not compared", self.no_comparison or self.headline_reason)

    @property
    def value_text(self) -> str:
        """The headline value with its period ('87.9 per 100,000 (2013 - 15)'), or an empty string."""
        return f"{self.value_only} ({self.period})" if self.headline is not None else ""

    @property
    def answer(self) -> str:
        """How the page answers 'better or worse than England?': tested, report, untested, or ''."""
        if any(c.judgement.key in ANSWERS for c in self.comparisons):
            return "tested"
        if any(r.kind == "comparator" for r in (*self.ratings, *self.other_ratings)):
            return "report"
        if self.comparisons:
            return "untested"
        if any(c.judgement.key in ANSWERS for c in self.earlier):
            return "earlier tested"
        return "earlier untested" if self.earlier else ""


def _everything(site: Site) -> dict[str, Any]:
    """The values frame, every indicator's state and every headline's comparisons, computed once per build
    (``Site.memo``: a cached build sees what they were computed from)."""

    def compute() -> dict[str, Any]:
        frame = values_frame(site)
        states, comps = _compute(site, frame)
        return {"frame": frame, "states": states, "comparisons": comps}

    return site.memo("indicator_states", None, compute)


def indicator_states(site: Site) -> dict[str, IndicatorState]:
    """Every indicator's state, computed once per build."""
    return cast("dict[str, IndicatorState]", _everything(site)["states"])


def values_of(site: Site) -> pd.DataFrame:
    """The build's values frame (computed with the states)."""
    return cast("pd.DataFrame", _everything(site)["frame"])


def indicator_state(site: Site, indicator: Indicator) -> IndicatorState:
    """One indicator's state."""
    return indicator_states(site)[indicator.id]


def comparisons_of(site: Site) -> pd.DataFrame:
    """Every headline's comparisons: indicator, area, value_c, key, word, detail (computed with the states)."""
    return cast("pd.DataFrame", _everything(site)["comparisons"])


def _compute(site: Site, frame: pd.DataFrame) -> tuple[dict[str, IndicatorState], pd.DataFrame]:
    """States of all indicators from the frame: headlines and benchmarks at once, then each indicator's parts."""
    dims = frame[~frame["main"]].groupby("indicator")["dimension"].agg(lambda s: " and ".join(dict.fromkeys(s)))
    heads = headlines(frame, dims)
    comps = comparisons(frame, heads, site.indicators)
    earlier = earlier_comparisons(frame, heads.drop(index=comps["indicator"].unique()), site.indicators)
    compared = set(comps["indicator"])
    keep = [heads.loc[i, "at"] < 0 or i not in compared for i in earlier["indicator"]]
    earlier = earlier.loc[pd.Series(keep, index=earlier.index, dtype=bool)]
    by_indicator = dict(tuple(frame.groupby("indicator")))
    records = records_of(frame)
    comps_by = dict(tuple(comps.groupby("indicator")))
    earlier_by = dict(tuple(earlier.groupby("indicator")))
    states = {
        iid: _state(ind, by_indicator.get(iid, frame.iloc[0:0]), heads, comps_by.get(iid), records)
        for iid, ind in sorted(site.indicators.items())
    }
    for iid, rows in earlier_by.items():
        _earlier(states[iid], rows)
    return states, comps


def _state(
    ind: Indicator, rows: pd.DataFrame, heads: pd.DataFrame, comps: pd.DataFrame | None, records: list[dict[str, Any]]
) -> IndicatorState:
    """One indicator's state from its rows and its share of the headline and benchmark tables."""
    area = str(rows["own_area"].iloc[0]) if len(rows) else (ind.area or "")
    state = IndicatorState(ind, area)
    labels = display_periods(rows["period"].dropna().tolist())
    at = int(heads.loc[ind.id, "at"]) if ind.id in heads.index else -1
    state.rows = table_rows(rows, labels, ind.unit, records)
    state.breakdowns = breakdowns(rows, labels, ind.unit, records) if not rows["main"].all() else []
    series = rows[rows["own"] & rows["main"] & rows["dated"]]
    state.trend = _trend(ind, series)
    annual = series[series["annual"]]  # Open SDG measures growth over years: quarters and rolling periods are left out
    state.targets = [
        (t, progress(annual, t.value, t.period, ind.polarity) if t.value is not None and t.category is None else None)
        for t in ind.targets
    ]  # a breakdown row's target is not measured against the area's main series
    if at < 0:
        state.headline_reason = str(heads.loc[ind.id, "reason"]) if ind.id in heads.index else "no values"
        state.other_ratings = _ratings(ind, None)
    else:
        _headline(state, rows.loc[at], labels, comps, rows)
    state.summary = sentence(state)
    return state


def _quintile(ind: Indicator, rows: pd.DataFrame, row: pd.Series) -> str:
    """The headline's quintile in its declared group, or why none is given ('' without a group)."""
    group = ind.peer_group
    if group is None:
        return ""
    same = rows[rows["main"] & rows["period"].eq(row["period"]) & rows["area"].isin(group.areas)]
    values = same[same["value"].notna() & same["qualifier"].isna()].drop_duplicates("area")
    missing = [a for a in group.areas if a not in set(values["area"])]
    if missing:
        verb = "has" if len(missing) == 1 else "have"
        return f"no quintile: {len(missing)} of the {len(group.areas)} areas of {group.name} {verb} no value for {row['period']}"
    n = quintile(values["value"], float(row["value"]))
    return f"quintile {n} of 5 among {group.name} (1 is the lowest values, 5 the highest)"


def _headline(
    state: IndicatorState, row: pd.Series, labels: dict[str, str], comps: pd.DataFrame | None, frame_rows: pd.DataFrame
) -> None:
    """Fill the headline, its ratings, comparisons and target from the headline row."""
    ind = state.indicator
    state.headline = next(r for r in state.rows if r["order"] == row["order"])  # the table's row: cleaned, labelled
    state.period = labels.get(row["period"], row["period"])
    state.value_only = value_text(row, ind.unit)
    shown = _ratings(ind, row["period"])
    state.ratings = [r for r in shown if r.period in (state.period, "period not printed")]
    state.other_ratings = [r for r in shown if r not in state.ratings]
    state.comparisons = _comparisons(ind, comps)
    if not state.comparisons:
        state.no_comparison = _why_no_comparison(ind, state)
    state.target = _against_target(row, ind.polarity)
    state.quintile = _quintile(ind, frame_rows, row)


def _ratings(ind: Indicator, period: str | None) -> list[RatingView]:
    """The report's ratings of the main series, with the key's meaning of each symbol."""
    key = {s.symbol: s.meaning for s in (ind.rating_key.symbols if ind.rating_key else [])}
    views = []
    for r in ind.ratings:
        if r.category:
            continue
        same = period is not None and r.period is not None and period_key(r.period) == period_key(period)
        shown = period if same and period else (r.period or "period not printed")
        symbol = r.printed.split(" ", 1)[0]  # a score card prints the symbol before the words it rates
        meaning = key.get(r.printed) or key.get(symbol, "")
        if not meaning and len(r.printed) <= 3 and not r.printed.isalnum():
            meaning = "no key to this symbol is printed"
        views.append(RatingView(r, shown, meaning))
    return views


def _comparisons(ind: Indicator, comps: pd.DataFrame | None) -> list[Comparison]:
    """Comparisons in order: England, then the declared comparators."""
    if comps is None:
        return []
    order = list(dict.fromkeys([ENGLAND, *ind.comparators]))
    found = []
    for r in comps.sort_values("area", key=lambda a: a.map(order.index)).itertuples():
        judgement = Judgement(r.key, r.word, r.detail)
        reason = "" if pd.isna(r.ci_reason) else str(r.ci_reason).removeprefix("no interval: ")
        found.append(
            Comparison(r.area, float(r.value_c), with_unit(r.value_c, ind.unit), judgement, bool(r.higher), reason)
        )
    return found


def _earlier(state: IndicatorState, rows: pd.DataFrame) -> None:
    """Keep the earlier period's comparisons of a headline that has none of its own."""
    state.earlier = _comparisons(state.indicator, rows)
    first = rows.iloc[0]
    labels = {r["period"]: r["period_label"] for r in state.rows}
    state.earlier_period = labels.get(first["period"], first["period"])
    state.earlier_value = value_text(first, state.indicator.unit)
    state.summary = sentence(state)


def _why_no_comparison(ind: Indicator, state: IndicatorState) -> str:
    """Why the headline is compared with nothing, in words."""
    if ind.value_type in NOT_BENCHMARKED:
        kind = "a count" if ind.value_type == "count" else "an amount of money"
        return f"{kind} depends on the size of the area, so it is not set against England’s or the region’s"
    areas = {r["area"] for r in state.rows if r["main"]}
    named = [a for a in dict.fromkeys([ENGLAND, *ind.comparators]) if a in areas]
    if not named:
        return "the pack prints no figure for England or the region to compare with"
    rows = [r for r in state.rows if r["area"] == named[0] and r["main"] and r["value"] is not None]
    dated = [r["period_label"] for r in rows if r["dated"]]
    if dated:
        return f"{possessive(named[0])} figure is for {dated[-1]}, not {state.period}, so they are not compared"
    if rows:
        return f"{possessive(named[0])} figure has no dated period, so it is not compared"
    return f"no value is recorded for {named[0]}"


def _trend(ind: Indicator, series: pd.DataFrame) -> Judgement:
    """The recent trend as a judgement in words."""
    result = recent_trend(series, ind.value_type)
    if not result.tested:
        return Judgement("none", "No trend", result.reason)
    how = f"{result.method}, chi-squared {result.chi2:.2f}"
    if result.direction == 0:
        return Judgement("similar", "No significant change", how)
    up = result.direction > 0
    if ind.polarity == "no-judgement":
        return Judgement("higher" if up else "lower", "Increasing" if up else "Decreasing", how)
    good = up == (ind.polarity == "higher-is-better")
    words = f"{'Increasing' if up else 'Decreasing'} and getting {'better' if good else 'worse'}"
    return Judgement("better" if good else "worse", words, how)


def _against_target(row: pd.Series, polarity: str) -> Judgement:
    """Met, not met, or no target for the headline's own period; a target is met exactly when the value equals it."""
    target = row.get("target")
    if target is None or pd.isna(target):
        return Judgement("none", "No target")
    if row["qualifier"] is not None and not pd.isna(row["qualifier"]):
        return Judgement("none", "Not assessed", "the value is printed with a qualifier")
    if polarity == "no-judgement":
        return Judgement("none", "Not assessed", "the indicator has no better direction")
    met = row["value"] >= target if polarity == "higher-is-better" else row["value"] <= target
    return Judgement("met" if met else "not-met", "Met" if met else "Not met", f"target {target:g}")
