"""Boards: data/boards/<id>.yml, with their names over time, seats, quorum, schedule and how to take part."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import ConfigDict, model_validator

from generator.records.common import YES, DatedText, F, Note, Record, Source, TopLevel, given, no_later
from generator.records.fields import Count, IsoDate, MeetingId, OneOf, Ref, Text, Url, YesNo, fail_at

BOARD_KINDS = (
    ("health-and-wellbeing-board", "a Health and Wellbeing Board (Health and Social Care Act 2012, section 194)"),
    ("health-scrutiny-committee", "a council's health overview and scrutiny committee or panel"),
    ("safeguarding-adults-board", "a Safeguarding Adults Board (Care Act 2014)"),
    ("safeguarding-children-board", "a Local Safeguarding Children Board, or the partnership that replaced it"),
    ("partnership-board", "a board of several organisations, such as a joint commissioning or programme board"),
    ("committee", "another committee, sub-committee or panel"),
    ("other", "a body that meets and decides but fits none of the kinds above"),
)
ROLES = (
    ("chair", "chairs the board"),
    ("vice-chair", "vice-chair, as printed"),
    ("deputy-chair", "deputy chair, as printed"),
    ("member", "a member (the default)"),
    ("co-opted-member", "a member co-opted from outside the body that appoints the board"),
    ("substitute", "a named substitute, who attends in place of a member (see substitute_for_ids)"),
    ("adviser", "attends to advise; not a member"),
    ("observer", "attends to observe; not a member"),
)
PAIRING = (
    ("printed", "the papers say who replaced whom"),
    ("not-printed", "the papers name the people replaced but not who replaced whom; pages never guess a pairing"),
)


class Contact(Record):
    """How to reach the board's clerk."""

    shown: ClassVar[str] = "board page (Contact)"

    name: Text | None = F("Contact name and post.", "Lara Knight, Governance Services", default=None)
    email: Text | None = F("Email address.", "lara.knight@coventry.gov.uk", default=None)
    phone: Text | None = F("Telephone number as printed.", "024 7683 3237", default=None)
    address: Text | None = F("Postal address.", default=None)
    source: Source | None = F("Where the contact is printed.", default=None)


class BoardName(Record):
    """A name the board had before: a renamed board keeps one id."""

    shown: ClassVar[str] = "board page (former names), and the pages of meetings held under that name"

    name: Text = F("The earlier full name, as printed.", "Coventry Health and Wellbeing Board")
    short_name: Text | None = F("The earlier short name.", "Coventry HWB", default=None)
    start: IsoDate | None = F("First day of that name; leave out when unknown.", default=None)
    end: IsoDate = F("Last day of that name (the day before the next name).", "2016-05-31")
    source: Source | None = F("Where the earlier name is printed.", default=None)

    @model_validator(mode="after")
    def _check(self) -> BoardName:
        no_later(self.start, self.end)
        return self


class Quorum(Record):
    """The quorum as the board's papers state it."""

    shown: ClassVar[str] = "board page, and beside the members present on its meeting pages"

    text: Text = F("The quorum as printed.", "The minimum number of appointed Members ... is 3.")
    number: Count | None = F(
        "The number of members it comes to, when the text gives one.",
        "3",
        default=None,
        shown="not shown (the text as printed is)",
    )
    date: IsoDate | None = F("The date of the document that states it.", "2014-11-19", default=None)
    source: Source | None = F("Where it is printed.", default=None)


class Frequency(Record):
    """How often the board is to meet, as its papers state it."""

    shown: ClassVar[str] = "board page (Quorum and meetings a year)"

    text: Text = F("As printed.", "at least four times a year")
    per_year: Count | None = F(
        "The number of meetings a year the text gives, if it gives one.",
        "4",
        default=None,
        shown="not shown (the text as printed is)",
    )
    source: Source | None = F("Where it is printed.", default=None)


class ScheduleDate(Record):
    """One date of a printed schedule of meetings, as printed."""

    shown: ClassVar[str] = "board page (Dates of meetings, as printed)"

    printed: Text = F("The date as printed, even when it cannot be right.", "24 July")
    column: Text | None = F("The heading it is printed under (a year).", "2014", default=None)
    meeting_id: MeetingId | None = F(
        "The meeting record of that date, when there is one; no meeting is made up for a printed date.",
        "2014-07-24",
        default=None,
    )
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])


class Schedule(Record):
    """A printed schedule of meeting dates."""

    shown: ClassVar[str] = "board page (Dates of meetings, as printed)"

    title: Text | None = F("Its heading as printed.", "Dates of Meetings: Municipal Year 2014/2015", default=None)
    dates: list[ScheduleDate] = F(
        "The dates in printed order.", [{"printed": "24 July", "column": "2014"}], min_length=1
    )


class Membership(Record):
    """A seat on the board, held by a person (or vacant) for a time."""

    shown: ClassVar[str] = "board page (Members) and the person's page (Roles)"
    minimal: ClassVar[dict[str, str]] = {"person_id": "ann-chair"}  # the smallest valid seat (tests/unit)
    conditions: ClassVar[dict[str, str]] = {
        "person_id": "required unless vacant: yes",
        "substitute_for_pairing": "required with two or more substitute_for_ids",
    }
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
    voting: YesNo | None = F(
        "Whether the member may vote, only where the papers say; left out, pages say 'not recorded'.",
        "yes",
        default=None,
    )
    start: IsoDate | None = F(
        "First day in the seat; leave out when unknown (pages then say 'on record from' the first meeting that "
        "shows the person).",
        "2013-04-01",
        default=None,
    )
    end: IsoDate | None = F("Last day in the seat; leave out while it continues.", "2014-05-20", default=None)
    substitute_for_ids: list[Ref] = F("For a named substitute: the members they stand in for.", default=[])
    substitute_for_pairing: Annotated[str, OneOf(*PAIRING)] | None = F(
        "With several substitute_for_ids: whether the papers say who replaced whom.", "not-printed", default=None
    )
    source: Source | None = F("Where the membership is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Membership:
        no_later(self.start, self.end)
        if self.vacant and self.person_id:
            raise fail_at("person_id", "a vacant seat cannot have a person_id")
        if not self.vacant and not self.person_id:
            raise fail_at("person_id", "give a person_id, or write 'vacant: yes'")
        pairing(self.substitute_for_ids, self.substitute_for_pairing, "substitute_for")
        return self


def pairing(ids: list[str], value: str | None, field: str) -> None:
    """Several people replaced: the record must say whether the papers print who replaced whom."""
    if value and not ids:
        raise fail_at(f"{field}_pairing", f"only with {field}_ids")
    if len(ids) > 1 and value is None:
        raise fail_at(
            f"{field}_pairing",
            f"{len(ids)} people in {field}_ids: say whether the papers print who replaced whom "
            "(printed or not-printed)",
        )


class Board(TopLevel):
    """A board or committee: data/boards/<id>.yml."""

    shown: ClassVar[str] = "board page"

    name: Text = F("Full name as the authority writes it now.", "Coventry Health and Well-being Board")
    short_name: Text = F(
        "Short name for tables and menus; it may be the transcriber's own.",
        "Coventry HWB",
        shown="meeting page titles, lists and tables",
    )
    names: list[BoardName] = F(
        "Earlier names, oldest first; a renamed board keeps its id. Meeting pages show the name in force.",
        default=[],
    )
    kind: Annotated[str, OneOf(*BOARD_KINDS)] = F("What kind of body it is.", "health-and-wellbeing-board")
    organisation_id: Ref | None = F(
        "The organisation the board belongs to: the council, for a council committee; for a partnership board, "
        "its lead organisation, or leave out.",
        "coventry-city-council",
        default=None,
    )
    authority: Text | None = F(
        "The council or body it belongs to, as printed (when there is no organisation record).",
        "Coventry City Council",
        default=None,
    )
    area: Text | None = F(
        "The place it serves (used to match indicator areas).",
        "Coventry",
        default=None,
        shown="not shown: it picks the board's own area among an indicator's areas",
    )
    statutory_basis: Text | None = F(
        "The law that requires it.", "Health and Social Care Act 2012, section 194", default=None
    )
    purpose: DatedText | None = F("What it is for, with the date of the document that says so.", default=None)
    terms_of_reference: DatedText | None = F("Terms of reference, with the date of their document.", default=None)
    taking_part: DatedText | None = F(
        "How the public can attend, speak or ask a question, as the board states it.", default=None
    )
    quorum: Quorum | None = F("The quorum, where the papers state it.", default=None)
    frequency: Frequency | None = F("How often it is to meet, where the papers state it.", default=None)
    schedule: Schedule | None = F("A printed schedule of meeting dates.", default=None)
    contacts: list[Contact] = F("The clerks or officers to contact, as printed.", default=[])
    website: Url | None = F("The authority's page for this board.", "https://www.coventry.gov.uk/", default=None)
    webcast: Url | None = F("The page where its meetings are webcast or recorded.", default=None)
    reports_to_ids: list[Ref] = F("Boards this body reports to.", ["coventry-hwb"], default=[])
    memberships: list[Membership] = F("Seats, current and past (never delete a former member).", default=[])

    @model_validator(mode="after")
    def _check(self) -> Board:
        for i, earlier in enumerate(self.names[1:], start=1):
            if earlier.end <= self.names[i - 1].end:
                raise fail_at("names", "list earlier names oldest first (each ending after the one before)")
        return self
