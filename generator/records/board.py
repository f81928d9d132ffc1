"""Boards: data/boards/<id>.yml, with their seats."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, model_validator

from generator.records.common import YES, F, Note, Record, Source, TopLevel, given, no_later
from generator.records.fields import IsoDate, Markdown, OneOf, Ref, Text, Url, YesNo, fail_at

BOARD_KINDS = (
    "health-and-wellbeing-board",
    "health-scrutiny-committee",
    "safeguarding-adults-board",
    "safeguarding-children-board",
    "partnership-board",
    "committee",
    "other",
)
ROLES = ("chair", "vice-chair", "deputy-chair", "member", "co-opted-member", "substitute", "adviser", "observer")


class Contact(Record):
    """How to reach the board's clerk."""

    name: Text | None = F("Contact name and post.", "Lara Knight, Governance Services", default=None)
    email: Text | None = F("Email address.", "lara.knight@coventry.gov.uk", default=None)
    phone: Text | None = F("Telephone number as printed.", "024 7683 3237", default=None)
    address: Text | None = F("Postal address.", default=None)


class Membership(Record):
    """A seat on the board, held by a person (or vacant) for a time."""

    # A person, or 'vacant: yes', never both (what _check says, for editors).
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {**given("person_id"), "not": {"required": ["vacant"], "properties": {"vacant": YES}}},
                {"required": ["vacant"], "properties": {"vacant": YES}, "not": given("person_id")},
            ]
        }
    )

    person_id: Ref | None = F("Id of the person; leave out for a vacant seat.", "adrian-canale-parola", default=None)
    vacant: YesNo = F("yes when the seat is vacant.", "no", default=False)
    role: Annotated[str, OneOf(*ROLES)] = F("Role on the board.", "member", default="member")
    seat: Text | None = F(
        "The seat or organisation represented, as printed.", "Director of Public Health", default=None
    )
    voting: YesNo = F("Whether the member may vote.", "yes", default=True)
    start: IsoDate | None = F("First day in the seat; leave out when unknown.", "2013-04-01", default=None)
    end: IsoDate | None = F("Last day in the seat; leave out while it continues.", "2014-05-20", default=None)
    substitute_for_id: Ref | None = F("For a named substitute: the person they stand in for.", default=None)
    source: Source | None = F("Where the membership is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Membership:
        no_later(self.start, self.end)
        if self.vacant and self.person_id:
            raise fail_at("person_id", "a vacant seat cannot have a person_id")
        if not self.vacant and not self.person_id:
            raise fail_at("person_id", "give a person_id, or write 'vacant: yes'")
        return self


class Board(TopLevel):
    """A board or committee: data/boards/<id>.yml."""

    name: Text = F("Full name as the authority writes it.", "Coventry Health and Well-being Board")
    short_name: Text = F("Short name for tables and menus.", "Coventry HWB")
    kind: Annotated[str, OneOf(*BOARD_KINDS)] = F("What kind of body it is.", "health-and-wellbeing-board")
    authority: Text = F("The council or body it belongs to.", "Coventry City Council")
    area: Text | None = F("The place it serves (used to match indicator areas).", "Coventry", default=None)
    statutory_basis: Text | None = F(
        "The law that requires it.", "Health and Social Care Act 2012, section 194", default=None
    )
    purpose: Markdown | None = F("What it is for, in a paragraph (Markdown).", default=None)
    terms_of_reference: Markdown | None = F("Terms of reference (Markdown).", default=None)
    contact: Contact | None = F("Clerk's contact details.", default=None)
    website: Url | None = F("The authority's page for this board.", "https://www.coventry.gov.uk/", default=None)
    reports_to_ids: list[Ref] = F("Boards this body reports to.", ["coventry-hwb"], default=[])
    memberships: list[Membership] = F("Seats, current and past (never delete a former member).", default=[])
