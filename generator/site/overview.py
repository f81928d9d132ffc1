"""A board's indicator overview as one table: a row per indicator, comparator values pivoted into columns."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from generator.site.frame import ENGLAND
from generator.site.graph import Site
from generator.site.indicators import IndicatorState, comparisons_of, indicator_states
from generator.site.stats import ANSWERS, with_unit


@dataclass
class OverviewRow:
    """One indicator's line of a board's overview."""

    state: IndicatorState
    england: str  # England's value for the headline's period, with its unit, or ''

    @property
    def rating(self) -> str:
        """The report's own rating of the headline, as printed, or ''."""
        shown = self.state.ratings
        return shown[0].printed if shown else ""


def board_overview(site: Site, board_id: str) -> list[OverviewRow]:
    """The board's indicators by title, each with England's value for its headline period (a pandas pivot)."""
    states = [s for s in indicator_states(site).values() if board_id in s.indicator.board_ids]
    states.sort(key=lambda s: (s.indicator.title, s.indicator.id))
    comps = comparisons_of(site)
    mine = comps[comps["indicator"].isin([s.indicator.id for s in states])]
    pivot = mine.pivot_table(index="indicator", columns="area", values="value_c", aggfunc="first")
    england = pivot[ENGLAND] if ENGLAND in pivot.columns else pd.Series(dtype=float)
    return [
        OverviewRow(s, with_unit(england[s.indicator.id], s.indicator.unit) if s.indicator.id in england.dropna() else "")
        for s in states
    ]


def counts(rows: list[OverviewRow]) -> dict[str, int]:
    """How many indicators a board's overview judges each way, and how many the report itself rates."""
    keys = pd.Series([r.state.judgement.key for r in rows], dtype="object")
    found = {k: int(n) for k, n in keys.value_counts().items() if k in ANSWERS}
    found["rated"] = sum(1 for r in rows if r.rating)
    return found
