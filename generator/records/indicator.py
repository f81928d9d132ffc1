"""Indicators: data/indicators/<id>.yml, with their values in <id>.csv beside it."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import model_validator

from generator.records.common import F, Located, TopLevel
from generator.records.fields import Count, LongText, Number, OneOf, Pages, Ref, Text, fail_at
from generator.records.indicator_parts import PeerGroup, Rating, RatingKey, TargetStatement

VALUE_TYPES = (
    ("percentage", "a percentage: 0 to 100"),
    ("rate", "a rate per population, such as per 100,000"),
    ("count", "a number of things or people"),
    ("ratio", "a ratio of two numbers"),
    ("years", "a number of years, such as life expectancy"),
    ("pounds", "money, in pounds"),
    ("score", "a score on a scale"),
    ("other", "any other kind of value (the unit says what)"),
)
POLARITY = (
    ("higher-is-better", "a higher value is better"),
    ("lower-is-better", "a lower value is better"),
    ("no-judgement", "neither: the value is context, and no comparison is judged"),
)
RATE_TYPES = ("crude", "directly-standardised", "indirectly-standardised")
ROW_TYPES = ("item", "subtotal", "total")
QUALIFIERS = ("less-than", "at-most", "more-than", "at-least", "approximately", "range", "suppressed")
CI_LEVELS = ("95", "99.8")
RESERVED_IDS = ("methods", "compare")  # urls.INDICATOR_PAGES: pages about all indicators


class Indicator(TopLevel):
    """An indicator: data/indicators/<id>.yml, values in <id>.csv beside it."""

    shown: ClassVar[str] = "indicator page"

    title: Text = F("Title as printed.", "Under 75 mortality rate from cardiovascular disease")
    definition: LongText | None = F("What is measured.", default=None)
    unit: Text | None = F("Unit shown after values.", "per 100,000", default=None)
    value_type: Annotated[str, OneOf(*VALUE_TYPES)] = F("Kind of value.", "rate")
    rate_type: Annotated[str, OneOf(*RATE_TYPES)] | None = F(
        "For a rate: crude (events over population: Byar's interval), or directly or indirectly standardised "
        "(Dobson's interval from counts and populations by age band). Leave it out when the pack does not say.",
        "directly-standardised",
        default=None,
    )
    polarity: Annotated[str, OneOf(*POLARITY)] = F("Which direction is better.", "lower-is-better")
    framework: Text | None = F("Framework it belongs to.", "Public Health Outcomes Framework", default=None)
    code: Text | None = F("Code within the framework.", "4.04i", default=None)
    national_code: Text | None = F(
        "The indicator's code in a national set (PHOF, ASCOF, the former National Indicators) where the pack "
        "prints one; indicators of several boards with the same national code are compared on one page.",
        "NI 64",
        default=None,
    )
    frequency: Text | None = F("How often it is published.", "annual", default=None)
    board_ids: list[Ref] = F("Boards that watch it.", ["coventry-hwb"], min_length=1)
    area: Text | None = F("The board's own area in the values (others are comparators).", "Coventry", default=None)
    comparators: list[Text] = F(
        "Areas the own area is benchmarked against (the region, statistical neighbours), named as in the values. "
        "England is one whenever it has values; other areas (districts, practices) are shown but not benchmarks.",
        ["West Midlands"],
        default=[],
    )
    peer_group: PeerGroup | None = F(
        "A group of areas for quintiles: they are given only when every area of the group has a value.", default=None
    )
    indicator_ids: list[Ref] = F(
        "Other indicators printed in the same table, where one table is kept as an indicator per row; each page "
        "links the others.",
        ["coventry-bcf-scheme-dementia"],
        default=[],
    )
    ratings: list[Rating] = F("The report's own ratings of its values, as printed.", default=[])
    rating_key: RatingKey | None = F("The report's printed key to its rating symbols.", default=None)
    targets: list[TargetStatement] = F("Targets as the board states them, with their period and status.", default=[])
    axis_not_from_zero: Text | None = F(
        "Why the chart's axis should not start at zero (counts, percentages, rates and money start at zero).",
        "Life expectancy varies within a few years; from zero the change would not show.",
        default=None,
    )

    @model_validator(mode="after")
    def _check_id(self) -> Indicator:
        if self.id in RESERVED_IDS:
            raise fail_at("id", f"'{self.id}' is the address of a page about all indicators (choose another id)")
        return self


class IndicatorValue(Located):
    """One row of data/indicators/<id>.csv."""

    minimal: ClassVar[dict[str, str]] = {"value": "87.9"}
    conditions: ClassVar[dict[str, str]] = {"value": "required unless note says why it is empty"}

    shown: ClassVar[str] = "indicator page (table of values, chart)"

    period: Text | None = F(
        "Period as printed; leave it empty only when the pack prints none, and say so in 'note'.",
        "2013 - 15",
        default=None,
    )
    area: Text | None = F(
        "Area name; comparators (region, England) are areas too. Leave it empty only when the pack prints none, "
        "and say so in 'note'.",
        "Coventry",
        default=None,
    )
    area_code: Text | None = F(
        "ONS code where known.", "E08000026", default=None, shown="not shown (in the CSV download)"
    )
    dimension: Text | None = F(
        "What a breakdown row is broken down by; leave it empty for the area's main series.", "age band", default=None
    )
    group: Text | None = F("A section heading printed above a breakdown row.", "SCC posts", default=None)
    category: Text | None = F("A breakdown row's label exactly as printed.", "65 and over", default=None)
    row_type: Annotated[str, OneOf(*ROW_TYPES)] | None = F(
        "A breakdown row's place in its table: item, or a printed subtotal or total (never summed by the site).",
        "subtotal",
        default=None,
    )
    value: Number | None = F("The value; leave empty only with a note saying why.", "87.9", default=None)
    qualifier: Annotated[str, OneOf(*QUALIFIERS)] | None = F(
        "How the printed value is qualified: less-than ('<5'), at-most, more-than ('over 500'), at-least, "
        "approximately ('~9%', 'around 4%'), range ('51-58%'), suppressed (not published: value empty, "
        "reason in 'note'). A qualified value is shown as printed and never compared.",
        "more-than",
        default=None,
    )
    printed: Text | None = F("The value exactly as printed, where it has a qualifier.", "over 500", default=None)
    value_upper: Number | None = F("The upper end of a printed range.", "58", default=None)
    lower_ci: Number | None = F("Lower confidence limit, as printed.", "81.2", default=None)
    upper_ci: Number | None = F("Upper confidence limit, as printed.", "95.0", default=None)
    ci_level: Annotated[str, OneOf(*CI_LEVELS)] | None = F(
        "The confidence level of the printed limits: 95 or 99.8 (per cent).", "95", default=None
    )
    count: Number | None = F("Numerator count.", default=None)
    denominator: Number | None = F("Denominator.", default=None)
    standard_population: Number | None = F(
        "For an age band of a directly standardised rate: the standard population's weight.", "8000", default=None
    )
    target: Number | None = F("Target for this period.", default=None)
    note: Text | None = F("Why a value is missing, or anything printed with it.", default=None)
    source_pages: Pages | None = F(
        "Page or range in the indicator's source document.", default=None, shown="not shown (in the CSV download)"
    )
    source_line: Count | None = F("Line of the plain-text copy where the value is printed.", "1224", default=None)

    @model_validator(mode="after")
    def _check(self) -> IndicatorValue:
        _check_place(self)
        _check_breakdown(self)
        _check_qualifier(self)
        _check_limits(self)
        return self


def _check_place(row: IndicatorValue) -> None:
    """Period and area may be empty only when the note says the pack prints none."""
    for name in ("period", "area"):
        if getattr(row, name) is None and not row.note:
            raise fail_at(name, f"is empty (write the {name} as printed, or say in 'note' that the pack prints none)")


def _check_breakdown(row: IndicatorValue) -> None:
    """A breakdown row names its dimension; group and row type belong to breakdown rows."""
    if row.category and not row.dimension:
        raise fail_at(
            "dimension",
            f"is empty, but category '{row.category}' needs one (name what the table breaks down by, e.g. 'sex')",
        )
    for name in ("group", "row_type"):
        if getattr(row, name) and not row.category:
            hint = "the row's label as printed, e.g. 'Total'"
            raise fail_at(name, f"'{getattr(row, name)}' needs a category ({hint})")


def _check_qualifier(row: IndicatorValue) -> None:
    """A qualified value keeps its printed form; a suppressed one has no value and says why."""
    if row.value is None and not row.note:
        raise fail_at("value", "is empty (give the reason in 'note', e.g. 'suppressed: fewer than 5')")
    if row.qualifier == "suppressed":
        if row.value is not None:
            raise fail_at("value", f"{row.value:g} is given, but the qualifier says it is suppressed (leave it empty)")
        return
    if row.qualifier and row.value is None:
        raise fail_at("value", f"is empty, but qualifier '{row.qualifier}' needs its number (5 for '<5')")
    if row.qualifier and not row.printed:
        raise fail_at("printed", f"is empty (copy the value as printed, e.g. 'over 500' for '{row.qualifier}')")
    if row.qualifier == "range" and row.value_upper is None:
        raise fail_at("value_upper", "is empty (a range needs its upper end: 58 for '51-58%')")
    if row.value_upper is not None and row.qualifier != "range":
        raise fail_at("value_upper", "is given, but the qualifier is not 'range'")
    if row.value_upper is not None and row.value is not None and row.value_upper < row.value:
        raise fail_at("value_upper", f"{row.value_upper:g} is below value {row.value:g}")


def _check_limits(row: IndicatorValue) -> None:
    """Printed limits come in pairs, with their level, around the value."""
    lo, hi = row.lower_ci, row.upper_ci
    if (lo is None) != (hi is None):
        given, empty = ("lower_ci", "upper_ci") if hi is None else ("upper_ci", "lower_ci")
        raise fail_at(empty, f"is empty but {given} is given (give both limits or neither)")
    if lo is None or hi is None:
        if row.ci_level:
            raise fail_at("ci_level", "is given, but there are no printed limits")
        return
    if hi < lo:
        raise fail_at("upper_ci", f"{hi:g} is below lower_ci {lo:g}")
    if not row.ci_level:
        raise fail_at("ci_level", "is empty (say whether the printed limits are 95 or 99.8 per cent limits)")
    if row.value is not None and not lo <= row.value <= hi:
        raise fail_at("value", f"{row.value:g} is outside its confidence interval {lo:g} to {hi:g}")


INDICATOR_COLUMNS = tuple(IndicatorValue.model_fields)  # the CSV's columns, in the model's order
REQUIRED_COLUMNS = ("period", "area", "value")
# The columns that name one value of an indicator: no two rows of its file may agree on all of
# them. A breakdown's dimension, group and category tell apart the rows of one period and area;
# the note tells apart two printings of one figure (a table and the text, each with its note).
ROW_KEY = ("period", "area", "dimension", "group", "category", "note")
