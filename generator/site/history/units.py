"""What has a history: every record with a page, and every part of a record with its own page.

A unit is one page's subject: a board, a person, a meeting, and each decision inside a meeting
file. Each unit is compared with its own earlier versions, field by field, so correcting one minute
changes that decision's history and not its neighbours'. Each kind's units come from its handler in
``UNITS``: the generic one (the record is one unit) or a specific one (a meeting and its decisions).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator import urls
from generator.records.common import Located, Record, TopLevel
from generator.records.meeting import Item, Meeting, Resolution
from generator.records.registry import KIND, Handlers, Kind
from generator.site.history.flat import Flat, Path, entry_keys, flatten

HOUSEKEEPING = {"id"}  # the key is the unit itself; a new id is a new unit (or a rename, via former ids)


@dataclass
class Unit:
    """One page's subject in one version of the data."""

    url: str
    noun: str  # 'decision', 'meeting': how a change line names it
    title: str
    state: Flat
    parent: str | None = None  # the unit whose file holds this one (a decision's meeting)
    covers: Path | None = None  # the part of the parent's state this unit shows (a decision's item)
    former: tuple[str, ...] = ()  # URLs this unit had before a rename
    extra: dict[str, Any] = field(default_factory=dict)


UnitMaker = Callable[[Kind, TopLevel, tuple[Located, ...] | None], list[Unit]]


def dump(model: Record, drop: set[str] = HOUSEKEEPING) -> dict[str, Any]:
    """A model as JSON-ready data, without the fields that name the unit rather than describe it."""
    data: dict[str, Any] = model.model_dump(mode="json")
    return {k: v for k, v in data.items() if k not in drop}


def record_unit(kind: Kind, record: TopLevel, rows: tuple[Located, ...] | None) -> Unit:
    """The unit of a whole record (with the rows of its CSV companion, if it has one)."""
    key = kind.key_of(record)
    data = dump(record)
    row_keys: dict[str, tuple[str, ...]] = {}
    if kind.rows is not None:
        data[kind.rows.name] = [dump(row, set()) for row in rows or ()]
        row_keys[kind.rows.name] = kind.rows.row_key
    parent = getattr(record, kind.parent_field) if kind.parent_field else ""
    former = tuple(urls.page_url(kind.name, kind.key_at(parent, old)) for old in getattr(record, "former_ids", []))
    title = str(getattr(record, kind.title_field, "") or key)
    return Unit(urls.page_url(kind.name, key), kind.singular, title, flatten(data, row_keys), former=former)


def generic_units(kind: Kind, record: TopLevel, rows: tuple[Located, ...] | None) -> list[Unit]:
    """A record is one unit."""
    return [record_unit(kind, record, rows)]


UNITS: Handlers[UnitMaker] = Handlers("history", lambda kind: generic_units)


def meeting_units(kind: Kind, meeting: Any, rows: tuple[Located, ...] | None) -> list[Unit]:
    """A meeting, then each of its decisions (a resolution, with the item it sits in).

    A decision's fields are read out of the meeting's own flat state (its item's fields, but not the
    item's actions or other resolutions), so a meeting is dumped and flattened once, not once a decision.
    """
    assert isinstance(meeting, Meeting)
    unit = record_unit(kind, meeting, rows)
    unit.title = meeting.title or f"Meeting of {meeting.date.isoformat()}"
    by_item: dict[Any, Flat] = {}
    for path, value in unit.state.items():
        if path[0] == "items":
            by_item.setdefault(path[1], {})[path[2:]] = value
    item_keys = entry_keys("items", [{"number": it.number, "minute": it.minute} for it in meeting.items])
    found: list[Unit] = [unit]
    seen: set[str] = set()
    for item, item_key in zip(meeting.items, item_keys, strict=True):
        fields = by_item.get(item_key, {})
        own = {("item", *p): v for p, v in fields.items() if p[0] not in ("resolutions", "actions")}
        keys = entry_keys("resolutions", [{"minute": r.minute, "suffix": r.suffix} for r in item.resolutions])
        for resolution, key in zip(item.resolutions, keys, strict=True):
            state = own | {("resolution", *p[2:]): v for p, v in fields.items() if p[:2] == ("resolutions", key)}
            decision = decision_unit(meeting, item, resolution, unit.url, state)
            if decision.url not in seen:  # a second resolution without a suffix is a data error: keep the first
                seen.add(decision.url)
                decision.covers = ("items", item_key)
                found.append(decision)
    return found


def decision_unit(meeting: Meeting, item: Item, resolution: Resolution, parent: str, state: Flat) -> Unit:
    """A decision: its resolution and the item it belongs to (what its page shows), with its flat ``state``."""
    minute = resolution.minute or item.minute or item.number or ""
    key = urls.decision_key(meeting.board_id, meeting.id, minute, resolution.suffix)
    former = [
        urls.decision_key(meeting.board_id, meeting_id, number, resolution.suffix)
        for meeting_id in [meeting.id, *meeting.former_ids]
        for number in [minute, *resolution.former_minutes]
    ]
    former_urls = tuple(urls.decision_url(k) for k in former if k != key)
    return Unit(urls.decision_url(key), "decision", item.title, state, parent, former=former_urls)


UNITS.register("meetings", meeting_units)


def units_of(kind_name: str, record: TopLevel, rows: tuple[Located, ...] | None) -> list[Unit]:
    """Every unit of one record, by its kind's handler."""
    kind = KIND[kind_name]
    return UNITS.of(kind)(kind, record, rows)
