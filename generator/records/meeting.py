"""Meetings: data/meetings/<board>/<yyyy-mm-dd>.yml, with attendance, items, resolutions and actions."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, model_validator

from generator.records.common import F, Note, Record, Source, TopLevel, given
from generator.records.fields import (
    DueDate,
    Id,
    IsoDate,
    LongText,
    Markdown,
    MeetingId,
    MinuteNumber,
    OneOf,
    Pages,
    Ref,
    Suffix,
    Text,
    Time,
    Url,
    YesNo,
    fail_at,
)

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
    status: Annotated[str, OneOf(*ATTENDANCE)] = F(
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
    status: Annotated[str, OneOf(*ACTION_STATUS)] = F("Status on that date.", "in-progress")
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
    outcome: Annotated[str, OneOf(*OUTCOMES)] = F("The outcome, as the transcriber classifies it.", "approved")
    strategy_ids: list[Ref] = F("Strategies it concerns.", default=[])
    indicator_ids: list[Ref] = F("Indicators it concerns.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers (e.g. the source contradicts itself).", default=[])


class Item(Record):
    """An agenda item, with its minute when minutes exist."""

    # A number or a minute (what _check says, for editors).
    model_config = ConfigDict(json_schema_extra={"anyOf": [given("number"), given("minute")]})

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
    kind: Annotated[str, OneOf(*ITEM_KINDS)] = F("What the item asks of the board.", "decision", default="information")
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
    status: Annotated[str, OneOf("scheduled", "held", "cancelled", "postponed")] = F("Status of the meeting.", "held")
    webcast: Url | None = F("Webcast address.", default=None)
    attendance: list[Attendance] = F("Who was present, sent apologies, substituted or attended.", default=[])
    declarations: list[Declaration] = F("Declarations of interest.", default=[])
    items: list[Item] = F("Agenda items in order.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Meeting:
        if self.start_time and self.end_time and self.end_time < self.start_time:
            raise fail_at("end_time", f"{self.end_time} is before start_time {self.start_time}")
        return self
