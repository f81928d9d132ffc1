"""Recent trend as Fingertips computes it, against published values, and the limits it sets.

Expected statistics come from Fingertips' own tests, published by UKHSA in
github.com/ukhsa-collaboration/fingertips-open: PholioVisualisationWS/AnalysisTest/
TrendMarkerCalculatorTest.cs (data set 1: 47.9 for proportions by the chi-squared test, 46.77 by the
interval-weighted regression) and WhenUsingTrendMarkerCalculator.cs (Altman's caesarean and shoe
size data, 8.0237, and data set 5, 0.018); and from R's documented example of prop.trend.test
(smokers out of patients, X-squared = 8.2249).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from generator.site import trend

SET1_COUNTS = [994, 1023, 1199, 1332, 1367]  # 2014 to 2018
SET1_DENOMINATORS = [40299, 41527, 42811, 44064, 44701]
SET1_VALUES = [24.67, 24.6, 28, 30.2, 30.6]
SET1_LOWER = [23.16, 23.15, 26.44, 28.63, 28.98]
SET1_UPPER = [26.25, 26.19, 29.64, 31.9, 32.25]


def test_chi_squared_for_trend_in_proportions_matches_fingertips() -> None:
    result = trend.proportion_trend(np.array(SET1_COUNTS), np.array(SET1_DENOMINATORS))
    assert round(result.chi2, 2) == 47.9
    assert result.direction == 1


def test_interval_weighted_trend_matches_fingertips() -> None:
    result = trend.interval_trend(np.array(SET1_VALUES), np.array(SET1_LOWER), np.array(SET1_UPPER))
    assert round(result.chi2, 2) == 46.77
    assert result.direction == 1


@pytest.mark.parametrize(
    ("counts", "denominators", "expected"),
    [
        ([5, 7, 6, 7, 8, 10], [22, 35, 42, 48, 54, 150], 8.0237),  # Altman 1991; Fingertips' test data 1
        ([5405, 5500, 5435, 5480, 5315], [18095, 18170, 18005, 17890, 17860], 0.018),  # Fingertips' data 5
        ([83, 90, 129, 70], [86, 93, 136, 82], 8.2249),  # R, prop.trend.test(smokers, patients)
    ],
)
def test_chi_squared_statistic_matches_published_values(counts: list, denominators: list, expected: float) -> None:
    assert round(trend.chi2_for_trend(np.array(counts), np.array(denominators)), 4) == expected


def test_a_statistic_below_the_99_8_point_is_no_significant_change() -> None:
    result = trend.proportion_trend(
        np.array([5405, 5500, 5435, 5480, 5315]), np.array([18095, 18170, 18005, 17890, 17860])
    )
    assert result.tested and result.direction == 0
    assert pytest.approx(9.54953570608324) == trend.threshold()  # Fingertips' ChiSquareConfidence


def test_an_outlying_year_that_flips_the_slope_stops_the_trend() -> None:
    """The slope must keep its sign with each year left out (Fingertips' NoOutliersCheck)."""
    result = trend.proportion_trend(np.array([300, 100, 102, 104, 106]), np.array([1000] * 5))
    assert result.chi2 > trend.threshold()  # significant on its face, but only because of the first year
    assert result.direction == 0
    steady = trend.proportion_trend(np.array([100, 150, 200, 250, 300]), np.array([1000] * 5))
    assert steady.direction == 1


def series(periods: list[str], values: list[float], **columns: list[float]) -> pd.DataFrame:
    """An own-area main series as the frame holds it."""
    from generator.site.periods import period_key

    rows = []
    for n, (p, v) in enumerate(zip(periods, values, strict=True)):
        key = period_key(p)
        row = {"period": p, "value": v, "qualifier": None, "year": key[0] if key else None}
        row.update({name: col[n] for name, col in columns.items()})
        rows.append(row)
    frame = pd.DataFrame(rows)
    for name in ("count", "denominator", "lo95", "hi95"):
        frame[name] = frame.get(name, pd.Series([np.nan] * len(rows))).astype(float)
    return frame


YEARS = ["2014", "2015", "2016", "2017", "2018"]


def test_recent_trend_uses_counts_for_proportions() -> None:
    data = series(YEARS, SET1_VALUES, count=SET1_COUNTS, denominator=SET1_DENOMINATORS)
    result = trend.recent_trend(data, "percentage")
    assert (result.method, round(result.chi2, 2), result.direction) == ("the chi-squared test for trend", 47.9, 1)


def test_recent_trend_uses_intervals_for_rates() -> None:
    data = series(YEARS, SET1_VALUES, lo95=SET1_LOWER, hi95=SET1_UPPER)
    result = trend.recent_trend(data, "rate")
    assert (result.method, round(result.chi2, 2)) == ("a weighted regression on the intervals", 46.77)


@pytest.mark.parametrize(
    ("periods", "value_type", "reason"),
    [
        (
            ["2009 - 11", "2010 - 12", "2011 - 13", "2012 - 14", "2013 - 15"],
            "rate",
            "the values are for periods of several years; a trend is tested over whole single years",
        ),
        (
            ["Q1 2016/17", "Q2 2016/17", "Q3 2016/17", "Q4 2016/17", "Q1 2017/18"],
            "rate",
            "the values are for quarters; a trend is tested over whole single years",
        ),
        (
            ["2014", "2015", "2016", "2017", "2018"],
            "count",
            "Fingertips gives a recent trend only for proportions and rates",
        ),
        (["2011", "2012", "2014", "2015", "2016"], "rate", "3 consecutive years on record; the test needs 5"),
        (["2015", "2016", "2017", "2018", "2018/19"], "rate", "1 consecutive year on record; the test needs 5"),
    ],
)
def test_no_trend_says_why(periods: list[str], value_type: str, reason: str) -> None:
    data = series(periods, [1.0, 2.0, 3.0, 4.0, 5.0], lo95=[0.5] * 5, hi95=[6.0] * 5)
    result = trend.recent_trend(data, value_type)
    assert (result.tested, result.reason) == (False, reason)


def test_five_years_without_counts_or_intervals_say_so() -> None:
    result = trend.recent_trend(series(YEARS, SET1_VALUES), "percentage")
    assert result.reason == "the last five years lack counts and denominators or confidence intervals"
