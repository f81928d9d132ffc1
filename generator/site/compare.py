"""Comparison across boards: the areas of every board that publishes an indicator with the same national code.

Only indicators of one kind of value and unit are compared (a count of children is not a percentage);
the others are named with the reason. Areas are ranked within each period, best first through the
indicator's polarity (highest first where there is none); values printed as bounds are listed but
not ranked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from generator import urls
from generator.records.indicator import Indicator
from generator.site.breakdowns import display_periods, limits_text
from generator.site.frame import ENGLAND
from generator.site.graph import Site
from generator.site.indicators import values_of
from generator.site.stats import value_text, with_unit


@dataclass
class ComparePeriod:
    """One period's ranked areas, and England's value for it where recorded."""

    period: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    england: float | None = None


@dataclass
class CompareGroup:
    """Indicators of several boards sharing a national code, ranked area by area in each period."""

    code: str
    indicators: list[Indicator]
    excluded: list[tuple[Indicator, str]] = field(default_factory=list)
    periods: list[ComparePeriod] = field(default_factory=list)

    @property
    def england_text(self) -> dict[str, str]:
        """England's value of each period, with the unit."""
        return {p.period: with_unit(p.england, self.lead.unit) for p in self.periods if p.england is not None}

    @property
    def url(self) -> str:
        """The page's URL."""
        return urls.indicator_compare_url(self.code)

    @property
    def lead(self) -> Indicator:
        """The indicator whose title, unit and polarity the page uses."""
        return self.indicators[0]


def compare_groups(site: Site) -> list[CompareGroup]:
    """Every national code published for at least two areas (normally by two boards), comparable ones only."""
    by_code: dict[str, list[Indicator]] = {}
    for ind in sorted(site.indicators.values(), key=lambda i: i.id):
        if ind.national_code and not ind.withdrawn:
            by_code.setdefault(ind.national_code, []).append(ind)
    groups = []
    for code, inds in sorted(by_code.items()):
        kept, excluded = _comparable(inds)
        if len(kept) >= 2 and len({i.area for i in kept}) >= 2:
            groups.append(_ranked(site, CompareGroup(code, kept, excluded)))
    return groups


def _comparable(inds: list[Indicator]) -> tuple[list[Indicator], list[tuple[Indicator, str]]]:
    """The indicators sharing the most common kind of value and unit, and why the others are left out."""
    kinds = [(i.value_type, i.unit) for i in inds]
    common = max(dict.fromkeys(kinds), key=kinds.count)
    kept = [i for i in inds if (i.value_type, i.unit) == common]
    why = f"its values are a {{0}} ({{1}}), the others' a {common[0]} ({common[1] or 'no unit'}): not comparable"
    return kept, [(i, why.format(i.value_type, i.unit or "no unit")) for i in inds if i not in kept]


def _ranked(site: Site, group: CompareGroup) -> CompareGroup:
    """Fill each period's rows, ranked best first (pandas groupby-rank over the periods)."""
    frame = values_of(site)
    ids = [i.id for i in group.indicators]
    rows = frame[frame["indicator"].isin(ids) & frame["main"] & frame["dated"]]
    own = rows[rows["own"]].copy()
    england = rows[rows["area"].eq(ENGLAND) & rows["value"].notna()]
    labels = display_periods(rows["period"].dropna().tolist())
    own["label"] = own["period"].map(labels)
    own["key"] = list(zip(own["p_year"], own["p_month"], own["p_span"], strict=True))
    polarity = group.lead.polarity
    rankable = own["value"].notna() & own["qualifier"].isna()
    own["rank"] = own[rankable].groupby("key")["value"].rank(ascending=polarity == "lower-is-better", method="min")
    england_keys = list(zip(england["p_year"], england["p_month"], england["p_span"], strict=True))
    for key, part in own.sort_values(["p_year", "p_month", "p_span"]).groupby("key", sort=False):
        period = ComparePeriod(str(part["label"].iloc[-1]))
        same = england[[k == key for k in england_keys]]
        period.england = float(same["value"].iloc[0]) if len(same) else None
        period.rows = [_row(site, r, group) for r in part.sort_values(["rank", "area"]).to_dict("records")]
        if len(period.rows) >= 2:  # one area alone is not a comparison (its own page has every period)
            group.periods.append(period)
    return group


def _row(site: Site, r: dict[str, Any], group: CompareGroup) -> dict[str, Any]:
    """One area's line of a period's table."""
    ind = next(i for i in group.indicators if i.id == r["indicator"])
    at95 = not pd.isna(r["lo95"])
    lo, hi = (r["lo95"], r["hi95"]) if at95 else (r["lo998"], r["hi998"])
    value = None if pd.isna(r["value"]) or not pd.isna(r["qualifier"]) else float(r["value"])
    interval = "" if pd.isna(lo) else limits_text(float(lo), float(hi), value)
    return {
        "area": r["area"],
        "indicator": ind,
        "boards": [site.boards[b] for b in ind.board_ids if b in site.boards],
        "value": value,
        # Written to the value's decimals, as on the indicator's page; the header says 95%, so other levels say theirs.
        "interval": interval if at95 or not interval else f"{interval} (99.8%)",
        "value_text": value_text(r, ind.unit),
        "lo": None if pd.isna(lo) else float(lo),
        "hi": None if pd.isna(hi) else float(hi),
        "method": None if pd.isna(r["ci_method"]) else r["ci_method"],
        "rank": None if pd.isna(r["rank"]) else int(r["rank"]),
    }
