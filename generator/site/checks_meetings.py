"""Cross-record rules of meetings: attendance is honest, references resolve, decision keys are unique."""

from __future__ import annotations

from generator import urls
from generator.records.board import Board
from generator.records.common import TopLevel
from generator.records.meeting import Item, Meeting
from generator.records.suggest import did_you_mean
from generator.site.checks_scrutiny import check_item_scrutiny, track_item_actions, track_meeting_actions
from generator.site.checks_items import check_item_parts
from generator.site.graph import Checker, Decision, Site

MEMBER_STATUSES = ("present", "apologies", "absent", "replaced")  # only members can be listed so


def check_meetings(site: Site, check: Checker, records: dict[str, TopLevel]) -> None:
    """Check every meeting in key order, recording its decisions, actions and back-references."""
    for key in sorted(records):
        meeting = records[key]
        assert isinstance(meeting, Meeting)
        _check_meeting(site, check, meeting)


def _check_meeting(site: Site, check: Checker, meeting: Meeting) -> None:
    if not check.ref(meeting, ("board_id",), meeting.board_id, "boards"):
        return
    board = site.boards[meeting.board_id]
    site.meetings_by_board[board.id].append(meeting)
    check.source(meeting, (), meeting.source)
    for field in ("notice", "taking_part"):
        part = getattr(meeting, field)
        if part is not None:
            check.source(meeting, (field,), part.source)
    _check_attendance(site, check, meeting)
    numbers = {n for item in meeting.items for n in (item.number, item.minute) if n}
    for i, declaration in enumerate(meeting.declarations):
        check.ref(meeting, ("declarations", i, "person_id"), declaration.person_id, "people")
        check.source(meeting, ("declarations", i), declaration.source)
        for field in ("item", "minute"):
            number = getattr(declaration, field)
            if number and number not in numbers:
                check.at(
                    meeting,
                    ("declarations", i, field),
                    f"no item or minute numbered '{number}' in this meeting" + did_you_mean(number, numbers),
                )
    action_ids: dict[str, int] = {}
    for i, item in enumerate(meeting.items):
        _check_item(site, check, board, meeting, i, item, action_ids)
    track_meeting_actions(site, check, meeting, action_ids)


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
        if entry.status in MEMBER_STATUSES and entry.person_id not in members:
            check.at(
                meeting,
                (*loc, "person_id"),
                f"'{entry.person_id}' was not a member of {meeting.board_id} on {meeting.date.isoformat()} "
                "(add a membership covering that date, or record them as substitute, officer, observer or guest)",
            )
        for j, replaced in enumerate(entry.replacing_ids):
            known = check.ref(meeting, (*loc, "replacing_ids", j), replaced, "people")
            if known and replaced not in members:
                check.at(
                    meeting,
                    (*loc, "replacing_ids", j),
                    f"'{replaced}' was not a member of {meeting.board_id} on {meeting.date.isoformat()}",
                )


def _check_item(
    site: Site, check: Checker, board: Board, meeting: Meeting, i: int, item: Item, action_ids: dict[str, int]
) -> None:
    loc = ("items", i)
    check.refs(meeting, (*loc, "presenter_ids"), item.presenter_ids, "people")
    check_item_parts(site, check, meeting, loc, item)
    check.refs(meeting, (*loc, "document_ids"), item.document_ids, "documents")
    check.refs(meeting, (*loc, "strategy_ids"), item.strategy_ids, "strategies")
    check.refs(meeting, (*loc, "indicator_ids"), item.indicator_ids, "indicators")
    check.source(meeting, loc, item.source)
    made: list[Decision] = []  # this item's decisions
    for j, resolution in enumerate(item.resolutions):
        rloc = (*loc, "resolutions", j)
        minute = resolution.minute or item.minute or item.number or ""
        if not minute:
            check.at(
                meeting,
                (*rloc, "minute"),
                "a resolution needs a minute number: give it a minute, or its item a minute or a number",
            )
            continue
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
        made.append(decision)
        check.refs(meeting, (*rloc, "strategy_ids"), resolution.strategy_ids, "strategies")
        check.refs(meeting, (*rloc, "indicator_ids"), resolution.indicator_ids, "indicators")
        check.source(meeting, rloc, resolution.source)
        for ref in resolution.strategy_ids + resolution.indicator_ids:
            site.decisions_citing[ref].append(decision)
    for j, action in enumerate(item.actions):
        if action.id in action_ids:
            check.at(meeting, (*loc, "actions", j, "id"), f"action id '{action.id}' is used twice in this meeting")
        action_ids[action.id] = j
    recommendations = check_item_scrutiny(site, check, board, meeting, i, item, made)
    track_item_actions(site, check, meeting, i, item, made, recommendations)


