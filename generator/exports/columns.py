"""The records as flat tables: columns taken from the model fields, rows from the records.

A column names a model field once: its Frictionless type and its description come from the
field's type and its documentation (the same text as the data-format reference). A column the
models do not hold (a page URL, a key made of parents' ids) is declared once with its meaning.
A withdrawn top-level record keeps its row (so keys still resolve) but only its id, name or
title and the withdrawal, which is what its tombstone page shows.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from generator.records.common import TopLevel, Withdrawn

Get = Callable[[Any], Any]
FRICTIONLESS = {date: "date", bool: "boolean", int: "integer", float: "number"}


@dataclass(frozen=True)
class Column:
    """One column of a table: name, Frictionless type, description, and how a row's value is found."""

    name: str
    type: str
    description: str
    get: Get


@dataclass
class Table:
    """A table of rows plus its keys, for the data package."""

    name: str
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    primary_key: list[str]
    foreign_keys: list[tuple[str, str]]  # (column, referenced table; its key is "id")


def _base(annotation: Any) -> tuple[Any, bool]:
    """The plain type of a field's annotation (no Optional, no Annotated), and whether it is a list."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return str, False  # date or text (a due date): written as text
            annotation = args[0]
        elif origin is list:
            return _base(typing.get_args(annotation)[0])[0], True
        else:
            return annotation, False


def is_scalar(model: type[BaseModel], name: str) -> bool:
    """Whether a field fits in one cell: a value, or a list of plain values (not of records)."""
    base, _ = _base(model.model_fields[name].annotation)
    return not (isinstance(base, type) and issubclass(base, BaseModel))


def field(model: type[BaseModel], name: str, *, of: Get | None = None, column: str | None = None) -> Column:
    """A column holding the field ``name`` of ``model``; ``of`` finds the model in a row's source (default: itself).

    A list of values is written as one cell, its values separated by ';'.
    """
    info = model.model_fields[name]
    base, many = _base(info.annotation)
    description = (info.description or "").rstrip(".")
    description += ", separated by ';'." if many else "."

    def get(source: Any) -> Any:
        holder = of(source) if of else source
        value = getattr(holder, name) if holder is not None else None
        return ";".join(value or []) if many else value

    return Column(column or name, "string" if many else FRICTIONLESS.get(base, "string"), description, get)


def fields(model: type[BaseModel], *names: str, of: Get | None = None) -> list[Column]:
    """Columns for several fields of one model."""
    return [field(model, name, of=of) for name in names]


def derived(name: str, description: str, get: Get, kind: str = "string") -> Column:
    """A column the models do not hold, such as a key made of parents' ids."""
    return Column(name, kind, description, get)


def url_column(get: Get) -> Column:
    """The column of a row's page."""
    return derived("url", "Page on this site, relative to the site address.", get)


def key_column(description: str, get: Get) -> Column:
    """The primary key of a table whose rows are not top-level records: what it is made of."""
    return derived("id", description, get)


WITHDRAWN = [
    field(Withdrawn, "date", of=lambda record: record.withdrawn, column="withdrawn"),
    field(Withdrawn, "reason", of=lambda record: record.withdrawn, column="withdrawn_reason"),
]
KEEP_WHEN_WITHDRAWN = {"id", "name", "title", "board_id", "url", "withdrawn", "withdrawn_reason"}


def rows_of(columns: list[Column], sources: Iterable[Any]) -> list[dict[str, Any]]:
    """One row per source: each column's value."""
    return [{col.name: col.get(source) for col in columns} for source in sources]


def record_rows(columns: list[Column], records: Iterable[TopLevel]) -> list[dict[str, Any]]:
    """One row per top-level record; a withdrawn record's row keeps only what its tombstone page shows."""
    rows = []
    for record, row in zip(records := list(records), rows_of(columns, records), strict=True):
        if record.withdrawn:
            row = {k: (v if k in KEEP_WHEN_WITHDRAWN else None) for k, v in row.items()}
        rows.append(row)
    return rows
