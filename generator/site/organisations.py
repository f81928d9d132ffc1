"""Computed views of organisations that pages and exports share: names with parents, relations both ways."""

from __future__ import annotations

from generator.records.board import Board
from generator.records.organisation import Organisation
from generator.site.graph import Site


def label(site: Site, organisation: Organisation) -> str:
    """The name readers see in lists: 'Cabinet (Southampton City Council)' when it is part of another."""
    parent = site.organisations.get(organisation.parent_id or "")
    return f"{organisation.name} ({parent.name})" if parent else organisation.name


def sort_key(site: Site, organisation: Organisation) -> tuple[str, str]:
    """Sort organisations A to Z by the name readers see."""
    return (label(site, organisation).lower(), organisation.id)


def children(site: Site, organisation_id: str) -> list[Organisation]:
    """Organisations whose parent is ``organisation_id``, A to Z."""
    found = site.grouped("org_children", lambda s: ((o.parent_id, o) for o in s.organisations.values() if o.parent_id))
    return sorted(found.get(organisation_id, []), key=lambda o: sort_key(site, o))


def _linked(site: Site, organisation: Organisation, own: str, other: str) -> list[Organisation]:
    """Organisations it names in ``own``, and those naming it in ``other`` (one side is recorded, both are shown)."""
    named = {i for i in getattr(organisation, own) if i in site.organisations}
    named |= {o.id for o in site.organisations.values() if organisation.id in getattr(o, other)}
    return sorted((site.organisations[i] for i in named), key=lambda o: sort_key(site, o))


def predecessors(site: Site, organisation: Organisation) -> list[Organisation]:
    """Organisations it replaced, whichever side records the link."""
    return _linked(site, organisation, "predecessor_ids", "successor_ids")


def successors(site: Site, organisation: Organisation) -> list[Organisation]:
    """Organisations that replaced it, whichever side records the link."""
    return _linked(site, organisation, "successor_ids", "predecessor_ids")


def boards_of(site: Site, organisation_id: str) -> list[Board]:
    """Boards that belong to the organisation, A to Z."""
    found = site.grouped(
        "org_boards", lambda s: ((b.organisation_id, b) for b in s.boards.values() if b.organisation_id)
    )
    return sorted(found.get(organisation_id, []), key=lambda b: (b.name.lower(), b.id))
