"""Tables of who presented agenda items and which members of the public spoke (counts only, never names)."""

from __future__ import annotations

from typing import Any

from generator.exports.columns import Table, derived, field, fields, key_column, rows_of
from generator.records.common import BodyRef
from generator.records.meeting_parts import Presenter, PublicSpeaker
from generator.site.graph import Site

ITEM_ID = "The agenda item: <meeting>/<n>."


def _parts(site: Site, field: str) -> list[tuple[str, int, int, Any]]:
    """(meeting key, item position, n, part) for the n-th entry of ``field`` of every item, in key order."""
    return [
        (key, i, n, part)
        for key, m in sorted(site.meetings.items())
        if not m.withdrawn
        for i, item in enumerate(m.items, start=1)
        for n, part in enumerate(getattr(item, field), start=1)
    ]


def _key(row: tuple[str, int, int, Any]) -> str:
    return f"{row[0]}/{row[1]}/{row[2]}"


def presenters_table(site: Site) -> Table:
    """Presenters, authors and witnesses of agenda items, with their posts and organisations as printed."""
    cols = [
        key_column("<meeting>/<item>/<n>: the n-th presenter of the item.", _key),
        derived("meeting_id", "The meeting: <board>/<meeting id>.", lambda s: s[0]),
        derived("item_id", ITEM_ID, lambda s: f"{s[0]}/{s[1]}"),
        *fields(Presenter, "person_id", "name", "role", "organisation_id", of=lambda s: s[3]),
    ]
    fks = [("meeting_id", "meetings"), ("item_id", "agenda_items"), ("person_id", "people")]
    fks.append(("organisation_id", "organisations"))
    return Table("presenters", "Presenters", cols, rows_of(cols, _parts(site, "presenters")), ["id"], fks)


def public_speakers_table(site: Site) -> Table:
    """Members of the public who spoke on agenda items: how many, and for which organisation (never names)."""
    cols = [
        key_column("<meeting>/<item>/<n>: the n-th entry of the item's public speakers.", _key),
        derived("meeting_id", "The meeting: <board>/<meeting id>.", lambda s: s[0]),
        derived("item_id", ITEM_ID, lambda s: f"{s[0]}/{s[1]}"),
        *fields(PublicSpeaker, "count", "note", of=lambda s: s[3]),
        field(BodyRef, "organisation_id", of=_behalf, column="on_behalf_of_id"),
        field(BodyRef, "name", of=_behalf, column="on_behalf_of"),
    ]
    fks = [("meeting_id", "meetings"), ("item_id", "agenda_items"), ("on_behalf_of_id", "organisations")]
    rows = rows_of(cols, _parts(site, "public_speakers"))
    return Table("public_speakers", "Members of the public who spoke", cols, rows, ["id"], fks)


def _behalf(row: tuple[str, int, int, Any]) -> BodyRef | None:
    """The organisation a row's speakers spoke for, if the minutes name one."""
    behalf: BodyRef | None = row[3].on_behalf_of
    return behalf
