"""Parts of a meeting that issue 15 added: presenters as printed, public speakers (never named), the notice."""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator

from generator.records.common import BodyRef, F, Note, Record, Source
from generator.records.fields import Count, IsoDate, LongText, Ref, Text, fail_at

PRESENTER_FIELDS = ("person_id", "name", "role", "organisation_id")


class Presenter(Record):
    """Who presented an item or wrote its report, as printed: a person, a post, an organisation, or several."""

    shown: ClassVar[str] = "meeting page; also the person's and the organisation's pages"
    minimal: ClassVar[dict[str, str]] = {"role": "Director of Public Health"}
    conditions: ClassVar[dict[str, str]] = {
        name: "at least one of person_id, name, role, organisation_id" for name in PRESENTER_FIELDS
    }

    person_id: Ref | None = F("The person, when the papers name them.", "bob-member", default=None)
    name: Text | None = F("The name as printed, when the person has no record.", default=None)
    role: Text | None = F(
        "The post or role as printed; a post is never turned into a name.", "Director of Public Health", default=None
    )
    organisation_id: Ref | None = F("The organisation they presented for.", "riverton-ccg", default=None)

    @model_validator(mode="after")
    def _check(self) -> Presenter:
        if not (self.person_id or self.name or self.role or self.organisation_id):
            raise fail_at("person_id", "give at least one of person_id, name, role or organisation_id")
        if self.person_id and self.name:
            raise fail_at("name", "give person_id or name, not both")
        return self


class PublicSpeaker(Record):
    """Members of the public who spoke on an item: never named; the organisation they spoke for, if any."""

    shown: ClassVar[str] = "meeting page, as 'a member of the public' (never a name)"

    count: Count | None = F("How many spoke, when the minutes say.", "2", default=None)
    on_behalf_of: BodyRef | None = F(
        "The organisation they spoke for, if the minutes say they spoke for one.", default=None
    )
    note: LongText | None = F(
        "What the minutes say about them, without names.", "A resident asked about waiting times.", default=None
    )
    source: Source | None = F("Where it is printed.", default=None)


class Notice(Record):
    """The date on the agenda and what is printed with it."""

    shown: ClassVar[str] = "meeting page (Agenda)"

    date: IsoDate = F("The date printed on the agenda (its issue or despatch date).", "2014-11-19")
    label: Text | None = F(
        "The words that say what the date is, as printed (pages say 'published' only when these do).",
        "Date of publication",
        default=None,
    )
    printed: Text | None = F("The date as printed.", "Wednesday, 19 November 2014", default=None)
    signed: Text | None = F("Who signed the agenda, as printed.", "HEAD OF LEGAL AND DEMOCRATIC SERVICES", default=None)
    short_notice_reason: LongText | None = F(
        "Why the agenda was issued late or an item added at short notice, as printed.", default=None
    )
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])
