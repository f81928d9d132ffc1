"""The exports of each kind that the generic handler does not fit: which tables and twins."""

from __future__ import annotations

from generator.exports.records_json import document_twins
from generator.exports.tables import EXPORTS, KindExports, TableMaker
from generator.exports.tables_follow import (
    actions_table,
    plan_groups_table,
    planned_items_table,
    plans_table,
    recommendations_table,
    referrals_table,
    responses_table,
    statuses_table,
    updates_table,
    work_programmes_table,
)
from generator.exports.tables_items import presenters_table, public_speakers_table
from generator.exports.tables_meetings import (
    attendance_table,
    boards_table,
    items_table,
    meetings_table,
    memberships_table,
    people_table,
    resolutions_table,
)
from generator.exports.tables_people import posts_table
from generator.exports.tables_plans import indicators_table, priorities_table, strategies_table, values_table

BOARDS = TableMaker(
    "boards", boards_table, (("memberships", "memberships", "board_id"), ("meetings", "meetings", "board_id"))
)
PEOPLE = TableMaker(
    "people",
    people_table,
    (
        ("posts", "posts", "person_id"),
        ("memberships", "memberships", "person_id"),
        ("attendance", "attendance", "person_id"),
    ),
)
MEETINGS = TableMaker(
    "meetings",
    meetings_table,
    (
        ("attendance", "attendance", "meeting_id"),
        ("agenda_items", "agenda_items", "meeting_id"),
        ("resolutions", "resolutions", "meeting_id"),
        ("actions", "actions", "meeting_id"),
        ("presenters", "presenters", "meeting_id"),
        ("public_speakers", "public_speakers", "meeting_id"),
        ("recommendations", "recommendations", "meeting_id"),
        ("referrals", "referrals", "meeting_id"),
    ),
)

EXPORTS.register("boards", KindExports((BOARDS,)))
# A seat names a board and a person: listed after both, so the package defines what it refers to first.
EXPORTS.register(
    "people", KindExports((PEOPLE, TableMaker("posts", posts_table), TableMaker("memberships", memberships_table)))
)
EXPORTS.register("documents", KindExports(files=document_twins))
EXPORTS.register(
    "meetings",
    KindExports(
        (
            MEETINGS,
            TableMaker("attendance", attendance_table),
            TableMaker("agenda_items", items_table),
            TableMaker("resolutions", resolutions_table, ()),  # each decision page has a twin
            TableMaker("presenters", presenters_table),
            TableMaker("public_speakers", public_speakers_table),
            TableMaker(
                "recommendations",
                recommendations_table,
                (
                    ("responses", "recommendation_responses", "recommendation_id"),
                    ("updates", "recommendation_updates", "recommendation_id"),
                ),
            ),
            TableMaker("recommendation_responses", responses_table),
            TableMaker("recommendation_updates", updates_table),
            TableMaker("referrals", referrals_table),
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
# Actions are kept by meetings and by plans: their table follows both, so what it refers to comes first.
EXPORTS.register(
    "plans",
    KindExports(
        (
            TableMaker(
                "plans",
                plans_table,
                (("groups", "plan_groups", "plan_id"), ("actions", "actions", "plan_id")),
            ),
            TableMaker("plan_groups", plan_groups_table),
            TableMaker("actions", actions_table),
            TableMaker("action_statuses", statuses_table),
        ),
    ),
)
EXPORTS.register(
    "work-programmes",
    KindExports(
        (
            TableMaker("work_programmes", work_programmes_table, (("items", "planned_items", "work_programme_id"),)),
            TableMaker("planned_items", planned_items_table),
        )
    ),
)
