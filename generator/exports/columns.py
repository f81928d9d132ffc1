"""The records as flat tables: one per record kind, only the fields the pages show.

A withdrawn top-level record keeps its row (so keys still resolve) but only its id,
name or title and the withdrawal, which is what its tombstone page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.site.graph import Site


@dataclass(frozen=True)
class Column:
    """One column of a table: name, Frictionless type, description."""

    name: str
    type: str
    description: str


@dataclass
class Table:
    """A table of rows plus its keys, for the data package."""

    name: str
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    primary_key: list[str]
    foreign_keys: list[tuple[str, str]]  # (column, referenced table; its key is "id")


def c(name: str, kind: str = "string", description: str = "") -> Column:
    """Declare a column."""
    if name == "url" and not description:
        description = "Page on this site, relative to the site address."
    return Column(name, kind, description or name.replace("_", " ").capitalize() + ".")


KEEP_WHEN_WITHDRAWN = {"id", "name", "title", "board_id", "url", "withdrawn", "withdrawn_reason"}
WITHDRAWN = [c("withdrawn", "date", "Date the record was withdrawn, if it was."), c("withdrawn_reason")]


def top(record: Any, row: dict[str, Any]) -> dict[str, Any]:
    """Add withdrawal columns; blank what a tombstone page does not show."""
    w = record.withdrawn
    row["withdrawn"] = w.date if w else None
    row["withdrawn_reason"] = w.reason if w else None
    if w:
        row = {k: (v if k in KEEP_WHEN_WITHDRAWN else None) for k, v in row.items()}
    return row


def meeting_key(site: Site, meeting: Any) -> str:
    """The <board>/<meeting id> key that names a meeting in every table."""
    return site.meeting_key(meeting)
