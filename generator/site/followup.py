"""What pages and exports say about follow-up: statuses as printed, responses awaited, plans, planned items.

Everything here is computed from the records and the build date; nothing is stored. A status reads
as printed first; a response is "overdue" only when the record gives a date it was due by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.records.fields import slug
from generator.records.meeting import Item, Meeting
from generator.records.plan import Plan
from generator.records.scrutiny import Referral
from generator.records.tracker import Action, StatusEntry
from generator.records.work_programme import PlannedItem, WorkProgramme
from generator.site.graph import Site
from generator.site.tracked import Made

NO_UPDATE = "no update recorded"


def describe_status(entry: StatusEntry) -> str:
    """One status as a reader sees it: the printed words, then what else the entry holds."""
    parts = [entry.printed] if entry.printed else []
    if entry.rag:
        parts.append(f"RAG rating: {entry.rag}")
    parts += [f"{rating.column}: {rating.printed}" for rating in entry.ratings]
    if entry.status and not entry.printed:
        parts.append(entry.status.replace("-", " "))
    elif not parts and entry.note:
        parts.append(entry.note)
    return "; ".join(parts)


def latest_status(action: Action) -> str:
    """The most recent status of an action as printed, or 'no update recorded'."""
    return describe_status(action.status_history[-1]) if action.status_history else NO_UPDATE


@dataclass(frozen=True)
class ResponseState:
    """Where a recommendation stands: a code for styling and the words a reader sees."""

    code: str  # responded, overdue, awaiting, not-requested
    text: str


def response_state(made: Made, today: date) -> ResponseState:
    """Whether a response is on record, awaited, or overdue (only against a deadline the record gives)."""
    rec = made.rec
    if rec.responses:
        last = rec.responses[-1]
        return ResponseState("responded", f"Response on record ({last.outcome.replace('-', ' ')}, {uk(last.date)})")
    requested = rec.response_requested
    if requested is None:
        return ResponseState("not-requested", "No response requested in the record. No response on record.")
    if isinstance(requested.by, date) and requested.by < today:
        return ResponseState("overdue", f"Response overdue: it was due by {uk(requested.by)}; none on record.")
    if isinstance(requested.by, date):
        due = f", due by {uk(requested.by)}"
    else:
        due = f" (due “{requested.by}”)" if requested.by else ""
    return ResponseState("awaiting", f"Response requested{due}; none on record yet.")


def record_state(made: Made) -> str:
    """Where a recommendation stands from the record alone, without the build date (feeds say this)."""
    rec = made.rec
    if rec.responses:
        return response_state(made, date.min).text
    requested = rec.response_requested
    if requested is None:
        return "No response requested in the record. No response on record."
    due = requested.by
    when = f", due by {uk(due)}" if isinstance(due, date) else (f" (due “{due}”)" if due else "")
    return f"Response requested{when}. No response on record."


def is_open(made: Made, today: date) -> bool:
    """Open: no response yet, or accepted (wholly or partly) and not recorded as done or dropped."""
    rec = made.rec
    if not rec.responses:
        return True
    if rec.responses[-1].outcome not in ("accepted", "partly-accepted"):
        return False
    return not (rec.updates and rec.updates[-1].status in ("done", "cancelled"))


def uk(day: date) -> str:
    """A date as '9 May 2024'."""
    return f"{day.day} {day:%B %Y}"


def recommendations_of(site: Site, board_id: str) -> list[Made]:
    """A board's recommendations, newest meeting first, in printed order within a meeting."""
    found = [m for m in site.recommendations.values() if m.board.id == board_id]
    return sorted(found, key=lambda m: (-m.meeting.date.toordinal(), m.meeting.id, m.loc))


def recommendations_at(site: Site, meeting: Meeting, item: Item) -> list[Made]:
    """The recommendations an item made, in printed order."""
    by_meeting = site.grouped(
        "recommendations_by_meeting", lambda s: ((s.meeting_key(m.meeting), m) for m in s.recommendations.values())
    )
    return [m for m in by_meeting.get(site.meeting_key(meeting), []) if m.item is item]


def plans_received(site: Site, meeting: Meeting, item: Item | None = None) -> list[Plan]:
    """Plans put to a meeting: to one of its items when ``item`` is given, else to the meeting as a whole."""
    by_meeting = site.grouped(
        "plans_received", lambda s: ((r.meeting, (r.item, p)) for p in s.plans.values() for r in p.received_at)
    )
    numbers = {item.number, item.minute} - {None} if item is not None else {None}
    found = [plan for number, plan in by_meeting.get(site.meeting_key(meeting), []) if number in numbers]
    return sorted({p.id: p for p in found}.values(), key=lambda p: p.title)


@dataclass(frozen=True)
class Planned:
    """A planned item of a work programme, with the meeting and item that took it up, if any."""

    programme: WorkProgramme
    item: PlannedItem
    heard: Meeting | None
    heard_item: Item | None
    target: Meeting | None = None  # the board's meeting on the target date, when there is one on record

    @property
    def when(self) -> date | None:
        """The date it is planned for: its target meeting, or the first day of its target month."""
        if self.item.target_meeting:
            return self.item.target_meeting
        if self.item.target_month:
            year, month = (int(part) for part in self.item.target_month.split("-"))
            return date(year, month, 1)
        return None


def planned(site: Site) -> list[Planned]:
    """Every planned item of every work programme, in programme and printed order (computed once per build)."""
    cached: list[Planned] | None = site.lookups.get("planned")  # type: ignore[assignment]
    if cached is not None:
        return cached
    found = []
    for key in sorted(site.work_programmes):
        programme = site.work_programmes[key]
        for item in programme.items:
            meeting = site.meetings.get(f"{programme.board_id}/{item.heard_at.meeting}") if item.heard_at else None
            heard_item = _item(meeting, item.heard_at.item) if meeting and item.heard_at else None
            day = item.target_meeting.isoformat() if item.target_meeting else None
            target = next((m for m in site.meetings_by_board.get(programme.board_id, []) if m.id == day), None)
            found.append(Planned(programme, item, meeting, heard_item, target))
    site.lookups["planned"] = found  # type: ignore[assignment]
    return found


def _item(meeting: Meeting, number: str | None) -> Item | None:
    return next((i for i in meeting.items if number and number in (i.number, i.minute)), None)


def coming_up(site: Site, today: date, board_id: str | None = None) -> list[Planned]:
    """Planned items not yet heard whose target meeting or month is today or later, soonest first."""
    month = date(today.year, today.month, 1)
    found = [
        p
        for p in planned(site)
        if p.heard is None
        and p.when is not None
        and (p.when >= today if p.item.target_meeting else p.when >= month)
        and (board_id is None or p.programme.board_id == board_id)
    ]
    return sorted(found, key=lambda p: (p.when or today, p.programme.board_id, p.item.id))


def planned_for(site: Site, meeting: Meeting, item: Item) -> list[Planned]:
    """The planned items an agenda item took up."""
    return [p for p in planned(site) if p.heard is meeting and p.heard_item is item]


def addressed_to(site: Site, kind: str, record_id: str) -> list[Made]:
    """Recommendations addressed to an organisation, board or person, newest first."""
    found = [m for m in site.recommendations.values() if any(b.kind == kind and b.ref == record_id for b in m.rec.to)]
    return sorted(found, key=lambda m: (-m.meeting.date.toordinal(), m.key))


def referred_to(site: Site, kind: str, record_id: str) -> list[tuple[Meeting, Item, Referral]]:
    """Referrals and call-ins that name an organisation, board or person as the body referred to or the decision
    maker, oldest first."""
    found = [
        (meeting, item, referral)
        for meeting in site.meetings.values()
        for item in meeting.items
        for referral in item.referrals
        if any(b is not None and b.kind == kind and b.ref == record_id for b in (referral.to, referral.decision_maker))
    ]
    return sorted(found, key=lambda x: (x[0].date, x[0].board_id))


def item_anchor(meeting: Meeting, item: Item | str | None) -> str:
    """The anchor of an agenda item on its meeting's page (as meeting_pages makes it), from the item or a number."""
    if isinstance(item, str):
        item = next((i for i in meeting.items if item in (i.number, i.minute)), None)
    if item is None:
        return ""
    position = next(k for k, i in enumerate(meeting.items) if i is item)
    return "item-" + (slug(item.number or item.minute or "") if item.number or item.minute else f"p{position + 1}")
