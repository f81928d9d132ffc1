"""What a board asks of other bodies: recommendations made to them and their responses, referrals and call-ins.

Each is kept on the agenda item that made it. Whether a response is awaited or overdue is
computed from the dates on record and the build date, never stored.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import model_validator

from generator.records.common import BodyRef, F, Note, Record, Source
from generator.records.fields import DueDate, IsoDate, LongText, OneOf, Ref, Text, fail_at
from generator.records.tracker import StatusEntry

RESPONSE_OUTCOMES = {
    "accepted": "the body accepted the recommendation",
    "partly-accepted": "the body accepted part of it and not the rest",
    "rejected": "the body did not accept it",
    "noted": "the body noted it without accepting or rejecting it",
    "other": "any other answer; its words are in printed",
}
REFERRAL_KINDS = {
    "referral": "the board referred a matter to another body (Cabinet, full Council, the Secretary of State)",
    "call-in": "the board called in a decision of the executive before it took effect",
}
REFERRAL_OUTCOMES = {
    "upheld": "the decision or proposal stood as it was",
    "referred-back": "it was sent back to the decision maker to think again",
    "no-further-action": "the body took no further action",
    "pending": "the outcome was awaited when the source was printed",
    "other": "any other outcome; its words are in outcome_printed",
}


class ResponseRequest(Record):
    """The board's request for a response, and the deadline it set."""

    shown: ClassVar[str] = "recommendation page (Response requested), and where it stands"

    date: IsoDate | None = F(
        "When the response was asked for (usually the meeting's date).", "2024-05-09", default=None
    )
    by: DueDate | None = F(
        "The deadline: a date (YYYY-MM-DD), or the words printed ('within 28 days').", "2024-06-06", default=None
    )
    source: Source | None = F("Where it is printed.", default=None)


class ReportReceived(Record):
    """When an addressee received the board's report: statutory periods for a response run from it."""

    shown: ClassVar[str] = "recommendation page (Report received)"

    date: IsoDate = F("The date the addressee received the report.", "2024-05-13")
    source: Source | None = F("Where it is printed.", default=None)


class Response(Record):
    """An addressee's response to a recommendation."""

    shown: ClassVar[str] = "recommendation page (Responses)"

    date: IsoDate = F("The date of the response.", "2024-06-03")
    by: BodyRef | None = F("Which addressee responded (one of the recommendation's to).", default=None)
    outcome: Annotated[str, OneOf(*RESPONSE_OUTCOMES.items())] = F(
        "The response, as the transcriber classifies it from its words.", "accepted"
    )
    printed: LongText | None = F("The response's words, verbatim.", default=None)
    source: Source | None = F("Where the response is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])


class Recommendation(Record):
    """A recommendation the board made to one or more other bodies."""

    shown: ClassVar[str] = "its own page; the meeting, decision, board and addressees' pages list it"

    number: Text | None = F("Its number as printed; pages number it by position without one.", "(ii)", default=None)
    text: LongText = F("The recommendation word for word.", "That the trust publishes its waiting times monthly.")
    resolution_part: Text | None = F(
        "The label of the resolution part it restates, when it is one.", "(ii)", default=None
    )
    from_document_id: Ref | None = F("The report it comes from, when not a resolution.", default=None)
    to: list[BodyRef] = F(
        "The bodies it is addressed to: organisations or boards (a name as printed when neither has a record).",
        [{"organisation_id": "riverton-nhs-trust"}],
        min_length=1,
    )
    to_printed: Text | None = F("The addressees exactly as printed.", "the Trust and the CCG", default=None)
    response_requested: ResponseRequest | None = F("The request for a response, when the record has one.", default=None)
    report_received: ReportReceived | None = F("When the addressee received the report.", default=None)
    responses: list[Response] = F("Responses received, oldest first.", default=[])
    updates: list[StatusEntry] = F("Dated progress of its implementation, oldest first.", default=[])
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])


class Referral(Record):
    """A referral of a matter to another body, or a call-in of an executive decision."""

    shown: ClassVar[str] = "meeting page (Referrals and call-ins), and the page of the body referred to"
    minimal: ClassVar[dict[str, str]] = {"to_printed": "Cabinet"}
    conditions: ClassVar[dict[str, str]] = {
        "to": "required for a referral (or to_printed)",
        "decision_maker": "only for a call-in, with decision_date",
    }

    kind: Annotated[str, OneOf(*REFERRAL_KINDS.items())] = F("Referral or call-in.", "referral")
    to: BodyRef | None = F("The body referred to (Cabinet, full Council, the Secretary of State).", default=None)
    to_printed: Text | None = F("The body as printed.", default=None)
    subject: Text | None = F("What was referred or called in, as printed.", "the draft inquiry report", default=None)
    subject_document_id: Ref | None = F("The paper referred or called in.", default=None)
    date: IsoDate | None = F("The date of the referral or call-in.", default=None)
    decision_maker: BodyRef | None = F("For a call-in: who took the decision called in.", default=None)
    decision_date: IsoDate | None = F("For a call-in: when the decision was taken.", default=None)
    outcome_printed: LongText | None = F("The outcome's words, verbatim.", default=None)
    outcome: Annotated[str, OneOf(*REFERRAL_OUTCOMES.items())] | None = F(
        "The outcome, classified from its words; pages say 'outcome not on record' without it.", default=None
    )
    outcome_date: IsoDate | None = F("When the outcome was decided.", default=None)
    source: Source | None = F("Where it is printed.", default=None)
    notes: list[Note] = F("Notes shown to readers.", default=[])

    @model_validator(mode="after")
    def _check(self) -> Referral:
        if self.kind == "referral" and not (self.to or self.to_printed):
            raise fail_at("to", "a referral needs the body it went to (to, or to_printed)")
        if self.kind == "referral" and (self.decision_maker or self.decision_date):
            field = "decision_maker" if self.decision_maker else "decision_date"
            raise fail_at(field, "only a call-in has a decision maker and decision date (set kind: call-in)")
        return self
