"""Cross-record rules of strategies and indicators: references resolve, every indicator has its values.

An indicator's ratings, targets and rating key each cite a document, which must exist.
"""

from __future__ import annotations

from generator.records.common import TopLevel
from generator.records.indicator import Indicator
from generator.records.strategy import Strategy
from generator.records.suggest import did_you_mean
from generator.site.checks_organisations import check_body
from generator.site.graph import Checker, Site, broken_note, by_key


def check_strategies(site: Site, check: Checker, records: dict[str, TopLevel]) -> None:
    """Check every strategy (the priorities actions serve are checked with plans, once every action is known)."""
    check.references(records)  # board_ids, source
    strategy: Strategy
    for strategy in by_key(records):
        if strategy.adopted_by and strategy.adopted_by not in site.decisions:
            _unknown_decision(site, check, strategy, strategy.adopted_by)
        for i, owner in enumerate(strategy.owners):
            check_body(check, strategy, ("owners", i), owner)
        for i, priority in enumerate(strategy.priorities):
            check.refs(strategy, ("priorities", i, "indicator_ids"), priority.indicator_ids, "indicators")


def _unknown_decision(site: Site, check: Checker, strategy: Strategy, key: str) -> None:
    """Say why ``key`` names no decision: its meeting's or board's file has errors, or there is no such decision."""
    loc = ("adopted_by",)
    meeting, board = "/".join(key.split("/")[:2]), key.split("/")[0]
    if not (check.broken(strategy, loc, "meetings", meeting) or check.broken(strategy, loc, "boards", board)):
        check.at(strategy, loc, f"unknown decision '{key}'{did_you_mean(key, site.decisions)}")


def check_indicators(site: Site, check: Checker, records: dict[str, TopLevel]) -> None:
    """Check every indicator's references, that it has values, and that every values file has its indicator."""
    check.references(records)  # board_ids, source
    models = site.models
    values = models.rows["indicators"]
    indicator: Indicator
    for indicator in by_key(records):
        if indicator.id not in values and ("values", indicator.id) not in models.broken:
            check.at(indicator, ("id",), f"no values file: add data/indicators/{indicator.id}.csv")
        _check_printed_sources(check, indicator)
    for stem in sorted(values):
        if stem not in records:
            path = values[stem][0].origin.path if values[stem] else f"data/indicators/{stem}.csv"
            note = (
                broken_note(models, "indicators", stem)
                or f"values without an indicator: add data/indicators/{stem}.yml"
            )
            check.report.error(path, 1, "", note)



def _check_printed_sources(check: Checker, indicator: Indicator) -> None:
    """The document of every rating, target and rating key exists."""
    for name in ("ratings", "targets"):
        for n, part in enumerate(getattr(indicator, name)):
            check.source(indicator, (name, n), part.source)
    if indicator.rating_key is not None:
        check.source(indicator, ("rating_key",), indicator.rating_key.source)
