"""How pages show an indicator's judgements: the legend, a badge per judgement, and the spine marker."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.render.env import format_number
from generator.site import stats
from generator.site.graph import Site
from generator.site.indicators import IndicatorState

LEGEND = {
    "better": stats.Judgement("better", "Better"),
    "similar": stats.Judgement("similar", "Similar"),
    "worse": stats.Judgement("worse", "Worse"),
    "not-compared": stats.Judgement("not-compared", "Not compared"),
    "met": stats.Judgement("met", "Target met"),
    "not-met": stats.Judgement("not-met", "Target not met"),
}


def badge(j: stats.Judgement) -> Markup:
    """A judgement as shape and word (colour only repeats what they say)."""
    title = f' title="{escape(j.detail)}"' if j.detail else ""
    shape = f'<span aria-hidden="true">{stats.SHAPES[j.key]}</span>'
    return Markup(f'<span class="mb-judge mb-judge--{j.key}"{title}>{shape} {escape(j.word)}</span>')


def spine(site: Site, state: IndicatorState) -> Markup:
    """A small inline marker: the range of areas that period, the comparator, and this area."""
    row = state.latest
    if row is None or row.value is None:
        return Markup("")
    same = [v.value for v in site.values(state.indicator.id) if v.period == row.period and v.value is not None]
    main = state.main
    if len(same) < 2 or main is None or main.row is None or main.row.value is None:
        return Markup("")
    lo, hi = min(same), max(same)
    span = (hi - lo) or 1.0

    def x(v: float) -> str:
        return f"{4 + (v - lo) / span * 92:.1f}"

    label = (
        f"{state.area} {format_number(row.value)}; {main.area} {format_number(main.row.value)}; "
        f"range of {len(same)} areas {format_number(lo)} to {format_number(hi)}"
    )
    return Markup(
        f'<svg class="mb-spine" viewBox="0 0 100 16" width="100" height="16" role="img" aria-label="{escape(label)}">'
        f'<rect x="4" y="6" width="92" height="4" fill="#c8c8c8"/>'
        f'<rect x="{x(main.row.value)}" y="1" width="2" height="14" fill="#222"/>'
        f'<circle cx="{x(row.value)}" cy="8" r="4.5" fill="#fff" stroke="#1d3f72" stroke-width="2"/></svg>'
    )
