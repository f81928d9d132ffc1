"""How a board's meetings ran, meeting by meeting: agenda notice, minutes approval, quorum and attendance.

Each row holds what the record says and what is computed from it; a fact the record lacks stays None and
pages say "not recorded" (never a zero).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.records.board import Board
from generator.records.governance import NoticeRule, Reference
from generator.records.meeting import Meeting
from generator.site.clear_days import Count, count_clear_days
from generator.site.graph import Site
from generator.site.meetings import approvals, has_minutes, put_for_approval, was_held

# A member's seat at a meeting. 'replaced' (replaced for the meeting without a named substitute) counts
# neither as present nor as absent (the design of issue 15), so it is left out of the count.
MEMBER_STATUSES = ("present", "apologies", "absent")
PRESENT_FOR_QUORUM = ("present", "substitute")  # a named substitute sits as a member for the meeting


@dataclass(frozen=True)
class NoticeRow:
    """An agenda's date and the clear days to its meeting."""

    meeting: Meeting
    word: str  # 'published' when the printed label says so, else 'dated'
    count: Count
    days_asked: int | None  # the rule's clear days, None when no rule applies or none is on record

    @property
    def meets(self) -> bool | None:
        """Whether the agenda's clear days reach the rule's (None when either is unknown)."""
        if self.days_asked is None or self.count.clear is None:
            return None
        return self.count.clear >= self.days_asked


@dataclass(frozen=True)
class MinutesRow:
    """A held meeting's minutes: approved when and where, or how long without approval on record."""

    meeting: Meeting
    minutes_on_record: bool
    approved_at: Meeting | None
    put_at: Meeting | None  # an agenda that puts them for approval, outcome not on record
    waiting_days: int | None  # days from the meeting to the build date, when no approval is on record

    @property
    def days_to_approval(self) -> int | None:
        """Days from the meeting to the meeting that approved its minutes."""
        return (self.approved_at.date - self.meeting.date).days if self.approved_at else None


@dataclass(frozen=True)
class SeatsRow:
    """Attendance at one meeting: members present of members listed, beside the quorum."""

    meeting: Meeting
    present: int  # members present
    seats: int  # members listed present, with apologies or absent
    for_quorum: int  # members and named substitutes present
    quorum: int | None  # the board's quorum as a number, when the papers give one
    quorate_recorded: bool | None  # what the minutes say, if they say

    @property
    def quorum_met(self) -> bool | None:
        """Members and substitutes present compared with the quorum (a computed comparison)."""
        return None if self.quorum is None else self.for_quorum >= self.quorum


def notice_rule(site: Site, board: Board, reference: Reference) -> NoticeRule | None:
    """The first rule of governance.yml that fits the board's kind (and its organisation's kind)."""
    if reference.rules is None:
        return None
    owner = site.organisations.get(board.organisation_id or "")
    for rule in reference.rules.notice_rules:
        if board.kind not in rule.board_kinds:
            continue
        if rule.organisation_kinds and (owner is None or owner.kind not in rule.organisation_kinds):
            continue
        return rule
    return None


def notice_rows(meetings: list[Meeting], rule: NoticeRule | None, reference: Reference) -> list[NoticeRow]:
    """One row per meeting whose agenda date is on record."""
    if reference.rules is None:
        return []
    rows = []
    for m in meetings:
        if m.notice is None:
            continue
        label = (m.notice.label or "").lower()
        word = "published" if "publish" in label or "publication" in label else "dated"
        count = count_clear_days(m.notice.date, m.date, reference.rules.clear_days, reference.holiday_dates)
        days = rule.days if rule is not None and rule.applies else None
        rows.append(NoticeRow(m, word, count, days))
    return rows


def minutes_rows(site: Site, meetings: list[Meeting], today: date) -> list[MinutesRow]:
    """One row per meeting held before ``today``."""
    rows = []
    for m in meetings:
        if m.date >= today or not was_held(site, m):
            continue
        approved = approvals(site, m)
        put = put_for_approval(site, m)
        rows.append(
            MinutesRow(
                meeting=m,
                minutes_on_record=has_minutes(m),
                approved_at=approved[0][0] if approved else None,
                put_at=put[0][0] if put else None,
                waiting_days=None if approved else (today - m.date).days,
            )
        )
    return rows


def seats_rows(board: Board, meetings: list[Meeting]) -> list[SeatsRow]:
    """One row per meeting whose attendance lists at least one member."""
    quorum = board.quorum.number if board.quorum else None
    rows = []
    for m in meetings:
        statuses = [a.status for a in m.attendance]
        seats = sum(1 for s in statuses if s in MEMBER_STATUSES)
        if not seats:
            continue
        present = statuses.count("present")
        for_quorum = sum(1 for s in statuses if s in PRESENT_FOR_QUORUM)
        rows.append(SeatsRow(m, present, seats, for_quorum, quorum, m.quorate))
    return rows


def held_by_year(site: Site, meetings: list[Meeting]) -> dict[int, int]:
    """Meetings the record shows were held, by calendar year (a meeting only scheduled is not counted)."""
    found: dict[int, int] = {}
    for m in meetings:
        if not was_held(site, m):
            continue
        found[m.date.year] = found.get(m.date.year, 0) + 1
    return dict(sorted(found.items()))
