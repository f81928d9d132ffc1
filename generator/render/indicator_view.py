"""How pages show an indicator's judgements: the legend, a badge per judgement, the spine marker, method links."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.render.env import format_number
from generator.site import stats
from generator.site.indicators import IndicatorState

LEGEND = {
    "better": stats.Judgement("better", "Better"),
    "similar": stats.Judgement("similar", "Similar"),
    "worse": stats.Judgement("worse", "Worse"),
    "higher": stats.Judgement("higher", "Higher"),
    "lower": stats.Judgement("lower", "Lower"),
    "not-compared": stats.Judgement("not-compared", "Not compared"),
    "met": stats.Judgement("met", "Target met"),
    "not-met": stats.Judgement("not-met", "Target not met"),
}

# Each interval method's section of the methods page (render/templates/indicator_methods.j2).
METHOD_ANCHORS = {
    "as printed": "printed-limits",
    "Wilson score": "wilson",
    "Byar's method": "byar",
    "exact Poisson (chi-squared)": "byar",
    "Dobson's method": "dobson",
}


def badge(j: stats.Judgement) -> Markup:
    """A judgement as shape and word (colour only repeats what they say)."""
    title = f' title="{escape(j.detail)}"' if j.detail else ""
    shape = f'<span aria-hidden="true">{stats.SHAPES[j.key]}</span>'
    return Markup(f'<span class="mb-judge mb-judge--{j.key}"{title}>{shape} {escape(j.word)}</span>')


def spine(state: IndicatorState) -> Markup:
    """A small inline marker: the range of the headline and its comparators, the main comparator, and this area."""
    row, main = state.headline, state.main
    if row is None or row.get("value") is None or main is None:
        return Markup("")
    value = float(row["value"])
    others = [value, *(c.value for c in state.comparisons)]
    lo, hi = min(others), max(others)
    span = (hi - lo) or 1.0

    def x(v: float) -> str:
        return f"{4 + (v - lo) / span * 92:.1f}"

    label = f"{state.area} {format_number(value)}; {main.area} {format_number(main.value)}"
    return Markup(
        f'<svg class="mb-spine" viewBox="0 0 100 16" width="100" height="16" role="img" aria-label="{escape(label)}">'
        f'<rect x="4" y="6" width="92" height="4" fill="#c8c8c8"/>'
        f'<rect x="{x(main.value)}" y="1" width="2" height="14" fill="#222"/>'
        f'<circle cx="{x(value)}" cy="8" r="4.5" fill="#fff" stroke="#1d3f72" stroke-width="2"/></svg>'
    )
