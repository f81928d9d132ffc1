"""Follow-up as a board runs it: its actions against their due dates, and a scrutiny board's recommendations
against the statutory response periods of data/reference/governance.yml.

Overdue is measured only against a date the record gives (a due date, or a received date plus a
statutory period); without one the figure says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import calendar
from generator.records.common import BodyRef
from generator.records.governance import Reference, ResponsePeriod
from generator.site.graph import Site
from generator.site.tracked import Made, Tracked

STALE_DAYS = 183  # "no update in six months": half a year of days
CLOSED = ("done", "cancelled")


@dataclass
class ActionFigures:
    """A board's actions, counted."""

    total: int = 0
    done: int = 0  # latest status says done, or dropped
    open: int = 0
    overdue: list[Tracked] = field(default_factory=list)  # open, with a due date before the build date
    no_due_date: int = 0
    no_status: int = 0  # no status on record at all
    dated_status: int = 0  # open actions whose latest status is dated
    stale: list[Tracked] = field(default_factory=list)  # open, latest dated status over six months old
    oldest_open: tuple[Tracked, date] | None = None  # the open action first on record earliest


def board_actions(site: Site, board_id: str) -> list[Tracked]:
    """Actions kept in the board's meetings, and in plans the board monitors."""
    return site.memo("actions_by_board", None, lambda: _actions_by_board(site)).get(board_id, [])


def _actions_by_board(site: Site) -> dict[str, list[Tracked]]:
    """Every board's actions, in the site's order, from one pass (one pass a board took 56 s at 307 boards)."""
    found: dict[str, list[Tracked]] = {}
    for t in site.actions:
        boards = {t.meeting.board_id} if t.meeting is not None else set()
        boards |= set(t.plan.board_ids) if t.plan is not None else set()
        for board_id in boards:
            found.setdefault(board_id, []).append(t)
    return found


def first_on_record(site: Site, tracked: Tracked) -> date | None:
    """When the action is first on record: its meeting, else its plan's first meeting, else its first dated status."""
    if tracked.meeting is not None:
        return tracked.meeting.date
    if tracked.plan is not None:
        met = [site.meetings[r.meeting].date for r in tracked.plan.received_at if r.meeting in site.meetings]
        if met:
            return min(met)
    dated = [s.date for s in tracked.action.status_history if s.date]
    return min(dated) if dated else None


def action_figures(site: Site, actions: list[Tracked], today: date) -> ActionFigures:
    """Open, done and overdue actions, the oldest open one and those with no update in six months."""
    found = ActionFigures(total=len(actions))
    for t in actions:
        a = t.action
        latest = a.status_history[-1] if a.status_history else None
        found.no_status += latest is None
        found.no_due_date += not isinstance(a.due, date)
        if latest is not None and latest.status in CLOSED:
            found.done += 1
            continue
        found.open += 1
        if isinstance(a.due, date) and a.due < today:
            found.overdue.append(t)
        if latest is not None and latest.date is not None:
            found.dated_status += 1
            if (today - latest.date).days > STALE_DAYS:
                found.stale.append(t)
        start = first_on_record(site, t)
        if start is not None and (found.oldest_open is None or start < found.oldest_open[1]):
            found.oldest_open = (t, start)
    return found


@dataclass(frozen=True)
class Awaited:
    """One addressee's response to one recommendation, against its statutory period."""

    made: Made
    to: BodyRef
    period: ResponsePeriod | None  # None: no statutory period on record for this addressee
    received: date | None  # when the addressee received the report
    responded: date | None

    @property
    def due(self) -> date | None:
        """The last day of the statutory period, when the period and the received date are known."""
        if self.period is None or self.received is None:
            return None
        if self.period.days is not None:
            return self.received + timedelta(days=self.period.days)
        return add_months(self.received, self.period.months or 0)

    def overdue(self, today: date) -> bool:
        """No response on record, and the statutory period ended before ``today``."""
        return self.responded is None and self.due is not None and self.due < today


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (the month's last day when it has no such day)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_for(site: Site, to: BodyRef, reference: Reference) -> ResponsePeriod | None:
    """The statutory response period that binds an addressee, by its organisation's kind."""
    org = site.organisations.get(to.organisation_id or "")
    if org is None or reference.rules is None:
        return None
    return next((p for p in reference.rules.response_periods if org.kind in p.addressee_kinds), None)


def awaited(site: Site, made: list[Made], reference: Reference) -> list[Awaited]:
    """Every addressee of every recommendation that asked for a response."""
    rows = []
    for m in made:
        if m.rec.response_requested is None:
            continue
        for to in m.rec.to:
            mine = [r for r in m.rec.responses if r.by == to or (r.by is None and len(m.rec.to) == 1)]
            received = m.rec.report_received.date if m.rec.report_received else None
            responded = mine[0].date if mine else None
            rows.append(Awaited(m, to, period_for(site, to, reference), received, responded))
    return rows
