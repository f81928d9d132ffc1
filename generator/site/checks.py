"""Cross-record rules: references resolve, attendance is honest, keys are unique.

Each kind's rules are its handler in ``CHECKS``; a kind without one gets the generic rules: its
source document exists, and every top-level field named after a kind (``board_id``,
``indicator_ids``) names a record of that kind. Kinds are checked in registry order, so a kind's
rules may use what an earlier kind's computed (strategies use the decisions of meetings).
"""

from __future__ import annotations

from collections.abc import Callable

from generator.records.board import Board
from generator.records.common import TopLevel
from generator.records.dataset import Models
from generator.records.diagnostics import Report
from generator.records.person import Person
from generator.records.registry import KINDS, Handlers, Kind
from generator.site.checks_boards import check_board_parts
from generator.site.checks_meetings import check_meetings
from generator.site.checks_organisations import check_organisations
from generator.site.checks_plans import check_indicators, check_strategies
from generator.site.checks_trackers import check_plans, check_work_programmes
from generator.site.graph import Checker, Site, by_key
from generator.site.redirects import collect

# The rules of one kind: given the site so far, the checker and the kind's records by key.
KindCheck = Callable[[Site, Checker, dict[str, TopLevel]], None]


def _generic(kind: Kind) -> KindCheck:
    """The generic rules fit every kind: its source and its references by field name."""
    return lambda site, check, records: check.references(records)


CHECKS: Handlers[KindCheck] = Handlers("checks", _generic)


def build_site(models: Models, report: Report) -> Site:
    """Resolve and check every reference; compute back-references."""
    site = Site(models)
    check = Checker(models, report)
    for kind in KINDS:
        CHECKS.of(kind)(site, check, models[kind.name])
    site.renames = collect(site, check)
    _warn_shared_aliases(check, models)
    return site


def _warn_shared_aliases(check: Checker, models: Models) -> None:
    """Warn when two people share a name or alias: search and readers could confuse them."""
    owners: dict[str, str] = {}
    person: Person
    for person in by_key(models["people"]):
        for i, name in enumerate([person.name, *person.aliases]):
            key = " ".join(name.lower().split())
            other = owners.setdefault(key, person.id)
            if other != person.id:
                loc = ("aliases", i - 1) if i else ("name",)
                check.at(person, loc, f"'{name}' is also a name of '{other}' (add a distinguishing alias)", warn=True)


def check_boards(site: Site, check: Checker, records: dict[str, TopLevel]) -> None:
    """Check every board's reports and seats; record who sits where."""
    for board in by_key(records):
        _check_board(site, check, board)


def check_people(site: Site, check: Checker, records: dict[str, TopLevel]) -> None:
    """Check every person's source and interests."""
    for person in by_key(records):
        _check_person(check, person)


def _check_board(site: Site, check: Checker, board: Board) -> None:
    check.ref(board, ("organisation_id",), board.organisation_id, "organisations")
    check.refs(board, ("reports_to_ids",), board.reports_to_ids, "boards")
    for target in board.reports_to_ids:
        if target in site.boards:
            site.reports_from[target].append(board)
    check.source(board, (), board.source)
    check_board_parts(site, check, board)
    for i, membership in enumerate(board.memberships):
        loc = ("memberships", i)
        if check.ref(board, (*loc, "person_id"), membership.person_id, "people") and membership.person_id:
            site.memberships_of[membership.person_id].append((board, membership))
        check.refs(board, (*loc, "substitute_for_ids"), membership.substitute_for_ids, "people")
        check.source(board, loc, membership.source)


def _check_person(check: Checker, person: Person) -> None:
    check.source(person, (), person.source)
    for i, post in enumerate(person.posts):
        check.ref(person, ("posts", i, "organisation_id"), post.organisation_id, "organisations")
        check.source(person, ("posts", i), post.source)
    for i, interest in enumerate(person.interests):
        check.ref(person, ("interests", i, "board_id"), interest.board_id, "boards")


CHECKS.register("organisations", check_organisations)
CHECKS.register("boards", check_boards)
CHECKS.register("people", check_people)
CHECKS.register("meetings", check_meetings)
CHECKS.register("strategies", check_strategies)
CHECKS.register("indicators", check_indicators)
CHECKS.register("plans", check_plans)
CHECKS.register("work-programmes", check_work_programmes)
