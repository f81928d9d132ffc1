"""Cross-record rules of organisations: parents, predecessors and successors name organisations, one side only."""

from __future__ import annotations

from generator.records.common import BodyRef, Located, TopLevel
from generator.records.organisation import Organisation
from generator.site.graph import Checker, Site, by_key

LINKS = ("predecessor_ids", "successor_ids")
OTHER_SIDE = {"predecessor_ids": "successor_ids", "successor_ids": "predecessor_ids"}


def check_organisations(site: Site, check: Checker, records: dict[str, TopLevel]) -> None:
    """Check every organisation's references, then that no parent chain loops."""
    organisation: Organisation
    for organisation in by_key(records):
        check.source(organisation, (), organisation.source)
        for i, name in enumerate(organisation.names):
            check.source(organisation, ("names", i), name.source)
        _check_parent(check, organisation)
        for field in LINKS:
            _check_links(site, check, organisation, field)
    for organisation in by_key(records):
        _check_loop(site, check, organisation)


def _check_parent(check: Checker, organisation: Organisation) -> None:
    if organisation.parent_id == organisation.id:
        check.at(organisation, ("parent_id",), "an organisation cannot be its own parent")
        return
    check.ref(organisation, ("parent_id",), organisation.parent_id, "organisations")


def _check_links(site: Site, check: Checker, organisation: Organisation, field: str) -> None:
    """Each id names another organisation, and the other does not record the same link from its side."""
    for i, other_id in enumerate(getattr(organisation, field)):
        loc = (field, i)
        if other_id == organisation.id:
            check.at(organisation, loc, f"an organisation cannot be in its own {field}")
            continue
        if not check.ref(organisation, loc, other_id, "organisations"):
            continue
        other = site.models["organisations"][other_id]
        if organisation.id in getattr(other, OTHER_SIDE[field]) and organisation.id < other_id:
            check.at(
                organisation,
                loc,
                f"'{other_id}' already lists '{organisation.id}' in its {OTHER_SIDE[field]} "
                "(record the link on one side only; the other page shows it)",
            )


def _check_loop(site: Site, check: Checker, organisation: Organisation) -> None:
    """Report a parent chain that comes back to the organisation it started from, once, at its first member."""
    if organisation.parent_id == organisation.id:
        return  # reported as its own parent
    seen = [organisation.id]
    current = organisation
    while current.parent_id and current.parent_id in site.models["organisations"]:
        if current.parent_id in seen:
            if current.parent_id == organisation.id and organisation.id == min(seen):
                chain = " -> ".join([*seen, organisation.id])
                check.at(organisation, ("parent_id",), f"parents go round in a circle: {chain}")
            return
        seen.append(current.parent_id)
        parent = site.models["organisations"][current.parent_id]
        assert isinstance(parent, Organisation)
        current = parent


def check_body(check: Checker, model: Located, loc: tuple[str | int, ...], body: BodyRef | None) -> bool:
    """Check that a body named by id exists; True when it does (or is a name as printed)."""
    if body is None or body.kind is None:
        return True
    field = {"organisations": "organisation_id", "boards": "board_id", "people": "person_id"}[body.kind]
    return check.ref(model, (*loc, field), body.ref, body.kind)
