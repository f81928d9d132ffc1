"""A board's indicator overview as one table: a row per indicator, comparator values pivoted into columns."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from generator.site.frame import ENGLAND
from generator.site.graph import Site
from generator.site.indicators import IndicatorState, comparisons_of, indicator_states
from generator.site.stats import ANSWERS, with_unit

SHORT = 90  # characters of a printed rating in the overview; the indicator's page has it whole


@dataclass
class OverviewRow:
    """One indicator's line of a board's overview."""

    state: IndicatorState
    england: str  # England's value for the headline's period, with its unit, or ''

    @property
    def rating(self) -> str:
        """The report's own rating of the headline as printed, shortened for the table ('' when none)."""
        shown = sorted(self.state.ratings, key=lambda r: (r.kind != "comparator", r.against != "England"))
        if not shown:
            return ""
        first = shown[0]
        text = first.printed if len(first.printed) <= SHORT else first.printed[: SHORT - 1].rstrip() + "…"
        keyed = first.meaning and not first.meaning.startswith("no key")
        return f"{text} ({first.meaning})" if keyed and len(first.printed) <= 3 else text


def board_overview(site: Site, board_id: str) -> list[OverviewRow]:
    """The board's indicators by title, each with England's value for its headline period (a pandas pivot)."""
    states = [s for s in indicator_states(site).values() if board_id in s.indicator.board_ids]
    states.sort(key=lambda s: (s.indicator.title, s.indicator.id))
    comps = comparisons_of(site)
    mine = comps[comps["indicator"].isin([s.indicator.id for s in states])]
    pivot = mine.pivot_table(index="indicator", columns="area", values="value_c", aggfunc="first")
    england = pivot[ENGLAND] if ENGLAND in pivot.columns else pd.Series(dtype=float)
    return [OverviewRow(s, _england(s, england)) for s in states]


def _england(state: IndicatorState, same_period: pd.Series) -> str:
    """England's value for the headline's period; else its latest, with its period; '' when none is printed."""
    iid, unit = state.indicator.id, state.indicator.unit
    if iid in same_period.dropna():
        return with_unit(same_period[iid], unit)
    rows = [r for r in state.rows if r["area"] == ENGLAND and r["main"] and r["value"] is not None and r["dated"]]
    return f"{with_unit(rows[-1]['value'], unit)} ({rows[-1]['period_label']})" if rows else ""


def counts(rows: list[OverviewRow]) -> dict[str, int]:
    """How many indicators a board's overview judges each way, and how many the report itself rates."""
    keys = pd.Series([r.state.judgement.key for r in rows], dtype="object")
    found = {k: int(n) for k, n in keys.value_counts().items() if k in ANSWERS}
    found["rated"] = sum(1 for r in rows if r.rating)
    return found
