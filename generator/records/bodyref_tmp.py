"""TEMPORARY copy of h15's BodyRef until its commit lands; replaced by generator.records.common.BodyRef."""

from __future__ import annotations

from pydantic import model_validator

from generator.records.common import F, Record
from generator.records.fields import Ref, Text, fail, fail_at

BODY_FIELDS = ("organisation_id", "board_id", "person_id", "name")


class BodyRef(Record):
    """An organisation, a board or a person that a fact names: a record's id, or the name as printed."""

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
            raise fail_at(
                given[1], f"give only one of organisation_id, board_id, person_id or name (found {given[0]} too)"
            )
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
