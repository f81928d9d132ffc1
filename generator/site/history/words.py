"""Field paths and values in plain English: 'resolution part (2)', 'item 5 minutes', '14 March 2024'."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from generator.records.registry import kind_of_singular
from generator.site.history.flat import Path

Names = Callable[[str], str]  # person id -> the name pages show
SINGULAR = {
    "items": "item",
    "parts": "part",
    "resolutions": "resolution",
    "recommendations": "recommendation",
    "actions": "action",
    "memberships": "membership",
    "notes": "note",
    "declarations": "declaration",
    "priorities": "priority",
    "interests": "interest",
    "status_history": "status",
    "values": "value",
    "aliases": "alias",
}
PEOPLE_LISTS = {"attendance", "memberships", "declarations"}
PERSON_FIELDS = re.compile(r"(^|_)(person|owner|replacing|substitute_for)_id$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SHORT = 60  # longer values are reworded text, shown side by side rather than quoted in the line


def field_words(name: str) -> str:
    """A field name as words: 'start_time' -> 'start time', 'board_id' -> 'board', 'strategy_ids' -> 'strategies'."""
    for suffix, plural in (("_ids", True), ("_id", False)):
        if name.endswith(suffix):
            kind = kind_of_singular(name[: -len(suffix)])
            if kind is not None:
                return kind.plural if plural else kind.singular
            return name.replace("_", " ")
    return name.replace("_", " ")


def entry_words(list_name: str, ident: str, names: Names) -> str:
    """How an entry of a list is named: a person by name, an item by its number, a part by its label."""
    if list_name in PEOPLE_LISTS:
        return names(ident.split(" ")[0])
    return ident


def label(path: Path, names: Names) -> str:
    """A field path in words: ('items', ('@', '5'), 'minutes') -> 'item 5 minutes'."""
    words: list[str] = []
    for i, seg in enumerate(path):
        if isinstance(seg, tuple):
            continue
        nxt = path[i + 1] if i + 1 < len(path) else None
        if isinstance(nxt, tuple):
            noun = SINGULAR.get(seg, seg[:-1] if seg.endswith("s") else seg)
            words.append(f"{field_words(noun)} {entry_words(seg, nxt[1], names)}")
        elif not (seg == "text" and i and isinstance(path[i - 1], tuple)):  # a part's text is the part
            words.append(field_words(seg))
    return " ".join(words)


def value_words(path: Path, value: Any, names: Names) -> str:
    """A value as readers see it: a date in words, yes or no, a person by name, text in quotation marks."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(value_words(path, v, names) for v in value) or "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    last = path[-1] if path and isinstance(path[-1], str) else ""
    if PERSON_FIELDS.search(last):
        return names(text)
    if DATE_RE.fullmatch(text):
        day = date.fromisoformat(text)
        return f"{day.day} {day:%B %Y}"
    return f"“{text}”" if " " in text else text


def is_text(value: Any) -> bool:
    """Whether a value is prose, shown side by side rather than quoted: long, or over several lines."""
    return isinstance(value, str) and (len(value) > SHORT or "\n" in value)
