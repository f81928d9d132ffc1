"""Indicator charts over time as deterministic SVG: text as <text>, a <title> and <desc>, no script.

A chart says what it shows. Its legend lists only the series it draws; values for another kind of
period (quarters beside years) get a chart of their own instead of being dropped; undated and
qualified values ('over 500') are not drawn, and the caption says they are in the table; the axis
starts at zero for counts, percentages, rates and money unless the indicator says why not.

The same data always gives the same bytes. A chart whose data has not changed since the last build
of the same process (the preview) is reused from a ChartCache keyed by a hash of its data; the cache
keeps the charts of the last build and this one, so it never outgrows the site.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from markupsafe import escape

from generator.records.indicator import Indicator
from generator.render.axes import ZERO_BASED, Axis, fmt, short
from generator.site.frame import ENGLAND
from generator.site.periods import kind_name, period_key, sort_periods

W, H = 480, 320
LEFT, RIGHT, BOTTOM = 66, 14, 92
MAX_SERIES = 4
STYLES = (  # own area first: (stroke, dash, marker)
    ("#1d3f72", "", "circle"),
    ("#555555", "6 4", "square"),
    ("#7a4a00", "2 3", "diamond"),
    ("#2f6b2f", "9 3 2 3", "triangle"),
)


def drawable(row: dict[str, Any]) -> bool:
    """Whether a table row is a point of a chart over time: main series, a plain value, a dated period."""
    return bool(row["main"] and row["value"] is not None and not row["qualifier"] and period_key(row["period"]))


def chart_specs(indicator: Indicator, rows: list[dict[str, Any]], own: str, summary: str) -> list[dict[str, Any]]:
    """One chart per kind of period, the kind of the latest own value first."""
    points = [r for r in rows if drawable(r)]
    kinds = list(dict.fromkeys(kind_name(r["period"]) for r in reversed(points) if r["area"] == own))
    kinds += [k for k in dict.fromkeys(kind_name(r["period"]) for r in points) if k not in kinds]
    specs = []
    for n, kind in enumerate(kinds, start=1):
        mine = [r for r in points if kind_name(r["period"]) == kind]
        title = indicator.title if len(kinds) == 1 else f"{indicator.title} ({kind})"
        desc = summary if n == 1 else f"{title}: values for {kind}, as in the table of values."
        specs.append(_spec(indicator, mine, own, title, desc, f"chart-{n}"))
    return specs


def _spec(
    indicator: Indicator, rows: list[dict[str, Any]], own: str, title: str, desc: str, key: str
) -> dict[str, Any]:
    """The data one chart shows, as plain JSON-able values (the cache key hashes this)."""
    order = [own, ENGLAND, *indicator.comparators, *(r["area"] for r in rows)]
    areas = [a for a in dict.fromkeys(order) if any(r["area"] == a for r in rows)]
    periods = sort_periods([r["period"] for r in rows if r["area"] in areas[:MAX_SERIES]])
    series = []
    for area in areas[:MAX_SERIES]:
        mine = {r["period"]: r for r in rows if r["area"] == area}
        pts = [[periods.index(p), mine[p]["value"], *_limits(mine[p])] for p in periods if p in mine]
        series.append({"area": area, "own": area == own, "points": pts})
    labels = {r["period"]: r["period_label"] for r in rows}
    targets = [[periods.index(r["period"]), r["target"]] for r in rows if r["area"] == own and r["target"] is not None]
    return {
        "id": key,
        "title": title,
        "unit": indicator.unit or "",
        "summary": desc,
        "periods": [labels.get(p, p) for p in periods],
        "series": series,
        "targets": [t for t in targets if t[0] < len(periods)],
        "others": max(0, len(areas) - MAX_SERIES),
        "zero": indicator.value_type in ZERO_BASED and not indicator.axis_not_from_zero,
    }


def _limits(row: dict[str, Any]) -> list[float | None]:
    """The row's 95% limits (its 99.8% limits where only those are printed)."""
    if row["lo95"] is not None:
        return [row["lo95"], row["hi95"]]
    return [row["lo998"], row["hi998"]] if row["lo998"] is not None else [None, None]


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

    def svg(self, spec: dict[str, Any], draw: Any = None) -> str:
        """The chart of a spec, reused when its data is unchanged since the last build or in this one."""
        key = hashlib.sha256(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()
        found = self.current.get(key) or self.previous.get(key)
        if found is None:
            self.rendered += 1
            found = (draw or render)(spec)
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
        return f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="4.5" fill="{colour}"/>'
    if shape == "square":
        return (
            f'<rect x="{fmt(x - 4)}" y="{fmt(y - 4)}" width="8" height="8" fill="#fff" stroke="{colour}"'
            ' stroke-width="2"/>'
        )
    if shape == "diamond":
        return (
            f'<path d="M{fmt(x)} {fmt(y - 5.5)}L{fmt(x + 5.5)} {fmt(y)}L{fmt(x)} {fmt(y + 5.5)}'
            f'L{fmt(x - 5.5)} {fmt(y)}Z" fill="{colour}"/>'
        )
    return (
        f'<path d="M{fmt(x)} {fmt(y - 5.5)}L{fmt(x + 5)} {fmt(y + 4)}L{fmt(x - 5)} {fmt(y + 4)}Z" fill="#fff"'
        f' stroke="{colour}" stroke-width="2"/>'
    )


def _legend(spec: dict[str, Any]) -> tuple[list[str], float]:
    """Legend lines at the top, one per drawn series; returns the SVG and the height used."""
    out, y = [], 20.0
    for i, s in enumerate(spec["series"]):
        colour, dash, shape = STYLES[i]
        label = s["area"] + (" (this area)" if s["own"] else "")
        out.append(
            f'<line x1="8" y1="{fmt(y - 4)}" x2="36" y2="{fmt(y - 4)}" stroke="{colour}" stroke-width="2"'
            + (f' stroke-dasharray="{dash}"' if dash else "")
            + "/>"
        )
        out.append(_marker(shape, 22, y - 4, colour))
        out.append(f'<text x="44" y="{fmt(y)}">{escape(short(label, 48))}</text>')
        y += 22
    if spec["targets"]:
        out.append(
            f'<line x1="8" y1="{fmt(y - 4)}" x2="36" y2="{fmt(y - 4)}" stroke="#b00020" stroke-width="3"'
            ' stroke-dasharray="1 3"/>'
        )
        out.append(f'<text x="44" y="{fmt(y)}">Target</text>')
        y += 22
    if spec["others"]:
        more = f"{spec['others']} more area{'s' if spec['others'] > 1 else ''}"
        out.append(f'<text x="8" y="{fmt(y)}">{more} in the table below</text>')
        y += 22
    return out, y


def render(spec: dict[str, Any]) -> str:
    """Draw a chart spec as SVG text."""
    legend, top = _legend(spec)
    height = H + top
    numbers = [x for s in spec["series"] for p in s["points"] for x in p[1:] if x is not None]
    numbers += [t[1] for t in spec["targets"]]
    axis = Axis(numbers, spec["zero"], height - BOTTOM, top + 24)
    count = max(len(spec["periods"]), 1)
    slot = (W - LEFT - RIGHT) / count

    def sx(i: float) -> float:
        return LEFT + slot * (i + 0.5)

    ids = f"{spec['id']}-title {spec['id']}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mb-chart" viewBox="0 0 {W} {fmt(height)}" role="img"'
        f' aria-labelledby="{ids}" font-family="sans-serif" font-size="17" fill="#1a1a1a"'
        ' style="width:100%;max-width:672px;height:auto">',
        f'<title id="{spec["id"]}-title">{escape(spec["title"])}</title>',
        f'<desc id="{spec["id"]}-desc">{escape(spec["summary"])}</desc>',
        *legend,
        *axis.grid(LEFT, W - RIGHT),
    ]
    if spec["unit"]:
        out.append(f'<text x="8" y="{fmt(axis.top - 12)}" font-size="15">{escape(short(spec["unit"], 40))}</text>')
    every = max(1, -(-count // 8))
    for i, period in enumerate(spec["periods"]):
        if (count - 1 - i) % every == 0:
            px, py = fmt(sx(i)), fmt(axis.bottom + 16)
            out.append(
                f'<text x="{px}" y="{py}" text-anchor="end" transform="rotate(-35 {px} {py})"'
                f' font-size="15">{escape(short(period, 16))}</text>'
            )
    for t in spec["targets"]:
        x, y = sx(t[0]), axis.y(t[1])
        out.append(
            f'<line x1="{fmt(x - slot * 0.4)}" x2="{fmt(x + slot * 0.4)}" y1="{fmt(y)}" y2="{fmt(y)}"'
            ' stroke="#b00020" stroke-width="3" stroke-dasharray="1 3"/>'
        )
    n = len(spec["series"])
    for index, s in enumerate(reversed(spec["series"])):
        number = n - 1 - index
        shift = (number - (n - 1) / 2) * min(6.0, slot / 8)
        out += _series(s, lambda i, d=shift: sx(i) + d, axis, STYLES[number], spec)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _series(s: dict[str, Any], sx: Any, axis: Axis, style: tuple[str, str, str], spec: dict[str, Any]) -> list[str]:
    """One area's line, its confidence whiskers, and markers titled with their values."""
    colour, dash, shape = style
    pts, unit = s["points"], spec["unit"]
    out = []
    if len(pts) > 1:
        d = " ".join(f"{'M' if k == 0 else 'L'}{fmt(sx(p[0]))} {fmt(axis.y(p[1]))}" for k, p in enumerate(pts))
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>')
    for i, v, low, high in pts:
        x = sx(i)
        if s["own"] and low is not None and high is not None:  # comparators' limits are in the table
            out.append(
                f'<path d="M{fmt(x)} {fmt(axis.y(low))}V{fmt(axis.y(high))}M{fmt(x - 4)} {fmt(axis.y(low))}'
                f'H{fmt(x + 4)}M{fmt(x - 4)} {fmt(axis.y(high))}H{fmt(x + 4)}" stroke="{colour}" stroke-width="1.5"'
                ' fill="none"/>'
            )
        if len(pts) <= 12:  # a tooltip per point; long series rely on the table
            label = f"{s['area']}, {spec['periods'][i]}: {v:g}{(' ' + unit) if unit else ''}"
            out.append(f"<g><title>{escape(label)}</title>{_marker(shape, x, axis.y(v), colour)}</g>")
        else:
            out.append(_marker(shape, x, axis.y(v), colour))
    return out
