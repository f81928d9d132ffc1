"""Every export table, in a fixed order (the data package, JSON twins and Popolo read them)."""

from __future__ import annotations

from generator.exports.columns import Column, Table
from generator.exports.tables_meetings import (
    actions_table,
    attendance_table,
    boards_table,
    items_table,
    meetings_table,
    memberships_table,
    people_table,
    resolutions_table,
)
from generator.exports.tables_plans import indicators_table, priorities_table, strategies_table, values_table
from generator.site.graph import Site

__all__ = ["TABLES", "Column", "Table", "all_tables"]

TABLES = (
    boards_table,
    people_table,
    memberships_table,
    meetings_table,
    attendance_table,
    items_table,
    resolutions_table,
    actions_table,
    strategies_table,
    priorities_table,
    indicators_table,
    values_table,
)


def all_tables(site: Site) -> list[Table]:
    """Every table of the data package, in a fixed order."""
    return [make(site) for make in TABLES]
