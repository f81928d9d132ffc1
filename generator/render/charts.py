"""Indicator charts as deterministic SVG: text as <text>, a <title> and <desc>, no script.

The same data always gives the same bytes. A chart whose data has not changed since the last
build of the same process (the preview) is reused from a ChartCache keyed by a hash of its data;
the cache keeps the charts of the last build and this one, so it never outgrows the site.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

from markupsafe import escape

from generator.records.indicator import Indicator, IndicatorValue
from generator.site.stats import broken_down, chart_kind, comparators, own_area, period_kind, sort_periods

W, H = 480, 320
LEFT, RIGHT, BOTTOM = 66, 14, 92
MAX_COMPARATORS = 3
STYLES = (  # own area first: (stroke, dash, marker)
    ("#1d3f72", "", "circle"),
    ("#555555", "6 4", "square"),
    ("#7a4a00", "2 3", "diamond"),
    ("#2f6b2f", "9 3 2 3", "triangle"),
)


def _n(x: float) -> str:
    """A coordinate with one decimal, always printed the same way."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering lo..hi."""
    if hi <= lo:
        lo, hi = (lo - 1, hi + 1) if lo == 0 else (lo - abs(lo) * 0.1, hi + abs(hi) * 0.1)
    raw = (hi - lo) / count
    step = 10 ** math.floor(math.log10(raw))
    step *= next(m for m in (1, 2, 2.5, 5, 10) if raw <= step * m)
    start = math.floor(lo / step) * step
    ticks = []
    t = start
    while t < hi + step * 0.999:
        ticks.append(round(t, 10))
        t += step
    return ticks


def _tick_text(t: float, step: float) -> str:
    """A tick label with as many decimals as the step needs."""
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return f"{t:,.{decimals}f}"


def chart_spec(indicator: Indicator, values: list[IndicatorValue], summary: str) -> dict[str, Any]:
    """The data a chart shows, as plain JSON-able values (the cache key hashes this)."""
    own = own_area(indicator, values)
    areas = [own, *comparators(indicator, values)[:MAX_COMPARATORS]]
    kind = chart_kind(indicator, values)
    shown = [v for v in values if period_kind(v.period) == kind]
    omitted = len(values) - len(shown) if any(v.area == own for v in shown) else 0
    values = shown if omitted else values
    periods = sort_periods([v.period for v in values if v.area in areas])
    series = []
    for area in areas:
        rows = {v.period: v for v in values if v.area == area and v.value is not None}
        points = [[periods.index(p), rows[p].value, rows[p].lower_ci, rows[p].upper_ci] for p in periods if p in rows]
        series.append({"area": area, "points": points})
    targets = [[periods.index(v.period), v.target] for v in values if v.area == own and v.target is not None]
    return {
        "title": indicator.title,
        "unit": indicator.unit or "",
        "summary": summary,
        "periods": periods,
        "series": series,
        "targets": targets,
        "others": max(0, len(comparators(indicator, values)) - MAX_COMPARATORS),
        "omitted": omitted,
    }


class ChartCache:
    """Charts by a hash of their data: this build's, and the last build's until this one ends."""

    def __init__(self) -> None:
        self.current: dict[str, str] = {}
        self.previous: dict[str, str] = {}
        self.rendered = 0
        self.reused = 0

    def new_build(self) -> None:
        """Start a build: the last build's charts stay reusable during it, older ones are forgotten."""
        self.previous, self.current = self.current, {}

    def svg(self, indicator: Indicator, values: list[IndicatorValue], summary: str) -> str:
        """The chart of an indicator, reused when its data is unchanged since the last build or in this one."""
        if broken_down(indicator, values):
            return ""  # a breakdown's figures are its table; a point per period would show one of them
        spec = chart_spec(indicator, values, summary)
        key = hashlib.sha256(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()
        found = self.current.get(key) or self.previous.get(key)
        if found is None:
            self.rendered += 1
            found = render(spec)
        else:
            self.reused += 1
        self.current[key] = found
        return found

    def __len__(self) -> int:
        """How many charts the cache holds."""
        return len(self.current.keys() | self.previous.keys())


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    """A point marker; the shape tells the series apart without colour."""
    if shape == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4.5" fill="{colour}"/>'
    if shape == "square":
        return (
            f'<rect x="{_n(x - 4)}" y="{_n(y - 4)}" width="8" height="8" fill="#fff" stroke="{colour}"'
            ' stroke-width="2"/>'
        )
    if shape == "diamond":
        return (
            f'<path d="M{_n(x)} {_n(y - 5.5)}L{_n(x + 5.5)} {_n(y)}L{_n(x)} {_n(y + 5.5)}L{_n(x - 5.5)} {_n(y)}Z"'
            f' fill="{colour}"/>'
        )
    return (
        f'<path d="M{_n(x)} {_n(y - 5.5)}L{_n(x + 5)} {_n(y + 4)}L{_n(x - 5)} {_n(y + 4)}Z" fill="#fff"'
        f' stroke="{colour}" stroke-width="2"/>'
    )


def _legend(spec: dict[str, Any]) -> tuple[list[str], float]:
    """Legend lines at the top, one per series; returns the SVG and the height used."""
    out, y = [], 20.0
    entries = [(s["area"] + (" (this area)" if i == 0 else ""), STYLES[i]) for i, s in enumerate(spec["series"])]
    for label, (colour, dash, shape) in entries:
        out.append(
            f'<line x1="8" y1="{_n(y - 4)}" x2="36" y2="{_n(y - 4)}" stroke="{colour}" stroke-width="2"'
            + (f' stroke-dasharray="{dash}"' if dash else "")
            + "/>"
        )
        out.append(_marker(shape, 22, y - 4, colour))
        out.append(f'<text x="44" y="{_n(y)}">{escape(_short(label, 48))}</text>')
        y += 22
    if spec["targets"]:
        out.append(
            f'<line x1="8" y1="{_n(y - 4)}" x2="36" y2="{_n(y - 4)}" stroke="#b00020" stroke-width="3"'
            ' stroke-dasharray="1 3"/>'
        )
        out.append(f'<text x="44" y="{_n(y)}">Target</text>')
        y += 22
    if spec["others"]:
        out.append(f'<text x="8" y="{_n(y)}">{spec["others"]} more areas in the table below</text>')
        y += 22
    if spec["omitted"]:
        note = f"Not drawn: {spec['omitted']} values for other kinds of period (see the table)"
        out.append(f'<text x="8" y="{_n(y)}" font-size="15">{note}</text>')
        y += 22
    return out, y


def _short(text: str, size: int) -> str:
    """Shorten a label for the axis; the full text is in the table."""
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def render(spec: dict[str, Any]) -> str:
    """Draw a chart spec as SVG text."""
    legend, top = _legend(spec)
    height = H + top
    numbers = [x for s in spec["series"] for p in s["points"] for x in p[1:] if x is not None]
    numbers += [t[1] for t in spec["targets"]]
    ticks = nice_ticks(min(numbers, default=0), max(numbers, default=1))
    lo, hi = ticks[0], ticks[-1]
    y0, y1 = height - BOTTOM, top + 24
    count = max(len(spec["periods"]), 1)
    slot = (W - LEFT - RIGHT) / count

    def sx(i: float) -> float:
        return LEFT + slot * (i + 0.5)

    def sy(v: float) -> float:
        return y0 - (v - lo) / (hi - lo) * (y0 - y1)

    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mb-chart" viewBox="0 0 {W} {_n(height)}" role="img"'
        f' aria-labelledby="chart-title chart-desc" font-family="sans-serif" font-size="17" fill="#1a1a1a"'
        ' style="width:100%;max-width:672px;height:auto">',
        f'<title id="chart-title">{escape(spec["title"])}</title>',
        f'<desc id="chart-desc">{escape(spec["summary"])}</desc>',
        *legend,
    ]
    for t in ticks:
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{_n(sy(t))}" y2="{_n(sy(t))}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 6}" y="{_n(sy(t) + 4)}" text-anchor="end">{_tick_text(t, step)}</text>')
    if spec["unit"]:
        out.append(f'<text x="8" y="{_n(y1 - 12)}" font-size="15">{escape(_short(spec["unit"], 40))}</text>')
    out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{_n(y0)}" y2="{_n(y0)}" stroke="#333"/>')
    every = max(1, math.ceil(count / 8))
    for i, period in enumerate(spec["periods"]):
        if (count - 1 - i) % every == 0:
            x = sx(i)
            at = f'x="{_n(x)}" y="{_n(y0 + 16)}"'
            out.append(
                f'<text {at} text-anchor="end" transform="rotate(-35 {_n(x)} {_n(y0 + 16)})"'
                f' font-size="15">{escape(_short(period, 16))}</text>'
            )
    for t in spec["targets"]:
        x, y = sx(t[0]), sy(t[1])
        out.append(
            f'<line x1="{_n(x - slot * 0.4)}" x2="{_n(x + slot * 0.4)}" y1="{_n(y)}" y2="{_n(y)}"'
            ' stroke="#b00020"'
            ' stroke-width="3" stroke-dasharray="1 3"/>'
        )
    for index, s in enumerate(reversed(spec["series"])):
        number = len(spec["series"]) - 1 - index
        shift = (len(spec["series"]) - 1 - index - (len(spec["series"]) - 1) / 2) * min(6.0, slot / 8)
        out += _series(s, lambda i, d=shift: sx(i) + d, sy, STYLES[number], spec["unit"], spec["periods"], number == 0)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _series(
    s: dict[str, Any], sx: Any, sy: Any, style: tuple[str, str, str], unit: str, periods: list[str], whiskers: bool
) -> list[str]:
    """One area's line, its confidence whiskers if asked, and markers titled with their values."""
    colour, dash, shape = style
    pts = s["points"]
    out = []
    if len(pts) > 1:
        d = " ".join(f"{'M' if k == 0 else 'L'}{_n(sx(p[0]))} {_n(sy(p[1]))}" for k, p in enumerate(pts))
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>')
    for i, v, low, high in pts:
        x = sx(i)
        if whiskers and low is not None and high is not None:
            out.append(
                f'<path d="M{_n(x)} {_n(sy(low))}V{_n(sy(high))}M{_n(x - 4)} {_n(sy(low))}H{_n(x + 4)}'
                f'M{_n(x - 4)} {_n(sy(high))}H{_n(x + 4)}" stroke="{colour}" stroke-width="1.5" fill="none"/>'
            )
        if len(pts) <= 12:  # a tooltip per point; long series rely on the table
            label = f"{s['area']}, {periods[i]}: {v:g}{(' ' + unit) if unit else ''}"
            out.append(f"<g><title>{escape(label)}</title>{_marker(shape, x, sy(v), colour)}</g>")
        else:
            out.append(_marker(shape, x, sy(v), colour))
    return out
