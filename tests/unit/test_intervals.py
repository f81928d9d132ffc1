"""Confidence intervals against published values.

Expected values come from Public Health England's own test data for its indicator methods, published
with the PHE/UKHSA package PHEindicatormethods (github.com/ukhsa-collaboration/PHEindicatormethods,
tests/testthat/): testdata_Byars_Wilson.xlsx (Byar's and Wilson's limits), testdata_Proportion.xlsx,
testdata_Rate.xlsx (crude rates: exact limits under 10 events, Byar's from 10) and
testdata_DSR_ISR.xlsx (sheet testresults_DSR, row testdata_1976: a directly standardised rate with
Dobson's limits, inputs on sheet testdata_1976). They reproduce the worked examples of PHE's
"Commonly used public health statistics and their confidence intervals" workbook, which accompanies
APHO Technical Briefing 3.
"""

from __future__ import annotations

import numpy as np
import pytest

from generator.site import intervals


def close(actual: object, expected: list[float]) -> None:
    """Agree with a published value to 1 part in a billion (they are printed to 15 or more digits)."""
    assert np.allclose(np.asarray(actual, float), expected, rtol=1e-9, atol=0), (actual, expected)


def test_the_normal_quantile_comes_from_scipy() -> None:
    assert intervals.z_value(95) == pytest.approx(1.959963984540054, abs=1e-15)
    assert intervals.z_value(99.8) == pytest.approx(3.090232306167813, abs=1e-15)


@pytest.mark.parametrize(
    ("count", "n", "level", "lower", "upper"),
    [
        (65, 100, 95, 0.55254443296887967, 0.73635751756902468),
        (1045, 5000, 95, 0.19795549880013297, 0.22049130373189027),
        (0.445, 1, 95, 4.3817447720588223e-2, 0.93346212769791559),
        (65, 100, 99.8, 0.49549465740704313, 0.77835406140896968),
        (1045, 5000, 99.8, 0.19179381799015244, 0.22731562902525818),
        (1, 100, 95, 1.7674320641406511e-3, 5.4486196178705294e-2),
        (9856, 12345, 99.8, 0.7869924108419063, 0.80930614125896261),
    ],
)
def test_wilson_score_limits_match_phe(count: float, n: float, level: float, lower: float, upper: float) -> None:
    """PHE's testdata_Byars_Wilson.xlsx and testdata_Proportion.xlsx."""
    lo, hi = intervals.wilson(np.array([count]), np.array([n]), level)
    close(lo, [lower])
    close(hi, [upper])


@pytest.mark.parametrize(
    ("count", "level", "lower", "upper"),
    [
        (65, 95, 50.163187710459454, 82.849138545939837),
        (1045, 95, 982.59320180733255, 1110.3312129856499),
        (65, 99.8, 42.880261471480203, 94.000290844318016),
        (10, 99.8, 2.916318374695686, 24.193724927880535),
    ],
)
def test_byar_limits_match_phe(count: float, level: float, lower: float, upper: float) -> None:
    """PHE's testdata_Byars_Wilson.xlsx."""
    lo, hi = intervals.byar(np.array([count]), level)
    close(lo, [lower])
    close(hi, [upper])


@pytest.mark.parametrize(
    ("count", "denominator", "lower95", "upper95", "lower998", "upper998"),
    [
        (1, 100, 2.5317807984289897e-2, 5.571643390938898, 1.0005003335835344e-3, 9.2334134764515845),  # exact
        (5, 100, 1.62348639011842, 11.668332079322669, 0.739371731917839, 16.454745203680105),  # exact
        (20, 100, 12.211428834875937, 30.889880369197066, 8.922802365144193, 38.085035625041911),  # Byar
        (222, 3215, 6.0265748776526751, 7.8757293708718503, 5.5607376952598537, 8.4610466817334107),  # Byar
        (9856, 12345, 78.269490589767571, 81.430016542721404, 77.375905432710525, 82.354472770954303),
    ],
)
def test_crude_rate_limits_match_phe(
    count: float, denominator: float, lower95: float, upper95: float, lower998: float, upper998: float
) -> None:
    """PHE's testdata_Rate.xlsx, rates per 100: exact limits under 10 events, Byar's from 10."""
    for level, expected in ((95, (lower95, upper95)), (99.8, (lower998, upper998))):
        lo, hi = intervals.crude_rate_limits(np.array([count]), np.array([100 / denominator]), level)
        close([lo[0], hi[0]], list(expected))


def test_dobson_limits_of_a_directly_standardised_rate_match_phe() -> None:
    """PHE's testdata_DSR_ISR.xlsx: testdata_1976 (1976 European Standard Population), per 100,000."""
    counts = [127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82]
    pops = [636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123]
    weights = [8000, *[7000] * 10, 6000, 5000, 4000, 3000, 2000, 1000, 1000]
    rate, lo, hi = intervals.dobson(np.array(counts), np.array(pops), np.array(weights), 95)
    close([rate * 1e5, lo * 1e5, hi * 1e5], [8592.0975850223658, 7991.160931442103, 9225.2538803183179])


def test_no_dobson_interval_under_ten_events() -> None:
    """PHE's testresults_DSR: 'dsr NA for total count < 10'."""
    _, lo, hi = intervals.dobson(np.array([4, 5]), np.array([100, 100]), np.array([1, 1]), 95)
    assert np.isnan(lo) and np.isnan(hi)


def test_zero_events_have_a_lower_limit_of_zero() -> None:
    lo, hi = intervals.poisson_limits(np.array([0.0]), 95)
    assert lo[0] == 0 and hi[0] == pytest.approx(3.6888794541139363)  # chi-squared(0.975, 2) / 2
