"""The parts every record kind shares: the base classes, documented fields, sources, notes, withdrawal,
and where a record was read.

Each field's ``description`` and ``examples`` feed the data-format reference page and the JSON Schemas,
so a field cannot exist without documentation (tests/unit/test_reference.py fails when one is missing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from generator.records.fields import (
    Count,
    Id,
    IsoDate,
    LongText,
    Markdown,
    OldAddress,
    OneOf,
    Pages,
    Ref,
    Text,
    fail,
    fail_at,
)


def F(description: str, *examples: Any, default: Any = ..., shown: str | None = None, **rules: Any) -> Any:  # noqa: N802
    """Declare a documented field; without ``default`` it is required.

    ``shown`` says where readers see the field ("meeting page", "not shown"): the data-format reference
    lists it, so staff know what each field they fill in does.
    """
    extra: dict[str, Any] | None = {"shown": shown} if shown else None
    return Field(default, description=description, examples=list(examples) or None, json_schema_extra=extra, **rules)


def shown_on(info: Any) -> str | None:
    """Where readers see a field, as declared with F(..., shown=...)."""
    extra = info.json_schema_extra
    return extra.get("shown") if isinstance(extra, dict) else None


# JSON Schema fragments for rules across two fields of one record (a model validator says the same in words).
NOT_NULL: dict[str, Any] = {"not": {"type": "null"}}
YES: dict[str, Any] = {"anyOf": [{"const": True}, {"type": "string", "pattern": "^([Yy][Ee][Ss]|[Tt][Rr][Uu][Ee])$"}]}


def given(name: str) -> dict[str, Any]:
    """JSON Schema: the field ``name`` is present and not empty."""
    return {"required": [name], "properties": {name: NOT_NULL}}


def no_later(start: date | None, end: date | None) -> None:
    """Refuse an end date before its start date."""
    if start and end and end < start:
        raise fail_at("end", f"{end.isoformat()} is before start {start.isoformat()}")


class Record(BaseModel):
    """Base: every record and sub-record refuses unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=False)


Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Origin:
    """Where a record was read: its file as messages show it, and the line of each field inside it."""

    path: str
    lines: Mapping[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int:
        """Line of the deepest known part of ``loc`` (1 when nothing of it is known)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class Located(Record):
    """A record that knows where it was read (a whole file, or one row of a CSV file).

    The origin is set by validation and is not a field: it is neither data nor part of the schema.
    """

    _origin: Origin | None = PrivateAttr(default=None)

    def place(self, origin: Origin) -> None:
        """Remember where this record was read."""
        self._origin = origin

    def __eq__(self, other: object) -> bool:
        """Records are equal when their data is: where each was read is not part of it."""
        if not isinstance(other, Located):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, like every pydantic model that is not frozen

    @property
    def origin(self) -> Origin:
        """Where this record was read; a record made in code, not read, has no file (an internal error)."""
        if self._origin is None:
            raise LookupError(f"{type(self).__name__} '{getattr(self, 'id', '')}' was not read from a file")
        return self._origin


# --- shared parts -----------------------------------------------------------

NOTE_KINDS = (
    ("source-error", "the source is wrong or contradicts itself; the record keeps what was printed"),
    ("transcription", "how something was transcribed, or a choice the transcriber made"),
    ("missing", "something the source or its conversion lost, such as a chart or a colour"),
    ("context", "background a reader needs"),
    ("correction", "a correction made after the record was first published"),
)


class Source(Record):
    """Where a fact is printed: a document and the page or line within it."""

    shown: ClassVar[str] = "the page of the fact it supports, as 'Source: …'"

    document_id: Ref = F("Id of the document (data/documents/<id>.yml).", "coventry-hwb-2017-10-16-pack")
    pages: Pages | None = F("Page or page range as numbered in the document.", "9-22", default=None)
    line: Count | None = F("Line of the plain-text copy in shared/seeds, where pages are unknown.", "175", default=None)


class Note(Record):
    """A note a reader sees beside the fact it concerns."""

    shown: ClassVar[str] = "beside the fact it concerns, with a label naming its kind"

    kind: Annotated[str, OneOf(*NOTE_KINDS)] = F(
        "What the note is about; it is shown with a label that says so.",
        "source-error",
    )
    text: LongText = F(
        "The note, in plain English.", "The minute is headed 'Appointment of Vice-Chair' but appoints a Chair."
    )


class Withdrawn(Record):
    """Marks a record withdrawn: its page stays and says so."""

    shown: ClassVar[str] = "the record's page, which then says when and why"

    date: IsoDate = F("When it was withdrawn.", "2018-01-15")
    reason: LongText = F("Why, in plain English.", "Published in error: the meeting was never held.")


class TopLevel(Located):
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


class DatedText(Record):
    """Text that holds from a date: a purpose, terms of reference, how to take part, as a document prints them."""

    shown: ClassVar[str] = "the page of the record it belongs to, with 'As printed on <date>' or 'Date not recorded'"

    shape: ClassVar[str] = "dated text: write text: and, where known, the date: of the document it comes from"

    text: Markdown = F("The text as printed (Markdown).", "The Board meets in public; anyone may attend.")
    date: IsoDate | None = F(
        "The date of the document the text comes from (the agenda's date, for text printed in a pack); "
        "pages say 'date not recorded' without it.",
        "2014-11-19",
        default=None,
    )
    source: Source | None = F("Where the text is printed.", default=None)


BODY_FIELDS = ("organisation_id", "board_id", "person_id", "name")


class BodyRef(Record):
    """An organisation, a board or a person that a fact names: a record's id, or the name as printed."""

    shown: ClassVar[str] = "wherever the record names it, linked to its page when it has a record"
    minimal: ClassVar[dict[str, str]] = {"name": "Riverton Carers Centre"}
    conditions: ClassVar[dict[str, str]] = {
        name: "exactly one of organisation_id, board_id, person_id, name" for name in BODY_FIELDS
    }

    # Exactly one of them (what _check says, for editors).
    model_config = ConfigDict(json_schema_extra={"oneOf": [given(name) for name in BODY_FIELDS]})

    organisation_id: Ref | None = F("Id of the organisation (data/organisations/<id>.yml).", default=None)
    board_id: Ref | None = F("Id of the board.", default=None)
    person_id: Ref | None = F("Id of the person.", default=None)
    name: Text | None = F(
        "The body or person as printed, when it has no record.", "Riverton Carers Centre", default=None
    )

    @model_validator(mode="after")
    def _check(self) -> BodyRef:
        given = [name for name in BODY_FIELDS if getattr(self, name) is not None]
        if not given:
            raise fail("give one of organisation_id, board_id, person_id or name")
        if len(given) > 1:
            message = f"give only one of organisation_id, board_id, person_id or name (found {given[0]} too)"
            raise fail_at(given[1], message)
        return self

    @property
    def kind(self) -> str | None:
        """The kind of record it names ('organisations'), or None for a name as printed."""
        if self.organisation_id:
            return "organisations"
        if self.board_id:
            return "boards"
        return "people" if self.person_id else None

    @property
    def ref(self) -> str | None:
        """The id it names, or None for a name as printed."""
        return self.organisation_id or self.board_id or self.person_id
