"""The sentences of the governance figures: neutral words, counts below the threshold, 'not recorded' when silent."""

from __future__ import annotations

from datetime import date
from statistics import median

from generator.site.governance import BoardGovernance
from generator.site.governance_meetings import NoticeRow
from generator.site.queries import counted, uk_date
from generator.site.thresholds import MIN_MEETINGS_FOR_RATE, share


def days(n: int) -> str:
    """'1 day', '58 days', '4,911 days'."""
    return f"{n:,} {'day' if n == 1 else 'days'}"


def notice_row(row: NoticeRow) -> str:
    """'Agenda dated 6 October 2017: 5 clear days before the meeting (9 calendar days); the rule asks for 5.'"""
    head = f"{row.word.capitalize()} {uk_date(row.meeting.notice.date if row.meeting.notice else None, False)}"
    if row.count.clear is None:
        years = ", ".join(str(y) for y in row.count.missing_years)
        return (
            f"{head}, {days(row.count.calendar)} before the meeting; clear days not counted "
            f"(the bank holidays of {years} are not in the table)."
        )
    clear = "1 clear day" if row.count.clear == 1 else f"{row.count.clear} clear days"
    text = f"{head}, {clear} before ({days(row.count.calendar)} in between)"
    if row.days_asked is not None:
        text += f"; the rule asks for {row.days_asked}"
    return text + "."


def notice(g: BoardGovernance) -> str:
    """The agenda notice figure, or why there is none."""
    rule = g.rule
    if rule is None:
        return "Not computed: no notice rule is on record for this kind of body."
    if not rule.applies:
        dated = f" {counted(len(g.notice), 'agenda')} with a date on record." if g.notice else ""
        return f"Not applicable: {rule.law}.{dated}"
    if not g.notice:
        return f"Not recorded: no agenda's date is on record ({counted(len(g.meetings), 'meeting')} on record)."
    figure = g.notice_text()
    if figure is None:
        return "Not computed: the clear days cannot be counted with the bank holidays on record."
    short = [r for r in g.notice if r.meeting.notice and r.meeting.notice.short_notice_reason]
    reasons = f" {counted(len(short), 'agenda')} printed a reason for short notice." if short else ""
    return f"{figure}; the rule asks for {rule.days} ({rule.law}).{reasons}"


def minutes(g: BoardGovernance, today: date) -> str:
    """Time from meeting to approval of its minutes, and meetings whose approval is not on record."""
    if not g.minutes:
        return "Not recorded: no held meeting is on record before the build date."
    found = g.approval_days()
    held = counted(len(g.minutes), "held meeting")
    if not found:
        text = f"Approval not on record for the minutes of {held}"
    else:
        each = ", ".join(days(d) for d in found)
        when = each if len(found) < MIN_MEETINGS_FOR_RATE else f"a median of {days(round(median(found)))}"
        text = f"Approved as a correct record {when} after the meeting ({len(found)} of {held})"
    waiting = [r for r in g.minutes if r.approved_at is None]
    if waiting and found:
        longest = max(r.waiting_days or 0 for r in waiting)
        text += f"; approval not on record for {len(waiting)}, the longest {days(longest)} since its meeting"
    return f"{text} (as of {uk_date(today, False)})."


def frequency(g: BoardGovernance) -> str:
    """Meetings held on record per year, beside what the papers ask for."""
    stated = g.board.frequency
    years = "; ".join(f"{year}: {n}" for year, n in g.per_year.items()) or "none"
    held = f"Meetings held on record, by calendar year: {years}"
    if stated is None:
        return f"Not recorded: the papers on record do not say how often it is to meet. {held}."
    if stated.per_year is None:
        return f"{held}. Not compared: the papers give no number (as printed: “{stated.text}”)"
    short = [y for y, n in g.per_year.items() if n < stated.per_year]
    compared = f"fewer than {stated.per_year} on record in {', '.join(map(str, short))}" if short else "none fewer"
    asks = f"The papers ask for {stated.per_year} a year (as printed: “{stated.text}”)"
    return f"{held} ({compared}; the record may hold only some meetings). {asks}"


def quorum(g: BoardGovernance) -> str:
    """Members present beside the quorum: a computed comparison."""
    stated = g.board.quorum
    if stated is None:
        return "Not recorded: no quorum is stated in the papers on record."
    if stated.number is None:
        return f"“{stated.text}” (as printed); not compared: the quorum is not given as a number."
    rows = g.quorum_rows()
    if not rows:
        return f"{stated.number} (as printed: “{stated.text}”); not compared: no meeting's attendance is on record."
    reached = sum(1 for r in rows if r.quorum_met)
    what = f"meetings with members and substitutes present at or above the quorum of {stated.number}"
    return f"{share(reached, len(rows), len(rows), what)} (a computed comparison, not the minutes' word)."


def attendance(g: BoardGovernance) -> str:
    """Members present of members listed."""
    text = g.attendance_text()
    return f"{text}." if text else "Not recorded: no meeting's attendance is on record."


def actions(g: BoardGovernance, today: date) -> str:
    """Open, done and overdue actions; the oldest open; those with no update in six months."""
    a = g.actions
    if not a.total:
        return "No actions are on record in its meetings or in plans it monitors."
    parts = [
        f"{counted(a.total, 'action')}: {a.done} done or dropped, {a.open} open",
        f"{len(a.overdue)} open past a due date",
        f"{a.no_due_date} with no due date on record",
    ]
    if a.oldest_open:
        parts.append(f"the oldest open first on record {uk_date(a.oldest_open[1], False)}")
    if a.dated_status:
        parts.append(f"{len(a.stale)} of {a.dated_status} open with a dated status have no update in six months")
    else:
        parts.append("updates in six months: not recorded (no open action has a dated status)")
    return "; ".join(parts) + f" (as of {uk_date(today, False)})."


def scrutiny(g: BoardGovernance, today: date) -> str:
    """Recommendations made, responses, share accepted, responses overdue against statutory periods."""
    made = g.made
    if not made:
        return "No recommendations to other bodies are on record."
    answered = [m for m in made if m.rec.responses]
    accepted = sum(1 for m in answered if m.rec.responses[-1].outcome == "accepted")
    meetings = len({m.meeting.id for m in made})
    text = f"{counted(len(made), 'recommendation')}; a response on record to {len(answered)}"
    if answered:
        text += f"; {share(accepted, len(answered), meetings, 'responses accepting it in full')}"
    timed = [a for a in g.awaited if a.due is not None]
    overdue = sum(1 for a in timed if a.overdue(today))
    text += f"; {overdue} of {len(timed)} responses with a statutory period overdue"
    return text + f" (as of {uk_date(today, False)})."
