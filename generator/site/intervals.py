"""Confidence intervals as the published public health guidance computes them, over whole arrays at once.

Methods and sources (the methods page, /indicators/methods/, explains each for readers):

- Proportions: Wilson's score method (Wilson 1927; Newcombe and Altman 2000), the method of OHID's
  Public Health Technical Guidance, "Proportions" (fingertips.phe.org.uk/static-reports/
  public-health-technical-guidance/Basic_statistics/Proportions.html).
- Crude rates: Byar's approximation to the exact Poisson limits for 10 events or more, and the exact
  limits from the chi-squared distribution below 10 (Armitage and Berry 2002), as the same guidance's
  "Rates" page prescribes (.../Basic_statistics/Rates.html).
- Directly standardised rates: Dobson's method (Dobson et al. 1991) with Byar's limits of the total
  count, not given below 10 events (PHE Technical Guide "Confidence Intervals", 2018, Appendix 4;
  PHEindicatormethods' phe_dsr).

Every quantile of the normal and chi-squared distributions comes from scipy.stats, never a series
written by hand. Each function takes numpy arrays and returns arrays, so a whole indicator file (or
the whole site) is computed in one call.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
LEVELS = (95.0, 99.8)
EXACT_BELOW = 10  # the guidance's threshold: exact Poisson limits under 10 events, Byar's from 10
DSR_MIN_EVENTS = 10  # no directly standardised rate interval under 10 events (the guidance's rule)


def scipy_stats() -> Any:
    """scipy.stats, imported when first used: about 1 s of start-up that a cached build with no indicator to
    compute again does not pay."""
    from scipy import stats

    return stats


def z_value(level: float) -> float:
    """The two-sided standard normal quantile for a confidence level in per cent (1.959964 for 95)."""
    sp = scipy_stats()
    return float(sp.norm.ppf(0.5 + level / 200))


def wilson(count: Array, denominator: Array, level: float) -> tuple[Array, Array]:
    """Wilson score limits of the proportions count/denominator (as fractions of 1)."""
    z = z_value(level)
    o, n = np.asarray(count, float), np.asarray(denominator, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        q = 1 - o / n
        root = z * np.sqrt(z**2 + 4 * o * q)
        lower = (2 * o + z**2 - root) / (2 * (n + z**2))
        upper = (2 * o + z**2 + root) / (2 * (n + z**2))
    return lower, upper


def byar(count: Array, level: float) -> tuple[Array, Array]:
    """Byar's approximate Poisson limits of observed counts (the lower limit of 0 events is 0)."""
    z = z_value(level)
    o = np.asarray(count, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        lower = np.where(o > 0, o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3, 0.0)
        upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * np.sqrt(o + 1))) ** 3
    return lower, upper


def exact_poisson(count: Array, level: float) -> tuple[Array, Array]:
    """Exact Poisson limits of observed counts from the chi-squared distribution."""
    o = np.asarray(count, float)
    alpha, sp = 1 - level / 100, scipy_stats()
    with np.errstate(invalid="ignore"):
        lower = np.where(o > 0, sp.chi2.ppf(alpha / 2, 2 * o) / 2, 0.0)
        upper = sp.chi2.ppf(1 - alpha / 2, 2 * o + 2) / 2
    return lower, upper


def poisson_limits(count: Array, level: float) -> tuple[Array, Array]:
    """Limits of observed counts as the guidance chooses: exact under 10 events, Byar's from 10."""
    o = np.asarray(count, float)
    exact_lo, exact_hi = exact_poisson(o, level)
    byar_lo, byar_hi = byar(o, level)
    small = o < EXACT_BELOW
    return np.where(small, exact_lo, byar_lo), np.where(small, exact_hi, byar_hi)


def crude_rate_limits(count: Array, scale: Array, level: float) -> tuple[Array, Array]:
    """Limits of crude rates: the count's Poisson limits times the rate per event (multiplier / denominator)."""
    lower, upper = poisson_limits(count, level)
    return lower * scale, upper * scale


def dobson(counts: Array, populations: Array, weights: Array, level: float) -> tuple[float, float, float]:
    """A directly standardised rate per 1 and its Dobson limits, from counts and populations by age band.

    Returns NaN limits below 10 events in all, where the guidance gives no interval.
    """
    o, n, w = (np.asarray(a, float) for a in (counts, populations, weights))
    total = float(o.sum())
    rate = float((w * o / n).sum() / w.sum())
    if total < DSR_MIN_EVENTS:
        return rate, float("nan"), float("nan")
    variance = float((w**2 * o / n**2).sum() / w.sum() ** 2)
    lo, hi = byar(np.array([total]), level)
    spread = np.sqrt(variance / total)
    return rate, rate + spread * (float(lo[0]) - total), rate + spread * (float(hi[0]) - total)
