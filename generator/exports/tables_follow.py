"""Tables of follow-up: actions and their statuses, plans and their groups, recommendations with their
responses and progress, referrals and call-ins, work programmes and their planned items."""

from __future__ import annotations

from typing import Any

from generator import urls
from generator.exports.columns import WITHDRAWN, Column, Table, derived, field, fields, key_column, record_rows, rows_of
from generator.exports.columns import url_column as page_column
from generator.records.common import BodyRef
from generator.records.plan import Plan, PlanGroup
from generator.records.scrutiny import Recommendation, Referral, Response
from generator.records.tracker import Action, StatusEntry
from generator.records.work_programme import PlannedItem, WorkProgramme
from generator.site import followup
from generator.site.graph import Site
from generator.site.tracked import ORIGINS, Made, Tracked

MEETING_ID = "The meeting: <board>/<meeting id>."
ITEM_ID = "The agenda item: <meeting>/<n>."
BODIES = "Each as person:<id>, board:<id>, organisation:<id>, or the name as printed, separated by ';'."


def bodies(refs: list[BodyRef]) -> str:
    """BodyRefs as one cell."""
    return ";".join(f"{_KIND[r.kind]}:{r.ref}" if r.kind else (r.name or "") for r in refs)


_KIND = {"people": "person", "boards": "board", "organisations": "organisation"}


def action_key(site: Site, t: Tracked) -> str:
    """<board>/<meeting>/<action id> for a meeting's action, <plan>/<action id> for a plan's."""
    holder = site.meeting_key(t.meeting) if t.meeting else t.holder.id
    return f"{holder}/{t.action.id}"


def item_id(site: Site, t: Tracked | Made) -> str | None:
    """The agenda item's key, <meeting>/<n>, as the agenda_items table has it."""
    if t.item is None or t.meeting is None:
        return None
    index = next(i for i, it in enumerate(t.meeting.items, start=1) if it is t.item)
    return f"{site.meeting_key(t.meeting)}/{index}"


def _live(t: Tracked) -> bool:
    return not t.holder.withdrawn


def actions_table(site: Site) -> Table:
    """Every action on record, wherever it is kept, with its origin and latest status as printed."""
    latest = lambda t: t.action.status_history[-1] if t.action.status_history else None  # noqa: E731
    cols = [
        key_column(
            "<board>/<meeting>/<action id> for a meeting's action; <plan>/<action id> for a plan's.",
            lambda t: action_key(site, t),
        ),
        derived(
            "meeting_id",
            MEETING_ID + " Empty for a plan's action.",
            lambda t: site.meeting_key(t.meeting) if t.meeting else None,
        ),
        derived("item_id", ITEM_ID + " Empty unless it is kept under an agenda item.", lambda t: item_id(site, t)),
        derived("plan_id", "The plan that holds it, for a plan's action.", lambda t: t.plan.id if t.plan else None),
        derived(
            "origin",
            "Where it came from: " + "; ".join(f"{k} ({v})" for k, v in ORIGINS.items()) + ".",
            lambda t: t.origin,
        ),
        derived(
            "decision_id",
            "The decision it arises from, for an action from a resolution.",
            lambda t: t.decision.key if t.decision else None,
        ),
        derived("recommendation_id", "The recommendation it carries out.", lambda t: t.made.key if t.made else None),
        *fields(Action, "ref", "text", of=lambda t: t.action),
        derived("owners", "Who is responsible. " + BODIES, lambda t: bodies(t.action.owners)),
        *fields(Action, "owners_printed", "lead_org_printed", "due", "group", "expected_impact", of=lambda t: t.action),
        derived(
            "latest_status",
            "The latest status as printed, or 'no update recorded'.",
            lambda t: followup.latest_status(t.action),
        ),
        field(StatusEntry, "status", of=latest, column="latest_status_normalised"),
        field(StatusEntry, "rag", of=latest, column="latest_rag"),
        page_column(lambda t: t.url.split("#")[0]),
    ]
    rows = rows_of(cols, [t for t in site.actions if _live(t)])
    rows.sort(key=lambda r: r["id"])
    fks = [("meeting_id", "meetings"), ("item_id", "agenda_items"), ("plan_id", "plans")]
    return Table("actions", "Actions", cols, rows, ["id"], fks)


def statuses_table(site: Site) -> Table:
    """Every status of every action, as printed, oldest first."""
    cols = [
        key_column("<action>/<n>: the n-th status of the action.", lambda s: f"{s[0]}/{s[1]}"),
        derived("action_id", "The action.", lambda s: s[0]),
        *fields(StatusEntry, "date", "printed", "status", "rag", of=lambda s: s[2]),
        derived(
            "ratings",
            "Ratings in named columns as 'column: rating', separated by ';'.",
            lambda s: ";".join(f"{x.column}: {x.printed}" for x in s[2].ratings),
        ),
        field(StatusEntry, "note", of=lambda s: s[2]),
    ]
    entries = [
        (action_key(site, t), n, e) for t in site.actions if _live(t) for n, e in enumerate(t.action.status_history, 1)
    ]
    entries.sort(key=lambda s: (s[0], s[1]))
    return Table("action_statuses", "Action statuses", cols, rows_of(cols, entries), ["id"], [("action_id", "actions")])


def plans_table(site: Site) -> Table:
    """Plans: action plans, business plans and trackers."""
    cols = [
        *fields(Plan, "id", "title", "other_titles", "kind"),
        derived("owners", "Who owns the plan. " + BODIES, lambda p: bodies(p.owners)),
        *fields(
            Plan,
            "owners_printed",
            "period",
            "start",
            "end",
            "printed_status",
            "board_ids",
            "strategy_id",
            "document_id",
        ),
        field(Plan, "url", column="published_at"),
        derived(
            "received_at",
            "Meetings it was put to, as <board>/<date>, separated by ';'.",
            lambda p: ";".join(dict.fromkeys(r.meeting for r in p.received_at)),
        ),
        *fields(Plan, "rag_key"),
        page_column(lambda p: urls.page_url("plans", p.id)),
        *WITHDRAWN,
    ]
    rows = record_rows(cols, [site.plans[k] for k in sorted(site.plans)])
    fks = [("strategy_id", "strategies")]
    return Table("plans", "Plans", cols, rows, ["id"], fks)


def plan_groups_table(site: Site) -> Table:
    """The sections of plans (a numbered recommendation answered, a work stream, a theme)."""
    cols: list[Column] = [
        key_column("<plan>/<group id>.", lambda s: f"{s[0].id}/{s[1].id}"),
        derived("plan_id", "The plan.", lambda s: s[0].id),
        *fields(PlanGroup, "number", "title", "text", "parent", "section", "subsection", "outcome", of=lambda s: s[1]),
    ]
    groups = [(p, g) for k, p in sorted(site.plans.items()) if not p.withdrawn for g in p.groups]
    return Table("plan_groups", "Plan groups", cols, rows_of(cols, groups), ["id"], [("plan_id", "plans")])


def _response_due(made: Made) -> Any:
    q = made.rec.response_requested
    return None if q is None or q.by is None else (q.by.isoformat() if hasattr(q.by, "isoformat") else q.by)


def recommendations_table(site: Site) -> Table:
    """Recommendations boards made to other bodies, with where each stands."""
    rec = lambda m: m.rec  # noqa: E731
    cols = [
        key_column("Permanent key <board>/<meeting>/<minute or item>/<n>.", lambda m: m.key),
        derived("board_id", "The board that made it.", lambda m: m.board.id),
        derived("meeting_id", MEETING_ID, lambda m: site.meeting_key(m.meeting)),
        derived("item_id", ITEM_ID, lambda m: item_id(site, m)),
        derived(
            "decision_id", "The decision it restates, when linked.", lambda m: m.decision.key if m.decision else None
        ),
        *fields(Recommendation, "number", "text", "resolution_part", "from_document_id", of=rec),
        derived("to", "The addressees. " + BODIES, lambda m: bodies(m.rec.to)),
        field(Recommendation, "to_printed", of=rec),
        derived(
            "response_requested",
            "When a response was asked for.",
            lambda m: m.rec.response_requested.date if m.rec.response_requested else None,
            "date",
        ),
        derived("response_due", "The deadline for a response: a date, or the words printed.", _response_due),
        derived(
            "report_received",
            "When the addressee received the report.",
            lambda m: m.rec.report_received.date if m.rec.report_received else None,
            "date",
        ),
        derived(
            "latest_outcome",
            "The outcome of the latest response on record.",
            lambda m: m.rec.responses[-1].outcome if m.rec.responses else None,
        ),
        page_column(lambda m: m.url),
    ]
    made = sorted((m for m in site.recommendations.values() if not m.meeting.withdrawn), key=lambda m: m.key)
    fks = [("board_id", "boards"), ("meeting_id", "meetings"), ("item_id", "agenda_items")]
    return Table("recommendations", "Recommendations", cols, rows_of(cols, made), ["id"], fks)


def responses_table(site: Site) -> Table:
    """Responses to recommendations, word for word."""
    cols = [
        key_column("<recommendation>/<n>.", lambda s: f"{s[0].key}/{s[1]}"),
        derived("recommendation_id", "The recommendation.", lambda s: s[0].key),
        field(Response, "date", of=lambda s: s[2]),
        derived("by", "Which addressee responded. " + BODIES, lambda s: bodies([s[2].by]) if s[2].by else None),
        *fields(Response, "outcome", "printed", of=lambda s: s[2]),
    ]
    found = [(m, n, x) for m in _made(site) for n, x in enumerate(m.rec.responses, 1)]
    fks = [("recommendation_id", "recommendations")]
    return Table("recommendation_responses", "Responses to recommendations", cols, rows_of(cols, found), ["id"], fks)


def updates_table(site: Site) -> Table:
    """Progress of recommendations' implementation, as printed."""
    cols = [
        key_column("<recommendation>/<n>.", lambda s: f"{s[0].key}/{s[1]}"),
        derived("recommendation_id", "The recommendation.", lambda s: s[0].key),
        *fields(StatusEntry, "date", "printed", "status", "rag", "note", of=lambda s: s[2]),
    ]
    found = [(m, n, x) for m in _made(site) for n, x in enumerate(m.rec.updates, 1)]
    fks = [("recommendation_id", "recommendations")]
    return Table("recommendation_updates", "Progress of recommendations", cols, rows_of(cols, found), ["id"], fks)


def _made(site: Site) -> list[Made]:
    return sorted((m for m in site.recommendations.values() if not m.meeting.withdrawn), key=lambda m: m.key)


def referrals_table(site: Site) -> Table:
    """Referrals to other bodies, and call-ins of executive decisions."""
    of = lambda s: s[3]  # noqa: E731
    cols = [
        key_column("<meeting>/<item n>/<n>.", lambda s: f"{s[0]}/{s[1]}/{s[2]}"),
        derived("meeting_id", MEETING_ID, lambda s: s[0]),
        derived("item_id", ITEM_ID, lambda s: f"{s[0]}/{s[1]}"),
        field(Referral, "kind", of=of),
        derived("to", "The body referred to. " + BODIES, lambda s: bodies([s[3].to]) if s[3].to else None),
        *fields(Referral, "to_printed", "subject", "subject_document_id", "date", of=of),
        derived(
            "decision_maker",
            "For a call-in: who took the decision. " + BODIES,
            lambda s: bodies([s[3].decision_maker]) if s[3].decision_maker else None,
        ),
        *fields(Referral, "decision_date", "outcome_printed", "outcome", "outcome_date", of=of),
    ]
    found = [
        (k, i, n, f)
        for k, m in sorted(site.meetings.items())
        if not m.withdrawn
        for i, item in enumerate(m.items, 1)
        for n, f in enumerate(item.referrals, 1)
    ]
    fks = [("meeting_id", "meetings"), ("item_id", "agenda_items")]
    return Table("referrals", "Referrals and call-ins", cols, rows_of(cols, found), ["id"], fks)


def work_programmes_table(site: Site) -> Table:
    """Work programmes of boards."""
    cols = [
        *fields(WorkProgramme, "id", "board_id", "title", "as_of"),
        page_column(lambda w: urls.page_url("work-programmes", w.id)),
        *WITHDRAWN,
    ]
    rows = record_rows(cols, [site.work_programmes[k] for k in sorted(site.work_programmes)])
    return Table("work_programmes", "Work programmes", cols, rows, ["id"], [("board_id", "boards")])


def planned_items_table(site: Site) -> Table:
    """Items planned for future meetings, and where each was heard."""
    of = lambda p: p.item  # noqa: E731
    cols = [
        key_column("<work programme>/<item id>.", lambda p: f"{p.programme.id}/{p.item.id}"),
        derived("work_programme_id", "The work programme.", lambda p: p.programme.id),
        *fields(PlannedItem, "title", "target_meeting", "target_month", "target", of=of),
        derived("lead", "Who brings it. " + BODIES, lambda p: bodies(p.item.lead)),
        field(PlannedItem, "purpose", of=of),
        derived(
            "heard_at",
            "The meeting that took it up, as <board>/<date>.",
            lambda p: site.meeting_key(p.heard) if p.heard else None,
        ),
        derived(
            "heard_item",
            "The agenda item that took it up, as printed.",
            lambda p: p.item.heard_at.item if p.item.heard_at else None,
        ),
    ]
    found = [p for p in followup.planned(site) if not p.programme.withdrawn]
    fks = [("work_programme_id", "work_programmes"), ("heard_at", "meetings")]
    return Table("planned_items", "Planned items", cols, rows_of(cols, found), ["id"], fks)
