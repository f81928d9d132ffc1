"""Measure what indicator charts cost: per chart cold, per chart from the cache, and share of a render.

Usage: python scripts/bench_charts.py [DATA]   (default: data/)
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build  # noqa: E402
from generator.render import charts, render_site  # noqa: E402
from generator.site import stats  # noqa: E402


def per_chart(site: build.Site, repeat: int) -> tuple[float, int, int]:
    """Seconds per chart (best of ``repeat``), the number of charts and the largest in bytes."""
    work = [(i, site.values(i.id)) for i in site.indicators.values()]
    summaries = [stats.summary(i, v) for i, v in work]
    best, largest = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        for (indicator, values), text in zip(work, summaries, strict=True):
            svg = charts.render(charts.chart_spec(indicator, values, text))
            largest = max(largest, len(svg.encode()))
        best = min(best, time.perf_counter() - start)
    return best / max(len(work), 1), len(work), largest


def main() -> None:
    """Print the measurements."""
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data"
    report, site = build.check(data)
    if site is None:
        sys.exit("\n".join(report.lines()))
    cold, count, largest = per_chart(site, 5)
    print(f"charts: {count}; cold render {cold * 1e3:.3f} ms per chart; largest {largest / 1024:.1f} KB")
    cache = charts.ChartCache()  # kept across the two renders, as the preview keeps it across builds
    for label in ("first render (cache empty)", "second render (cache warm)"):
        start = time.perf_counter()
        render_site(site, date(2026, 11, 23), "Minutebook", "https://example.org/", cache)
        seconds = time.perf_counter() - start
        print(f"{label}: whole render_site {seconds:.3f} s; charts drawn {cache.rendered}, reused {cache.reused}")
    print(f"share of a cold whole render spent drawing charts: about {cold * count:.3f} s")


if __name__ == "__main__":
    main()
