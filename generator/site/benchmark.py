"""Headlines and benchmarks, for every indicator at once.

The headline is the latest value of the own area's main series: never a breakdown row, a subtotal or
a total of a table, never an undated period; and where one period has several values, there is no
single headline and the page says so.

Benchmarking follows Fingertips (ukhsa-collaboration/fingertips-open, PholioVisualisationWS/Analysis/
SingleOverlappingCIsComparer.cs): the area is similar to a comparator when the comparator's value
lies within the area's confidence interval (ends included), otherwise higher or lower, read as
better or worse through the indicator's polarity. The 95% interval is used; where only 99.8% limits
are printed, those. Without an interval a difference is shown as higher or lower but "not tested".
Quintiles follow Fingertips' QuintilesComparer: the bounds are the 20th to 80th percentiles of every
area of a declared group (linear interpolation, as Excel's PERCENTILE), given only when every area of
the group has a value for the period.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.records.indicator import Indicator
from generator.site.breakdowns import limits_text
from generator.site.frame import ENGLAND
from generator.site.sentence import possessive
from generator.site.stats import Judgement, number

KEY = ["p_year", "p_month", "p_day", "p_span"]


def headlines(frame: pd.DataFrame, dimensions: pd.Series) -> pd.DataFrame:
    """Per indicator: the frame index of its headline row (or -1) and why there is none."""
    own_main = frame[frame["own"] & frame["main"]]
    usable = own_main[own_main["value"].notna() & own_main["dated"]]
    latest = usable.groupby("indicator").tail(1)
    same = usable.merge(latest[["indicator", *KEY]], on=["indicator", *KEY]).groupby("indicator").size()
    result = pd.DataFrame({"indicator": sorted(frame["indicator"].unique())}).set_index("indicator")
    result["at"] = pd.Series(dict(zip(latest["indicator"], latest.index, strict=True))).reindex(result.index)
    result["reason"] = _no_headline(frame, own_main, dimensions).reindex(result.index)
    several = same[same > 1].index
    for iid in several:
        period = frame.loc[int(result.loc[iid, "at"]), "period"]
        result.loc[iid, "reason"] = f"{same[iid]} values are recorded for {period}, so there is no single headline"
    result.loc[several, "at"] = np.nan
    result.loc[result["at"].notna(), "reason"] = ""
    result["at"] = result["at"].fillna(-1).astype(int)
    return result


def _no_headline(frame: pd.DataFrame, own_main: pd.DataFrame, dimensions: pd.Series) -> pd.Series:
    """Why each indicator has no headline, before knowing whether it has one (one sentence per indicator)."""
    area = frame.groupby("indicator")["own_area"].first()
    rows = own_main.groupby("indicator").size().reindex(area.index, fill_value=0)
    values = own_main.groupby("indicator")["value"].count().reindex(area.index, fill_value=0)
    reasons = {}
    for iid in area.index:  # words per indicator: the counts above are computed for all at once
        if rows[iid] == 0 and dimensions.get(iid):
            reasons[iid] = f"every value is a row of a breakdown by {dimensions[iid]}, so there is no main series"
        elif rows[iid] == 0:
            reasons[iid] = f"no values are recorded for {area[iid]}"
        elif values[iid] > 0:
            reasons[iid] = "no value has a dated period (the pack prints none, or a summary such as an average)"
        else:
            reasons[iid] = f"no value is recorded for {area[iid]} in any period"
    return pd.Series(reasons, dtype="object")


NOT_BENCHMARKED = ("count", "pounds")  # a count or an amount depends on the area's size: never set against England's


def benchmarks(indicators: dict[str, Indicator]) -> pd.DataFrame:
    """(indicator, area) of every benchmark: England and the declared comparators, for comparable kinds of value."""
    pairs = [
        (iid, area)
        for iid, ind in indicators.items()
        if ind.value_type not in NOT_BENCHMARKED
        for area in dict.fromkeys([ENGLAND, *ind.comparators])
    ]
    return pd.DataFrame(pairs, columns=["indicator", "area"])


def comparisons(frame: pd.DataFrame, heads: pd.DataFrame, indicators: dict[str, Indicator]) -> pd.DataFrame:
    """Each headline against each of its comparators' values for the same period, judged."""
    wanted = benchmarks(indicators)
    cands = frame[frame["main"] & frame["value"].notna() & frame["qualifier"].isna() & frame["dated"]]
    cands = cands.merge(wanted, on=["indicator", "area"])
    head_rows = frame.loc[heads.loc[heads["at"] >= 0, "at"]]
    cols = ["indicator", *KEY, "value", "lo95", "hi95", "lo998", "hi998", "qualifier", "ci_reason", "period"]
    merged = head_rows[cols].merge(
        cands[["indicator", "area", *KEY, "value", "period"]], on=["indicator", *KEY], suffixes=("", "_c")
    )
    merged = merged.drop_duplicates(["indicator", "area"], keep="last")
    return judge(merged, {i: ind.polarity for i, ind in indicators.items()})


def earlier_comparisons(frame: pd.DataFrame, heads: pd.DataFrame, indicators: dict[str, Indicator]) -> pd.DataFrame:
    """For indicators with no comparison of their latest period: the latest period that has one own value and a
    comparator's, judged alike (a headline-less indicator too, so a page can still say how an earlier year compared)."""
    wanted = benchmarks(indicators)
    usable = frame["main"] & frame["value"].notna() & frame["qualifier"].isna() & frame["dated"]
    cands = frame[usable].merge(wanted, on=["indicator", "area"])
    own = frame[usable & frame["own"] & frame["indicator"].isin(heads.index)]
    own = own[~own.duplicated(["indicator", *KEY], keep=False)]  # a period with two values of its own is not compared
    cols = ["indicator", *KEY, "value", "lo95", "hi95", "lo998", "hi998", "qualifier", "ci_reason", "period", "order"]
    merged = own[cols].merge(
        cands[["indicator", "area", *KEY, "value", "period"]], on=["indicator", *KEY], suffixes=("", "_c")
    )
    latest = merged.groupby("indicator")["order"].transform("max")
    merged = merged[merged["order"] == latest].drop_duplicates(["indicator", "area"], keep="last")
    return judge(merged.drop(columns="order"), {i: ind.polarity for i, ind in indicators.items()})


def judge(merged: pd.DataFrame, polarity: dict[str, str]) -> pd.DataFrame:
    """Judge each pair (value, its limits, value_c) at 95%, else 99.8%: vectorised over all pairs."""
    lo = merged["lo95"].fillna(merged["lo998"])
    hi = merged["hi95"].fillna(merged["hi998"])
    level = np.where(merged["lo95"].notna(), "95%", "99.8%")
    c, v = merged["value_c"], merged["value"]
    tested = lo.notna() & hi.notna() & merged["qualifier"].isna()
    inside = tested & (lo <= c) & (c <= hi)
    higher = np.where(tested, lo > c, v > c)
    pol = merged["indicator"].map(polarity)
    direction = np.where(higher, "higher", "lower")
    good = np.where(pol == "higher-is-better", higher, ~higher)
    key = np.select(
        [~tested, inside, pol == "no-judgement", good],
        ["not-compared", "similar", direction, "better"],
        default="worse",
    )
    untested_same = ~tested & (v == c)
    key = np.where(untested_same, "not-compared", key)
    out = merged.assign(key=key, level=level, lo=lo, hi=hi, higher=higher)
    out["word"] = [_word(r) for r in out.itertuples()]  # one phrase per pair, in words
    out["detail"] = [_detail(r) for r in out.itertuples()]
    return out


def _word(r: object) -> str:
    """The judgement's word."""
    key = getattr(r, "key")
    return "Not tested" if key == "not-compared" else key.capitalize()


def _detail(r: object) -> str:
    """Why, in words: what was compared with what, at which level."""
    c, area = number(getattr(r, "value_c")), getattr(r, "area")
    if getattr(r, "key") == "not-compared":
        if getattr(r, "value") == getattr(r, "value_c"):
            return f"the same value as {area} ({c}); not tested ({_reason(r)})"
        side = "higher" if getattr(r, "higher") else "lower"
        return f"{side} than {area} ({c}), but not tested for significance ({_reason(r)})"
    interval = f"{getattr(r, 'level')} interval {limits_text(getattr(r, 'lo'), getattr(r, 'hi'), getattr(r, 'value'))}"
    if getattr(r, "key") == "similar":
        return f"{possessive(area)} {c} lies within the {interval}"
    side = "higher" if getattr(r, "higher") else "lower"
    return f"significantly {side} than {area} ({c}): the {interval} excludes it"


def _reason(r: object) -> str:
    """The row's reason for having no interval, without its 'no interval: ' prefix."""
    text = "no interval" if pd.isna(getattr(r, "ci_reason")) else str(getattr(r, "ci_reason"))
    return text.removeprefix("no interval: ")


def quintile(values: pd.Series, own: float) -> int:
    """Fingertips' quintile (1 lowest to 5 highest) of ``own`` among ``values`` (every area of a group)."""
    bounds = values.quantile([0.2, 0.4, 0.6, 0.8], interpolation="linear").to_numpy()
    return int(np.searchsorted(bounds, own, side="left")) + 1
