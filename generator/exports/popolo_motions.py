"""Popolo motions (https://www.popoloproject.com/specs/motion.html): what boards asked of other bodies.

A recommendation made to other bodies is a motion classified 'recommendation', its result the
latest response on record; a referral or call-in is a motion classified 'referral' or 'call-in',
its result the outcome on record. Who it is addressed to is not a Popolo property: 'addressed_to'
lists the bodies as Popolo references (organization_id for boards and organisations, person_id),
or their names as printed.
"""

from __future__ import annotations

from typing import Any

from generator import urls
from generator.records.common import BodyRef
from generator.site.graph import Site

POPOLO_KEY = {"organisations": "organization_id", "boards": "organization_id", "people": "person_id"}


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def _body(ref: BodyRef) -> dict[str, str]:
    return {POPOLO_KEY[ref.kind]: ref.ref or ""} if ref.kind else {"name": ref.name or ""}


def motions(site: Site, site_url: str) -> list[dict[str, Any]]:
    """Recommendations made to other bodies, then referrals and call-ins, of meetings not withdrawn."""
    out = []
    for key in sorted(site.recommendations):
        made = site.recommendations[key]
        if made.meeting.withdrawn:
            continue
        rec = made.rec
        out.append(
            _drop_empty(
                {
                    "id": key,
                    "organization_id": made.board.id,
                    "identifier": rec.number,
                    "classification": "recommendation",
                    "text": rec.text,
                    "date": made.meeting.date.isoformat(),
                    "result": rec.responses[-1].outcome if rec.responses else None,
                    "addressed_to": [_body(b) for b in rec.to],
                    "links": [{"url": site_url + made.url, "note": "Minutebook page"}],
                }
            )
        )
    return out + _referrals(site, site_url)


def _referrals(site: Site, site_url: str) -> list[dict[str, Any]]:
    out = []
    for key in sorted(site.meetings):
        meeting = site.meetings[key]
        if meeting.withdrawn:
            continue
        page = {"url": site_url + urls.meeting_url(meeting.board_id, meeting.id), "note": "Minutebook page"}
        for i, item in enumerate(meeting.items, 1):
            for n, referral in enumerate(item.referrals, 1):
                out.append(
                    _drop_empty(
                        {
                            "id": f"{key}/{i}/{n}",
                            "organization_id": meeting.board_id,
                            "classification": referral.kind,
                            "text": referral.subject,
                            "date": (referral.date or meeting.date).isoformat(),
                            "result": referral.outcome,
                            "addressed_to": [_body(referral.to)] if referral.to else [],
                            "links": [page],
                        }
                    )
                )
    return out
