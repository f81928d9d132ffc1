"""Indicator statistics: period order, Fingertips-style comparison, targets, trend, summary.

Pure functions over IndicatorValue rows. Comparison follows Fingertips: an area is
better, similar or worse than a comparator only when its 95% confidence interval
excludes the comparator's value; without confidence limits nothing is compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.records.indicator import Indicator, IndicatorValue

MONTHS = {
    m: i
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
TREND_MIN = 5  # comparable periods needed before a trend is shown (as in Fingertips)


def _year(text: str) -> int:
    """A two- or four-digit year as four digits."""
    y = int(text)
    return y if y >= 100 else 2000 + y if y < 70 else 1900 + y


def period_key(text: str) -> tuple[int, ...] | None:
    """Sort key (year, month, day, span in years) of a printed period, or None if it has no date."""
    t = text.lower()
    quarter = re.search(r"\bq([1-4])\b", t)
    if m := re.search(r"\b(\d{4})\s*[/-]\s*(\d{4}|\d{2})\b", t):
        start, end = int(m.group(1)), _year(m.group(2))
        span = end - start
        if span == 1 or quarter:  # a financial year starts in April
            month = 4 + 3 * (int(quarter.group(1)) - 1) if quarter else 4
            return (start + (month - 1) // 12, (month - 1) % 12 + 1, 1, 1 if not quarter else 0)
        return (start, 1, 1, max(span, 0))
    if (m := re.search(r"\b(\d{2})/(\d{2})\b", t)) and int(m.group(2)) == int(m.group(1)) + 1:
        month = 4 + 3 * (int(quarter.group(1)) - 1) if quarter else 4
        return (_year(m.group(1)) + (month - 1) // 12, (month - 1) % 12 + 1, 1, 0 if quarter else 1)
    if m := re.search(r"\b(\d{1,2})[\s-]+(\d{1,2})[\s-]+(\d{2}|\d{4})\b", t):
        return (_year(m.group(3)), int(m.group(2)), int(m.group(1)), 0)
    if m := re.search(r"\b(\d{1,2})[\s-]+" + _MONTH + r"[\s-]+(\d{4}|\d{2})\b", t):
        return (_year(m.group(3)), MONTHS[m.group(2)], int(m.group(1)), 0)
    if m := re.search(r"\b" + _MONTH + r"\s+(\d{4}|\d{2})\b", t):
        return (_year(m.group(2)), MONTHS[m.group(1)], 1, 0)
    if m := re.search(r"\b(\d{4})\b", t):
        return (int(m.group(1)), 1, 1, 1)
    return None


def sort_periods(periods: list[str]) -> list[str]:
    """Distinct periods in time order; undated periods keep file order after dated ones."""
    seen = list(dict.fromkeys(periods))
    return sorted(seen, key=lambda p: (0, period_key(p), seen.index(p)) if period_key(p) else (1, (), seen.index(p)))


def period_kind(text: str) -> str:
    """How a period is printed, reduced to its shape ('9999/99'), so like can be compared with like."""
    shape = re.sub(r"\d", "9", re.sub(_MONTH, "M", text.lower()))
    return re.sub(r"\s*[/-]\s*", "/", shape).strip()


@dataclass(frozen=True)
class Judgement:
    """A comparison result: a word for people, a key for shape and style."""

    key: str  # better | similar | worse | higher | lower | not-compared | met | not-met | none
    word: str
    detail: str = ""


SHAPES = {
    "better": "▲",
    "worse": "▼",
    "similar": "●",
    "higher": "△",
    "lower": "▽",
    "not-compared": "○",
    "met": "✓",
    "not-met": "✗",
    "none": "–",
}


def compare(row: IndicatorValue | None, comparator: IndicatorValue | None, polarity: str) -> Judgement:
    """Compare a value with a comparator's value by whether its 95% interval excludes it."""
    if row is None or row.value is None:
        return Judgement("not-compared", "Not compared", _why_missing(row))
    if comparator is None or comparator.value is None:
        return Judgement("not-compared", "Not compared", "no comparator value for this period")
    if row.lower_ci is None or row.upper_ci is None:
        return Judgement("not-compared", "Not compared", "no confidence limits")
    c = comparator.value
    if row.lower_ci <= c <= row.upper_ci:
        return Judgement("similar", "Similar", "the interval includes the comparator")
    direction = "higher" if row.lower_ci > c else "lower"
    if polarity == "no-judgement":
        return Judgement(direction, direction.capitalize(), "no judgement of better or worse")
    good = (direction == "higher") == (polarity == "higher-is-better")
    return Judgement("better" if good else "worse", "Better" if good else "Worse", f"significantly {direction}")


def _why_missing(row: IndicatorValue | None) -> str:
    """Why there is no value to judge."""
    if row is None:
        return "no value for this period"
    return f"no value ({row.note})" if row.note else "no value"


def against_target(row: IndicatorValue | None, polarity: str) -> Judgement:
    """Met, not met, or no target; a target is met exactly when the value equals it."""
    if row is None or row.target is None:
        return Judgement("none", "No target")
    if row.value is None:
        return Judgement("none", "Not assessed", _why_missing(row))
    if polarity == "no-judgement":
        return Judgement("none", "Not assessed", "the indicator has no better direction")
    met = row.value >= row.target if polarity == "higher-is-better" else row.value <= row.target
    return Judgement("met" if met else "not-met", "Met" if met else "Not met", f"target {row.target:g}")


def series(values: list[IndicatorValue], area: str) -> list[IndicatorValue]:
    """Rows of one area in time order (file order breaks ties)."""
    order = {p: i for i, p in enumerate(sort_periods([v.period for v in values]))}
    rows = [v for v in values if v.area == area]
    return sorted(rows, key=lambda v: order[v.period])


def own_area(indicator: Indicator, values: list[IndicatorValue]) -> str:
    """The indicator's own area: as declared, or the first area in the file."""
    areas = [v.area for v in values]
    if indicator.area and indicator.area in areas:
        return indicator.area
    return areas[0] if areas else (indicator.area or "")


def comparators(indicator: Indicator, values: list[IndicatorValue]) -> list[str]:
    """Areas other than the own area; England first, then file order."""
    own = own_area(indicator, values)
    names = [a for a in dict.fromkeys(v.area for v in values) if a != own]
    return sorted(names, key=lambda a: (a.lower() != "england", names.index(a)))


def latest(indicator: Indicator, values: list[IndicatorValue]) -> IndicatorValue | None:
    """The own area's latest row with a value, or its latest row if none has one; none for a breakdown."""
    if breakdown(indicator, values):
        return None  # several figures for one period: the last row would be an arbitrary one, often a total
    rows = series(values, own_area(indicator, values))
    with_value = [v for v in rows if v.value is not None]
    dated = [v for v in with_value if period_key(v.period)]
    found = dated or with_value or rows
    return found[-1] if found else None


def breakdown(indicator: Indicator, values: list[IndicatorValue]) -> list[IndicatorValue]:
    """The own area's figures for its latest period when there are several (a table told apart by notes)."""
    rows = [v for v in series(values, own_area(indicator, values)) if v.value is not None]
    last = ([v for v in rows if period_key(v.period)] or rows)[-1:]
    alike = [v for v in rows if last and v.period == last[0].period]
    return alike if len(alike) > 1 else []


def broken_down(indicator: Indicator, values: list[IndicatorValue]) -> bool:
    """Whether any period of the own area has several figures: a chart of one point per period would hide them."""
    periods = [v.period for v in series(values, own_area(indicator, values)) if v.value is not None]
    return len(periods) != len(set(periods))


def chart_kind(indicator: Indicator, values: list[IndicatorValue]) -> str:
    """The period shape most of the own area's values share (ties: the latest's), so a line joins like with like."""
    rows = [v for v in series(values, own_area(indicator, values)) if v.value is not None] or values
    kinds = [period_kind(v.period) for v in rows]
    return max(reversed(kinds), key=kinds.count) if kinds else ""


def trend(indicator: Indicator, values: list[IndicatorValue]) -> Judgement:
    """Direction over the last five comparable periods, or why no trend is shown."""
    rows = [v for v in series(values, own_area(indicator, values)) if v.value is not None]
    if not rows:
        return Judgement("none", "No trend", "no values")
    if broken_down(indicator, values):
        return Judgement("none", "No trend", "several figures share a period (a breakdown)")
    kind = period_kind(rows[-1].period)
    same = [v for v in rows if period_kind(v.period) == kind and period_key(v.period)]
    if not same:
        return Judgement("none", "No trend", "the periods are not dated in a comparable form")
    if len(same) < TREND_MIN:
        plural = "s" if len(same) != 1 else ""
        return Judgement("none", "No trend", f"{len(same)} comparable period{plural}; at least {TREND_MIN} are needed")
    first, last = same[-TREND_MIN], same[-1]
    start, end = first.value or 0.0, last.value or 0.0  # every row here has a value
    if first.lower_ci is None or first.upper_ci is None or last.lower_ci is None or last.upper_ci is None:
        word = "Up" if end > start else "Down" if end < start else "No change"
        return Judgement("none", word, f"from {start:g} to {end:g}; not tested, no confidence limits")
    if last.lower_ci > first.upper_ci or last.upper_ci < first.lower_ci:
        up = end > start
        if indicator.polarity == "no-judgement":
            word = "Increasing" if up else "Decreasing"
            return Judgement("higher" if up else "lower", word, "intervals do not overlap")
        good = up == (indicator.polarity == "higher-is-better")
        word = "Getting better" if good else "Getting worse"
        return Judgement("better" if good else "worse", word, "intervals do not overlap")
    return Judgement("similar", "No significant change", "the intervals overlap")


def with_unit(value: float | None, unit: str | None) -> str:
    """A value with its unit: '5.2%', '87.9 per 100,000', '£3.1m'."""
    if value is None:
        return "no value"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    if not unit:
        return text
    if unit.startswith("£"):
        return f"£{text}{unit[1:]}" if unit in ("£", "£m", "£k", "£bn") else f"{text} ({unit})"
    return f"{text}{unit}" if unit.startswith("%") and len(unit) == 1 else f"{text} {unit}"


def _lower_first(title: str) -> str:
    """Lower-case the first letter unless the first word is an acronym."""
    first = title.split(" ", 1)[0]
    return title if first.isupper() or first[1:2].isupper() else title[:1].lower() + title[1:]


def _owner(area: str) -> str:
    """The area as an owner: Coventry’s, Wales’."""
    return f"{area}’" if area.endswith("s") else f"{area}’s"


def summary(indicator: Indicator, values: list[IndicatorValue]) -> str:
    """One plain-English sentence about the latest value, its comparison and target."""
    row = latest(indicator, values)
    area = own_area(indicator, values)
    name = _lower_first(indicator.title)
    directions = {"higher-is-better": "; higher is better", "lower-is-better": "; lower is better"}
    better = directions.get(indicator.polarity, "")
    if row is None:
        alike = breakdown(indicator, values)
        if alike:
            return (
                f"{_owner(area)} {name} is printed as {len(alike)} figures for one period ({alike[0].period}), not as one "
                "figure: every figure is in the table of values."
            )
        return f"No values are on record for {name}."
    when = f"In {row.period}" if re.match(r"(\d|q\d|" + _MONTH + ")", row.period.lower()) else f"For “{row.period}”"
    when = "On" + when[2:] if re.match(r"\d{1,2}[\s-]+\D", row.period) else when
    owner = _owner(area)
    if row.value is None:
        return f"{when}, there is no value for {owner} {name} ({row.note or 'not given'})."
    text = f"{when}, {owner} {name} was {with_unit(row.value, indicator.unit)}"
    names = comparators(indicator, values)
    national = [n for n in names if n.lower() == "england"]  # districts within an area are not comparators
    comp = next((v for v in values if national and v.area == national[0] and v.period == row.period), None)
    if comp is not None and comp.value is not None:
        j = compare(row, comp, indicator.polarity)
        cv = with_unit(comp.value, indicator.unit)
        if j.key in ("better", "worse", "higher", "lower"):
            text += f", {j.detail.removeprefix('significantly ')} than {comp.area} ({cv})"
        elif j.key == "similar":
            text += f", similar to {comp.area} ({cv})"
        else:
            text += f"; {comp.area} was {cv} (not compared: {j.detail})"
    t = against_target(row, indicator.polarity)
    if t.key in ("met", "not-met"):
        text += f"; the target of {with_unit(row.target, indicator.unit)} was {'met' if t.key == 'met' else 'not met'}"
    return text + better + "."
