"""Tables of strategies, priorities, indicators and indicator values."""

from __future__ import annotations

from generator import urls
from generator.exports.columns import WITHDRAWN, Table, c, top
from generator.site.graph import Site


def strategies_table(site: Site) -> Table:
    """Strategies and plans."""
    cols = [
        c("id"),
        c("title"),
        c("board_ids", description="Owning boards, separated by ';'."),
        c("period"),
        c("start", "date"),
        c("end", "date"),
        c("status"),
        c("document_url", description="Where it is published."),
        c("adopted_by", description="Key of the decision that adopted it."),
        c("url"),
        *WITHDRAWN,
    ]
    rows = [
        top(
            s,
            {
                "id": s.id,
                "title": s.title,
                "board_ids": ";".join(s.board_ids),
                "period": s.period,
                "start": s.start,
                "end": s.end,
                "status": s.status,
                "document_url": s.url,
                "adopted_by": s.adopted_by if s.adopted_by in site.decisions else None,
                "url": urls.strategy_url(s.id),
            },
        )
        for s in sorted(site.strategies.values(), key=lambda s: s.id)
    ]
    return Table("strategies", "Strategies", cols, rows, ["id"], [("adopted_by", "resolutions")])


def priorities_table(site: Site) -> Table:
    """Priorities within strategies."""
    cols = [
        c("id", description="<strategy>/<priority>."),
        c("strategy_id"),
        c("position", "integer"),
        c("title"),
        c("indicator_ids", description="Indicators that measure it, separated by ';'."),
    ]
    rows = [
        {
            "id": f"{s.id}/{p.id}",
            "strategy_id": s.id,
            "position": i,
            "title": p.title,
            "indicator_ids": ";".join(p.indicator_ids),
        }
        for s in sorted(site.strategies.values(), key=lambda s: s.id)
        if not s.withdrawn
        for i, p in enumerate(s.priorities, start=1)
    ]
    return Table("priorities", "Strategy priorities", cols, rows, ["id"], [("strategy_id", "strategies")])


def indicators_table(site: Site) -> Table:
    """Indicators the boards watch."""
    cols = [
        c("id"),
        c("title"),
        c("definition"),
        c("unit"),
        c("value_type"),
        c("polarity"),
        c("framework"),
        c("code"),
        c("frequency"),
        c("area"),
        c("board_ids", description="Boards that watch it, separated by ';'."),
        c("url"),
        *WITHDRAWN,
    ]
    rows = [
        top(
            i,
            {
                "id": i.id,
                "title": i.title,
                "definition": i.definition,
                "unit": i.unit,
                "value_type": i.value_type,
                "polarity": i.polarity,
                "framework": i.framework,
                "code": i.code,
                "frequency": i.frequency,
                "area": i.area,
                "board_ids": ";".join(i.board_ids),
                "url": urls.indicator_url(i.id),
            },
        )
        for i in sorted(site.indicators.values(), key=lambda i: i.id)
    ]
    return Table("indicators", "Indicators", cols, rows, ["id"], [])


VALUE_COLUMNS = ("value", "lower_ci", "upper_ci", "count", "denominator", "target")


def values_table(site: Site) -> Table:
    """Every indicator value, in file order."""
    cols = [
        c("id", description="<indicator>/<row>."),
        c("indicator_id"),
        c("period"),
        c("area"),
        c("area_code"),
        *(c(name, "number") for name in VALUE_COLUMNS),
        c("note"),
    ]
    rows = [
        {
            "id": f"{ind.id}/{n}",
            "indicator_id": ind.id,
            "period": v.period,
            "area": v.area,
            "area_code": v.area_code,
            **{name: getattr(v, name) for name in VALUE_COLUMNS},
            "note": v.note,
        }
        for ind in sorted(site.indicators.values(), key=lambda i: i.id)
        if not ind.withdrawn
        for n, v in enumerate(site.values(ind.id), start=1)
    ]
    return Table("indicator_values", "Indicator values", cols, rows, ["id"], [("indicator_id", "indicators")])
