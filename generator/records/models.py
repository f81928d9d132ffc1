"""One class per record kind: the record format staff write in data/.

Each field's ``description`` and ``examples`` feed the data-format reference
page and the JSON Schemas, so a field cannot exist without documentation
(tests/unit/test_reference.py fails when one is missing).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from generator.records.fields import (
    Count,
    DueDate,
    Id,
    IsoDate,
    LongText,
    Markdown,
    MeetingId,
    MinuteNumber,
    Number,
    OldAddress,
    Pages,
    Ref,
    Suffix,
    Text,
    Time,
    Url,
    YesNo,
    choice,
    fail_at,
)


def F(description: str, *examples: Any, default: Any = ..., **rules: Any) -> Any:  # noqa: N802
    """Declare a documented field; without ``default`` it is required."""
    return Field(default, description=description, examples=list(examples) or None, **rules)


def no_later(start: date | None, end: date | None) -> None:
    """Refuse an end date before its start date."""
    if start and end and end < start:
        raise fail_at("end", f"{end.isoformat()} is before start {start.isoformat()}")


class Record(BaseModel):
    """Base: every record and sub-record refuses unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=False)


# --- shared parts -----------------------------------------------------------

NOTE_KINDS = ("source-error", "transcription", "missing", "context", "correction")


class Source(Record):
    """Where a fact is printed: a document and the page or line within it."""

    document_id: Ref = F("Id of the document (data/documents/<id>.yml).", "coventry-hwb-2017-10-16-pack")
    pages: Pages | None = F("Page or page range as numbered in the document.", "9-22", default=None)
    line: Count | None = F("Line of the plain-text copy in shared/seeds, where pages are unknown.", "175", default=None)


class Note(Record):
    """A note a reader sees beside the fact it concerns."""

    kind: choice(*NOTE_KINDS) = F(
        "source-error: the source is wrong or contradicts itself, kept as printed; "
        "transcription: how it was transcribed; missing: something the conversion lost; "
        "context: background; correction: a later correction.",
        "source-error",
    )
    text: LongText = F(
        "The note, in plain English.", "The minute is headed 'Appointment of Vice-Chair' but appoints a Chair."
    )


class Withdrawn(Record):
    """Marks a record withdrawn: its page stays and says so."""

    date: IsoDate = F("When it was withdrawn.", "2018-01-15")
    reason: LongText = F("Why, in plain English.", "Published in error: the meeting was never held.")


class TopLevel(Record):
    """Fields every top-level record has."""

    id: Id = F(
        "Permanent id; equals the file name without .yml. Never change it: add the old id to former_ids.",
        "coventry-hwb",
    )
    former_ids: list[Id] = F(
        "Earlier ids of this record (a meeting's: its earlier dates). Every URL published under an old id "
        "keeps working: its pages redirect here, and its files (feeds, JSON, CSV) are served again at the old address.",
        ["coventry-health-board"],
        default=[],
    )
    moved_from: list[OldAddress] = F(
        "What this record used to be, when former_ids cannot say it: a record of another kind as <kind>/<id>, "
        "a meeting filed under another board as meetings/<board>/<id>, or an old page address (/a/b/).",
        ["boards/coventry-health-partnership"],
        default=[],
    )
    withdrawn: Withdrawn | None = F("Set when the record is withdrawn; its page then says when and why.", default=None)
    source: Source | None = F("Where the record's facts are printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])


# --- boards and people ------------------------------------------------------

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

    person_id: Ref | None = F("Id of the person; leave out for a vacant seat.", "adrian-canale-parola", default=None)
    vacant: YesNo = F("yes when the seat is vacant.", "no", default=False)
    role: choice(*ROLES) = F("Role on the board.", "member", default="member")
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
    kind: choice(*BOARD_KINDS) = F("What kind of body it is.", "health-and-wellbeing-board")
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


# --- documents --------------------------------------------------------------

DOC_KINDS = ("agenda-pack", "agenda", "minutes", "report", "strategy", "plan", "presentation", "other")


class Document(TopLevel):
    """A published paper: data/documents/<id>.yml."""

    title: Text = F("Title as published.", "Agenda pack, 16 October 2017")
    kind: choice(*DOC_KINDS) = F("What the document is.", "agenda-pack")
    meeting_id: Text | None = F(
        "Meeting it was published for, as <board>/<date>.", "coventry-hwb/2017-10-16", default=None
    )
    url: Url | None = F("Where the authority publishes it.", default=None)
    file: Text | None = F("File name of the plain-text copy in shared/seeds.", "004_c33d4171ba8912a9.txt", default=None)
    page_count: Count | None = F("Number of pages.", "196", default=None)
    published: IsoDate | None = F("Date of publication.", "2013-09-18", default=None)
    status: choice("draft", "approved", "final") | None = F("For minutes: draft or approved.", "draft", default=None)


# --- meetings ---------------------------------------------------------------

ATTENDANCE = ("present", "apologies", "absent", "substitute", "officer", "guest")
ITEM_KINDS = ("decision", "information", "verbal-update", "procedural", "discussion")
OUTCOMES = (
    "approved",
    "agreed",
    "noted",
    "endorsed",
    "deferred",
    "rejected",
    "appointed",
    "elected",
    "recommended",
    "requested",
    "other",
)
ACTION_STATUS = ("not-started", "in-progress", "done", "overdue", "cancelled", "unknown")


class Attendance(Record):
    """One person's attendance at a meeting."""

    person_id: Ref = F("Id of the person.", "adrian-canale-parola")
    status: choice(*ATTENDANCE) = F(
        "present (member), apologies, absent, substitute (attended in place of a member), "
        "officer (officer in attendance), guest (other attendee).",
        "present",
    )
    capacity: Text | None = F("Capacity as printed (post or organisation).", "Director of Public Health", default=None)
    replacing_id: Ref | None = F("For a substitute: the member they replaced.", default=None)
    items: list[MinuteNumber] = F("For a guest who attended only some items: their numbers.", default=[])
    source: Source | None = F("Where it is printed.", default=None)

    @model_validator(mode="after")
    def _check(self) -> Attendance:
        if self.replacing_id and self.status != "substitute":
            raise fail_at("replacing_id", "only a substitute replaces someone (set status: substitute)")
        return self


class Declaration(Record):
    """A declaration of interest made at a meeting."""

    person_id: Ref = F("Who declared.", "kamran-caan")
    item: MinuteNumber | None = F("Agenda item or minute number it concerns, as printed.", "5", default=None)
    nature: Text = F("The interest as minuted.", "Employee of University Hospitals Coventry and Warwickshire")
    category: Text | None = F("Kind of interest as minuted.", "disclosable pecuniary interest", default=None)
    action: Text | None = F(
        "What they did: left the room, stayed, did not vote.", "left the meeting for this item", default=None
    )
    source: Source | None = F("Where it is printed.", default=None)


class Part(Record):
    """A numbered paragraph of a resolution or recommendation, verbatim."""

    label: Text | None = F("The number as printed: '(1)', 'a)', '2.1'.", "(1)", default=None)
    text: LongText = F("The words exactly as printed.", "That the report be noted.")


class StatusEntry(Record):
    """A dated status of an action."""

    date: IsoDate | None = F("When the status was reported.", "2013-09-26", default=None)
    status: choice(*ACTION_STATUS) = F("Status on that date.", "in-progress")
    note: LongText | None = F("Progress as printed.", default=None)
    source: Source | None = F("Where it is printed.", default=None)


class Action(Record):
    """Something someone undertook to do."""

    id: Id = F("Id unique within the meeting.", "a1")
    text: LongText = F("The action as printed.", "Circulate the presentation to Board members.")
    owner_id: Ref | None = F("Person responsible.", default=None)
    owner: Text | None = F("Owner as free text when not a person record.", "Dudley CCG", default=None)
    due: DueDate | None = F("Due date, or the text printed (TBC, Ongoing).", "2014-03-31", default=None)
    plan: Text | None = F("Action plan it belongs to, as titled.", "Keogh action plan", default=None)
    resolution: MinuteNumber | None = F("Minute number of the resolution it arises from.", "8", default=None)
    priority_ids: list[Text] = F("Strategy priorities served, as <strategy>/<priority>.", default=[])
    status_history: list[StatusEntry] = F("Dated statuses, oldest first.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])


class Resolution(Record):
    """A decision: the resolution of one minute, verbatim."""

    minute: MinuteNumber | None = F("Minute number as printed, when it differs from the item's.", "23/13", default=None)
    suffix: Suffix | None = F("Distinguishes a second resolution under one minute.", "b", default=None)
    former_minutes: list[MinuteNumber] = F(
        "Minute numbers this resolution was published under before a correction; those decision URLs redirect here.",
        ["4/24"],
        default=[],
    )
    preamble: LongText = F("The opening words as printed.", "RESOLVED that:", default="RESOLVED")
    parts: list[Part] = F("The numbered parts, verbatim; one part when unnumbered.", min_length=1)
    outcome: choice(*OUTCOMES) = F("The outcome, as the transcriber classifies it.", "approved")
    strategy_ids: list[Ref] = F("Strategies it concerns.", default=[])
    indicator_ids: list[Ref] = F("Indicators it concerns.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers (e.g. the source contradicts itself).", default=[])


class Item(Record):
    """An agenda item, with its minute when minutes exist."""

    number: MinuteNumber | None = F(
        "Agenda item number as printed, with sub-items: '3(a)', '6(ii)'.", "6(i)", default=None
    )
    minute: MinuteNumber | None = F("Minute number as printed.", "23/13", default=None)
    title: Text = F("Title as printed.", "Refresh of the Health and Wellbeing Strategy")
    section: Text | None = F("Section heading as printed.", "Public Business", default=None)
    time: Text | None = F("Timing as printed on the agenda.", "13.35 – 13.50", default=None)
    presenter_ids: list[Ref] = F("Presenters or report authors with a person record.", default=[])
    presenter: Text | None = F("Presenter or author as free text.", "Director of Public Health", default=None)
    pages: Pages | None = F("Pages in the agenda pack.", "9-22", default=None)
    kind: choice(*ITEM_KINDS) = F("What the item asks of the board.", "decision", default="information")
    exempt: YesNo = F("yes when taken in private.", default=False)
    exempt_paragraph: Text | None = F("Schedule 12A paragraph for an exempt item.", "3", default=None)
    summary: Markdown | None = F("What the item is about, from the agenda or report (Markdown).", default=None)
    recommendations: list[Part] = F("Recommendations put to the board, verbatim.", default=[])
    minutes: Markdown | None = F("The minute text (Markdown), verbatim where possible.", default=None)
    resolutions: list[Resolution] = F("Resolutions under this minute.", default=[])
    actions: list[Action] = F("Actions arising.", default=[])
    document_ids: list[Ref] = F("Reports and papers for this item.", default=[])
    strategy_ids: list[Ref] = F("Strategies the item concerns.", default=[])
    indicator_ids: list[Ref] = F("Indicators the item concerns.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Item:
        if not self.number and not self.minute:
            raise fail_at("number", "give the item a number or a minute")
        if self.exempt_paragraph and not self.exempt:
            raise fail_at("exempt_paragraph", "only an exempt item has one (add 'exempt: yes')")
        return self


class Meeting(TopLevel):
    """A meeting: data/meetings/<board>/<yyyy-mm-dd>.yml."""

    id: MeetingId = F("Equals the file name: the date, with -2 for a second meeting that day.", "2017-07-10")
    board_id: Ref = F("The board meeting; equals the folder name.", "coventry-hwb")
    date: IsoDate = F("Date of the meeting.", "2017-07-10")
    title: Text | None = F("Title when not the board's ordinary meeting.", "Extraordinary meeting", default=None)
    start_time: Time | None = F("Start time, 24-hour.", "14:00", default=None)
    end_time: Time | None = F("End time, 24-hour.", "15:30", default=None)
    venue: Text | None = F("Venue as printed.", "Committee Room 3, Council House, Coventry", default=None)
    status: choice("scheduled", "held", "cancelled", "postponed") = F("Status of the meeting.", "held")
    webcast: Url | None = F("Webcast address.", default=None)
    attendance: list[Attendance] = F("Who was present, sent apologies, substituted or attended.", default=[])
    declarations: list[Declaration] = F("Declarations of interest.", default=[])
    items: list[Item] = F("Agenda items in order.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Meeting:
        if self.start_time and self.end_time and self.end_time < self.start_time:
            raise fail_at("end_time", f"{self.end_time} is before start_time {self.start_time}")
        return self


# --- strategies and indicators ----------------------------------------------


class Priority(Record):
    """A priority within a strategy."""

    id: Id = F("Id unique within the strategy.", "marmot-city")
    title: Text = F("Title as printed.", "Working together as a Marmot City")
    description: Markdown | None = F("What it means (Markdown).", default=None)
    indicator_ids: list[Ref] = F("Indicators that measure it.", default=[])


class Strategy(TopLevel):
    """A strategy or plan: data/strategies/<id>.yml."""

    title: Text = F("Title as printed.", "Coventry Joint Health and Wellbeing Strategy 2016-2019")
    board_ids: list[Ref] = F("Boards that own it.", ["coventry-hwb"], min_length=1)
    period: Text | None = F("Period as printed.", "2016-2019", default=None)
    start: IsoDate | None = F("First day it covers.", default=None)
    end: IsoDate | None = F("Last day it covers.", default=None)
    status: choice("draft", "consultation", "adopted", "refreshed", "superseded") = F("Status.", "adopted")
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


VALUE_TYPES = ("percentage", "rate", "count", "ratio", "years", "pounds", "score", "other")
POLARITY = ("higher-is-better", "lower-is-better", "no-judgement")


class Indicator(TopLevel):
    """An indicator: data/indicators/<id>.yml, values in <id>.csv beside it."""

    title: Text = F("Title as printed.", "Under 75 mortality rate from cardiovascular disease")
    definition: LongText | None = F("What is measured.", default=None)
    unit: Text | None = F("Unit shown after values.", "per 100,000", default=None)
    value_type: choice(*VALUE_TYPES) = F("Kind of value.", "rate")
    polarity: choice(*POLARITY) = F("Which direction is better.", "lower-is-better")
    framework: Text | None = F("Framework it belongs to.", "Public Health Outcomes Framework", default=None)
    code: Text | None = F("Code within the framework.", "4.04i", default=None)
    frequency: Text | None = F("How often it is published.", "annual", default=None)
    board_ids: list[Ref] = F("Boards that watch it.", ["coventry-hwb"], min_length=1)
    area: Text | None = F("The board's own area in the values (others are comparators).", "Coventry", default=None)


class IndicatorValue(Record):
    """One row of data/indicators/<id>.csv."""

    period: Text = F("Period as printed.", "2013 - 15")
    area: Text = F("Area name; comparators (region, England) are areas too.", "Coventry")
    area_code: Text | None = F("ONS code where known.", "E08000026", default=None)
    value: Number | None = F("The value; leave empty only with a note saying why.", "87.9", default=None)
    lower_ci: Number | None = F("Lower 95% confidence limit.", "81.2", default=None)
    upper_ci: Number | None = F("Upper 95% confidence limit.", "95.0", default=None)
    count: Number | None = F("Numerator count.", default=None)
    denominator: Number | None = F("Denominator.", default=None)
    target: Number | None = F("Target for this period.", default=None)
    note: Text | None = F("Why a value is missing, or anything printed with it.", default=None)
    source_pages: Pages | None = F("Page or range in the indicator's source document.", default=None)

    @model_validator(mode="after")
    def _check(self) -> IndicatorValue:
        if self.value is None and not self.note:
            raise fail_at("value", "is empty (give the reason in 'note', e.g. 'suppressed: fewer than 5')")
        if self.lower_ci is not None and self.upper_ci is not None and self.upper_ci < self.lower_ci:
            raise fail_at("upper_ci", f"{self.upper_ci:g} is below lower_ci {self.lower_ci:g}")
        return self


INDICATOR_COLUMNS = (
    "period",
    "area",
    "area_code",
    "value",
    "lower_ci",
    "upper_ci",
    "count",
    "denominator",
    "target",
    "note",
    "source_pages",
)
REQUIRED_COLUMNS = ("period", "area", "value")
# The columns that name one value of an indicator: no two rows of its file may agree on all of
# them. Until there is a breakdown column, the note tells apart the rows of one period and area
# (real files list categories so: 'Category of harm: Neglect'); a breakdown column joins the key.
ROW_KEY = ("period", "area", "note")

KINDS: dict[str, type[TopLevel]] = {
    "boards": Board,
    "people": Person,
    "documents": Document,
    "meetings": Meeting,
    "strategies": Strategy,
    "indicators": Indicator,
}
