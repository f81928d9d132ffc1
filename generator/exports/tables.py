"""What the exports make of each kind of record: its tables and the JSON twins of its pages.

Each kind's exports are its handler in ``EXPORTS`` (registered in exports/kinds.py); a kind
without one gets the generic handler: one table of the model's fields that fit a cell (plus the
key, its page and the withdrawal) and a JSON twin of every page. Tables come in registry order
(the data package lists them so), each kind's own table first, then the tables of its parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator import urls
from generator.exports.columns import (
    WITHDRAWN,
    Column,
    Table,
    field,
    is_scalar,
    key_column,
    record_rows,
    url_column,
)
from generator.records.common import TopLevel
from generator.records.registry import KIND, KINDS, Handlers, Kind
from generator.site.graph import Site, referred_kind
from generator.site.reuse import Output

__all__ = ["EXPORTS", "Column", "KindExports", "Table", "TableMaker", "all_tables", "table_makers"]

Child = tuple[str, str, str]  # (key in the parent's JSON, child table, the child's column naming the parent)
HOUSEKEEPING = {"id", "former_ids", "moved_from", "withdrawn", "source", "notes"}


@dataclass(frozen=True)
class TableMaker:
    """One table of a kind, and whether each of its rows has a JSON twin beside its page (with children)."""

    name: str
    make: Callable[[Site], Table]
    twins: tuple[Child, ...] | None = None  # None: no twins; () twins without children


@dataclass(frozen=True)
class KindExports:
    """What the exports make of one kind."""

    tables: tuple[TableMaker, ...] = ()
    files: Callable[[Site, str], dict[str, Output]] | None = None  # files made otherwise (a document's JSON twin)


def generic_columns(kind: Kind) -> list[Column]:
    """The key, the model's fields that fit in a cell, the page, and the withdrawal."""
    model = kind.model
    key = [key_column(f"<{KIND[kind.parent].singular}>/<id>.", kind.key_of)] if kind.parent else [field(model, "id")]
    names = [name for name in model.model_fields if name not in HOUSEKEEPING and is_scalar(model, name)]
    page = url_column(lambda record: urls.page_url(kind.name, kind.key_of(record)))
    return [*key, *(field(model, name) for name in names), page, *WITHDRAWN]


def generic_exports(kind: Kind) -> KindExports:
    """One table of the kind's records, each with a JSON twin; foreign keys where a field names a kind."""
    name = kind.name.replace("-", "_")
    columns = generic_columns(kind)
    fks = [
        (col.name, target)
        for col in columns
        if col.name.endswith("_id") and (target := referred_kind(col.name)) and _has_table(target)
    ]

    def make(site: Site) -> Table:
        records = site.records(kind.name)
        rows = record_rows(columns, [records[k] for k in sorted(records)])
        return Table(name, kind.plural.capitalize(), columns, rows, ["id"], fks)

    return KindExports((TableMaker(name, make, ()),))


def _has_table(kind: str) -> bool:
    """Whether the kind's exports have a table of its own name (a foreign key can refer to it)."""
    return any(t.name == kind.replace("-", "_") for t in EXPORTS.of(KIND[kind]).tables)


EXPORTS: Handlers[KindExports] = Handlers("exports", generic_exports)


def table_makers() -> list[TableMaker]:
    """Every table of every kind, in the data package's order."""
    return [maker for kind in KINDS for maker in EXPORTS.of(kind).tables]


def all_tables(site: Site) -> list[Table]:
    """Every table of the data package, in a fixed order (made once per build: several exports use them)."""
    return site.memo("all_tables", None, lambda: [maker.make(site) for maker in table_makers()])


def records_of(site: Site, kind: Kind) -> list[TopLevel]:
    """The records of a kind in key order."""
    records = site.records(kind.name)
    return [records[k] for k in sorted(records)]
