"""People in public roles: data/people/<id>.yml, with their dated posts and registered interests."""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator

from generator.records.common import F, Record, Source, TopLevel, no_later
from generator.records.fields import IsoDate, LongText, Ref, Text, fail


class Interest(Record):
    """A register-of-interests entry."""

    shown: ClassVar[str] = "person page (Register of interests)"

    board_id: Ref | None = F("Board the register belongs to.", "dudley-hwb", default=None, shown="not shown")
    category: Text = F("Category as in the register.", "Employment, office, trade, profession or vocation")
    description: LongText = F("The interest as registered.", "General practitioner, Coventry")
    start: IsoDate | None = F("Registered from.", default=None)
    end: IsoDate | None = F("Registered until.", default=None)
    source: Source | None = F("Where it is printed.", default=None, shown="not shown")

    @model_validator(mode="after")
    def _check(self) -> Interest:
        no_later(self.start, self.end)
        return self


class Post(Record):
    """A job a person held in an organisation, with its dates: a person may hold several, one after another."""

    shown: ClassVar[str] = "person page (Posts), and the organisation's page"
    minimal: ClassVar[dict[str, str]] = {"title": "Director of Public Health"}
    conditions: ClassVar[dict[str, str]] = {
        name: "at least one of title, organisation_id, organisation"
        for name in ("title", "organisation_id", "organisation")
    }

    title: Text | None = F("Job title as printed.", "Director of Public Health", default=None)
    organisation_id: Ref | None = F(
        "The organisation, when it has a record (data/organisations/<id>.yml).", "coventry-city-council", default=None
    )
    organisation: Text | None = F(
        "The organisation or department as printed, when it has no record or the papers name a part of it.",
        "Directorate of Children's Services",
        default=None,
    )
    start: IsoDate | None = F("First day in the post, where printed.", default=None)
    end: IsoDate | None = F("Last day in the post, where printed.", default=None)
    source: Source | None = F("Where the post is printed.", default=None)

    @model_validator(mode="after")
    def _check(self) -> Post:
        no_later(self.start, self.end)
        if not (self.title or self.organisation_id or self.organisation):
            raise fail("give a title, an organisation_id or an organisation")
        return self


class Person(TopLevel):
    """A person in a public role: data/people/<id>.yml. Never a private individual."""

    shown: ClassVar[str] = "person page"

    renamed: ClassVar[dict[str, str]] = {
        "organisation": "moved to posts, a list of dated posts: write it as a post's organisation_id or organisation",
        "job_title": "moved to posts, a list of dated posts: write it as the title of a post",
    }

    name: Text = F("Name as published, without title.", "Adrian Canale-Parola")
    honorific: Text | None = F("Title: Councillor, Dr, Professor, Chief Superintendent.", "Dr", default=None)
    posts: list[Post] = F(
        "Jobs held, as printed, oldest first; a post without dates is one the papers show without them.",
        default=[],
    )
    aliases: list[Text] = F("Other forms the papers use.", ["Dr Canale-Parola", "A Canale-Parola"], default=[])
    interests: list[Interest] = F("Register of interests entries.", default=[])
