"""Plans: data/plans/<id>.yml, action plans and trackers that belong to no meeting, with their actions.

A plan put to a meeting is not the meeting's: the meeting received it (``received_at``) and links
to it, and its actions are the plan's, never attributed to that meeting.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import model_validator

from generator.records.common import BodyRef, F, Note, Record, Source, TopLevel, no_later
from generator.records.fields import Id, IsoDate, LongText, Markdown, MinuteNumber, OneOf, Ref, Text, Url
from generator.records.tracker import Action

PLAN_KINDS = {
    "action-plan": "a plan of actions in answer to something (an inspection, a review, a strategy)",
    "business-plan": "a board's or partnership's plan of work for a year or more",
    "improvement-plan": "a plan to put right what an inspection or review found",
    "tracker": "a log of actions and their progress, updated from meeting to meeting",
    "other": "another kind of plan, as its title says",
}


class RatingColumn(Record):
    """A column of ratings printed in a plan's table."""

    shown: ClassVar[str] = "plan page (Ratings as printed)"

    column: Text = F("The column's header as printed.", "Planned delivery")
    printed_values: list[Text] = F("The values printed in it (words or letters), as printed.", ["G", "A", "R"])


class Received(Record):
    """A meeting that received the plan: the board's meeting and the agenda item."""

    shown: ClassVar[str] = "plan page (Put to), and the meeting page (Plans received)"

    meeting: Text = F("The meeting, as <board>/<date>.", "dudley-hwb/2013-09-26")
    item: MinuteNumber | None = F("The agenda item's number or minute, as printed.", "6", default=None)
    source: Source | None = F("Where it is printed.", default=None)


class UnalignedCell(Record):
    """Values printed for several actions without saying which belongs to which."""

    shown: ClassVar[str] = "plan page, under its group"

    column: Text = F("The column's header as printed.", "Timescale")
    printed: list[Text] = F("The values as printed, in order.", ["Dec 14", "Oct 14"], min_length=1)
    action_ids: list[Id] = F("The actions they were printed beside.", ["35a", "35b", "35c"], min_length=1)
    source: Source | None = F("Where it is printed.", default=None)


class PlanGroup(Record):
    """A section of a plan: a numbered recommendation it answers, a work stream, a theme."""

    shown: ClassVar[str] = "plan page, a section each, with its actions"

    id: MinuteNumber = F(
        "Id unique within the plan: its printed number will do ('1.1', '13-14'); it names the group's anchor.", "15"
    )
    number: Text | None = F("Its number as printed.", "15", default=None)
    title: Text | None = F("Its heading as printed.", "Early help", default=None)
    text: LongText | None = F("Its text as printed (the recommendation, the aim).", default=None)
    parent: MinuteNumber | None = F(
        "The id of the group it sits in (a project within a work stream).", "1", default=None
    )
    section: Text | None = F("The section heading printed above it.", default=None)
    subsection: Text | None = F("The subsection heading printed above it.", default=None)
    recommendations: list[LongText] = F("Recommendations printed in it, verbatim.", default=[])
    performance_indicators: list[LongText] = F("Performance indicators printed in it, verbatim.", default=[])
    outcome: LongText | None = F("The outcome printed for it.", default=None)
    unaligned_cells: list[UnalignedCell] = F("Values printed for its actions without a pairing.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])


class Plan(TopLevel):
    """An action plan, business plan or tracker: data/plans/<id>.yml."""

    shown: ClassVar[str] = "plan page; the plans index and the pages of the boards and meetings it names"

    title: Text = F("Title as printed.", "Keogh Investigation Action Plan – July 2013")
    other_titles: list[Text] = F("Other titles the plan is printed under.", default=[])
    kind: Annotated[str, OneOf(*PLAN_KINDS.items())] | None = F("What kind of plan it is.", "action-plan", default=None)
    owners: list[BodyRef] = F(
        "Who owns the plan: organisations, boards or people (or names as printed).",
        [{"organisation_id": "dudley-group-nhs-foundation-trust"}],
        default=[],
    )
    owners_printed: Text | None = F("The plan's owner exactly as printed.", default=None)
    period: Text | None = F("The period it covers, as printed.", "2013-15", default=None)
    start: IsoDate | None = F("First day it covers.", default=None)
    end: IsoDate | None = F("Last day it covers.", default=None)
    printed_status: Text | None = F("A status printed on the plan itself ('DRAFT').", "DRAFT", default=None)
    board_ids: list[Ref] = F("Boards that monitor it.", ["dudley-hwb"], default=[])
    strategy_id: Ref | None = F("The strategy it carries out.", default=None)
    document_id: Ref | None = F("The document that prints it.", default=None)
    url: Url | None = F("Where it is published.", default=None)
    summary: Markdown | None = F("What it sets out (Markdown).", default=None)
    received_at: list[Received] = F("Meetings it was put to, with the agenda item.", default=[])
    rag_key: LongText | None = F("The plan's own key to its ratings, verbatim.", default=None)
    rating_columns: list[RatingColumn] = F("Columns of ratings printed in its table.", default=[])
    groups: list[PlanGroup] = F("Its sections, in printed order.", default=[])
    actions: list[Action] = F("Its actions, in printed order.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Plan:
        no_later(self.start, self.end)
        return self
