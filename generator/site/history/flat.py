"""A record as a flat map from field path to value, so two versions compare field by field.

List entries are named by what identifies them (an attendee by person, a resolution part by its
label, an item by its number) rather than by position, so inserting an item does not make every
later item look changed. Where no identity is unique the position stands in.
"""

from __future__ import annotations

from typing import Any

Seg = str | tuple[str, str]  # a field name, or ('@', identity) / ('#', position) for a list entry
Path = tuple[Seg, ...]
Flat = dict[Path, Any]

# What identifies an entry of a list, by the list's field name: candidates tried in turn, the first
# whose values are present and unique in the list wins. Rows of a CSV companion use its row key.
IDENTITY: dict[str, tuple[tuple[str, ...], ...]] = {
    "attendance": (("person_id",),),
    "declarations": (("person_id", "item"), ("person_id",)),
    "memberships": (("person_id",), ("person_id", "role"), ("person_id", "role", "start")),
    "items": (("number",), ("minute",)),
    "resolutions": (("minute", "suffix"),),
    "parts": (("label",),),
    "recommendations": (("label",),),
    "actions": (("id",),),
    "priorities": (("id",),),
    "interests": (("category", "description"),),
}


def entry_keys(name: str, entries: list[Any], row_key: tuple[str, ...] = ()) -> list[Seg]:
    """The path segment of each entry of the list ``name``: its identity, or its position."""
    candidates = IDENTITY.get(name, ()) + ((row_key,) if row_key else ()) + (("id",),)
    for fields in candidates:
        if not all(isinstance(e, dict) for e in entries):
            break
        keys = [" ".join(str(e.get(f)) for f in fields if e.get(f) not in (None, "")) for e in entries]
        if all(keys) and len(set(keys)) == len(keys):
            return [("@", key) for key in keys]
    return [("#", str(i + 1)) for i in range(len(entries))]


def flatten(value: Any, row_keys: dict[str, tuple[str, ...]] | None = None) -> Flat:
    """The flat map of a JSON-ready record (model_dump(mode='json')); empty values are left out."""
    out: Flat = {}
    if value is not None and value != [] and value != {}:
        _walk(value, (), out, row_keys or {})
    return out


def _walk(value: Any, path: Path, out: Flat, row_keys: dict[str, tuple[str, ...]]) -> None:
    kind = type(value)
    if kind is dict:
        for key, item in value.items():
            if item is not None and item != [] and item != {}:
                _walk(item, (*path, key), out, row_keys)
    elif kind is list:
        if any(type(e) is dict for e in value):
            name = next((s for s in reversed(path) if isinstance(s, str)), "")
            for seg, item in zip(entry_keys(name, value, row_keys.get(name, ())), value, strict=True):
                if item is not None and item != [] and item != {}:
                    _walk(item, (*path, seg), out, row_keys)
        else:
            out[path] = tuple(value)  # a list of plain values (ids, aliases) is one value
    else:
        out[path] = value


def group_of(path: Path) -> Path:
    """The part of ``path`` up to its last list entry (an attendee, a resolution part): what one summary line is about.

    A path with no list entry is its own group.
    """
    for i in range(len(path) - 1, -1, -1):
        if isinstance(path[i], tuple):
            return path[: i + 1]
    return path


def field_names(path: Path) -> tuple[str, ...]:
    """The field names along ``path``, without list entries ('items', 'minutes')."""
    return tuple(seg for seg in path if isinstance(seg, str))


def show(path: Path) -> str:
    """A path as staff write it in the redaction list: items[5].minutes."""
    text = ""
    for seg in path:
        text += f"[{seg[1]}]" if isinstance(seg, tuple) else (f".{seg}" if text else seg)
    return text
