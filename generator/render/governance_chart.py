"""The comparison page's dot chart: one dot per meeting, one row per board, for the two timers residents
meet first (clear days of agenda notice; days until the minutes are approved). Deterministic SVG with a
<title> and <desc>; the table beside it holds every value.

Each dot is one meeting's count of days, never a rate, so the chart is honest however few meetings a
board has on record.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import escape

from generator.render.axes import fmt as _n
from generator.render.axes import nice_ticks
from generator.render.axes import short as _short
from generator.site.governance import BoardGovernance

W = 480
LABEL = 150  # width of the board names (a phone shows the chart at about 370 px: text stays legible)
ROW = 26
PANEL_GAP = 54


@dataclass(frozen=True)
class Panel:
    """One measure: a title, the rule's line (if one), and each board's values."""

    key: str
    title: str
    rows: list[tuple[str, list[int]]]
    rule: int | None = None


def panels(boards: list[BoardGovernance]) -> list[Panel]:
    """The measures drawn, each with the boards that have at least one value."""
    notice = [(g.board.short_name, [r.count.clear for r in g.notice if r.count.clear is not None]) for g in boards]
    minutes = [(g.board.short_name, g.approval_days()) for g in boards]
    rules = {g.rule.days for g in boards if g.rule is not None and g.rule.applies and g.notice}
    return [
        Panel(
            "notice",
            "Clear days between the agenda's date and the meeting",
            [r for r in notice if r[1]],
            rules.pop() if len(rules) == 1 else None,
        ),
        Panel("minutes", "Days from a meeting to the approval of its minutes", [r for r in minutes if r[1]]),
    ]


def summary(drawn: list[Panel]) -> str:
    """The one sentence that says what the chart shows."""
    parts = []
    for p in drawn:
        values = [v for _, vs in p.rows for v in vs]
        parts.append(
            f"{p.title.lower()}: {len(values)} meeting{'s' if len(values) != 1 else ''} of {len(p.rows)} "
            f"board{'s' if len(p.rows) != 1 else ''}, from {min(values)} to {max(values)} days"
        )
    return "One dot per meeting on record. " + "; ".join(parts).capitalize() + "."


def _panel(p: Panel, top: float) -> tuple[list[str], float]:
    """One panel's SVG, from ``top``; returns it and the height used."""
    values = [v for _, vs in p.rows for v in vs] + ([p.rule] if p.rule is not None else [])
    ticks = nice_ticks(0, max([*values, 1]) * 1.15, 5)  # room past the last dot and the rule's line
    hi = ticks[-1] or 1
    x0, x1 = LABEL, W - 16

    def sx(v: float) -> float:
        return x0 + (x1 - x0) * v / hi

    out = [f'<text x="8" y="{_n(top + 16)}" font-weight="bold">{escape(p.title)}</text>']
    y = top + 34
    for name, vs in p.rows:
        out.append(f'<text x="8" y="{_n(y + 5)}">{escape(_short(name, 17))}</text>')
        out.append(f'<line x1="{x0}" x2="{x1}" y1="{_n(y)}" y2="{_n(y)}" stroke="#ddd"/>')
        for v in vs:
            label = f"{name}: {v} days"
            out.append(
                f'<g><title>{escape(label)}</title><circle cx="{_n(sx(v))}" cy="{_n(y)}" r="6" fill="#1d3f72"/></g>'
            )
        y += ROW
    axis = y - ROW / 2
    out.append(f'<line x1="{x0}" x2="{x1}" y1="{_n(axis)}" y2="{_n(axis)}" stroke="#333"/>')
    for t in ticks:
        out.append(f'<text x="{_n(sx(t))}" y="{_n(axis + 18)}" text-anchor="middle" font-size="15">{t:g}</text>')
    if p.rule is not None:
        rx = _n(sx(p.rule))
        out.append(
            f'<line x1="{rx}" x2="{rx}" y1="{_n(top + 22)}" y2="{_n(axis)}" stroke="#b00020" stroke-dasharray="4 3"/>'
        )
        at = f'x="{rx}" y="{_n(axis + 36)}"'
        out.append(f'<text {at} text-anchor="end" font-size="15" fill="#b00020">rule: {p.rule} clear days</text>')
    return out, axis + 44 - top


def dot_chart(boards: list[BoardGovernance]) -> tuple[str, str] | None:
    """The chart's SVG and its sentence, or None when no board has a value to draw."""
    drawn = [p for p in panels(boards) if p.rows]
    if not drawn:
        return None
    body, top = [], 8.0
    for p in drawn:
        part, used = _panel(p, top)
        body += part
        top += used + PANEL_GAP / 2
    sentence = summary(drawn)
    height = math.ceil(top)
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mb-chart" viewBox="0 0 {W} {height}" role="img"'
        ' aria-labelledby="governance-chart-title governance-chart-desc" font-family="sans-serif" font-size="16"'
        ' fill="#1a1a1a" style="width:100%;max-width:560px;height:auto">',
        '<title id="governance-chart-title">Agenda notice and minutes approval, meeting by meeting</title>',
        f'<desc id="governance-chart-desc">{escape(sentence)}</desc>',
        *body,
        "</svg>",
    ]
    return "\n".join(svg) + "\n", sentence
