"""Strategies and plans: data/strategies/<id>.yml, with their priorities."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import model_validator

from generator.records.common import BodyRef, F, Record, TopLevel, no_later
from generator.records.fields import Id, IsoDate, Markdown, OneOf, Ref, Text, Url

STRATEGY_STATUS = (
    ("draft", "a draft, as the papers call it"),
    ("consultation", "out for consultation"),
    ("adopted", "adopted by the board or its owner"),
    ("refreshed", "adopted, then refreshed or updated"),
    ("superseded", "replaced by a later strategy"),
)


class Priority(Record):
    """A priority within a strategy."""

    shown: ClassVar[str] = "strategy page"

    id: Id = F("Id unique within the strategy.", "marmot-city")
    title: Text = F("Title as printed.", "Working together as a Marmot City")
    description: Markdown | None = F("What it means (Markdown).", default=None)
    indicator_ids: list[Ref] = F("Indicators that measure it.", default=[])


class Strategy(TopLevel):
    """A strategy or plan: data/strategies/<id>.yml."""

    shown: ClassVar[str] = "strategy page"

    title: Text = F("Title as printed.", "Coventry Joint Health and Wellbeing Strategy 2016-2019")
    board_ids: list[Ref] = F(
        "Boards whose strategy it is, or that oversee it (it is listed on their pages).", ["coventry-hwb"], min_length=1
    )
    owners: list[BodyRef] = F(
        "Who owns it, when that is not its boards: organisations, boards or people, as the papers say.",
        default=[],
    )
    period: Text | None = F("Period as printed.", "2016-2019", default=None)
    start: IsoDate | None = F("First day it covers.", default=None, shown="not shown (the period as printed is)")
    end: IsoDate | None = F("Last day it covers.", default=None, shown="not shown (the period as printed is)")
    status: Annotated[str, OneOf(*STRATEGY_STATUS)] = F("Status, as the papers give it.", "adopted")
    summary: Markdown | None = F("What it sets out (Markdown).", default=None)
    url: Url | None = F("Where it is published.", default=None)
    adopted_by: Text | None = F(
        "Decision that adopted it: <board>/<date>/<minute>.", "coventry-hwb/2016-07-04/5", default=None
    )
    priorities: list[Priority] = F("Its priorities in order.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Strategy:
        no_later(self.start, self.end)
        return self
