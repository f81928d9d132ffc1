"""schema.org JSON-LD for page heads (written with |tojson by the theme override)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator import urls
from generator.records.board import Board, Membership
from generator.records.meeting import Meeting
from generator.records.person import Person
from generator.site.meetings import display_status
from generator.site.queries import local_time

if TYPE_CHECKING:
    from generator.render.pages import Renderer

EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "held": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}


def board(r: Renderer, b: Board, current: list[Membership]) -> dict[str, Any]:
    """A board as a GovernmentOrganization."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": b.name,
        "url": r.site_url + urls.board_url(b.id),
    }
    owner = r.site.organisations.get(b.organisation_id or "")
    if owner or b.authority:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": owner.name if owner else b.authority}
    members = [
        {
            "@type": "OrganizationRole",
            "roleName": m.role,
            "member": {"@type": "Person", "name": r.site.people[m.person_id].name},
        }
        for m in current
        if m.person_id in r.site.people
    ]
    if members:
        data["member"] = members
    return data


ATTENDANCE_MODE = {
    (True, False): "https://schema.org/OfflineEventAttendanceMode",
    (False, True): "https://schema.org/OnlineEventAttendanceMode",
    (True, True): "https://schema.org/MixedEventAttendanceMode",
}


def meeting(r: Renderer, m: Meeting, b: Board) -> dict[str, Any]:
    """A meeting as an Event: London times with their offset, where it is held (venue or webcast), who holds it."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": f"{b.name} meeting",
        "startDate": local_time(m.date, m.start_time),
        "organizer": {"@type": "GovernmentOrganization", "name": b.name, "url": r.site_url + urls.board_url(b.id)},
        "url": r.site_url + urls.meeting_url(b.id, m.id),
    }
    status = _event_status(r, m)
    if status:
        data["eventStatus"] = status
    if m.end_time:
        data["endDate"] = local_time(m.date, m.end_time)
    places: list[dict[str, Any]] = []
    if m.venue:  # the venue as printed is both its name and its address: nothing more is recorded
        places.append({"@type": "Place", "name": m.venue, "address": m.venue})
    if m.webcast:
        places.append({"@type": "VirtualLocation", "url": m.webcast})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
        data["eventAttendanceMode"] = ATTENDANCE_MODE[(bool(m.venue), bool(m.webcast))]
    return data


def _event_status(r: Renderer, m: Meeting) -> str | None:
    """schema.org's status, only where the record says it: a past meeting merely set for its date has none."""
    key = display_status(r.site, m, r.today).key
    if key in ("cancelled", "postponed"):
        return EVENT_STATUS[key]
    return EVENT_STATUS["held"] if key in ("held", "held-no-minutes", "upcoming") else None


def person(r: Renderer, p: Person, roles: list[tuple[Board, Membership]]) -> dict[str, Any]:
    """A person with their board roles."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": p.name,
        "url": r.site_url + urls.person_url(p.id),
    }
    if p.honorific:
        data["honorificPrefix"] = p.honorific
    post = p.posts[-1] if p.posts else None  # the latest post (posts are listed oldest first)
    if post and post.title:
        data["jobTitle"] = post.title
    if roles:
        data["memberOf"] = [
            {
                "@type": "OrganizationRole",
                "roleName": m.role,
                **({"startDate": m.start.isoformat()} if m.start else {}),
                **({"endDate": m.end.isoformat()} if m.end else {}),
                "memberOf": {"@type": "GovernmentOrganization", "name": b.name},
            }
            for b, m in roles
        ]
    return data
