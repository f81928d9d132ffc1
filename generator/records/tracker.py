"""Actions and their statuses, wherever they are kept: under an agenda item, a meeting, or a plan.

A status keeps its words as printed ("Completed 29/11/22 – circulated to Cabinet Members")
beside an optional normalised status; a RAG rating is kept as printed, in words, and never
reconstructed from a colour the conversion lost.
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar

from pydantic import model_validator

from generator.records.common import BodyRef, F, Note, Record, Source
from generator.records.fields import DueDate, Id, IsoDate, LongText, MinuteNumber, OneOf, Text, fail, fail_at

# Every allowed value with its meaning, for the reference page and the staff guide.
ACTION_STATUS_MEANINGS = {
    "not-started": "the source says work has not started",
    "in-progress": "the source says work is under way (including 'WIP', 'Continuing', 'On track')",
    "done": "the source says it is done (including 'Implemented', 'Completed', 'Achieved')",
    "overdue": "the source says it is late or past its due date",
    "cancelled": "the source says it was dropped, withdrawn or superseded",
    "unknown": "a status is printed but says none of the above (its words stay in 'printed')",
}
ACTION_STATUS = tuple(ACTION_STATUS_MEANINGS)
# A colour code is not printed text: a RAG rating read from a cell's colour would be a guess.
COLOUR_CODE = re.compile(r"^(#[0-9a-f]{3,8}|rgba?\(.*\)|hsla?\(.*\))$", re.IGNORECASE)


class Rating(Record):
    """A rating printed in a named column of a tracker: 'In month: G'."""

    shown: ClassVar[str] = "the action's status, on meeting, plan and recommendation pages"

    column: Text = F("The column's header as printed.", "In month")
    printed: Text = F("The rating exactly as printed, word or letter (never a colour).", "G")

    @model_validator(mode="after")
    def _check(self) -> Rating:
        _refuse_colour(self.printed, "printed")
        return self


def _refuse_colour(value: str | None, where: str) -> None:
    if value and COLOUR_CODE.fullmatch(value.strip()):
        raise fail_at(
            where,
            f"'{value}' is a colour code, not a printed rating (write the words printed, "
            "or leave it out with a 'missing' note when only a colour survived)",
        )


class StatusEntry(Record):
    """One status of an action as a report or tracker printed it."""

    shown: ClassVar[str] = (
        "the action's status (the latest) and its status history, on meeting, plan and recommendation pages"
    )
    minimal: ClassVar[dict[str, str]] = {"printed": "Completed"}
    conditions: ClassVar[dict[str, str]] = {"printed": "one of printed, status, rag, ratings or note is required"}

    date: IsoDate | None = F(
        "When the status was reported (the date of the report or tracker); pages say 'date not recorded' without it.",
        "2013-09-26",
        default=None,
    )
    printed: LongText | None = F(
        "The status exactly as printed.", "Completed 29/11/22 – circulated to Cabinet Members", default=None
    )
    status: Annotated[str, OneOf(*ACTION_STATUS_MEANINGS.items())] | None = F(
        "The status normalised, only where the printed words say it plainly; leave out when unsure.",
        "done",
        default=None,
    )
    rag: Text | None = F(
        "The red/amber/green rating as printed, in words ('Amber', 'Red / Amber'). Never guessed from a colour.",
        "Amber",
        default=None,
    )
    ratings: list[Rating] = F(
        "Ratings printed in named columns (a tracker with two or more rating columns).", default=[]
    )
    note: LongText | None = F("Progress text as printed.", default=None)
    source: Source | None = F("Where it is printed.", default=None)

    @model_validator(mode="after")
    def _check(self) -> StatusEntry:
        if not (self.printed or self.status or self.rag or self.ratings or self.note):
            raise fail("give at least one of printed, status, rag, ratings or note")
        _refuse_colour(self.rag, "rag")
        return self


# Fields an action had before owners were BodyRefs, and what replaces each (the message names it).
RENAMED = {
    "owner_id": "now owners: write owners: [{person_id: <id>}]",
    "owner": "now owners_printed, the owner exactly as printed, with owners for the bodies or people it names",
}


class Action(Record):
    """Something someone undertook to do: under an agenda item, a meeting, or a plan."""

    shown: ClassVar[str] = (
        "the page that keeps it (meeting or plan), and the decision, strategy and recommendation pages it serves"
    )
    renamed: ClassVar[dict[str, str]] = RENAMED

    id: Id = F("Id unique within the meeting or plan.", "a1", shown="in the address of the action (#action-<id>)")
    ref: Text | None = F("The action's reference number as printed, when there is one.", "2.1.1", default=None)
    text: LongText = F("The action as printed.", "Circulate the presentation to Board members.")
    owners: list[BodyRef] = F(
        "Who is responsible, each a person, a board or an organisation (or a name as printed), "
        "only as far as the source names them; never paired with an organisation the source does not print.",
        [{"person_id": "nick-cross"}, {"organisation_id": "southampton-city-council"}],
        default=[],
    )
    owners_printed: Text | None = F(
        "The owner or lead exactly as printed (initials, posts, several names).", "RC/JC", default=None
    )
    lead_org_printed: Text | None = F(
        "The lead organisation as printed, when a tracker prints it in a column of its own.", "WHCCG", default=None
    )
    due: DueDate | None = F(
        "Due date (YYYY-MM-DD), or the words printed when they are not a date (TBC, Ongoing, Dec 14).",
        "2014-03-31",
        default=None,
    )
    plan: Text | None = F(
        "For an action listed in a report without a plan record: the plan's title as printed.", default=None
    )
    group: MinuteNumber | None = F("For an action of a plan: the id of its group (see groups).", "15", default=None)
    resolution: MinuteNumber | None = F(
        "For an action under an agenda item: the minute number of the resolution it arises from.", "8", default=None
    )
    recommendation: Text | None = F(
        "For an action under an agenda item: the number (or position) of the recommendation it carries out.",
        "2",
        default=None,
    )
    expected_impact: LongText | None = F("Expected impact or KPIs, as printed.", default=None)
    priority_ids: list[Text] = F("Strategy priorities served, as <strategy>/<priority>.", default=[])
    status_history: list[StatusEntry] = F("Statuses as printed, oldest first.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])
