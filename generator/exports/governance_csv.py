"""The comparison table of how the boards are run, as a table of the data package (governance.csv)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from generator.exports.columns import Column, Table
from generator.site.governance import COLUMNS, comparison_rows
from generator.site.graph import Site

TYPES = {"first_meeting": "date", "last_meeting": "date", "median_days_to_approval": "number"}
TEXT = ("board_id", "board", "kind", "group", "notice_rule")


def _type(name: str) -> str:
    """The Frictionless type of a column: text, a date, or a count."""
    return TYPES.get(name, "string" if name in TEXT else "integer")


def _getter(name: str) -> Callable[[dict[str, Any]], Any]:
    """How a row's value of one column is found."""
    return lambda row: row[name]


def governance_table(site: Site, today: date) -> Table:
    """One row per board with a meeting on record; an empty cell where the record does not allow the figure."""
    rows: list[dict[str, Any]] = [{**row, "as_of": today} for row in comparison_rows(site, today)]
    columns = [Column("as_of", "date", "The build date the figures are computed as of.", _getter("as_of"))]
    columns += [Column(name, _type(name), text, _getter(name)) for name, text in COLUMNS.items()]
    return Table(
        name="governance",
        title="How the boards are run, from the record, as of the build date (column as_of)",
        columns=columns,
        rows=rows,
        primary_key=["board_id"],
        foreign_keys=[("board_id", "boards")],
    )
