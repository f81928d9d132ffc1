"""The registry of record kinds: one declaration per kind, holding names and data only.

Every stage loops over ``KINDS`` instead of keeping its own list of kinds. What a stage does
with a kind (its URL, its page, its export tables, its skeleton file) is that stage's own
handler, kept in that stage by ``Handlers``: a specific handler where one is registered,
otherwise the stage's generic handler when it fits the kind. ``tests/unit/test_registry.py``
fails when a kind has neither in some stage.

Adding a kind: its model module (beside board.py), its entry below, its template, its fixture,
and handlers only where the generic ones do not fit. The order of ``KINDS`` is the order of the
data-format reference, of the data package's tables and of the cross-record checks (a kind's
checks may use what an earlier kind's computed: strategies need the decisions of meetings).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.records.board import Board
from generator.records.common import Record, TopLevel
from generator.records.document import Document
from generator.records.indicator import REQUIRED_COLUMNS, ROW_KEY, Indicator, IndicatorValue
from generator.records.meeting import Meeting
from generator.records.organisation import Organisation
from generator.records.person import Person
from generator.records.plan import Plan
from generator.records.strategy import Strategy
from generator.records.work_programme import WorkProgramme


@dataclass(frozen=True)
class Rows:
    """A CSV companion of a kind: rows in data/<folder>/<id>.csv beside each record's YAML."""

    name: str  # what the rows are called ('values'); also how a file of them with errors is named
    model: type[Record]
    required: tuple[str, ...]  # columns every file must have
    row_key: tuple[str, ...]  # columns no two rows of one file may agree on all of

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column a file may have, in the model's order."""
        return tuple(self.model.model_fields)


@dataclass(frozen=True)
class Kind:
    """The facts about one kind of record."""

    name: str  # the folder in data/ and the key of its records everywhere: 'boards'
    singular: str  # 'board': messages, skeletons ('new board'), schema file names
    plural: str  # 'boards': messages
    model: type[TopLevel]
    title_field: str  # the field that names a record to readers: 'name' or 'title'
    parent: str | None = None  # a kind whose id comes first in the key: data/meetings/<board>/<id>.yml
    parent_field: str | None = None  # the field that names the parent (it must equal the folder)
    id_shape: str = "id"  # how the file name is described: 'yyyy-mm-dd' for a meeting
    rows: Rows | None = None  # a CSV companion

    @property
    def former_ids(self) -> bool:
        """Whether records of this kind may list earlier ids (every URL under an old id keeps working)."""
        return "former_ids" in self.model.model_fields

    @property
    def withdrawals(self) -> bool:
        """Whether records of this kind may be withdrawn (the page stays and says why)."""
        return "withdrawn" in self.model.model_fields

    def key_of(self, record: TopLevel) -> str:
        """The key of a record of this kind: its id, after its parent's id when the kind has a parent."""
        return f"{getattr(record, self.parent_field or '')}/{record.id}" if self.parent else record.id

    def key_at(self, folder: str, stem: str) -> str:
        """The key of the record in a file, from its parent's folder (a kind with a parent) and its name."""
        return f"{folder}/{stem}" if self.parent else stem

    @property
    def place(self) -> str:
        """Where records of this kind live: 'data/meetings/<board-id>/<yyyy-mm-dd>.yml'."""
        parent = f"<{KIND[self.parent].singular}-id>/" if self.parent else ""
        return f"data/{self.name}/{parent}<{self.id_shape}>.yml"


KINDS: tuple[Kind, ...] = (
    Kind("organisations", "organisation", "organisations", Organisation, "name"),
    Kind("boards", "board", "boards", Board, "name"),
    Kind("people", "person", "people", Person, "name"),
    Kind("documents", "document", "documents", Document, "title"),
    Kind("meetings", "meeting", "meetings", Meeting, "title", "boards", "board_id", "yyyy-mm-dd"),
    Kind("strategies", "strategy", "strategies", Strategy, "title"),
    Kind(
        "indicators",
        "indicator",
        "indicators",
        Indicator,
        "title",
        rows=Rows("values", IndicatorValue, REQUIRED_COLUMNS, ROW_KEY),
    ),
    Kind("plans", "plan", "plans", Plan, "title"),
    Kind("work-programmes", "work-programme", "work programmes", WorkProgramme, "title"),
)
KIND: dict[str, Kind] = {kind.name: kind for kind in KINDS}
NAMES: tuple[str, ...] = tuple(KIND)


def kind_of_singular(singular: str) -> Kind | None:
    """The kind whose singular noun is ``singular`` ('board'), if any."""
    return next((kind for kind in KINDS if kind.singular == singular), None)


H = TypeVar("H")


class MissingHandlerError(LookupError):
    """A kind has no handler in a stage: neither a specific one nor a generic one that fits."""


class Handlers(Generic[H]):
    """One stage's handlers by kind: a specific handler where registered, else the stage's generic one.

    ``generic`` returns the generic handler for a kind, or None when the generic one does not fit it
    (a page needs a template named after the kind, a skeleton of a kind with a parent needs more).
    """

    def __init__(self, stage: str, generic: Callable[[Kind], H | None]) -> None:
        self.stage = stage
        self.generic = generic
        self.specific: dict[str, H] = {}

    def register(self, kind: str, handler: H) -> H:
        """Register the specific handler of ``kind`` (a registered kind; one handler per kind)."""
        if kind not in KIND:
            raise MissingHandlerError(f"{self.stage}: '{kind}' is not a registered kind")
        if kind in self.specific:
            raise MissingHandlerError(f"{self.stage}: '{kind}' has two handlers")
        self.specific[kind] = handler
        return handler

    def of(self, kind: Kind) -> H:
        """The handler of ``kind``: its specific one, else the generic one; MissingHandlerError if neither."""
        found = self.specific.get(kind.name)
        if found is None:
            found = self.generic(kind)
        if found is None:
            message = f"{self.stage}: kind '{kind.name}' has no handler, and the generic one does not fit"
            raise MissingHandlerError(message)
        return found

    def missing(self, kinds: tuple[Kind, ...] = KINDS) -> list[str]:
        """The kinds (of ``kinds``) that have no handler in this stage."""
        return [kind.name for kind in kinds if kind.name not in self.specific and self.generic(kind) is None]
