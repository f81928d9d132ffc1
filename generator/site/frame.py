"""Every indicator value of the site in one pandas DataFrame, with its period read and its interval computed.

The statistics work on this table, not on lists of rows: grouping by indicator, area, period and
breakdown, the latest values, the pivots of the overview tables and the intervals are pandas and
numpy operations over it. The one loop over rows is the one that reads the validated records into
the table (`_records`): pydantic models are Python objects, and this is where they become columns.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from generator.records.indicator import INDICATOR_COLUMNS, Indicator
from generator.site.graph import Site
from generator.site.periods import is_annual, period_key
from generator.site.rowstats import add_intervals

ENGLAND = "England"
NUMBERS = ("value", "value_upper", "lower_ci", "upper_ci", "count", "denominator", "standard_population", "target")


def own_area(indicator: Indicator, areas: list[str]) -> str:
    """The indicator's own area: as declared, or the first area in the file."""
    if indicator.area and indicator.area in areas:
        return indicator.area
    return areas[0] if areas else (indicator.area or "")


def multiplier(indicator: Indicator) -> float:
    """What a value is 'per': 100 for a percentage, N for a rate 'per N', else NaN (not known)."""
    if indicator.value_type == "percentage":
        return 100.0
    m = re.search(r"per\s+([\d,]+)", indicator.unit or "")
    return float(m.group(1).replace(",", "")) if m else float("nan")


def indicator_frame(site: Site) -> pd.DataFrame:
    """One row per indicator: what the statistics need to know about it."""
    rows = [
        {
            "indicator": i.id,
            "value_type": i.value_type,
            "rate_type": i.rate_type,
            "polarity": i.polarity,
            "multiplier": multiplier(i),
            "own_area": own_area(i, [v.area for v in site.values(i.id) if v.area]),
        }
        for i in site.indicators.values()
    ]
    return pd.DataFrame(rows, columns=["indicator", "value_type", "rate_type", "polarity", "multiplier", "own_area"])


def _records(site: Site) -> list[dict[str, object]]:
    """Every value row as a plain dict (reading the records is the one walk over rows)."""
    return [
        {"indicator": iid, "row": n, **{c: getattr(v, c) for c in INDICATOR_COLUMNS}}
        for iid in sorted(site.indicators)
        for n, v in enumerate(site.values(iid))
    ]


def values_frame(site: Site) -> pd.DataFrame:
    """Every value of every indicator, with period order, breakdown flags and intervals."""
    frame = pd.DataFrame(_records(site), columns=["indicator", "row", *INDICATOR_COLUMNS])
    for column in NUMBERS:  # a column with no number at all would otherwise hold Python None, not NaN
        frame[column] = pd.to_numeric(frame[column]).astype(float)
    meta = indicator_frame(site)
    frame = frame.merge(meta, on="indicator", how="left")
    frame = add_periods(frame)
    frame["own"] = frame["area"].eq(frame["own_area"])
    frame["main"] = frame["category"].isna()
    return add_intervals(frame)


def add_periods(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns year, annual, dated and order: each period read once, the rows sorted oldest first."""
    periods = frame["period"].dropna().unique()
    keys = {p: period_key(p) for p in periods}
    key = frame["period"].map(keys)
    parts = pd.DataFrame(
        [k if isinstance(k, tuple) else (np.nan,) * 4 for k in key],
        columns=["p_year", "p_month", "p_day", "p_span"],
        index=frame.index,
    )
    frame = pd.concat([frame, parts], axis=1)
    frame["dated"] = parts["p_year"].notna()
    frame["year"] = parts["p_year"]
    frame["annual"] = frame["period"].map({p: is_annual(p) for p in periods}).fillna(False).astype(bool)
    frame["first_row"] = frame.groupby(["indicator", frame["period"].fillna("")])["row"].transform("min")
    order = ["indicator", "dated", "p_year", "p_month", "p_day", "p_span", "first_row", "row"]
    frame = frame.sort_values(order, ascending=[True, False, True, True, True, True, True, True], kind="stable")
    frame["order"] = frame.groupby("indicator").cumcount()
    return frame.reset_index(drop=True)
