"""Organisations: data/organisations/<id>.yml, the bodies that boards belong to and that people work for."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import model_validator

from generator.records.common import F, Record, Source, TopLevel, no_later
from generator.records.fields import IsoDate, OneOf, Ref, Text, Url

ORGANISATION_KINDS = (
    ("council", "a local authority: a county, district, unitary, metropolitan borough or city council"),
    ("council-executive", "a council's executive: its Cabinet, or an executive mayor and cabinet"),
    ("nhs-trust", "an NHS trust providing hospital, community, mental health or ambulance services"),
    ("nhs-foundation-trust", "an NHS foundation trust"),
    ("clinical-commissioning-group", "a clinical commissioning group (CCG), which commissioned NHS care until 2022"),
    ("integrated-care-board", "an integrated care board (ICB), which took over from CCGs in July 2022"),
    ("nhs-england", "NHS England, or one of its regional or area teams"),
    ("government-agency", "a government agency, such as Public Health England or the UK Health Security Agency"),
    ("government-department", "a government department, such as the Department of Health and Social Care"),
    ("regulator", "an inspectorate or regulator, such as the Care Quality Commission or Ofsted"),
    ("healthwatch", "a local Healthwatch (or the LINk before it)"),
    ("police", "a police force, or a police and crime commissioner"),
    ("fire", "a fire and rescue service"),
    ("voluntary", "a charity or voluntary and community sector body"),
    ("university", "a university or college"),
    ("company", "a company, such as a private care provider"),
    ("partnership", "a partnership of organisations that has no body of its own, such as an STP"),
    ("other", "a body that fits none of the kinds above (say what it is in a note)"),
)


class OrganisationName(Record):
    """A name the organisation had earlier, with the dates it was used."""

    shown: ClassVar[str] = "organisation page (Former names)"

    name: Text = F("The earlier name, as printed.", "NHS Riverton Clinical Commissioning Group")
    short_name: Text | None = F("The earlier short name, if one was printed.", "Riverton CCG", default=None)
    start: IsoDate | None = F("First day of that name; leave out when unknown.", default=None)
    end: IsoDate | None = F("Last day of that name; leave out when unknown.", "2019-03-31", default=None)
    source: Source | None = F("Where the earlier name is printed.", default=None)

    @model_validator(mode="after")
    def _check(self) -> OrganisationName:
        no_later(self.start, self.end)
        return self


class Organisation(TopLevel):
    """An organisation: a council, an NHS body, Healthwatch, police, a charity: data/organisations/<id>.yml."""

    shown: ClassVar[str] = "organisation page"

    name: Text = F("Its current name, as it writes it.", "Riverton City Council", shown="organisation page")
    short_name: Text | None = F(
        "A short name for lists; it may be the transcriber's own.", "Riverton CC", default=None, shown="not shown"
    )
    names: list[OrganisationName] = F(
        "Earlier names, for a real renaming (the id never changes).", default=[], shown="organisation page"
    )
    aliases: list[Text] = F(
        "Other spellings the papers use, undated (abbreviations, misprints).",
        ["RCC", "Riverton Council"],
        default=[],
        shown="organisation page",
    )
    kind: Annotated[str, OneOf(*ORGANISATION_KINDS)] | None = F(
        "What kind of body it is; leave out when the papers do not say (the page says 'kind not recorded').",
        "council",
        default=None,
        shown="organisation page",
    )
    website: Url | None = F("Its own website.", "https://www.riverton.gov.uk/", default=None, shown="organisation page")
    parent_id: Ref | None = F(
        "The organisation it is part of (a council's Cabinet: the council).",
        "riverton-city-council",
        default=None,
        shown="organisation page (and beside its name in lists)",
    )
    predecessor_ids: list[Ref] = F(
        "Organisations it replaced. Record one side only: the other's page shows it.",
        default=[],
        shown="organisation page",
    )
    successor_ids: list[Ref] = F(
        "Organisations that replaced it. Record one side only: the other's page shows it.",
        ["riverton-icb"],
        default=[],
        shown="organisation page",
    )
    start: IsoDate | None = F("The day it was established, where printed.", default=None, shown="organisation page")
    end: IsoDate | None = F(
        "The day it was abolished or merged, where printed.", "2022-06-30", default=None, shown="organisation page"
    )
    area: Text | None = F("The place it serves.", "Riverton", default=None, shown="organisation page")

    @model_validator(mode="after")
    def _check(self) -> Organisation:
        no_later(self.start, self.end)
        return self
