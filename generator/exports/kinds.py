"""The exports of each kind that the generic handler does not fit: which tables and twins."""

from __future__ import annotations

from generator.exports.records_json import document_twins
from generator.exports.tables import EXPORTS, KindExports, TableMaker
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

BOARDS = TableMaker(
    "boards", boards_table, (("memberships", "memberships", "board_id"), ("meetings", "meetings", "board_id"))
)
PEOPLE = TableMaker(
    "people", people_table, (("memberships", "memberships", "person_id"), ("attendance", "attendance", "person_id"))
)
MEETINGS = TableMaker(
    "meetings",
    meetings_table,
    (
        ("attendance", "attendance", "meeting_id"),
        ("agenda_items", "agenda_items", "meeting_id"),
        ("resolutions", "resolutions", "meeting_id"),
        ("actions", "actions", "meeting_id"),
    ),
)

EXPORTS.register("boards", KindExports((BOARDS,)))
# A seat names a board and a person: listed after both, so the package defines what it refers to first.
EXPORTS.register("people", KindExports((PEOPLE, TableMaker("memberships", memberships_table))))
EXPORTS.register("documents", KindExports(files=document_twins))
EXPORTS.register(
    "meetings",
    KindExports(
        (
            MEETINGS,
            TableMaker("attendance", attendance_table),
            TableMaker("agenda_items", items_table),
            TableMaker("resolutions", resolutions_table, ()),  # each decision page has a twin
            TableMaker("actions", actions_table),
        ),
    ),
)
EXPORTS.register(
    "strategies",
    KindExports(
        (
            TableMaker("strategies", strategies_table, (("priorities", "priorities", "strategy_id"),)),
            TableMaker("priorities", priorities_table),
        )
    ),
)
EXPORTS.register(
    "indicators",
    KindExports(
        (
            TableMaker("indicators", indicators_table, (("values", "indicator_values", "indicator_id"),)),
            TableMaker("indicator_values", values_table),
        )
    ),
)
