"""Progress to a target as Open SDG measures it (open-sdg/open-sdg, docs/progress-methodology.md).

The categories and thresholds are Open SDG's: the target already met is "Target achieved"; the ratio of
the observed compound annual growth rate to the required one is "On track" from 95%, "Progress made but
acceleration needed" from 60%, "Limited progress" from 0 and "Deterioration" below 0.
"""

from __future__ import annotations

import pandas as pd
import pytest

from generator.site import progress


def series(points: list[tuple[str, float]]) -> pd.DataFrame:
    """A main series: periods and values, oldest first."""
    from generator.site.periods import start_year

    return pd.DataFrame([{"period": p, "value": v, "qualifier": None, "year": start_year(p)} for p, v in points])


def test_compound_annual_growth_rate() -> None:
    # 100 to 121 over two years is 10% a year
    assert progress.cagr(121, 100, 2017, 2015) == pytest.approx(0.10)


@pytest.mark.parametrize(
    ("ratio", "category"),
    [
        (1.2, "On track"),
        (0.95, "On track"),
        (0.9499, "Progress made but acceleration needed"),
        (0.60, "Progress made but acceleration needed"),
        (0.5999, "Limited progress"),
        (0.0, "Limited progress"),
        (-0.01, "Deterioration"),
    ],
)
def test_categories_follow_open_sdg_thresholds(ratio: float, category: str) -> None:
    assert progress.category(ratio) == category


def test_ratio_of_observed_to_required_growth() -> None:
    # Lower is better: 20% in 2015 to 18% in 2017 (observed -5.13% a year); 15% by 2020 needs -5.59% a year.
    result = progress.progress(series([("2015", 20), ("2017", 18)]), 15, "2020", "lower-is-better")
    observed = (18 / 20) ** (1 / 2) - 1
    required = (15 / 20) ** (1 / 5) - 1
    assert result.ratio == pytest.approx(observed / required)
    assert (result.category, result.base, result.latest) == ("Progress made but acceleration needed", "2015", "2017")


def test_moving_away_from_the_target_is_deterioration() -> None:
    result = progress.progress(series([("2015", 20), ("2017", 22)]), 15, "2020", "lower-is-better")
    assert result.category == "Deterioration"


def test_a_target_already_met_is_achieved() -> None:
    result = progress.progress(series([("2015", 20), ("2017", 14)]), 15, "2020", "lower-is-better")
    assert result.category == "Target achieved"


@pytest.mark.parametrize(
    ("points", "period", "polarity", "reason"),
    [
        ([("2015", 20), ("2017", 18)], None, "lower-is-better", "the target's year is not printed"),
        ([("2017", 18)], "2020", "lower-is-better", "it needs values for at least two different whole years"),
        ([("2015", 20), ("2017", 18)], "2020", "no-judgement", "the indicator has no better direction"),
    ],
)
def test_no_progress_says_why(points: list, period: str | None, polarity: str, reason: str) -> None:
    assert progress.progress(series(points), 15, period, polarity).reason == reason


def test_a_target_on_the_wrong_side_of_the_first_value_reads_moving_away_as_deterioration() -> None:
    """Lower is better, but the target (33,801) is above the first value: rising is still getting worse."""
    result = progress.progress(series([("2014", 31891), ("2015", 34706)]), 33801, "2017", "lower-is-better")
    assert result.category == "Deterioration"


def test_a_target_year_reached_without_the_target_is_said_so() -> None:
    result = progress.progress(series([("2014", 31891), ("2016", 36179)]), 33801, "2016", "lower-is-better")
    assert result.category == "Target year reached, target not met"
