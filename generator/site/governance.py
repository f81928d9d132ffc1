"""How each board is run, from the record: per-board figures, and one table across boards (pandas).

Everything is computed from the records, data/reference/ and the build date; nothing is stored. Figures
that could read as rates are counts below MIN_MEETINGS_FOR_RATE meetings (site/thresholds.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from statistics import median

import pandas as pd

from generator.records.board import Board
from generator.records.governance import NoticeRule, Reference
from generator.records.meeting import Meeting
from generator.site import queries as ctx
from generator.site.followup import recommendations_of
from generator.site.governance_follow import ActionFigures, Awaited, action_figures, awaited, board_actions
from generator.site.governance_meetings import (
    MinutesRow,
    NoticeRow,
    SeatsRow,
    held_by_year,
    minutes_rows,
    notice_rule,
    notice_rows,
    seats_rows,
)
from generator.site.graph import Site
from generator.site.thresholds import MIN_MEETINGS_FOR_RATE, share
from generator.site.tracked import Made

KIND_GROUPS = (  # the comparison table's groups, in order: (key, heading, board kinds)
    ("hwb", "Health and Wellbeing Boards", ("health-and-wellbeing-board",)),
    ("scrutiny", "Scrutiny committees", ("health-scrutiny-committee",)),
    ("safeguarding", "Safeguarding boards", ("safeguarding-adults-board", "safeguarding-children-board")),
    ("other", "Other boards and committees", ("partnership-board", "committee", "other")),
)


def kind_group(board: Board) -> str:
    """The comparison table's group of a board."""
    return next(key for key, _, kinds in KIND_GROUPS if board.kind in kinds)


@dataclass
class BoardGovernance:
    """Every figure of one board, with the rows it rests on."""

    board: Board
    meetings: list[Meeting]
    rule: NoticeRule | None
    notice: list[NoticeRow]
    minutes: list[MinutesRow]
    seats: list[SeatsRow]
    per_year: dict[int, int]
    actions: ActionFigures
    made: list[Made]
    awaited: list[Awaited]

    @property
    def first(self) -> date | None:
        """The first meeting on record."""
        return self.meetings[0].date if self.meetings else None

    @property
    def last(self) -> date | None:
        """The last meeting on record."""
        return self.meetings[-1].date if self.meetings else None

    def notice_text(self) -> str | None:
        """'1 of 1 agendas dated 5 or more clear days ahead', or None when it cannot be said."""
        rows = [r for r in self.notice if r.meets is not None]
        if not rows or self.rule is None or self.rule.days is None:
            return None
        words = sorted({r.word for r in rows})
        what = f"agendas {' or '.join(words)} {self.rule.days} or more clear days ahead"
        return share(sum(1 for r in rows if r.meets), len(rows), len(rows), what)

    def approval_days(self) -> list[int]:
        """Days from meeting to approval of its minutes, for each approval on record."""
        return [d for r in self.minutes if (d := r.days_to_approval) is not None]

    def attendance_text(self) -> str | None:
        """Members present of members listed, over the meetings whose attendance is on record."""
        if not self.seats:
            return None
        present, seats = sum(r.present for r in self.seats), sum(r.seats for r in self.seats)
        n = len(self.seats)
        return f"{share(present, seats, n, 'members present')} at {n} meeting{'s' if n != 1 else ''}"

    def quorum_rows(self) -> list[SeatsRow]:
        """The meetings where the quorum can be compared with the members present."""
        return [r for r in self.seats if r.quorum_met is not None]


def board_governance(site: Site, board: Board, today: date) -> BoardGovernance:
    """The figures of one board."""
    reference: Reference = site.reference
    meetings = ctx.meetings_of(site, board.id)
    rule = notice_rule(site, board, reference)
    made = recommendations_of(site, board.id)
    return BoardGovernance(
        board=board,
        meetings=meetings,
        rule=rule,
        notice=notice_rows(meetings, rule, reference),
        minutes=minutes_rows(site, meetings, today),
        seats=seats_rows(board, meetings),
        per_year=held_by_year(site, meetings),
        actions=action_figures(site, board_actions(site, board.id), today),
        made=made,
        awaited=awaited(site, made, reference),
    )


def every_board(site: Site, today: date) -> list[BoardGovernance]:
    """The figures of every board, by name (computed once per build): each board has its page."""
    return site.memo(
        "governance",
        today,
        lambda: [board_governance(site, b, today) for b in sorted(site.boards.values(), key=lambda b: b.name)],
    )


def governed(site: Site, today: date) -> list[BoardGovernance]:
    """The figures of every board with at least one meeting on record (the comparison lists only these)."""
    return [g for g in every_board(site, today) if g.meetings]


COLUMNS = {  # the comparison table's columns (CSV headers) and what each holds
    "board_id": "The board's id.",
    "board": "The board's name.",
    "kind": "Kind of board (health-and-wellbeing-board, health-scrutiny-committee, ...).",
    "group": "The group the table shows it under (hwb, scrutiny, safeguarding, other).",
    "first_meeting": "Date of the first meeting on record.",
    "last_meeting": "Date of the last meeting on record.",
    "meetings": "Meetings on record.",
    "notice_rule_days": "Clear days the notice rule asks for; empty when no rule applies ('not applicable' in notice_rule).",
    "notice_rule": "The notice rule, or 'not applicable', or 'no rule on record'.",
    "agendas_dated": "Meetings whose agenda date is on record (the notice figures rest on them).",
    "agendas_in_time": "Of those, agendas dated the rule's clear days or more ahead (empty without a rule).",
    "minutes_approved": "Held meetings whose minutes' approval is on record.",
    "median_days_to_approval": "Median days from a meeting to the approval of its minutes (empty when none is on record).",
    "approval_not_on_record": "Held meetings whose minutes' approval is not on record (as of the build date).",
    "attendance_meetings": "Meetings whose attendance is on record.",
    "members_present": "Members present at those meetings (substitutes, officers and guests not counted).",
    "member_places": "Members listed at those meetings: present, with apologies or absent (a member replaced for the meeting is neither).",
    "quorum_meetings": "Meetings where a quorum stated as a number can be compared with members present.",
    "quorum_reached": "Of those, meetings where members and substitutes present reached the quorum (computed).",
    "actions": "Actions kept in its meetings and in plans it monitors.",
    "actions_open": "Actions whose latest status is not done or dropped (or that have none).",
    "actions_overdue": "Open actions with a due date before the build date.",
    "recommendations": "Recommendations made to other bodies.",
    "responses_overdue": "Responses not on record after the statutory period (from a received date on record).",
}


def meeting_facts(boards: list[BoardGovernance]) -> pd.DataFrame:
    """One row per meeting on record: what each figure counts of it (None where it counts nothing)."""
    rows = []
    for g in boards:
        notice = {r.meeting.id: r for r in g.notice}
        minutes = {r.meeting.id: r for r in g.minutes}
        seats = {r.meeting.id: r for r in g.seats}
        for m in g.meetings:
            n, mi, s = notice.get(m.id), minutes.get(m.id), seats.get(m.id)
            rows.append(
                {
                    "board_id": g.board.id,
                    "date": m.date,
                    "agenda_dated": n is not None,
                    "in_time": None if n is None else n.meets,
                    "approval_days": mi.days_to_approval if mi else None,
                    "approval_missing": mi is not None and mi.approved_at is None,
                    "attendance": s is not None,
                    "present": s.present if s else None,
                    "seats": s.seats if s else None,
                    "quorum_met": s.quorum_met if s else None,
                }
            )
    return pd.DataFrame(rows)


def _count_known(values: pd.Series) -> object:
    """How many known values are true; None when none is known."""
    known = values.dropna()
    return int(known.astype(bool).sum()) if len(known) else None


def _aggregate(facts: pd.DataFrame) -> pd.DataFrame:
    """Per board: the meeting figures of the comparison table (pandas named aggregation)."""
    return facts.groupby("board_id").agg(
        first_meeting=("date", "min"),
        last_meeting=("date", "max"),
        meetings=("date", "size"),
        agendas_dated=("agenda_dated", "sum"),
        agendas_in_time=("in_time", _count_known),
        minutes_approved=("approval_days", "count"),
        median_days_to_approval=("approval_days", lambda s: s.dropna().median() if s.notna().any() else None),
        approval_not_on_record=("approval_missing", "sum"),
        attendance_meetings=("attendance", "sum"),
        members_present=("present", lambda s: int(s.dropna().sum()) if s.notna().any() else None),
        member_places=("seats", lambda s: int(s.dropna().sum()) if s.notna().any() else None),
        quorum_meetings=("quorum_met", lambda s: int(s.notna().sum())),
        quorum_reached=("quorum_met", _count_known),
    )


def _board_facts(g: BoardGovernance, today: date) -> dict[str, object]:
    """The figures of the table that are the board's, not its meetings'."""
    rule = g.rule
    return {
        "board_id": g.board.id,
        "board": g.board.name,
        "kind": g.board.kind,
        "group": kind_group(g.board),
        "notice_rule_days": rule.days if rule is not None and rule.applies else None,
        "notice_rule": "no rule on record" if rule is None else (rule.law if rule.applies else "not applicable"),
        "actions": g.actions.total,
        "actions_open": g.actions.open,
        "actions_overdue": len(g.actions.overdue),
        "recommendations": len(g.made),
        "responses_overdue": sum(1 for a in g.awaited if a.overdue(today)) if g.awaited else None,
    }


def comparison(site: Site, today: date) -> pd.DataFrame:
    """One row per board with a meeting on record, grouped by kind then by name (NaN where nothing is known)."""
    boards = governed(site, today)
    if not boards:
        return pd.DataFrame(columns=list(COLUMNS))
    frame = pd.DataFrame([_board_facts(g, today) for g in boards]).join(
        _aggregate(meeting_facts(boards)), on="board_id"
    )
    order = {key: i for i, (key, _, _) in enumerate(KIND_GROUPS)}
    frame["_order"] = frame["group"].map(order)
    frame = frame.sort_values(["_order", "board"], kind="stable")[list(COLUMNS)].reset_index(drop=True)
    return frame


def comparison_rows(site: Site, today: date) -> list[dict[str, object]]:
    """The comparison table as plain rows: None where nothing is known (pages say 'not recorded')."""
    return [{k: _plain(v) for k, v in row.items()} for row in comparison(site, today).to_dict("records")]


def _plain(value: object) -> object:
    """A cell as plain Python: a whole number as int (pandas makes floats of counts beside gaps)."""
    if isinstance(value, bool) or value is None:
        return value
    if hasattr(value, "item"):  # a numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None  # nothing on record: pages say 'not recorded', the CSV leaves the cell empty
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def rate_allowed(meetings: int) -> bool:
    """Whether a figure resting on ``meetings`` meetings may be a rate."""
    return meetings >= MIN_MEETINGS_FOR_RATE
