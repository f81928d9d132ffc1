"""Cross-record rules of an agenda item's people and approvals: presenters, public speakers, minutes approved."""

from __future__ import annotations

from generator.records.meeting import Item, Meeting
from generator.records.suggest import did_you_mean
from generator.site.checks_organisations import check_body
from generator.site.graph import Checker, Site

Loc = tuple[str | int, ...]


def check_item_parts(site: Site, check: Checker, meeting: Meeting, loc: Loc, item: Item) -> None:
    """Check the item's presenters and public speakers, and the meetings whose minutes it approves."""
    for j, presenter in enumerate(item.presenters):
        ploc = (*loc, "presenters", j)
        check.ref(meeting, (*ploc, "person_id"), presenter.person_id, "people")
        check.ref(meeting, (*ploc, "organisation_id"), presenter.organisation_id, "organisations")
    for j, speaker in enumerate(item.public_speakers):
        sloc = (*loc, "public_speakers", j)
        check_body(check, meeting, (*sloc, "on_behalf_of"), speaker.on_behalf_of)
        check.source(meeting, sloc, speaker.source)
    for field in ("approves_minutes_of", "minutes_for_approval"):
        for j, earlier in enumerate(getattr(item, field)):
            _check_earlier(site, check, meeting, (*loc, field, j), earlier)


def _check_earlier(site: Site, check: Checker, meeting: Meeting, loc: Loc, earlier: str) -> None:
    """``earlier`` names a meeting of the same board held before this one."""
    meetings = site.models["meetings"]
    key = f"{meeting.board_id}/{earlier}"
    if key not in meetings:
        if check.broken(meeting, loc, "meetings", key):
            return
        own = sorted(k.split("/", 1)[1] for k in meetings if k.startswith(meeting.board_id + "/"))
        hint = did_you_mean(earlier, own) or " (add its meeting record, or leave it out)"
        check.at(meeting, loc, f"no meeting '{earlier}' of {meeting.board_id} is on record{hint}")
        return
    other = meetings[key]
    assert isinstance(other, Meeting)
    if other.date >= meeting.date:
        check.at(meeting, loc, f"'{earlier}' is not an earlier meeting: minutes are approved at a later meeting")
