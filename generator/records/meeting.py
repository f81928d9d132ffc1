"""Meetings: data/meetings/<board>/<yyyy-mm-dd>.yml, with attendance, items, resolutions and actions."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import ConfigDict, model_validator

from generator.records.board import PAIRING, pairing
from generator.records.common import YES, DatedText, F, Note, Record, Source, TopLevel, given
from generator.records.fields import (
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
from generator.records.meeting_parts import Notice, Presenter, PublicSpeaker
from generator.records.scrutiny import Recommendation, Referral
from generator.records.tracker import ACTION_STATUS, Action, StatusEntry

# Action and StatusEntry live in tracker.py (plans hold actions too); named here for the modules that
# know them as parts of a meeting.
__all__ = [
    "ACTION_STATUS",
    "Action",
    "Attendance",
    "Declaration",
    "Item",
    "Meeting",
    "Part",
    "Resolution",
    "StatusEntry",
]

ATTENDANCE = (
    ("present", "a member who attended"),
    ("apologies", "a member who sent apologies"),
    ("absent", "a member recorded as absent"),
    ("substitute", "attended in place of a member (name them in replacing_ids)"),
    ("replaced", "a member temporarily replaced for this meeting without a named substitute"),
    ("officer", "an officer in attendance"),
    ("observer", "attended to observe"),
    ("guest", "anyone else in attendance, for some items or all"),
)
ITEM_KINDS = (
    ("decision", "the board is asked to decide"),
    ("information", "for information or noting (the default)"),
    ("verbal-update", "an oral report, with no paper"),
    ("procedural", "apologies, declarations, minutes, any other business"),
    ("discussion", "for discussion, with no decision asked"),
)
MEETING_STATUS = (
    ("scheduled", "the papers set the meeting for this date, and nothing on record says more"),
    ("held", "the meeting took place"),
    ("cancelled", "the meeting was cancelled"),
    ("postponed", "the meeting was moved to a later date"),
)
OUTCOMES = (
    ("approved", "the board approved what was put to it"),
    ("agreed", "the board agreed"),
    ("noted", "the board noted a report or update"),
    ("endorsed", "the board endorsed something another body decides"),
    ("deferred", "the decision was put off to a later meeting"),
    ("rejected", "the board rejected what was put to it"),
    ("appointed", "someone was appointed (a chair, a member)"),
    ("elected", "someone was elected"),
    ("recommended", "the board made a recommendation to another body"),
    ("requested", "the board asked for something (a report, an update)"),
    ("other", "none of the above; the resolution's words say what"),
)
DECLARATION_KINDS = {
    "disclosable-pecuniary": "a disclosable pecuniary interest (Localism Act 2011)",
    "other-registrable": "another registrable interest under the council's code of conduct",
    "non-registrable": "a non-registrable interest under the council's code of conduct",
    "personal": "a personal interest (the older codes of conduct)",
    "prejudicial": "a prejudicial interest (the older codes of conduct)",
    "scrutiny-interest": "the member took part in the decision being scrutinised",
    "party-whip": "the member was told by their party how to speak or vote on the item",
    "other": "another kind of declaration, as printed in category",
}


class Attendance(Record):
    """One person's attendance at a meeting."""

    shown: ClassVar[str] = "meeting page (Attendance), and the person's page"
    conditions: ClassVar[dict[str, str]] = {"replacing_pairing": "required with two or more replacing_ids"}

    renamed: ClassVar[dict[str, str]] = {"replacing_id": "write replacing_ids: [the member's id]"}

    person_id: Ref = F("Id of the person.", "adrian-canale-parola")
    status: Annotated[str, OneOf(*ATTENDANCE)] = F("How they attended, as the minutes list them.", "present")
    capacity: Text | None = F("Capacity as printed (post or organisation).", "Director of Public Health", default=None)
    replacing_ids: list[Ref] = F("For a substitute: the members they replaced.", ["cy-member"], default=[])
    replacing_pairing: Annotated[str, OneOf(*PAIRING)] | None = F(
        "With several replacing_ids: whether the minutes say who replaced whom.", "not-printed", default=None
    )
    items: list[MinuteNumber] = F("For a guest who attended only some items: their numbers.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Attendance:
        if self.replacing_ids and self.status != "substitute":
            raise fail_at("replacing_ids", "only a substitute replaces someone (set status: substitute)")
        pairing(self.replacing_ids, self.replacing_pairing, "replacing")
        return self


class Declaration(Record):
    """A declaration of interest made at a meeting."""

    shown: ClassVar[str] = "meeting page, and the person's page"

    person_id: Ref = F("Who declared.", "kamran-caan")
    item: MinuteNumber | None = F("Agenda item or minute number it concerns, as printed.", "5", default=None)
    nature: Text = F("The interest as minuted.", "Employee of University Hospitals Coventry and Warwickshire")
    category: Text | None = F("Kind of interest as minuted.", "disclosable pecuniary interest", default=None)
    kind: Annotated[str, OneOf(*DECLARATION_KINDS.items())] | None = F(
        "What kind of declaration it is, where the minutes say; leave out when they do not.",
        "scrutiny-interest",
        default=None,
    )
    minute: MinuteNumber | None = F(
        "The minute under which the declaration is recorded, when it differs from the item it concerns.",
        "11",
        default=None,
    )
    action: Text | None = F(
        "What they did: left the room, stayed, did not vote.", "left the meeting for this item", default=None
    )
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])


class Part(Record):
    """A numbered paragraph of a resolution or recommendation, verbatim."""

    shown: ClassVar[str] = "meeting page, and the decision's page"

    label: Text | None = F("The number as printed: '(1)', 'a)', '2.1'.", "(1)", default=None)
    text: LongText = F("The words exactly as printed.", "That the report be noted.")


class Resolution(Record):
    """A decision: the resolution of one minute, verbatim."""

    shown: ClassVar[str] = "meeting page, and its own decision page"
    conditions: ClassVar[dict[str, str]] = {"minute": "required when its item has neither a minute nor a number"}

    minute: MinuteNumber | None = F("Minute number as printed, when it differs from the item's.", "23/13", default=None)
    suffix: Suffix | None = F(
        "Distinguishes a second resolution under one minute.",
        "b",
        default=None,
        shown="in the address of the decision's page",
    )
    former_minutes: list[MinuteNumber] = F(
        "Minute numbers this resolution was published under before a correction; those decision URLs redirect here.",
        ["4/24"],
        default=[],
        shown="not shown: the old addresses lead to the decision's page",
    )
    preamble: LongText = F("The opening words as printed.", "RESOLVED that:", default="RESOLVED")
    parts: list[Part] = F(
        "The numbered parts, verbatim; one part when unnumbered.", [{"text": "That the report be noted."}], min_length=1
    )
    outcome: Annotated[str, OneOf(*OUTCOMES)] = F("The outcome, as the transcriber classifies it.", "approved")
    strategy_ids: list[Ref] = F("Strategies it concerns.", default=[])
    indicator_ids: list[Ref] = F("Indicators it concerns.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers (e.g. the source contradicts itself).", default=[])


class Item(Record):
    """An agenda item, with its minute when minutes exist."""

    shown: ClassVar[str] = "meeting page (Agenda and minutes)"
    conditions: ClassVar[dict[str, str]] = {
        "exempt_paragraph": "only with exempt: yes",
        "exempt_reason": "only with exempt: yes",
    }
    # Paragraph and reason only for an exempt item (what _check says, for editors).
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["exempt"], "properties": {"exempt": YES}},
                {"not": {"anyOf": [given("exempt_paragraph"), given("exempt_reason")]}},
            ]
        }
    )

    number: MinuteNumber | None = F(
        "Agenda item number as printed, with sub-items: '3(a)', '6(ii)'. Leave out for an unnumbered item: "
        "its place in the list is enough (a resolution then needs a minute).",
        "6(i)",
        default=None,
    )
    minute: MinuteNumber | None = F("Minute number as printed.", "23/13", default=None)
    title: Text = F("Title as printed.", "Refresh of the Health and Wellbeing Strategy")
    section: Text | None = F("Section heading as printed.", "Public Business", default=None)
    time: Text | None = F("Timing as printed on the agenda.", "13.35 – 13.50", default=None)
    presenter_ids: list[Ref] = F("Presenters or report authors with a person record.", default=[])
    presenter: Text | None = F("Presenter or author as free text.", "Director of Public Health", default=None)
    presenters: list[Presenter] = F(
        "Presenters and witnesses with their posts and organisations, as printed.", default=[]
    )
    public_speakers: list[PublicSpeaker] = F("Members of the public who spoke on the item (never named).", default=[])
    pages: Pages | None = F("Pages in the agenda pack.", "9-22", default=None)
    kind: Annotated[str, OneOf(*ITEM_KINDS)] = F("What the item asks of the board.", "decision", default="information")
    exempt: YesNo = F("yes when taken in private.", default=False)
    exempt_paragraph: Text | None = F("Schedule 12A paragraph for an exempt item.", "3", default=None)
    exempt_reason: LongText | None = F(
        "Why the item is exempt or confidential, as printed.",
        "Information relating to the financial or business affairs of any particular person "
        "(Schedule 12A, paragraph 3)",
        default=None,
    )
    summary: Markdown | None = F("What the item is about, from the agenda or report (Markdown).", default=None)
    recommendations: list[Part] = F("Recommendations put to the board, verbatim.", default=[])
    minutes: Markdown | None = F("The minute text (Markdown), verbatim where possible.", default=None)
    resolutions: list[Resolution] = F("Resolutions under this minute.", default=[])
    actions: list[Action] = F("Actions arising.", default=[])
    recommendations_made: list[Recommendation] = F(
        "Recommendations the board made to other bodies under this item; each has its own page.", default=[]
    )
    referrals: list[Referral] = F("Referrals to other bodies, and call-ins, under this item.", default=[])
    document_ids: list[Ref] = F("Reports and papers for this item.", default=[])
    approves_minutes_of: list[MeetingId] = F(
        "Earlier meetings of this board whose minutes this item approved as a correct record (their ids, "
        "the dates); their pages link here.",
        ["2024-03-14"],
        default=[],
    )
    minutes_for_approval: list[MeetingId] = F(
        "Earlier meetings whose minutes the agenda puts for approval, when the outcome is not on record.",
        default=[],
    )
    strategy_ids: list[Ref] = F("Strategies the item concerns.", default=[])
    indicator_ids: list[Ref] = F("Indicators the item concerns.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Item:
        for name in ("exempt_paragraph", "exempt_reason"):
            if getattr(self, name) and not self.exempt:
                raise fail_at(name, "only an exempt item has one (add 'exempt: yes')")
        return self


class Meeting(TopLevel):
    """A meeting: data/meetings/<board>/<yyyy-mm-dd>.yml."""

    shown: ClassVar[str] = "meeting page"

    id: MeetingId = F("Equals the file name: the date, with -2 for a second meeting that day.", "2017-07-10")
    board_id: Ref = F("The board meeting; equals the folder name.", "coventry-hwb")
    date: IsoDate = F("Date of the meeting.", "2017-07-10")
    title: Text | None = F("Title when not the board's ordinary meeting.", "Extraordinary meeting", default=None)
    start_time: Time | None = F("Start time, 24-hour.", "14:00", default=None)
    end_time: Time | None = F("End time, 24-hour.", "15:30", default=None)
    venue: Text | None = F("Venue as printed.", "Committee Room 3, Council House, Coventry", default=None)
    status: Annotated[str, OneOf(*MEETING_STATUS)] | None = F(
        "What the papers say became of the meeting; leave out when they say nothing. Pages show a status "
        "computed from this, the facts and the date: a past meeting never reads as scheduled.",
        "held",
        default=None,
    )
    notice: Notice | None = F("The date printed on the agenda, and what is printed with it.", default=None)
    taking_part: DatedText | None = F(
        "How the public could attend, speak or ask a question at this meeting, as printed.", default=None
    )
    webcast: Url | None = F("Webcast address.", default=None)
    recording: Url | None = F("Address of the recording, once published.", default=None)
    quorate: YesNo | None = F(
        "yes or no only where the minutes say whether the meeting was quorate (never worked out).", default=None
    )
    attendance: list[Attendance] = F("Who was present, sent apologies, substituted or attended.", default=[])
    declarations: list[Declaration] = F("Declarations of interest.", default=[])
    items: list[Item] = F("Agenda items in order.", default=[])
    actions: list[Action] = F(
        "Actions arising from the meeting as a whole, not from one item (an action log kept with the minutes).",
        default=[],
    )

    @model_validator(mode="after")
    def _check(self) -> Meeting:
        if self.start_time and self.end_time and self.end_time < self.start_time:
            raise fail_at("end_time", f"{self.end_time} is before start_time {self.start_time}")
        return self
