"""Headlines, benchmarks and the page's sentence, on fixtures built to tempt them into a wrong answer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from generator import build
from generator.site import benchmark
from generator.site.indicators import IndicatorState, indicator_states
from generator.site.stats import value_text
from tests.conftest import make_dataset

YML = """id: {id}
title: {title}
unit: "{unit}"
value_type: {value_type}
polarity: {polarity}
board_ids: [riverton-hwb]
area: Riverton
{extra}"""


def states(tmp_path: Path, csv: str, **fields: str) -> IndicatorState:
    """The state of one indicator 'probe' added to the fixture dataset."""
    values = {"id": "probe", "title": "Probe measure", "unit": "%", "value_type": "percentage"}
    values.update({"polarity": "lower-is-better", "extra": ""}, **fields)
    data = make_dataset(tmp_path, {"indicators/probe.yml": YML.format(**values), "indicators/probe.csv": csv})
    report, site = build.check(data)
    assert site is not None, report.lines()
    return indicator_states(site)["probe"]


def judge_one(value: float, lo: float | None, hi: float | None, comparator: float, polarity: str) -> str:
    """The key of one vectorised judgement."""
    pair = pd.DataFrame(
        [
            {
                "indicator": "x",
                "area": "England",
                "value": value,
                "value_c": comparator,
                "lo95": lo,
                "hi95": hi,
                "lo998": np.nan,
                "hi998": np.nan,
                "qualifier": None,
                "ci_reason": "no interval: none printed",
            }
        ]
    ).astype({"lo95": float, "hi95": float})
    return str(benchmark.judge(pair, {"x": polarity})["key"].iloc[0])


@pytest.mark.parametrize(
    ("value", "lo", "hi", "comparator", "polarity", "key"),
    [
        (87.9, 81.2, 95.0, 74.6, "lower-is-better", "worse"),
        (87.9, 81.2, 95.0, 74.6, "higher-is-better", "better"),
        (60, 55, 65, 74.6, "lower-is-better", "better"),
        (87.9, 81.2, 95.0, 74.6, "no-judgement", "higher"),
        (60, 55, 65, 74.6, "no-judgement", "lower"),
        (80, 74.6, 85, 74.6, "lower-is-better", "similar"),  # the interval touches the comparator: ends included
        (70, 65, 74.6, 74.6, "higher-is-better", "similar"),
        (0, 0, 3.7, 0, "lower-is-better", "similar"),
        (87.9, None, None, 74.6, "lower-is-better", "not-compared"),  # no interval: not tested
    ],
)
def test_judgement_follows_fingertips(
    value: float, lo: float | None, hi: float | None, comparator: float, polarity: str, key: str
) -> None:
    assert judge_one(value, lo, hi, comparator, polarity) == key


def test_an_untested_difference_is_said_to_be_untested() -> None:
    pair = pd.DataFrame(
        [
            {
                "indicator": "x",
                "area": "England",
                "value": 87.9,
                "value_c": 74.6,
                "lo95": np.nan,
                "hi95": np.nan,
                "lo998": np.nan,
                "hi998": np.nan,
                "qualifier": None,
                "ci_reason": "no interval: no count is printed",
            }
        ]
    )
    out = benchmark.judge(pair, {"x": "lower-is-better"}).iloc[0]
    assert (out["word"], out["detail"]) == (
        "Not tested",
        "higher than England (74.6), but not tested for significance (no count is printed)",
    )


def test_quintiles_follow_fingertips_percentiles() -> None:
    values = pd.Series([10.0, 20.0, 30.0, 40.0, 50.0, 60.0])
    assert [benchmark.quintile(values, v) for v in (10, 20, 21, 35, 60)] == [1, 1, 2, 3, 5]


def test_a_costs_table_with_a_subtotal_has_no_headline(tmp_path: Path) -> None:
    csv = (
        "period,area,dimension,category,row_type,value\n"
        "2017/18,Riverton,cost line,Staff,item,52000\n"
        "2017/18,Riverton,cost line,Premises,item,41000\n"
        "2017/18,Riverton,cost line,Partners' subtotal,subtotal,93000\n"
        "2017/18,Riverton,cost line,Total,total,141000\n"
    )
    state = states(tmp_path, csv, unit="£", value_type="pounds", polarity="no-judgement")
    assert state.headline is None
    assert state.headline_reason == "every value is a row of a breakdown by cost line, so there is no main series"
    assert state.summary == (
        "There is no single latest value of probe measure for Riverton: every value is a row of a breakdown by "
        "cost line, so there is no main series."
    )
    assert "93,000" not in state.summary and "141,000" not in state.summary


def test_a_not_stated_period_is_never_the_headline(tmp_path: Path) -> None:
    state = states(tmp_path, "period,area,value\nnot stated,Riverton,12\n5 year average,Riverton,11\n")
    assert state.headline is None
    assert "not stated" not in state.summary and "For" not in state.summary
    assert state.headline_reason.startswith("no value has a dated period")


def test_several_values_for_one_period_give_no_single_headline(tmp_path: Path) -> None:
    csv = "period,area,value,note\n2021,Riverton,12,\n2022,Riverton,13,Table 2\n2022,Riverton,14,Text\n"
    state = states(tmp_path, csv)
    assert state.headline is None
    assert state.headline_reason == "2 values are recorded for 2022, so there is no single headline"


def test_a_period_printed_two_ways_is_one_period(tmp_path: Path) -> None:
    csv = "period,area,value\n2021/22,Riverton,12\n2021-22,Riverton,13\n"
    assert states(tmp_path, csv).headline_reason == "2 values are recorded for 2021-22, so there is no single headline"


def test_the_headline_is_the_main_series_not_a_later_breakdown_row(tmp_path: Path) -> None:
    csv = "period,area,dimension,category,value\n2021,Riverton,,,12\n2022,Riverton,sex,Female,15\n"
    state = states(tmp_path, csv)
    assert (state.period, state.value_only) == ("2021", "12%")
    assert [b.dimension for b in state.breakdowns] == ["sex"]


def test_a_qualified_headline_is_shown_as_printed_and_never_compared(tmp_path: Path) -> None:
    csv = "period,area,value,qualifier,printed\n2021,Riverton,30,more-than,over 30%\n2021,England,20,,\n"
    state = states(tmp_path, csv)
    assert state.value_only == "over 30%"
    assert state.main is not None and state.main.judgement.key == "not-compared"
    assert state.headline["ci_reason"] == "no interval: the value is printed with a qualifier, as a bound, not a figure"


def test_a_count_and_denominator_give_a_wilson_interval_and_a_judgement(tmp_path: Path) -> None:
    csv = "period,area,value,count,denominator\n2023,Riverton,75.6,7600,10050\n2023,England,72.1,,\n"
    state = states(tmp_path, csv, polarity="higher-is-better")
    assert state.headline["ci_method"] == "Wilson score"
    assert state.headline["ci95"] == "74.8 to 76.5"
    assert state.main.judgement.key == "better"
    assert state.summary == (
        "In 2023, Riverton’s probe measure was 75.6%, better than England’s 72.1% (significantly higher); "
        "higher is better."
    )


def test_counts_that_do_not_give_the_printed_value_give_no_interval(tmp_path: Path) -> None:
    state = states(tmp_path, "period,area,value,count,denominator\n2023,Riverton,45,412,1000\n")
    assert state.headline["ci_reason"] == "no interval: the count and denominator give 41.2%, not the printed 45%"


def test_a_comparator_of_another_period_is_not_compared(tmp_path: Path) -> None:
    state = states(tmp_path, "period,area,value\n2012/13,Riverton,2\n2011/12,England,5.6\n")
    assert state.comparisons == []
    assert state.no_comparison == "England’s figure is for 2011/12, not 2012/13, so they are not compared"


def test_a_rate_of_unknown_type_gets_no_interval(tmp_path: Path) -> None:
    state = states(tmp_path, "period,area,value,count\n2015,Riverton,87.9,604\n", unit="per 100,000", value_type="rate")
    assert state.headline["ci_reason"] == "no interval: the pack does not say whether the rate is crude or standardised"


def test_a_crude_rate_with_its_count_gets_byar_limits(tmp_path: Path) -> None:
    state = states(
        tmp_path,
        "period,area,value,count\n2015/16,Riverton,78.2,580\n",
        unit="per 10,000 children",
        value_type="rate",
        extra="rate_type: crude\n",
    )
    assert (state.headline["ci_method"], state.headline["ci95"]) == ("Byar's method", "72.0 to 84.8")


def test_value_text_writes_qualifiers() -> None:
    assert value_text({"value": 5.0, "qualifier": "less-than", "printed": "<5"}, "children") == "<5"
    assert value_text({"value": None, "qualifier": "suppressed", "printed": None}, "%") == "suppressed"
    assert value_text({"value": 51.0, "qualifier": "range", "value_upper": 58.0, "printed": None}, "%") == "51 to 58%"


PEERS = "peer_group:\n  name: Riverton and its neighbours\n  areas: [Riverton, A, B, C, D]\n"


def test_quintiles_only_where_every_area_of_the_group_is_recorded(tmp_path: Path) -> None:
    rows = "period,area,value\n2021,Riverton,12\n2021,A,10\n2021,B,20\n2021,C,30\n"
    state = states(tmp_path / "partial", rows, extra=PEERS)
    assert state.quintile == "no quintile: 1 of the 5 areas of Riverton and its neighbours has no value for 2021"
    state = states(tmp_path / "whole", rows + "2021,D,40\n", extra=PEERS)
    assert state.quintile == "quintile 2 of 5 among Riverton and its neighbours (1 is the lowest values, 5 the highest)"
