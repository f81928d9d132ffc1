"""People in public roles: data/people/<id>.yml, with their registered interests."""

from __future__ import annotations

from pydantic import model_validator

from generator.records.common import F, Record, Source, TopLevel, no_later
from generator.records.fields import IsoDate, LongText, Ref, Text


class Interest(Record):
    """A register-of-interests entry."""

    board_id: Ref | None = F("Board the register belongs to.", "dudley-hwb", default=None)
    category: Text = F("Category as in the register.", "Employment, office, trade, profession or vocation")
    description: LongText = F("The interest as registered.", "General practitioner, Coventry")
    start: IsoDate | None = F("Registered from.", default=None)
    end: IsoDate | None = F("Registered until.", default=None)
    source: Source | None = F("Where it is printed.", default=None)

    @model_validator(mode="after")
    def _check(self) -> Interest:
        no_later(self.start, self.end)
        return self


class Person(TopLevel):
    """A person in a public role: data/people/<id>.yml. Never a private individual."""

    name: Text = F("Name as published, without title.", "Adrian Canale-Parola")
    honorific: Text | None = F("Title: Councillor, Dr, Professor, Chief Superintendent.", "Dr", default=None)
    organisation: Text | None = F("Organisation they work for or represent.", "Coventry and Rugby CCG", default=None)
    job_title: Text | None = F("Job title as printed.", "Chair", default=None)
    aliases: list[Text] = F("Other forms the papers use.", ["Dr Canale-Parola", "A Canale-Parola"], default=[])
    interests: list[Interest] = F("Register of interests entries.", default=[])
