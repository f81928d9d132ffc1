"""An indicator's table rows, its breakdowns by dimension, and its periods written one way within a table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from generator.site.periods import MONTHS, period_key
from generator.site.stats import value_text

_FINANCIAL = re.compile(r"^(\d{4})\s*[/-]\s*(\d{4}|\d{2})$|^(\d{2})/(\d{2})$")
_DATE = re.compile(r"^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{4}|\d{2})$")
MONTH_NAMES = ("January February March April May June July August September October November December").split()


@dataclass
class Breakdown:
    """One dimension's rows for one area and period, as its table prints them."""

    dimension: str
    area: str
    period: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    periods: int = 1  # how many periods this dimension has rows for (the table shows them all)


def _plain(text: str) -> str | None:
    """The one way a financial year or a date is written in a table that prints it several ways."""
    if _FINANCIAL.match(text):
        key = period_key(text)
        if key and key[3] == 1 and key[1] == 4:
            return f"{key[0]}/{(key[0] + 1) % 100:02d}"
    if (m := _DATE.match(text)) and m.group(2)[:3].lower() in MONTHS:
        key = period_key(text)
        if key:
            return f"{key[2]} {MONTH_NAMES[key[1] - 1]} {key[0]}"
    return None


def display_periods(periods: list[str]) -> dict[str, str]:
    """Each printed period's label: as printed, unless the table writes one kind of period two ways."""
    labels = {p: p for p in periods}
    plain = {p: _plain(p) for p in dict.fromkeys(periods)}
    for mark in ("/", " "):  # financial years ('2011/12'), then dates ('31 March 2012')
        forms = [p for p, q in plain.items() if q and mark in q]
        shapes = {re.sub(r"\d", "9", p) for p in forms}
        if len(shapes) > 1:
            labels.update({p: plain[p] or p for p in forms})
    return labels


def limits_text(lo: float | None, hi: float | None, value: float | None) -> str:
    """Limits written to the value's decimals, and at least one ('74.8 to 76.5'); '' without limits."""
    if lo is None or hi is None:
        return ""
    decimals = max(1, len(f"{value:g}".partition(".")[2]) if value is not None else 1)
    return f"{lo:,.{decimals}f} to {hi:,.{decimals}f}"


def records_of(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Every row of the values frame as a dict, missing values as None (once per build: the templates read dicts)."""
    return list(frame.astype(object).where(frame.notna(), None).to_dict("records"))


def table_rows(
    rows: pd.DataFrame, labels: dict[str, str], unit: str | None, records: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The rows of the values table, oldest period first, each with its label, value and interval in words."""
    out = []
    for i in rows.sort_values("order").index:  # formatting for the template, one row each
        r = dict(records[i])
        r["period_label"] = labels.get(r["period"], r["period"]) if r["period"] else "period not printed"
        r["area_label"] = r["area"] or "area not printed"
        r["value_text"] = value_text(r, unit) if r["value"] is not None or r["qualifier"] else "no value"
        r["value_cell"] = value_text(r, None) if r["value"] is not None or r["qualifier"] else "no value"
        r["ci95"] = limits_text(r["lo95"], r["hi95"], r["value"])
        r["ci998"] = limits_text(r["lo998"], r["hi998"], r["value"])
        out.append(r)
    return out


def breakdowns(
    rows: pd.DataFrame, labels: dict[str, str], unit: str | None, records: list[dict[str, Any]]
) -> list[Breakdown]:
    """Per dimension: its rows for the own area (else the area with most rows) in its latest period."""
    parts = rows[~rows["main"]]
    found = []
    for dimension in dict.fromkeys(parts["dimension"]):
        mine = parts[parts["dimension"] == dimension]
        own = mine[mine["own"]]
        chosen = own if not own.empty else mine[mine["area"].fillna("") == mine["area"].fillna("").mode().iloc[0]]
        dated = chosen[chosen["dated"]]
        last = dated.iloc[-1] if not dated.empty else chosen.iloc[-1]
        same = chosen[chosen["period"].fillna("") == (last["period"] or "")]
        area = last["area"] if isinstance(last["area"], str) else "area not printed"
        period = labels.get(last["period"], last["period"]) if isinstance(last["period"], str) else ""
        count = chosen["period"].fillna("").nunique()
        table = table_rows(same, labels, unit, records)
        found.append(Breakdown(dimension, area, period or "period not printed", table, count))
    return found
