"""Each value's confidence interval at 95% and 99.8%, chosen and computed for whole columns at once.

For every row the method follows from what is recorded: limits as printed; Wilson's score for a
percentage with its count and denominator; Byar's (or exact) Poisson limits for a crude rate with its
count; Dobson's for a directly standardised rate with its age bands. Where none applies, `ci_reason`
says why in words, and nothing is compared on a guess.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generator.site import intervals

LEVEL_COLUMNS = {95.0: ("lo95", "hi95"), 99.8: ("lo998", "hi998")}


def add_intervals(frame: pd.DataFrame) -> pd.DataFrame:
    """Add lo95, hi95, lo998, hi998, ci_method and ci_reason to a values frame."""
    frame = frame.copy()
    for lo, hi in LEVEL_COLUMNS.values():
        frame[lo], frame[hi] = np.nan, np.nan
    frame["ci_method"] = pd.Series(pd.NA, index=frame.index, dtype="object")
    frame["ci_reason"] = _reasons(frame)
    _printed(frame)
    _wilson(frame)
    _crude(frame)
    _dobson(frame)
    return frame


def _set(frame: pd.DataFrame, mask: pd.Series, method: str, limits: dict[float, tuple[np.ndarray, np.ndarray]]) -> None:
    """Write limits at each level into the rows of ``mask``."""
    for level, (lo, hi) in limits.items():
        a, b = LEVEL_COLUMNS[level]
        frame.loc[mask, a], frame.loc[mask, b] = lo, hi
    frame.loc[mask, "ci_method"] = method
    frame.loc[mask, "ci_reason"] = pd.NA


def _reasons(frame: pd.DataFrame) -> pd.Series:
    """Why a row has no interval, before any method has found one."""
    kinds = {
        "count": "no interval: a count of people or events is shown as it is; an interval needs a rate or a "
        "proportion",
        "pounds": "no interval: an amount of money is an account, not an estimate",
    }
    other = "no interval: the pack prints no confidence limits, and none can be computed for this kind of value"
    reason = frame["value_type"].map(kinds).fillna(other)
    pct = frame["value_type"].eq("percentage")
    reason[pct] = "no interval: the pack prints no confidence limits, and no count and denominator"
    rate = frame["value_type"].eq("rate")
    reason[rate] = "no interval: the pack prints no confidence limits, and no count of events"
    reason[rate & frame["rate_type"].isna()] = "no interval: the pack does not say whether the rate is crude or standardised"
    reason[rate & frame["rate_type"].eq("directly-standardised")] = (
        "no interval: a directly standardised rate needs its counts and populations by age band"
    )
    reason[rate & frame["rate_type"].eq("indirectly-standardised")] = (
        "no interval: the site computes no interval for an indirectly standardised rate"
    )
    reason[~frame["own"] & frame["lower_ci"].isna()] = "no interval: comparators' figures are shown as printed"
    reason[frame["qualifier"].notna()] = "no interval: the value is printed with a qualifier, as a bound, not a figure"
    reason[frame["value"].isna()] = "no value"
    return reason.astype("object")


def _printed(frame: pd.DataFrame) -> None:
    """Limits as printed, at their printed level."""
    for level in LEVEL_COLUMNS:
        mask = frame["lower_ci"].notna() & frame["ci_level"].eq(f"{level:g}")
        if mask.any():
            _set(frame, mask, "as printed", {level: (frame.loc[mask, "lower_ci"], frame.loc[mask, "upper_ci"])})


def _open(frame: pd.DataFrame) -> pd.Series:
    """The own area's rows still without an interval that have a plain value.

    Only the board's own area gets a computed interval: a comparator's printed count is often not its numerator
    (the packs print averages per authority beside England's rate), and benchmarking needs the area's interval only.
    """
    return frame["ci_method"].isna() & frame["value"].notna() & frame["qualifier"].isna() & frame["own"]


def _wilson(frame: pd.DataFrame) -> None:
    """Wilson score limits for percentages whose count and denominator give the printed value."""
    k, n, v = frame["count"], frame["denominator"], frame["value"]
    ok = _open(frame) & frame["value_type"].eq("percentage") & k.notna() & n.gt(0) & k.ge(0) & k.le(n)
    agrees = (100 * k / n - v).abs() <= _rounding(v)
    _mismatch(frame, ok & ~agrees, 100 * k / n, "%")
    mask = ok & agrees
    if mask.any():
        limits = {lv: intervals.wilson(k[mask].to_numpy(), n[mask].to_numpy(), lv) for lv in LEVEL_COLUMNS}
        _set(frame, mask, "Wilson score", {lv: (lo * 100, hi * 100) for lv, (lo, hi) in limits.items()})


def _crude(frame: pd.DataFrame) -> None:
    """Poisson limits for crude rates: scaled by the denominator when given, else by value per event."""
    k, n, v, per = frame["count"], frame["denominator"], frame["value"], frame["multiplier"]
    ok = _open(frame) & frame["value_type"].eq("rate") & frame["rate_type"].eq("crude") & k.ge(0)
    by_den = ok & n.gt(0) & per.notna()
    agrees = (k / n * per - v).abs() <= _rounding(v)
    _mismatch(frame, by_den & ~agrees, k / n * per, "")
    scale = pd.Series(np.where(by_den, per / n, v / k.where(k > 0)), index=frame.index)
    mask = ok & ((by_den & agrees) | (n.isna() & k.gt(0)))
    if mask.any():
        o, s = k[mask].to_numpy(), scale[mask].to_numpy()
        method = np.where(o < intervals.EXACT_BELOW, "exact Poisson (chi-squared)", "Byar's method")
        _set(frame, mask, "", {lv: intervals.crude_rate_limits(o, s, lv) for lv in LEVEL_COLUMNS})
        frame.loc[mask, "ci_method"] = method


def _rounding(values: pd.Series) -> pd.Series:
    """Half a unit of each printed value's last decimal (14 -> 0.5, 70.5 -> 0.05): how far rounding can move it."""
    decimals = values.map(lambda v: len(f"{v:g}".partition(".")[2]) if pd.notna(v) else 0)  # per value, as printed
    return 0.5 * 10.0 ** (-decimals) + 1e-9


def _mismatch(frame: pd.DataFrame, mask: pd.Series, computed: pd.Series, unit: str) -> None:
    """Say why a count and denominator that do not give the printed value give no interval."""
    for i in frame.index[mask]:  # few rows: a message each, in words
        frame.loc[i, "ci_reason"] = (
            f"no interval: the count and denominator give {computed[i]:.1f}{unit}, not the printed "
            f"{frame.loc[i, 'value']:g}{unit}"
        )


def _dobson(frame: pd.DataFrame) -> None:
    """Dobson's limits for a directly standardised rate, from its age-band rows with standard populations."""
    bands = frame[frame["standard_population"].notna() & frame["count"].notna() & frame["denominator"].gt(0)]
    for (iid, period, area), group in bands.groupby(["indicator", "period", "area"], dropna=False, sort=True):
        target = _open(frame) & frame["indicator"].eq(iid) & frame["main"]
        target &= frame["period"].eq(period) & frame["area"].eq(area) & frame["rate_type"].eq("directly-standardised")
        if not target.any():
            continue
        args = (group["count"].to_numpy(), group["denominator"].to_numpy(), group["standard_population"].to_numpy())
        per = float(group["multiplier"].iloc[0])
        results = {lv: intervals.dobson(*args, lv) for lv in LEVEL_COLUMNS}
        if np.isnan(results[95.0][1]):
            frame.loc[target, "ci_reason"] = "no interval: fewer than 10 events in all (the guidance gives none)"
            continue
        limits = {lv: (np.array([r[1] * per]), np.array([r[2] * per])) for lv, r in results.items()}
        _set(frame, target, "Dobson's method", limits)
