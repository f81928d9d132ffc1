"""The CSV download beside every indicator page: its values in the data file's columns and order."""

from __future__ import annotations

from functools import partial

from generator import urls
from generator.exports.cells import write_csv
from generator.records.indicator import INDICATOR_COLUMNS, Indicator, IndicatorValue
from generator.site.graph import Site
from generator.site.reuse import Output, serialised


def indicator_csv(indicator: Indicator, values: list[IndicatorValue]) -> bytes:
    """The indicator's values as CSV, in the data file's columns and order."""
    rows = ([indicator.id, *(getattr(v, c, None) for c in INDICATOR_COLUMNS)] for v in values)
    return write_csv(["indicator_id", *INDICATOR_COLUMNS], rows)


def indicator_csv_files(site: Site) -> dict[str, Output]:
    """A CSV download beside every indicator page (a withdrawn indicator's page has none)."""
    files: dict[str, Output] = {}
    for iid in sorted(site.indicators):
        indicator, values = site.indicators[iid], site.values(iid)
        if not indicator.withdrawn:
            path = urls.indicator_csv_path(iid)
            args = (indicator.id, [[getattr(v, c, None) for c in INDICATOR_COLUMNS] for v in values])
            files[path] = serialised(path, args, partial(indicator_csv, indicator, values))
    return files
