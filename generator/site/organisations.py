"""Computed views of organisations that pages and exports share: names with parents, relations both ways."""

from __future__ import annotations

from generator.records.board import Board
from generator.records.meeting import Item, Meeting
from generator.records.meeting_parts import Presenter
from generator.records.organisation import Organisation
from generator.records.person import Person, Post
from generator.records.strategy import Strategy
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


def post_text(site: Site, post: Post) -> str:
    """A post in words: 'Chief Executive, NHS Riverton ICB' (the organisation as printed, else its name)."""
    organisation = site.organisations.get(post.organisation_id or "")
    where = post.organisation or (label(site, organisation) if organisation else None)
    return ", ".join(part for part in (post.title, where) if part)


def latest_post(person: Person) -> Post | None:
    """The person's latest post: the last listed (posts are listed oldest first)."""
    return person.posts[-1] if person.posts else None


def posts_in(site: Site, organisation_id: str) -> list[tuple[Person, Post]]:
    """People's posts in the organisation, by surname then start date."""
    found = site.grouped(
        "org_posts",
        lambda s: ((post.organisation_id, (p, post)) for p in s.people.values() for post in p.posts if post.organisation_id),
    )
    rows = found.get(organisation_id, [])
    return sorted(rows, key=lambda pp: (pp[0].name.split()[-1].lower(), pp[0].id, str(pp[1].start or "")))


def presented_for(site: Site, organisation_id: str) -> list[tuple[Meeting, Item, list[Presenter]]]:
    """Items presented for the organisation, each with its presenters recorded with it, oldest first."""
    found = site.grouped(
        "org_presented",
        lambda s: (
            (org, (m, item, [p for p in item.presenters if p.organisation_id == org]))
            for m in s.meetings.values()
            for item in m.items
            for org in dict.fromkeys(p.organisation_id for p in item.presenters if p.organisation_id)
        ),
    )
    return sorted(found.get(organisation_id, []), key=lambda row: (row[0].date, row[0].board_id, row[0].id))


def strategies_owned(site: Site, organisation_id: str) -> list[Strategy]:
    """Strategies that name the organisation among their owners."""
    owned = [s for s in site.strategies.values() if any(o.organisation_id == organisation_id for o in s.owners)]
    return sorted(owned, key=lambda s: s.id)
