"""Tables of strategies, priorities, indicators and indicator values."""

from __future__ import annotations

from generator import urls
from generator.exports.columns import (
    WITHDRAWN,
    Table,
    derived,
    field,
    fields,
    key_column,
    record_rows,
    rows_of,
    url_column,
)
from generator.records.indicator import Indicator, IndicatorValue
from generator.records.strategy import Priority, Strategy
from generator.site.graph import Site

BREAKDOWN_COLUMNS = ("dimension", "group", "category", "row_type")
VALUE_COLUMNS = (
    "value",
    "qualifier",
    "printed",
    "value_upper",
    "lower_ci",
    "upper_ci",
    "ci_level",
    "count",
    "denominator",
    "standard_population",
    "target",
)


def strategies_table(site: Site) -> Table:
    """Strategies and plans."""
    cols = [
        *fields(Strategy, "id", "title", "board_ids", "period", "start", "end", "status"),
        field(Strategy, "url", column="document_url"),
        derived(
            "adopted_by",
            "Key of the decision that adopted it (empty when no such decision is on record).",
            lambda s: s.adopted_by if s.adopted_by in site.decisions else None,
        ),
        url_column(lambda s: urls.strategy_url(s.id)),
        *WITHDRAWN,
    ]
    rows = record_rows(cols, sorted(site.strategies.values(), key=lambda s: s.id))
    return Table("strategies", "Strategies", cols, rows, ["id"], [("adopted_by", "resolutions")])


def priorities_table(site: Site) -> Table:
    """Priorities within strategies: (strategy, n, priority) for its n-th priority."""
    cols = [
        key_column("<strategy>/<priority>.", lambda s: f"{s[0].id}/{s[2].id}"),
        derived("strategy_id", "The strategy.", lambda s: s[0].id),
        derived("position", "Its place in the strategy's order of priorities, from 1.", lambda s: s[1], "integer"),
        *fields(Priority, "title", "indicator_ids", of=lambda s: s[2]),
    ]
    rows = rows_of(
        cols,
        [
            (s, n, p)
            for s in sorted(site.strategies.values(), key=lambda s: s.id)
            if not s.withdrawn
            for n, p in enumerate(s.priorities, start=1)
        ],
    )
    return Table("priorities", "Strategy priorities", cols, rows, ["id"], [("strategy_id", "strategies")])


def indicators_table(site: Site) -> Table:
    """Indicators the boards watch."""
    names = (
        "id",
        "title",
        "definition",
        "unit",
        "value_type",
        "rate_type",
        "polarity",
        "framework",
        "code",
        "national_code",
        "frequency",
        "area",
    )
    cols = [
        *fields(Indicator, *names, "board_ids", "comparators", "indicator_ids"),
        url_column(lambda i: urls.indicator_url(i.id)),
        *WITHDRAWN,
    ]
    rows = record_rows(cols, sorted(site.indicators.values(), key=lambda i: i.id))
    return Table("indicators", "Indicators", cols, rows, ["id"], [])


def values_table(site: Site) -> Table:
    """Every indicator value, in file order: (indicator, n, value) for the n-th row of its file."""
    cols = [
        key_column("<indicator>/<row>.", lambda s: f"{s[0].id}/{s[1]}"),
        derived("indicator_id", "The indicator.", lambda s: s[0].id),
        *fields(
            IndicatorValue,
            "period",
            "area",
            "area_code",
            *BREAKDOWN_COLUMNS,
            *VALUE_COLUMNS,
            "note",
            "source_pages",
            "source_line",
            of=lambda s: s[2],
        ),
    ]
    rows = rows_of(
        cols,
        [
            (ind, n, v)
            for ind in sorted(site.indicators.values(), key=lambda i: i.id)
            if not ind.withdrawn
            for n, v in enumerate(site.values(ind.id), start=1)
        ],
    )
    return Table("indicator_values", "Indicator values", cols, rows, ["id"], [("indicator_id", "indicators")])
