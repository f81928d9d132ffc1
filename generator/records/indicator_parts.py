"""The parts of an indicator's YAML that are not values: the report's own ratings, its key to them, its targets.

Ratings and targets are kept as printed, in words, with the place they are printed. A rating is never
reconstructed from a colour the conversion to text lost: a `missing` note says where one was printed.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, model_validator

from generator.records.common import F, Record, Source, given
from generator.records.fields import Number, OneOf, Text, fail_at

RATING_KINDS = ("comparator", "target", "trend", "status")


class Rating(Record):
    """The report's own assessment of a value, as printed in words (or a symbol its key explains)."""

    printed: Text = F(
        "The assessment exactly as printed: words, or a symbol the report's key explains.",
        "lower than the national average",
    )
    kind: Annotated[str, OneOf(*RATING_KINDS)] = F(
        "What it rates against. comparator: another area (England, the region, neighbours); target: the "
        "board's target; trend: earlier periods; status: an overall status mark (a score card's arrow).",
        "comparator",
    )
    # A comparator names what it compares with (what _check says, for editors).
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"required": ["kind"], "properties": {"kind": {"const": "comparator"}}},
            "then": given("against"),
        }
    )

    against: Text | None = F(
        "What it compares with, as the report names it: an area (England), a target or a year.",
        "England",
        default=None,
    )
    period: Text | None = F(
        "The period rated, as printed; leave it out when the report prints none (the page says so).",
        "2013 - 15",
        default=None,
    )
    category: Text | None = F("The breakdown row rated, when it is not the main series.", "Female", default=None)
    source: Source = F("Where the rating is printed.")

    @model_validator(mode="after")
    def _check(self) -> Rating:
        if self.kind == "comparator" and not self.against:
            raise fail_at("against", "is empty (name the area the report compares with, e.g. 'England')")
        return self


class RatingSymbol(Record):
    """One entry of a printed key to rating symbols."""

    symbol: Text = F("The symbol as printed.", "↑")
    meaning: Text = F("Its meaning, word for word from the key.", "performance has improved or is good")


class RatingKey(Record):
    """A key the report prints to its rating symbols (a score card's arrows)."""

    symbols: list[RatingSymbol] = F("Each symbol and its meaning, as printed.", min_length=1)
    source: Source = F("Where the key is printed.")


class TargetStatement(Record):
    """A target as the board sets it, with its period and the board's own word on how it stands."""

    printed: Text = F("The target as printed.", "11% or less by the end of 2015")
    value: Number | None = F("The target's number, when it has one.", "11", default=None)
    period: Text | None = F(
        "The period by which it is to be met, as printed; leave it out when none is printed.",
        "2015",
        default=None,
    )
    status: Text | None = F(
        "The board's own statement of how it stands, word for word.",
        "this ambition will not be achieved",
        default=None,
    )
    category: Text | None = F("The breakdown row it applies to, when not the main series.", default=None)
    source: Source = F("Where the target is printed.")


class PeerGroup(Record):
    """A group of areas whose values, all recorded, allow quintiles."""

    name: Text = F("The group's name.", "West Midlands metropolitan districts")
    areas: list[Text] = F(
        "Every area in the group, named as in the values.", ["Coventry", "Dudley", "Walsall"], min_length=5
    )
