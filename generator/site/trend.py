"""Recent trend as Fingertips computes it, within the limits Fingertips itself sets.

Fingertips (OHID; its calculator is published as ukhsa-collaboration/fingertips-open,
PholioVisualisationWS/Analysis/TrendMarkers/TrendMarkerCalculator.cs and TrendRequest.cs) gives a
recent trend only for proportions and crude rates, only over annual, non-overlapping periods, and
only from the five most recent points of an unbroken run:

- proportions with counts and denominators: the chi-squared test for trend (Armitage's test,
  Altman 1991 pp. 261-265), significant when chi-squared exceeds its 99.8% point with one degree of
  freedom;
- other values with 95% confidence intervals: a weighted regression of the values on time, each
  weighted by the inverse of its variance (the interval's width over 3.92, squared), significant when
  (slope / its standard error) squared exceeds the same point;
- in both, the direction must survive leaving out each point in turn (the slope keeps its sign),
  which is Fingertips' guard against one outlying year.

Anything else gets no trend, and the page says why in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from generator.site.periods import is_annual, kind_name, start_year

POINTS = 5  # Fingertips uses the five most recent points


@cache
def threshold() -> float:
    """The chi-squared statistic a trend must pass: 9.5495..., Fingertips' ChiSquareConfidence (scipy.stats,
    imported when first needed)."""
    from scipy import stats as sp

    return float(sp.chi2.ppf(0.998, 1))


@dataclass(frozen=True)
class TrendResult:
    """A tested trend: its direction and statistic, or why it was not tested."""

    tested: bool
    direction: int = 0  # +1 increasing, -1 decreasing, 0 no significant change
    chi2: float = float("nan")
    method: str = ""
    reason: str = ""


def chi2_for_trend(counts: np.ndarray, denominators: np.ndarray) -> float:
    """The chi-squared statistic for trend in proportions over scores 1..k (Fingertips' formula)."""
    r, n = np.asarray(counts, float), np.asarray(denominators, float)
    t = np.arange(1, len(r) + 1, dtype=float)
    big_n, big_r = n.sum(), r.sum()
    top = big_n * (big_n * (r * t).sum() - big_r * (n * t).sum()) ** 2
    bottom = big_r * (big_n - big_r) * (big_n * (n * t**2).sum() - (n * t).sum() ** 2)
    return float(top / bottom)


def _slope(y: np.ndarray, t: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    """Weighted least-squares slope of y on t, and its standard error."""
    s1, s2, s3, s4, s5 = w.sum(), (w * y * t).sum(), (w * t).sum(), (w * y).sum(), (w * t**2).sum()
    det = s1 * s5 - s3**2
    return float((s1 * s2 - s3 * s4) / det), float(np.sqrt(s1 / det))


def _stable(y: np.ndarray, w: np.ndarray) -> bool:
    """Whether the slope keeps its sign with all points and with each point left out in turn."""
    t = np.arange(1, len(y) + 1, dtype=float)
    signs = [np.sign(_slope(y, t, w)[0])]
    for k in range(len(y)):
        keep = np.arange(len(y)) != k
        signs.append(np.sign(_slope(y[keep], t[keep], w[keep])[0]))
    return len({s if s != 0 else 1.0 for s in signs}) == 1


def proportion_trend(counts: np.ndarray, denominators: np.ndarray) -> TrendResult:
    """The chi-squared test for trend, with the direction of the logits' slope and the outlier guard."""
    r, n = np.asarray(counts, float), np.asarray(denominators, float)
    if ((r <= 0) | (r >= n)).any():
        return TrendResult(False, reason="a year's count is 0 or equals its denominator, so the test cannot run")
    logits = np.log(r / (n - r))
    chi2 = chi2_for_trend(r, n)
    direction = int(np.sign(_slope(logits, np.arange(1.0, len(r) + 1), np.ones(len(r)))[0]))
    significant = chi2 > threshold() and _stable(logits, np.ones(len(r)))
    return TrendResult(True, direction if significant else 0, chi2, "the chi-squared test for trend")


def interval_trend(values: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> TrendResult:
    """The weighted regression test on values with 95% intervals, with the outlier guard."""
    y = np.asarray(values, float)
    width = (np.asarray(upper, float) - np.asarray(lower, float)) / 3.92
    if (width <= 0).any():
        return TrendResult(False, reason="a year's confidence interval has no width, so the test cannot run")
    w = 1 / width**2
    slope, error = _slope(y, np.arange(1.0, len(y) + 1), w)
    chi2 = (slope / error) ** 2
    significant = chi2 > threshold() and _stable(y, w)
    return TrendResult(True, int(np.sign(slope)) if significant else 0, chi2, "a weighted regression on the intervals")


def recent_trend(series: pd.DataFrame, value_type: str) -> TrendResult:
    """Fingertips' recent trend of one area's main series (columns period, value, count, denominator, lo95, hi95)."""
    if series.empty:
        return TrendResult(False, reason="there is no main series to follow over time")
    dated = series[series["value"].notna() & series["qualifier"].isna() & series["year"].notna()]
    if dated.empty:
        return TrendResult(False, reason="no value of the main series has a dated period")
    if value_type not in ("percentage", "rate"):
        return TrendResult(False, reason="Fingertips gives a recent trend only for proportions and rates")
    annual = dated[dated["period"].map(is_annual)]
    if annual.empty:
        kind = kind_name(dated.iloc[-1]["period"])
        return TrendResult(False, reason=f"the values are for {kind}; a trend is tested over whole single years")
    run = _unbroken_years(annual)
    if len(run) < POINTS:
        plural = "s" if len(run) != 1 else ""
        return TrendResult(False, reason=f"{len(run)} consecutive year{plural} on record; the test needs {POINTS}")
    last = run.iloc[-POINTS:]
    if value_type == "percentage" and last["count"].notna().all() and last["denominator"].notna().all():
        return proportion_trend(last["count"].to_numpy(), last["denominator"].to_numpy())
    if last["lo95"].notna().all() and last["hi95"].notna().all():
        return interval_trend(last["value"].to_numpy(), last["lo95"].to_numpy(), last["hi95"].to_numpy())
    return TrendResult(False, reason="the last five years lack counts and denominators or confidence intervals")


def _unbroken_years(annual: pd.DataFrame) -> pd.DataFrame:
    """The latest run of consecutive years, one value each (a year printed twice breaks the run)."""
    years = annual["period"].map(start_year).to_numpy()
    if len(years) == 0 or len(set(years)) != len(years):
        return annual.iloc[0:0] if len(years) == 0 else annual.iloc[-1:]
    start = len(years) - 1
    while start > 0 and years[start - 1] == years[start] - 1:
        start -= 1
    return annual.iloc[start:]
