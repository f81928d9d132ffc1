"""Charts of categories as deterministic SVG: one row per category or area, a bar (or a dot) with its interval.

Used for an indicator's breakdowns (one chart per dimension) and for comparing areas on a compare page.
A row whose value cannot be drawn (suppressed, or printed as a bound such as 'over 500') keeps its
label and says so in words instead of a bar. A printed subtotal or total is drawn hollow and labelled,
so it is never read as one more item.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from generator.render.axes import Axis, fmt, short, tick_text
from generator.site.breakdowns import limits_text

W = 480
LABEL = 240  # left column for the row labels
RIGHT = 16
ROW = 28
TOP = 30
BOTTOM = 40
FILL = {"own": "#1d3f72", "item": "#1d3f72", "area": "#6a6a6a", "subtotal": "#fff", "total": "#fff"}


def dot_spec(key: str, title: str, desc: str, unit: str, rows: list[dict[str, Any]], zero: bool) -> dict[str, Any]:
    """A chart's data: rows of {label, value, lo, hi, kind, note}; kinds own, area, item, subtotal, total."""
    return {"id": key, "title": title, "summary": desc, "unit": unit, "rows": rows, "zero": zero}


def render_dots(spec: dict[str, Any]) -> str:
    """Draw a dot-chart spec as SVG text."""
    rows = spec["rows"]
    height = TOP + ROW * max(len(rows), 1) + BOTTOM
    numbers = [x for r in rows for x in (r["value"], r.get("lo"), r.get("hi")) if x is not None]
    # The value axis runs left to right: Axis works in pixels from 'bottom' (left) towards 'top' (right).
    axis = Axis(numbers, spec["zero"], LABEL, W - RIGHT)
    ids = f"{spec['id']}-title {spec['id']}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mb-chart mb-dots" viewBox="0 0 {W} {height}" role="img"'
        f' aria-labelledby="{ids}" font-family="sans-serif" font-size="15" fill="#1a1a1a"'
        ' style="width:100%;max-width:672px;height:auto">',
        f'<title id="{spec["id"]}-title">{escape(spec["title"])}</title>',
        f'<desc id="{spec["id"]}-desc">{escape(spec["summary"])}</desc>',
    ]
    if spec["unit"]:
        out.append(f'<text x="{LABEL}" y="18" font-size="14">{escape(short(spec["unit"], 40))}</text>')
    base = height - BOTTOM
    for t in axis.ticks:
        x = fmt(axis.y(t))
        out.append(f'<line x1="{x}" x2="{x}" y1="{TOP - 6}" y2="{base}" stroke="#ddd"/>')
        out.append(
            f'<text x="{x}" y="{base + 18}" text-anchor="middle" font-size="13">{tick_text(t, axis.step)}</text>'
        )
    for n, r in enumerate(rows):
        out += _row(r, TOP + ROW * n + ROW / 2, axis, spec["zero"])
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _row(r: dict[str, Any], y: float, axis: Axis, bars: bool) -> list[str]:
    """One row: its label, its bar or dot, its whisker, and a tooltip with the value."""
    kind = r.get("kind", "item")
    label = r["label"] + (f" ({kind})" if kind in ("subtotal", "total") else "")
    weight = ' font-weight="bold"' if kind in ("own", "subtotal", "total") else ""
    out = [f'<text x="{LABEL - 8}" y="{fmt(y + 5)}" text-anchor="end"{weight}>{escape(short(label, 30))}</text>']
    if r["value"] is None:
        out.append(
            f'<text x="{LABEL + 4}" y="{fmt(y + 5)}" font-style="italic">{escape(r.get("note") or "no value")}</text>'
        )
        return out
    x0, x = axis.y(max(axis.lo, 0.0) if bars else axis.lo), axis.y(r["value"])
    stroke = "#1d3f72" if kind != "area" else "#6a6a6a"
    mark = (
        f'<rect x="{fmt(min(x0, x))}" y="{fmt(y - 8)}" width="{fmt(abs(x - x0))}" height="16" fill="{FILL[kind]}"'
        f' stroke="{stroke}" stroke-width="1.5"/>'
        if bars
        else f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="6" fill="{FILL[kind]}" stroke="{stroke}" stroke-width="2"/>'
    )
    limits = limits_text(r.get("lo"), r.get("hi"), r["value"])  # to the value's decimals, as in the table
    title = f"{r['label']}: {r['value']:g}" + (f" ({limits})" if limits else "")
    out.append(f"<g><title>{escape(title)}</title>{mark}</g>")
    if r.get("lo") is not None and r.get("hi") is not None:
        lo, hi = fmt(axis.y(r["lo"])), fmt(axis.y(r["hi"]))
        out.append(
            f'<path d="M{lo} {fmt(y)}H{hi}M{lo} {fmt(y - 6)}V{fmt(y + 6)}M{hi} {fmt(y - 6)}V{fmt(y + 6)}"'
            ' stroke="#b00020" stroke-width="2" fill="none"/>'
        )
    return out
