"""Popolo JSON (https://www.popoloproject.com/): persons, organizations, memberships, events."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator import urls
from generator.exports.popolo_motions import motions
from generator.exports.records_json import dump
from generator.exports.tables import all_tables
from generator.site.graph import Site
from generator.site.queries import local_time
from generator.site.reuse import Output, serialised


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def persons(site: Site, site_url: str) -> list[dict[str, Any]]:
    """Popolo persons: people not withdrawn."""
    return [
        _drop_empty(
            {
                "id": p.id,
                "name": p.name,
                "honorific_prefix": p.honorific,
                "other_names": [{"name": alias} for alias in p.aliases],
                "links": [{"url": site_url + urls.person_url(p.id), "note": "Minutebook page"}],
            }
        )
        for p in sorted(site.people.values(), key=lambda p: p.id)
        if not p.withdrawn
    ]


def organisation_key(organisation_id: str) -> str:
    """The Popolo id of an organisation record: boards keep their own ids, so an organisation's is marked."""
    return f"organisations/{organisation_id}"


def organizations(site: Site, site_url: str) -> list[dict[str, Any]]:
    """Popolo organizations: organisations, then boards, not withdrawn; each classified by its kind."""
    return [*_organisations(site, site_url), *_boards(site, site_url)]


def _organisations(site: Site, site_url: str) -> list[dict[str, Any]]:
    live = {o.id for o in site.organisations.values() if not o.withdrawn}
    return [
        _drop_empty(
            {
                "id": organisation_key(o.id),
                "name": o.name,
                "other_names": [
                    *({"name": n.name, "start_date": _iso(n.start), "end_date": _iso(n.end)} for n in o.names),
                    *({"name": alias, "note": "as printed"} for alias in o.aliases),
                ],
                "classification": o.kind,
                "area": {"name": o.area} if o.area else None,
                "parent_id": organisation_key(o.parent_id) if o.parent_id and o.parent_id in live else None,
                "founding_date": _iso(o.start),
                "dissolution_date": _iso(o.end),
                "links": [
                    *([{"url": o.website, "note": "website"}] if o.website else []),
                    {"url": site_url + urls.page_url("organisations", o.id), "note": "Minutebook page"},
                ],
            }
        )
        for o in sorted(site.organisations.values(), key=lambda o: o.id)
        if o.id in live
    ]


def _boards(site: Site, site_url: str) -> list[dict[str, Any]]:
    """Boards: the parent is the organisation the board belongs to, else the first board it reports to."""
    live = {o.id for o in site.organisations.values() if not o.withdrawn}
    return [
        _drop_empty(
            {
                "id": b.id,
                "name": b.name,
                "other_names": [{"name": b.short_name, "note": "short name"}],
                "classification": b.kind,
                "area": {"name": b.area} if b.area else None,
                "parent_id": organisation_key(b.organisation_id)
                if b.organisation_id and b.organisation_id in live
                else (b.reports_to_ids[0] if b.reports_to_ids else None),
                "links": [{"url": site_url + urls.board_url(b.id), "note": "Minutebook page"}],
            }
        )
        for b in sorted(site.boards.values(), key=lambda b: b.id)
        if not b.withdrawn
    ]


def memberships(site: Site) -> list[dict[str, Any]]:
    """Popolo memberships: filled seats of boards and people not withdrawn."""
    live = {p.id for p in site.people.values() if not p.withdrawn}
    rows = next(t for t in all_tables(site) if t.name == "memberships").rows
    return [
        _drop_empty(
            {
                "id": row["id"],
                "person_id": row["person_id"],
                "organization_id": row["board_id"],
                "role": row["role"],
                "label": row["seat"],
                "start_date": _iso(row["start"]),
                "end_date": _iso(row["end"]),
            }
        )
        for row in rows
        if row["person_id"] in live
    ]


def events(site: Site, site_url: str) -> list[dict[str, Any]]:
    """Popolo events: meetings not withdrawn; London times with their UTC offset (the papers print local time)."""
    out = []
    for key, m in sorted(site.meetings.items()):
        if m.withdrawn:
            continue
        board = site.boards[m.board_id]
        out.append(
            _drop_empty(
                {
                    "id": key,
                    "name": f"{board.name}: {m.title or 'meeting'}",
                    "classification": "meeting",
                    "organization_id": m.board_id,
                    "start_date": local_time(m.date, m.start_time),
                    "end_date": local_time(m.date, m.end_time) if m.end_time else None,
                    "status": m.status,
                    "location": m.venue,
                    "links": [{"url": site_url + urls.meeting_url(m.board_id, m.id), "note": "Minutebook page"}],
                }
            )
        )
    return out


def popolo(site: Site, site_url: str) -> dict[str, Any]:
    """The whole Popolo document."""
    return {
        "persons": persons(site, site_url),
        "organizations": organizations(site, site_url),
        "memberships": memberships(site),
        "events": events(site, site_url),
        "motions": motions(site, site_url),
    }


def popolo_files(site: Site, site_url: str) -> dict[str, Output]:
    """The Popolo export file."""
    data = popolo(site, site_url)
    return {urls.popolo_url(): serialised(urls.popolo_url(), data, partial(dump, data))}
