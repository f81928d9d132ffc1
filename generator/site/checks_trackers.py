"""Cross-record rules of plans and work programmes, and of the strategy priorities every action serves."""

from __future__ import annotations

from generator.records.common import TopLevel
from generator.records.fields import slug
from generator.records.meeting import Meeting
from generator.records.plan import Plan
from generator.records.suggest import did_you_mean
from generator.records.work_programme import WorkProgramme
from generator.site.checks_scrutiny import check_action, bodies
from generator.site.graph import Checker, Site, by_key
from generator.site.tracked import Loc, Tracked


def check_plans(site: Site, check: Checker, records: dict[str, TopLevel]) -> None:
    """Check every plan, then the strategy priorities of every action on record (meetings' and plans')."""
    check.references(records)  # board_ids, strategy_id, document_id, source
    plan: Plan
    for plan in by_key(records):
        bodies(check, plan, ("owners",), plan.owners)
        for i, received in enumerate(plan.received_at):
            _check_item_ref(site, check, plan, ("received_at", i), received.meeting, received.item)
            check.source(plan, ("received_at", i), received.source)
        groups = _check_groups(check, plan)
        _check_plan_actions(site, check, plan, groups)
    check_priorities(site, check)


def _check_item_ref(
    site: Site, check: Checker, record: TopLevel, loc: Loc, key: str, item: str | None, field: str = "item"
) -> None:
    """Check that ``key`` names a meeting (<board>/<date>) and ``item`` (in ``field``) one of its items' numbers."""
    meeting = site.meetings.get(key)
    if meeting is None:
        where = (*loc, "meeting")
        if not check.broken(record, where, "meetings", key):
            check.at(record, where, f"no meeting '{key}' on record{did_you_mean(key, site.meetings)}")
        return
    numbers = _numbers(meeting)
    if item and item not in numbers:
        message = f"meeting '{key}' has no item or minute numbered '{item}'{did_you_mean(item, numbers)}"
        check.at(record, (*loc, field), message)


def _numbers(meeting: Meeting) -> list[str]:
    return [n for item in meeting.items for n in dict.fromkeys((item.number, item.minute)) if n]


def _check_groups(check: Checker, plan: Plan) -> set[str]:
    """Check group ids are unique (as anchors too) and each parent is another group; return the ids."""
    seen: dict[str, str] = {}
    for i, group in enumerate(plan.groups):
        first = seen.get(slug(group.id))
        if first == group.id:
            check.at(plan, ("groups", i, "id"), f"group id '{group.id}' is used twice in this plan")
        elif first is not None:
            message = f"group id '{group.id}' and '{first}' both become the anchor 'group-{slug(group.id)}' (tell them apart)"
            check.at(plan, ("groups", i, "id"), message)
        seen.setdefault(slug(group.id), group.id)
        check.source(plan, ("groups", i), group.source)
    ids = {group.id for group in plan.groups}
    for i, group in enumerate(plan.groups):
        if group.parent is not None and (group.parent not in ids or group.parent == group.id):
            check.at(plan, ("groups", i, "parent"), f"no other group of this plan has the id '{group.parent}'{did_you_mean(group.parent, ids)}")
    return ids


def _check_plan_actions(site: Site, check: Checker, plan: Plan, groups: set[str]) -> None:
    seen: set[str] = set()
    for j, action in enumerate(plan.actions):
        loc: Loc = ("actions", j)
        if action.id in seen:
            check.at(plan, (*loc, "id"), f"action id '{action.id}' is used twice in this plan")
        seen.add(action.id)
        if action.group is not None and action.group not in groups:
            check.at(plan, (*loc, "group"), f"no group of this plan has the id '{action.group}'{did_you_mean(action.group, groups)}")
        for field in ("resolution", "recommendation"):
            if getattr(action, field):
                message = f"only an action under an agenda item has a {field} (a plan's actions come from the plan)"
                check.at(plan, (*loc, field), message)
        check_action(check, plan, loc, action, in_plan=True)
        site.actions.append(Tracked(action, plan, loc, "plan"))
    for i, group in enumerate(plan.groups):
        for k, cell in enumerate(group.unaligned_cells):
            for m, action_id in enumerate(cell.action_ids):
                if action_id not in seen:
                    cell_loc: Loc = ("groups", i, "unaligned_cells", k, "action_ids", m)
                    check.at(plan, cell_loc, f"no action of this plan has the id '{action_id}'{did_you_mean(action_id, seen)}")


def check_priorities(site: Site, check: Checker) -> None:
    """Every strategy priority an action serves exists."""
    valid = {f"{s.id}/{p.id}" for s in site.strategies.values() for p in s.priorities}
    for tracked in site.actions:
        for ref in tracked.action.priority_ids:
            if ref not in valid:
                loc = (*tracked.loc, "priority_ids")
                if not check.broken(tracked.holder, loc, "strategies", ref.split("/")[0]):
                    check.at(tracked.holder, loc, f"unknown priority '{ref}'{did_you_mean(ref, valid)}")


def check_work_programmes(site: Site, check: Checker, records: dict[str, TopLevel]) -> None:
    """Check every work programme: its board, and the meetings and items each planned item names."""
    check.references(records)  # board_id, source
    programme: WorkProgramme
    for programme in by_key(records):
        if programme.board_id not in site.boards:
            continue
        seen: set[str] = set()
        for i, planned in enumerate(programme.items):
            loc = ("items", i)
            if planned.id in seen:
                check.at(programme, (*loc, "id"), f"item id '{planned.id}' is used twice in this work programme")
            seen.add(planned.id)
            bodies(check, programme, (*loc, "lead"), planned.lead)
            check.source(programme, loc, planned.source)
            if planned.origin and planned.origin.meeting:
                key = f"{programme.board_id}/{planned.origin.meeting}"
                _check_item_ref(site, check, programme, (*loc, "origin"), key, planned.origin.minute, "minute")
            if planned.origin:
                check.ref(programme, (*loc, "origin", "document_id"), planned.origin.document_id, "documents")
            if planned.heard_at:
                key = f"{programme.board_id}/{planned.heard_at.meeting}"
                _check_item_ref(site, check, programme, (*loc, "heard_at"), key, planned.heard_at.item)
