"""One plain sentence that says what an indicator's page shows: headline, comparison, rating, trend, target."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.site.stats import ANSWERS

if TYPE_CHECKING:
    from generator.site.indicators import Comparison, IndicatorState


def lower_first(title: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a name written in capitals."""
    first = title.split(" ", 1)[0]
    if first.isupper() or first[1:2].isupper() or (first[1:2] and not first[1:2].isalpha()):
        return title
    return title[:1].lower() + title[1:]


def possessive(area: str) -> str:
    """'Coventry’s', 'Sandwell and Dudley’s', 'Rugby Borough Councils’'."""
    return f"{area}’" if area.endswith("s") else f"{area}’s"


def when(period: str) -> str:
    """'In 2015/16', 'On 31 March 2013', 'For Year One' (a period that is not a date reads as a label)."""
    if re.match(r"\d{1,2}[\s-]+\D", period):
        return f"On {period}"
    if re.match(r"(\d|q\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", period.lower()):
        return f"In {period}"
    return f"For the period “{period}”"


def sentence(state: IndicatorState) -> str:
    """The page's one sentence."""
    name = lower_first(state.indicator.title)
    if state.headline is None:
        text = f"There is no single latest value of {name} for {state.area}: {state.headline_reason}"
        if state.earlier:
            text += f"; in {state.earlier_period} it was {state.earlier_value}{_versus(state.earlier[0])}"
        return text + "."
    text = f"{when(state.period)}, {possessive(state.area)} {name} was {state.value_only}"
    text += _comparison(state)
    order = sorted(state.ratings, key=lambda r: (r.kind != "comparator", r.against != "England"))
    rating = next(iter(order), None)
    if rating is not None:
        meaning = f" ({rating.meaning})" if rating.meaning and not rating.meaning.startswith("no key") else ""
        text += f"; the report itself says “{rating.printed}”{meaning}"
    if state.trend.key in ANSWERS or state.trend.key == "similar":
        text += f"; recent trend: {state.trend.word.lower()}"
    better = {"higher-is-better": "; higher is better", "lower-is-better": "; lower is better"}
    text += better.get(state.indicator.polarity, "")
    return text if text.endswith(".”") else text + "."


def _comparison(state: IndicatorState) -> str:
    """The comparison with the main comparator, in words."""
    main = state.main
    if main is None and state.earlier:
        first = state.earlier[0]
        return f" ({state.no_comparison}; in {state.earlier_period} it was {state.earlier_value}{_versus(first)})"
    if main is None:
        return f" ({state.no_comparison})" if state.no_comparison else ""
    j = main.judgement
    if j.key == "similar":
        return f", similar to {possessive(main.area)} {main.value_text}"
    if j.key in ANSWERS:
        side = "higher" if main.higher else "lower"
        if j.key in ("higher", "lower"):
            return f", significantly {side} than {possessive(main.area)} {main.value_text}"
        return f", {j.word.lower()} than {possessive(main.area)} {main.value_text} (significantly {side})"
    if main.value == state.headline_value:
        return f", the same as {possessive(main.area)} {main.value_text}"
    side = "higher" if main.higher else "lower"
    return f", {side} than {possessive(main.area)} {main.value_text} (not tested for significance: {main.reason})"


def _versus(c: Comparison) -> str:
    """', similar to England’s 74.6' or ', higher than England’s 74.6 (not tested)'."""
    j = c.judgement
    if j.key == "similar":
        return f", similar to {possessive(c.area)} {c.value_text}"
    side = "higher" if c.higher else "lower"
    if j.key in ("higher", "lower"):
        return f", significantly {side} than {possessive(c.area)} {c.value_text}"
    if j.key in ANSWERS:
        return f", {j.word.lower()} than {possessive(c.area)} {c.value_text} (significantly {side})"
    return f", {side} than {possessive(c.area)} {c.value_text} (not tested)"
