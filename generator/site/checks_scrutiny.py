"""Cross-record rules of what an agenda item asks of others: recommendations, referrals, and actions with origins."""

from __future__ import annotations

from generator import urls
from generator.records.board import Board
from generator.records.common import BodyRef, Located
from generator.records.fields import slug
from generator.records.meeting import Item, Meeting
from generator.records.scrutiny import Recommendation
from generator.records.suggest import did_you_mean
from generator.records.tracker import Action
from generator.site.checks_organisations import check_body
from generator.site.graph import Checker, Decision, Site
from generator.site.tracked import Loc, Made, Tracked


def body(check: Checker, model: Located, loc: Loc, ref: BodyRef | None) -> None:
    """Check that a BodyRef's id names a record of its kind."""
    check_body(check, model, loc, ref)


def bodies(check: Checker, model: Located, loc: Loc, refs: list[BodyRef]) -> None:
    """Check every BodyRef of a list."""
    for i, ref in enumerate(refs):
        body(check, model, (*loc, i), ref)


def item_slug(item: Item, position: int) -> str:
    """The part of a recommendation's address that names its item: the minute, else the number, else its place."""
    return slug(item.minute or item.number or f"p{position + 1}")  # 'p3': the third item, as its anchor says


def check_item_scrutiny(
    site: Site, check: Checker, board: Board, meeting: Meeting, i: int, item: Item, decisions: list[Decision]
) -> list[Made]:
    """Check an item's recommendations and referrals, recording each recommendation's page; return them.

    ``decisions`` are the item's own (its caller made them): looking them up among every decision of the
    site, item by item, grew with the square of the site (hours at 200,000 pages).
    """
    loc: Loc = ("items", i)
    made: list[Made] = []
    labels = [p.label for r in item.resolutions for p in r.parts if p.label]
    for j, rec in enumerate(item.recommendations_made):
        rloc = (*loc, "recommendations_made", j)
        key = urls.recommendation_key(board.id, meeting.id, item_slug(item, i), rec.number or str(j + 1))
        if key in site.recommendations:
            check.at(meeting, (*rloc, "number"), _twice(rec, j))
            continue
        decision = _decision_of(rec, decisions)
        if rec.resolution_part and rec.resolution_part not in labels:
            hint = did_you_mean(rec.resolution_part, labels)
            check.at(meeting, (*rloc, "resolution_part"), f"no resolution part of this item is labelled '{rec.resolution_part}'{hint}")
        site.recommendations[key] = Made(key, board, meeting, item, rec, j + 1, rloc, decision)
        made.append(site.recommendations[key])
        _check_recommendation(check, meeting, rloc, rec)
    for j, referral in enumerate(item.referrals):
        floc = (*loc, "referrals", j)
        body(check, meeting, (*floc, "to"), referral.to)
        body(check, meeting, (*floc, "decision_maker"), referral.decision_maker)
        check.ref(meeting, (*floc, "subject_document_id"), referral.subject_document_id, "documents")
        check.source(meeting, floc, referral.source)
    return made


def _twice(rec: Recommendation, j: int) -> str:
    if rec.number:
        return f"two recommendations of this item are numbered '{rec.number}' (give each its own number)"
    return f"recommendation {j + 1} has no number, and another of this item is numbered '{j + 1}' (number them all)"


def _decision_of(rec: Recommendation, decisions: list[Decision]) -> Decision | None:
    """The resolution a recommendation restates: the one with the part it names, else the item's only one."""
    for decision in decisions:
        if rec.resolution_part and any(p.label == rec.resolution_part for p in decision.resolution.parts):
            return decision
    return decisions[0] if len(decisions) == 1 else None


def _check_recommendation(check: Checker, meeting: Meeting, loc: Loc, rec: Recommendation) -> None:
    bodies(check, meeting, (*loc, "to"), rec.to)
    check.ref(meeting, (*loc, "from_document_id"), rec.from_document_id, "documents")
    check.source(meeting, loc, rec.source)
    if rec.response_requested:
        check.source(meeting, (*loc, "response_requested"), rec.response_requested.source)
    for k, response in enumerate(rec.responses):
        ploc = (*loc, "responses", k)
        body(check, meeting, (*ploc, "by"), response.by)
        if response.by is not None and response.by not in rec.to:
            check.at(meeting, (*ploc, "by"), "responded by a body the recommendation is not addressed to (add it to 'to')")
        check.source(meeting, ploc, response.source)
    dates = [response.date for response in rec.responses]
    if dates != sorted(dates):
        check.at(meeting, (*loc, "responses"), "responses are not in date order (list the oldest first)")
    for k, update in enumerate(rec.updates):
        check.source(meeting, (*loc, "updates", k), update.source)


def track_item_actions(
    site: Site, check: Checker, meeting: Meeting, i: int, item: Item, decisions: list[Decision], made: list[Made]
) -> None:
    """Record each action of an item with its origin: a recommendation (``made``), a resolution, or the item itself."""
    numbers = {m.label: m for m in made}
    for j, action in enumerate(item.actions):
        loc = ("items", i, "actions", j)
        tracked = Tracked(action, meeting, loc, "agenda-item", item)
        if action.recommendation is not None:
            tracked.made = numbers.get(action.recommendation)
            tracked.origin = "recommendation"
            if tracked.made is None:
                hint = did_you_mean(action.recommendation, numbers)
                message = f"this item made no recommendation numbered '{action.recommendation}'{hint}"
                check.at(meeting, (*loc, "recommendation"), message)
        elif decisions:
            named = [d for d in decisions if action.resolution and d.minute == action.resolution]
            tracked.decision = named[0] if named else decisions[0]
            tracked.origin = "resolution"
        check_action(check, meeting, loc, action, in_plan=False)
        site.actions.append(tracked)


def track_meeting_actions(site: Site, check: Checker, meeting: Meeting, seen: dict[str, int]) -> None:
    """Record the actions of a meeting as a whole; their ids share one space with its items' actions."""
    for j, action in enumerate(meeting.actions):
        loc = ("actions", j)
        if action.id in seen:
            check.at(meeting, (*loc, "id"), f"action id '{action.id}' is used twice in this meeting")
        seen[action.id] = j
        for field in ("resolution", "recommendation"):
            if getattr(action, field):
                check.at(meeting, (*loc, field), f"only an action under an agenda item has a {field} (move it to the item)")
        check_action(check, meeting, loc, action, in_plan=False)
        site.actions.append(Tracked(action, meeting, loc, "meeting"))


def check_action(check: Checker, model: Located, loc: Loc, action: Action, in_plan: bool) -> None:
    bodies(check, model, (*loc, "owners"), action.owners)
    check.source(model, loc, action.source)
    for k, entry in enumerate(action.status_history):
        check.source(model, (*loc, "status_history", k), entry.source)
    if action.group and not in_plan:
        check.at(model, (*loc, "group"), "only an action of a plan belongs to a group (data/plans/)")
