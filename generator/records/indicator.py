"""Indicators: data/indicators/<id>.yml, with their values in <id>.csv beside it."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import model_validator

from generator.records.common import F, Located, TopLevel
from generator.records.fields import LongText, Number, OneOf, Pages, Ref, Text, fail_at

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


class Indicator(TopLevel):
    """An indicator: data/indicators/<id>.yml, values in <id>.csv beside it."""

    shown: ClassVar[str] = "indicator page"

    title: Text = F("Title as printed.", "Under 75 mortality rate from cardiovascular disease")
    definition: LongText | None = F("What is measured.", default=None)
    unit: Text | None = F("Unit shown after values.", "per 100,000", default=None)
    value_type: Annotated[str, OneOf(*VALUE_TYPES)] = F("Kind of value.", "rate")
    polarity: Annotated[str, OneOf(*POLARITY)] = F("Which direction is better.", "lower-is-better")
    framework: Text | None = F("Framework it belongs to.", "Public Health Outcomes Framework", default=None)
    code: Text | None = F("Code within the framework.", "4.04i", default=None)
    frequency: Text | None = F("How often it is published.", "annual", default=None)
    board_ids: list[Ref] = F("Boards that watch it.", ["coventry-hwb"], min_length=1)
    area: Text | None = F("The board's own area in the values (others are comparators).", "Coventry", default=None)


class IndicatorValue(Located):
    """One row of data/indicators/<id>.csv."""

    minimal: ClassVar[dict[str, str]] = {"value": "87.9"}
    conditions: ClassVar[dict[str, str]] = {"value": "required unless note says why it is empty"}

    shown: ClassVar[str] = "indicator page (table of values, chart)"

    period: Text = F("Period as printed.", "2013 - 15")
    area: Text = F("Area name; comparators (region, England) are areas too.", "Coventry")
    area_code: Text | None = F(
        "ONS code where known.", "E08000026", default=None, shown="not shown (in the CSV download)"
    )
    value: Number | None = F("The value; leave empty only with a note saying why.", "87.9", default=None)
    lower_ci: Number | None = F("Lower 95% confidence limit.", "81.2", default=None)
    upper_ci: Number | None = F("Upper 95% confidence limit.", "95.0", default=None)
    count: Number | None = F("Numerator count.", default=None)
    denominator: Number | None = F("Denominator.", default=None)
    target: Number | None = F("Target for this period.", default=None)
    note: Text | None = F("Why a value is missing, or anything printed with it.", default=None)
    source_pages: Pages | None = F(
        "Page or range in the indicator's source document.", default=None, shown="not shown (in the CSV download)"
    )

    @model_validator(mode="after")
    def _check(self) -> IndicatorValue:
        if self.value is None and not self.note:
            raise fail_at("value", "is empty (give the reason in 'note', e.g. 'suppressed: fewer than 5')")
        if self.lower_ci is not None and self.upper_ci is not None and self.upper_ci < self.lower_ci:
            raise fail_at("upper_ci", f"{self.upper_ci:g} is below lower_ci {self.lower_ci:g}")
        return self


INDICATOR_COLUMNS = tuple(IndicatorValue.model_fields)  # the CSV's columns, in the model's order
REQUIRED_COLUMNS = ("period", "area", "value")
# The columns that name one value of an indicator: no two rows of its file may agree on all of
# them. Until there is a breakdown column, the note tells apart the rows of one period and area
# (real files list categories so: 'Category of harm: Neglect'); a breakdown column joins the key.
ROW_KEY = ("period", "area", "note")
