"""Judgement rules, period order, trend and the plain-English summary."""

from __future__ import annotations

import pytest

from generator.records.indicator import Indicator, IndicatorValue
from generator.site import stats


def row(value: str | None, lo: str | None = None, hi: str | None = None, **kw: str) -> IndicatorValue:
    """One value row for Coventry unless told otherwise."""
    fields = {"period": "2013 - 15", "area": "Coventry", "value": value, "lower_ci": lo, "upper_ci": hi, **kw}
    if value is None:
        fields.setdefault("note", "suppressed: fewer than 5")
    return IndicatorValue(**fields)


def indicator(polarity: str = "lower-is-better", **kw: str) -> Indicator:
    """An indicator whose own area is Coventry."""
    fields = {
        "id": "cvd",
        "title": "Under 75 mortality rate from cardiovascular disease",
        "unit": "per 100,000",
        "value_type": "rate",
        "polarity": polarity,
        "board_ids": ["b"],
        "area": "Coventry",
        **kw,
    }
    return Indicator(**fields)


ENGLAND = row("74.6", area="England")


@pytest.mark.parametrize(
    ("area", "comparator", "polarity", "key"),
    [
        (row("87.9", "81.2", "95.0"), ENGLAND, "lower-is-better", "worse"),
        (row("87.9", "81.2", "95.0"), ENGLAND, "higher-is-better", "better"),
        (row("60", "55", "65"), ENGLAND, "lower-is-better", "better"),
        (row("87.9", "81.2", "95.0"), ENGLAND, "no-judgement", "higher"),
        (row("60", "55", "65"), ENGLAND, "no-judgement", "lower"),
        (row("80", "74.6", "85"), ENGLAND, "lower-is-better", "similar"),  # interval touches the comparator
        (row("70", "65", "74.6"), ENGLAND, "higher-is-better", "similar"),  # touches from below
        (row("74.6", "70", "79"), ENGLAND, "lower-is-better", "similar"),  # equal values
        (row("0", "0", "3.7"), ENGLAND, "lower-is-better", "better"),  # zero count, interval below England
        (row("0", "0", "3.7"), row("0", area="England"), "lower-is-better", "similar"),  # zero against zero
        (row("87.9"), ENGLAND, "lower-is-better", "not-compared"),  # no confidence limits
        (row(None), ENGLAND, "lower-is-better", "not-compared"),  # suppressed
        (row("87.9", "81.2", "95.0"), row(None, area="England"), "lower-is-better", "not-compared"),
        (row("87.9", "81.2", "95.0"), None, "lower-is-better", "not-compared"),
    ],
)
def test_compare(area: IndicatorValue, comparator: IndicatorValue | None, polarity: str, key: str) -> None:
    assert stats.compare(area, comparator, polarity).key == key


def test_not_compared_says_why() -> None:
    assert stats.compare(row("87.9"), ENGLAND, "lower-is-better").detail == "no confidence limits"
    assert "suppressed: fewer than 5" in stats.compare(row(None), ENGLAND, "lower-is-better").detail


@pytest.mark.parametrize(
    ("value", "target", "polarity", "key"),
    [
        ("68.6", "68.6", "higher-is-better", "met"),  # met exactly
        ("68.6", "68.6", "lower-is-better", "met"),
        ("68.5", "68.6", "higher-is-better", "not-met"),
        ("68.7", "68.6", "lower-is-better", "not-met"),
        ("75", "68.6", "no-judgement", "none"),
        ("75", None, "higher-is-better", "none"),
        (None, "68.6", "higher-is-better", "none"),
    ],
)
def test_against_target(value: str | None, target: str | None, polarity: str, key: str) -> None:
    assert stats.against_target(row(value, target=target), polarity).key == key


def test_every_judgement_has_a_shape_and_a_word() -> None:
    judged = (
        stats.compare(row("1", "0", "2"), ENGLAND, "no-judgement"),
        stats.against_target(row("1", target="1"), "higher-is-better"),
    )
    for j in judged:
        assert stats.SHAPES[j.key] and j.word


def test_periods_sort_whatever_their_printed_form() -> None:
    printed = ["Jun 16 to May 17", "2017/18 Q1", "Year One", "2015/16", "2013 - 15", "Q4 2016/17", "31-Mar-13", "2012"]
    assert stats.sort_periods(printed) == [
        "2012",
        "2013 - 15",
        "31-Mar-13",
        "2015/16",
        "Jun 16 to May 17",
        "Q4 2016/17",
        "2017/18 Q1",
        "Year One",
    ]


def test_financial_year_forms_agree() -> None:
    assert stats.period_key("2015/16") == stats.period_key("2015-16") == stats.period_key("15/16")
    assert stats.period_kind("2015/16") == stats.period_kind("2015 - 16")


def test_trend_needs_five_comparable_periods() -> None:
    values = [row(str(v), period=p) for v, p in [(1, "2011/12"), (2, "2012/13"), (3, "2013/14"), (4, "2014/15")]]
    t = stats.trend(indicator(), values)
    assert (t.word, t.detail) == ("No trend", "4 comparable periods; at least 5 are needed")


def test_trend_ignores_other_kinds_of_period() -> None:
    years = [row(str(v), period=f"20{10 + v}/{11 + v}") for v in range(4)]
    assert stats.trend(indicator(), [*years, row("9", period="Q1 2014/15")]).word == "No trend"


def test_trend_with_intervals_reads_polarity() -> None:
    values = [
        row(str(100 - 10 * k), str(98 - 10 * k), str(102 - 10 * k), period=f"20{10 + k}/{11 + k}") for k in range(5)
    ]
    assert stats.trend(indicator("lower-is-better"), values).word == "Getting better"
    assert stats.trend(indicator("higher-is-better"), values).word == "Getting worse"
    assert stats.trend(indicator("no-judgement"), values).word == "Decreasing"


def test_summary_sentence() -> None:
    values = [row("87.9", "81.2", "95.0"), row("74.6", area="England"), row("80", area="West Midlands")]
    assert stats.summary(indicator(), values) == (
        "In 2013 - 15, Coventry’s under 75 mortality rate from cardiovascular disease was 87.9 per 100,000, "
        "higher than England (74.6 per 100,000); lower is better."
    )


def test_summary_without_limits_does_not_claim_a_difference() -> None:
    text = stats.summary(indicator(), [row("87.9"), ENGLAND])
    assert "higher than" not in text and "not compared: no confidence limits" in text


def test_summary_of_a_suppressed_value_gives_the_note() -> None:
    assert "suppressed: fewer than 5" in stats.summary(indicator(), [row(None)])


def test_latest_prefers_dated_periods() -> None:
    values = [row("1", period="2015/16"), row("2", period="Year End (latest MAT)")]
    assert stats.latest(indicator(), values).period == "2015/16"


def test_several_figures_for_one_period_are_a_breakdown_not_a_headline() -> None:
    """A table broken down by post (told apart by note) has no single latest value: never its last row, a total."""
    table = [
        row("52800", period="not printed", note="Post: Team Management"),
        row("545500", period="not printed", note="Post: Total SCC MASH, printed total"),
    ]
    mash = indicator("no-judgement", title="MASH - Staff Costs", unit="£")
    assert stats.latest(mash, table) is None
    assert stats.summary(mash, table) == (
        "Coventry’s MASH - Staff Costs is printed as 2 figures for one period (not printed), not as one figure: "
        "every figure is in the table of values."
    )
    assert stats.latest(mash, [*table, row("1", period="2016/17")]).period == "2016/17"


def test_no_trend_through_figures_that_share_a_period() -> None:
    """Draw no trend through a breakdown: its rows are parts of one period, not a series."""
    values = [row(str(n), period="2015/16", note=f"Proposal {n}") for n in (100, 750, 400, 400, 480)]
    judgement = stats.trend(indicator("no-judgement"), values)
    assert (judgement.word, judgement.detail) == ("No trend", "several figures share a period (a breakdown)")
