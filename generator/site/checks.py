"""Cross-record rules: references resolve, attendance is honest, keys are unique."""

from __future__ import annotations

from generator import urls
from generator.records.diagnostics import Report
from generator.site.graph import Checker, Decision, Site, broken_note
from generator.records.models import Board, Meeting, Person, Strategy
from generator.site.redirects import collect
from generator.records.suggest import did_you_mean
from generator.ingest.validate import Models

SUBSTITUTE_ROLES = {"substitute"}


def build_site(models: Models, report: Report) -> Site:
    """Resolve and check every reference; compute back-references."""
    site = Site(models)
    check = Checker(models, report)
    for board in _sorted(models.boards):
        _check_board(site, check, board)
    for person in _sorted(models.people):
        _check_person(check, person)
    for key in sorted(models.meetings):
        _check_meeting(site, check, models.meetings[key])
    for doc in _sorted(models.documents):
        check.ref(doc, ("source", "document_id"), doc.source.document_id if doc.source else None, "documents")
        check.ref(doc, ("meeting_id",), doc.meeting_id, "meetings")
    for strategy in _sorted(models.strategies):
        _check_strategy(site, check, strategy)
    _check_indicators(site, check, report)
    site.renames = collect(site, check)
    _warn_shared_aliases(check, models)
    return site


def _warn_shared_aliases(check: Checker, models: Models) -> None:
    """Warn when two people share a name or alias: search and readers could confuse them."""
    owners: dict[str, str] = {}
    for person in _sorted(models.people):
        for i, name in enumerate([person.name, *person.aliases]):
            key = " ".join(name.lower().split())
            other = owners.setdefault(key, person.id)
            if other != person.id:
                loc = ("aliases", i - 1) if i else ("name",)
                check.at(person, loc, f"'{name}' is also a name of '{other}' (add a distinguishing alias)", warn=True)


def _sorted(records: dict) -> list:
    return [records[k] for k in sorted(records)]


def _check_board(site: Site, check: Checker, board: Board) -> None:
    check.refs(board, ("reports_to_ids",), board.reports_to_ids, "boards")
    for target in board.reports_to_ids:
        if target in site.boards:
            site.reports_from[target].append(board)
    _check_source(check, board, (), board.source)
    for i, membership in enumerate(board.memberships):
        loc = ("memberships", i)
        if check.ref(board, (*loc, "person_id"), membership.person_id, "people") and membership.person_id:
            site.memberships_of[membership.person_id].append((board, membership))
        check.ref(board, (*loc, "substitute_for_id"), membership.substitute_for_id, "people")
        _check_source(check, board, loc, membership.source)


def _check_person(check: Checker, person: Person) -> None:
    _check_source(check, person, (), person.source)
    for i, interest in enumerate(person.interests):
        check.ref(person, ("interests", i, "board_id"), interest.board_id, "boards")


def _check_source(check: Checker, model: object, loc: tuple, source: object) -> None:
    if source is not None:
        check.ref(model, (*loc, "source", "document_id"), source.document_id, "documents")


def _check_meeting(site: Site, check: Checker, meeting: Meeting) -> None:
    if not check.ref(meeting, ("board_id",), meeting.board_id, "boards"):
        return
    board = site.boards[meeting.board_id]
    site.meetings_by_board[board.id].append(meeting)
    _check_source(check, meeting, (), meeting.source)
    _check_attendance(site, check, meeting)
    numbers = {n for item in meeting.items for n in (item.number, item.minute) if n}
    for i, declaration in enumerate(meeting.declarations):
        check.ref(meeting, ("declarations", i, "person_id"), declaration.person_id, "people")
        if declaration.item and declaration.item not in numbers:
            check.at(
                meeting,
                ("declarations", i, "item"),
                f"no item or minute numbered '{declaration.item}' in this meeting"
                + did_you_mean(declaration.item, numbers),
            )
    action_ids: dict[str, int] = {}
    for i, item in enumerate(meeting.items):
        _check_item(site, check, board, meeting, i, item, action_ids)


def _check_attendance(site: Site, check: Checker, meeting: Meeting) -> None:
    members = {m.person_id for m in site.members_on(meeting.board_id, meeting.date) if m.person_id}
    seen: set[str] = set()
    for i, entry in enumerate(meeting.attendance):
        loc = ("attendance", i)
        if not check.ref(meeting, (*loc, "person_id"), entry.person_id, "people"):
            continue
        if entry.person_id in seen:
            check.at(meeting, (*loc, "person_id"), f"'{entry.person_id}' is listed twice in the attendance")
        seen.add(entry.person_id)
        if entry.status in ("present", "apologies", "absent") and entry.person_id not in members:
            check.at(
                meeting,
                (*loc, "person_id"),
                f"'{entry.person_id}' was not a member of {meeting.board_id} on {meeting.date.isoformat()} "
                "(add a membership covering that date, or record them as substitute, officer or guest)",
            )
        known = check.ref(meeting, (*loc, "replacing_id"), entry.replacing_id, "people")
        if known and entry.replacing_id and entry.replacing_id not in members:
            check.at(
                meeting,
                (*loc, "replacing_id"),
                f"'{entry.replacing_id}' was not a member of {meeting.board_id} on {meeting.date.isoformat()}",
            )


def _check_item(site: Site, check: Checker, board: Board, meeting: Meeting, i: int, item, action_ids: dict) -> None:
    loc = ("items", i)
    check.refs(meeting, (*loc, "presenter_ids"), item.presenter_ids, "people")
    check.refs(meeting, (*loc, "document_ids"), item.document_ids, "documents")
    check.refs(meeting, (*loc, "strategy_ids"), item.strategy_ids, "strategies")
    check.refs(meeting, (*loc, "indicator_ids"), item.indicator_ids, "indicators")
    _check_source(check, meeting, loc, item.source)
    for j, resolution in enumerate(item.resolutions):
        rloc = (*loc, "resolutions", j)
        minute = resolution.minute or item.minute or item.number or ""
        key = urls.decision_key(board.id, meeting.id, minute, resolution.suffix)
        if key in site.decisions:
            check.at(
                meeting,
                (*rloc, "suffix"),
                f"a second resolution under minute '{minute}' needs its own suffix (e.g. suffix: b)",
            )
            continue
        decision = Decision(key, board, meeting, item, resolution, minute)
        site.decisions[key] = decision
        check.refs(meeting, (*rloc, "strategy_ids"), resolution.strategy_ids, "strategies")
        check.refs(meeting, (*rloc, "indicator_ids"), resolution.indicator_ids, "indicators")
        _check_source(check, meeting, rloc, resolution.source)
        for ref in resolution.strategy_ids + resolution.indicator_ids:
            site.decisions_citing[ref].append(decision)
    for j, action in enumerate(item.actions):
        aloc = (*loc, "actions", j)
        if action.id in action_ids:
            check.at(meeting, (*aloc, "id"), f"action id '{action.id}' is used twice in this meeting")
        action_ids[action.id] = j
        check.ref(meeting, (*aloc, "owner_id"), action.owner_id, "people")
        _check_source(check, meeting, aloc, action.source)
        site.actions.append((meeting, item, action))


def _check_strategy(site: Site, check: Checker, strategy: Strategy) -> None:
    check.refs(strategy, ("board_ids",), strategy.board_ids, "boards")
    _check_source(check, strategy, (), strategy.source)
    if strategy.adopted_by and strategy.adopted_by not in site.decisions:
        _unknown_decision(site, check, strategy, strategy.adopted_by)
    for i, priority in enumerate(strategy.priorities):
        check.refs(strategy, ("priorities", i, "indicator_ids"), priority.indicator_ids, "indicators")


def _unknown_decision(site: Site, check: Checker, strategy: Strategy, key: str) -> None:
    """Say why ``key`` names no decision: its meeting's or board's file has errors, or there is no such decision."""
    loc = ("adopted_by",)
    meeting, board = "/".join(key.split("/")[:2]), key.split("/")[0]
    if not (check.broken(strategy, loc, "meetings", meeting) or check.broken(strategy, loc, "boards", board)):
        check.at(strategy, loc, f"unknown decision '{key}'{did_you_mean(key, site.decisions)}")


def _check_indicators(site: Site, check: Checker, report: Report) -> None:
    models = site.models
    for indicator in _sorted(models.indicators):
        check.refs(indicator, ("board_ids",), indicator.board_ids, "boards")
        _check_source(check, indicator, (), indicator.source)
        if indicator.id not in models.values and ("values", indicator.id) not in models.broken:
            check.at(indicator, ("id",), f"no values file: add data/indicators/{indicator.id}.csv")
    for stem in sorted(models.values):
        if stem not in models.indicators:
            path = next((p for v in models.values[stem] for p, _ in [models.value_lines[id(v)]]), None)
            note = (
                broken_note(models, "indicators", stem)
                or f"values without an indicator: add data/indicators/{stem}.yml"
            )
            report.error(path or f"data/indicators/{stem}.csv", 1, "", note)
    valid_priorities = {f"{s.id}/{p.id}" for s in models.strategies.values() for p in s.priorities}
    for meeting, item, action in site.actions:
        for ref in action.priority_ids:
            if ref not in valid_priorities:
                i = meeting.items.index(item)
                j = item.actions.index(action)
                loc = ("items", i, "actions", j, "priority_ids")
                if not check.broken(meeting, loc, "strategies", ref.split("/")[0]):
                    check.at(meeting, loc, f"unknown priority '{ref}'{did_you_mean(ref, valid_priorities)}")

