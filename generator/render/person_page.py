"""The page of a person in their public roles: seats, attendance, items presented, declarations."""

from __future__ import annotations

from generator import urls
from generator.records.person import Person
from generator.render import jsonld
from generator.render.pages import PAGES, Page, PageMaker, Renderer, findable
from generator.site import organisations as orgs
from generator.site import queries as ctx
from generator.site.meetings import first_shown


def person_page(r: Renderer, person: Person) -> Page:
    """The page of one person in their public roles."""
    roles = sorted(r.site.memberships_of.get(person.id, []), key=lambda bm: (bm[0].id, str(bm[1].start)))
    appearances = sorted(
        (
            (m, a)
            for m in r.site.attended(person.id)
            for a in m.attendance
            if a.person_id == person.id and a.status in ("substitute", "officer", "guest")
        ),
        key=lambda pair: pair[0].date,
    )
    post = orgs.latest_post(person)
    role_text = orgs.post_text(r.site, post) if post else ""
    description = f"{ctx.display_name(person)}{': ' + role_text if role_text else ''}. Roles, attendance and interests."
    page = r.page(
        urls.person_url(person.id),
        "person.j2",
        ctx.display_name(person),
        description,
        p=person,
        roles=roles,
        attendance=ctx.attendance_of(r.site, person),
        appearances=appearances,
        presented=ctx.presented_by(r.site, person.id),
        declarations=ctx.declarations_by(r.site, person.id),
        first_shown=lambda board_id: first_shown(r.site, board_id, person.id),
    )
    page.meta["jsonld"] = jsonld.person(r, person, roles)
    return findable(page, "Person", [board.name for board, _ in roles])


PAGES.register("people", PageMaker("person.j2", lambda r, person: [person_page(r, person)]))
