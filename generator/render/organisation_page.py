"""The page of an organisation: its names, relations, boards, people's posts and presenters."""

from __future__ import annotations

from generator import urls
from generator.records.organisation import Organisation
from generator.render.pages import PAGES, Page, PageMaker, Renderer, findable
from generator.site import followup
from generator.site import organisations as orgs


def organisation_page(r: Renderer, organisation: Organisation) -> Page:
    """The page of one organisation."""
    site = r.site
    title = orgs.label(site, organisation)
    page = r.page(
        urls.page_url("organisations", organisation.id),
        "organisation.j2",
        title,
        f"{title}: its boards, people and what it presented to boards.",
        o=organisation,
        children=orgs.children(site, organisation.id),
        predecessors=orgs.predecessors(site, organisation),
        successors=orgs.successors(site, organisation),
        boards=orgs.boards_of(site, organisation.id),
        posts=orgs.posts_in(site, organisation.id),
        presented=orgs.presented_for(site, organisation.id),
        strategies=orgs.strategies_owned(site, organisation.id),
        recommended=followup.addressed_to(site, "organisations", organisation.id),
        referred=followup.referred_to(site, "organisations", organisation.id),
        state=lambda made: followup.response_state(made, r.today),
    )
    return findable(page, "Organisation")


def organisations_index(r: Renderer) -> Page:
    """The index of every organisation, A to Z."""
    site = r.site
    found = sorted(site.organisations.values(), key=lambda o: orgs.sort_key(site, o))
    return r.page(
        urls.index_url("organisations"),
        "organisations_index.j2",
        "Organisations",
        "The councils, NHS bodies and other organisations on record.",
        organisations=found,
        board_counts={o.id: len(orgs.boards_of(site, o.id)) for o in found},
    )


PAGES.register("organisations", PageMaker("organisation.j2", lambda r, o: [organisation_page(r, o)]))
