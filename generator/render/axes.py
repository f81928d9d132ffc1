"""What every SVG chart shares: number formatting, round ticks, and an axis that starts at zero when it should."""

from __future__ import annotations

import math

ZERO_BASED = ("count", "percentage", "rate", "pounds")  # amounts: a bar or a line from zero reads true


def fmt(x: float) -> str:
    """A coordinate with one decimal, always printed the same way."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def short(text: str, size: int) -> str:
    """Shorten a label; the full text is in the table."""
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


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


def tick_text(t: float, step: float) -> str:
    """A tick label with as many decimals as the step needs."""
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    return f"{t:,.{decimals}f}"


class Axis:
    """A value axis from ``bottom`` (pixels) up to ``top``, with round ticks; from zero when ``zero``."""

    def __init__(self, numbers: list[float], zero: bool, bottom: float, top: float) -> None:
        lo, hi = min(numbers, default=0.0), max(numbers, default=1.0)
        if zero:
            lo, hi = min(lo, 0.0), max(hi, 0.0)
            if hi == lo == 0:
                hi = 1.0
        self.ticks = nice_ticks(lo, hi)
        self.lo, self.hi = self.ticks[0], self.ticks[-1]
        self.bottom, self.top = bottom, top
        self.step = self.ticks[1] - self.ticks[0] if len(self.ticks) > 1 else 1.0

    def y(self, v: float) -> float:
        """The pixel of value ``v``."""
        return self.bottom - (v - self.lo) / (self.hi - self.lo) * (self.bottom - self.top)

    def grid(self, left: float, right: float) -> list[str]:
        """Horizontal grid lines with their labels, and the base line."""
        out = []
        for t in self.ticks:
            y = fmt(self.y(t))
            out.append(f'<line x1="{fmt(left)}" x2="{fmt(right)}" y1="{y}" y2="{y}" stroke="#ddd"/>')
            out.append(
                f'<text x="{fmt(left - 6)}" y="{fmt(self.y(t) + 4)}" text-anchor="end">{tick_text(t, self.step)}</text>'
            )
        base = fmt(self.bottom)
        out.append(f'<line x1="{fmt(left)}" x2="{fmt(right)}" y1="{base}" y2="{base}" stroke="#333"/>')
        return out
