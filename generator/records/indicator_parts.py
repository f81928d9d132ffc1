"""The parts of an indicator's YAML that are not values: the report's own ratings, its key to them, its targets.

Ratings and targets are kept as printed, in words, with the place they are printed. A rating is never
reconstructed from a colour the conversion to text lost: a `missing` note says where one was printed.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import ConfigDict, model_validator

from generator.records.common import F, Record, Source, given
from generator.records.fields import Number, OneOf, Text, fail_at

RATING_KINDS = (
    ("comparator", "against another area (England, the region, neighbours), named in 'against'"),
    ("target", "against the board's target"),
    ("trend", "against earlier periods"),
    ("status", "an overall status mark, such as a score card's arrow"),
)

SOURCE_EXAMPLE = {"document_id": "dudley-hwb-2013-09-26-pack", "pages": "73-146", "line": "2765"}


# Named apart from tracker.Rating (a rating in a tracker's named column): the reference lists both by name.
class ReportRating(Record):
    """The report's own assessment of a value, as printed in words (or a symbol its key explains)."""

    shown: ClassVar[str] = "indicator page, under 'The report’s own rating' and in its summary sentence"
    minimal: ClassVar[dict[str, str]] = {"against": "England"}
    conditions: ClassVar[dict[str, str]] = {"against": "required when kind is comparator"}

    printed: Text = F(
        "The assessment exactly as printed: words, or a symbol the report's key explains.",
        "lower than the national average",
    )
    kind: Annotated[str, OneOf(*RATING_KINDS)] = F(
        "What it rates against.",
        "comparator",
        shown="not shown as a word: the summary sentence quotes a comparator rating first",
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
    category: Text | None = F(
        "The breakdown row rated, when it is not the main series.",
        "Female",
        default=None,
        shown="not shown: a rating of a breakdown row is kept in the data, and only the main series' are shown",
    )
    source: Source = F("Where the rating is printed.", SOURCE_EXAMPLE)

    @model_validator(mode="after")
    def _check(self) -> ReportRating:
        if self.kind == "comparator" and not self.against:
            raise fail_at("against", "is empty (name the area the report compares with, e.g. 'England')")
        return self


class RatingSymbol(Record):
    """One entry of a printed key to rating symbols."""

    shown: ClassVar[str] = "indicator page, under 'The report’s key to its ratings', and beside each rating it explains"

    symbol: Text = F("The symbol as printed.", "↑")
    meaning: Text = F("Its meaning, word for word from the key.", "performance has improved or is good")


class RatingKey(Record):
    """A key the report prints to its rating symbols (a score card's arrows)."""

    shown: ClassVar[str] = "indicator page, under 'The report’s key to its ratings'"

    symbols: list[RatingSymbol] = F(
        "Each symbol and its meaning, as printed.",
        [{"symbol": "↑", "meaning": "performance has improved or is good"}],
        min_length=1,
    )
    source: Source = F("Where the key is printed.", SOURCE_EXAMPLE)


class TargetStatement(Record):
    """A target as the board sets it, with its period and the board's own word on how it stands."""

    shown: ClassVar[str] = "indicator page, under Targets"

    printed: Text = F("The target as printed.", "11% or less by the end of 2015")
    value: Number | None = F(
        "The target's number, when it has one.",
        "11",
        default=None,
        shown="indicator page, under Targets: the progress towards it, as Open SDG measures it",
    )
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
    category: Text | None = F(
        "The breakdown row it applies to, when not the main series (its progress is then not measured).",
        default=None,
        shown="indicator page, under Targets: 'for the breakdown row'",
    )
    source: Source = F("Where the target is printed.", SOURCE_EXAMPLE)


class PeerGroup(Record):
    """A group of areas whose values, all recorded, allow quintiles."""

    shown: ClassVar[str] = "indicator page: the headline's quintile among the group, or why none is given"

    name: Text = F("The group's name.", "West Midlands metropolitan districts")
    areas: list[Text] = F(
        "Every area in the group, named as in the values (at least five, for five quintiles).",
        ["Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton"],
        min_length=5,
    )
