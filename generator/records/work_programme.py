"""Work programmes: data/work-programmes/<id>.yml, the items a board plans to take at future meetings.

A planned item names its target as printed (a meeting's date, a month, or words such as "at the
Panel's next meeting"); when a meeting takes it up, ``heard_at`` names that agenda item, and
both pages link to each other. Nothing is inferred: "next meeting" is never turned into a date.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, ConfigDict, WithJsonSchema, model_validator

from generator.records.common import BodyRef, F, Note, Record, Source, TopLevel, given
from generator.records.fields import Id, IsoDate, LongText, MeetingId, MinuteNumber, Ref, Text, fail, fail_at

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value: Any) -> str:
    """Accept a month written YYYY-MM."""
    text = str(value).strip()
    found = MONTH_RE.fullmatch(text)
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise fail(f"'{text}' is not a month (write YYYY-MM, e.g. 2015-01)")
    return text


Month = Annotated[str, BeforeValidator(parse_month), WithJsonSchema({"type": "string", "pattern": MONTH_RE.pattern})]


class ItemOrigin(Record):
    """Where a planned item came from: a minute of a meeting of the board, or a paper."""

    shown: ClassVar[str] = "work programme page (Came from)"
    minimal: ClassVar[dict[str, str]] = {"meeting": "2014-09-25"}
    conditions: ClassVar[dict[str, str]] = {
        "meeting": "required unless document_id is given (and with a minute)",
        "document_id": "required unless meeting is given",
    }
    # A meeting or a paper, not both; a minute only with its meeting (what _check says, for editors).
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [given("meeting"), given("document_id")],
            "anyOf": [{"not": given("minute")}, given("meeting")],
        }
    )

    meeting: MeetingId | None = F(
        "The board's meeting that asked for it (its id, the date).", "2014-09-25", default=None
    )
    minute: MinuteNumber | None = F("The minute or item of that meeting.", "14", default=None)
    document_id: Ref | None = F("The paper that promised it, when no minute asked for it.", default=None)

    @model_validator(mode="after")
    def _check(self) -> ItemOrigin:
        if self.meeting and self.document_id:
            raise fail_at("document_id", "give either meeting (with its minute) or document_id, not both")
        if self.minute and not self.meeting:
            raise fail_at("meeting", "a minute needs its meeting (the meeting's date)")
        if not self.meeting and not self.document_id:
            raise fail("give the meeting (with its minute) or the document_id the item came from")
        return self


class HeardAt(Record):
    """The agenda item of a later meeting of the board that took up a planned item."""

    shown: ClassVar[str] = "work programme page (Heard), and the page of the meeting that took it up"

    meeting: MeetingId = F("The meeting's id (its date).", "2014-11-27")
    item: MinuteNumber | None = F(
        "The agenda item's number or minute, as printed; leave out to link the meeting only.", "11", default=None
    )


class PlannedItem(Record):
    """One item a board plans to take at a future meeting."""

    shown: ClassVar[str] = "work programme page; board and home pages (Coming up) while its target is to come"

    id: Id = F(
        "Id unique within the work programme; it names the item's anchor.",
        "ofsted-action-plan",
        shown="in the address of the item (#planned-<id>)",
    )
    title: Text = F("Title as printed.", "Ofsted action plan")
    target_meeting: IsoDate | None = F("The date of the meeting it is planned for, when printed.", default=None)
    target_month: Month | None = F("The month it is planned for (YYYY-MM), when only a month is printed.", default=None)
    target: Text | None = F("The target as printed, in words.", "at the Panel's next meeting", default=None)
    lead: list[BodyRef] = F("Who brings it: people, boards or organisations.", default=[])
    purpose: LongText | None = F("Why it is on the programme, as printed.", default=None)
    origin: ItemOrigin | None = F("Where it came from: a minute, or a paper.", default=None)
    heard_at: HeardAt | None = F("The agenda item that took it up, once heard.", default=None)
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])

    @model_validator(mode="after")
    def _check(self) -> PlannedItem:
        if self.target_meeting and self.target_month:
            raise fail_at("target_month", "give target_meeting or target_month, not both (printed words go in target)")
        return self


class WorkProgramme(TopLevel):
    """A board's work programme or forward plan: data/work-programmes/<id>.yml."""

    shown: ClassVar[str] = "work programme page, and the board page"

    board_id: Ref = F("The board whose programme it is.", "southampton-health-overview-and-scrutiny-panel")
    title: Text = F("Title as printed, or a plain description.", "Health Overview and Scrutiny Panel work programme")
    as_of: IsoDate | None = F("The date of the programme as printed.", default=None)
    items: list[PlannedItem] = F("The planned items, in printed order.", default=[])
