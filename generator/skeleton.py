"""Skeleton records for `python -m generator new`: valid files to fill in.

Each kind's skeleton is its handler in ``SKELETONS``: a specific body (the kinds below, which
also show the optional fields staff usually fill), or the generic one, written from the model's
required fields with their documented examples. A kind with a parent (a meeting, under its board)
needs a specific one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo

from generator import urls
from generator.records.fields import ID_RE, MAX_ID, parse_date
from generator.records.registry import KINDS, Handlers, Kind

KINDS_BY_NOUN = {kind.singular: kind for kind in KINDS}  # 'new board', 'new meeting', ...


def generic_body(kind: Kind) -> str | None:
    """A skeleton from the model's required fields and their first examples; None for a kind with a parent."""
    if kind.parent:
        return None
    lines = ["id: {id}"]
    for name, info in kind.model.model_fields.items():
        if name != "id" and info.is_required():
            lines.append(f"{name}: {_example(info)}")
    return "\n".join(lines) + "\n"


def _example(info: FieldInfo) -> str:
    """A field's first documented example as YAML (JSON is YAML), or an empty list; braces doubled for format()."""
    value: Any = info.examples[0] if info.examples else []
    return json.dumps(value, ensure_ascii=False).replace("{", "{{").replace("}", "}}")


SKELETONS: Handlers[str] = Handlers("skeleton", generic_body)


SKELETONS.register(
    "boards",
    """id: {id}
name: Full name of the board
short_name: Short name
kind: health-and-wellbeing-board
authority: Name of the council
memberships: []
""",
)
SKELETONS.register(
    "people",
    """id: {id}
name: Name as published
honorific:
posts:
  - title: Job title as printed
    organisation: Organisation as printed
aliases: []
""",
)
SKELETONS.register(
    "documents",
    """id: {id}
title: Title as published
kind: agenda-pack
""",
)
SKELETONS.register(
    "strategies",
    """id: {id}
title: Title as printed
board_ids: [{board}]
status: adopted
priorities: []
""",
)
SKELETONS.register(
    "indicators",
    """id: {id}
title: Title as printed
value_type: percentage
polarity: higher-is-better
board_ids: [{board}]
""",
)
SKELETONS.register(
    "meetings",
    """id: {id}
board_id: {board}
date: {id}
status: scheduled
start_time:
venue:
attendance: []
declarations: []
items:
  - number: "1"
    title: Apologies for absence
    kind: procedural
""",
)


def write_skeleton(data: Path, kind: str, rid: str | None, board: str | None, day: str | None) -> tuple[str, int]:
    """Write a skeleton record; return (message, exit status)."""
    spec = KINDS_BY_NOUN[kind]
    if spec.parent:
        if not board or not day:
            return "usage: new meeting needs --board BOARD and --date YYYY-MM-DD", 2
        try:
            parse_date(day)
        except Exception:
            return f"usage: '{day}' is not a date (write YYYY-MM-DD)", 2
        rid, folder = day, data / spec.name / board
    else:
        if not rid:
            return f"usage: new {kind} needs --id ID", 2
        folder = data / spec.name
    for value in (rid, board):
        if value and len(value) > MAX_ID:
            return f"usage: an id has at most {MAX_ID} characters; this one has {len(value)}", 2
        if value and not ID_RE.match(value):
            return f"usage: '{value}' is not a valid id (lowercase letters, digits and hyphens)", 2
    target = folder / f"{rid}.yml"
    if target.exists() or target.is_symlink():  # a dangling link too: writing would follow it
        return f"error: {target} already exists; it was left alone", 1
    depth = len(target.relative_to(data).parts)
    schema = "../" * depth + "content/" + urls.schema_url(spec.singular)
    text = f"# yaml-language-server: $schema={schema}\n" + SKELETONS.of(spec).format(id=rid, board=board or "board-id")
    folder.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:  # "x": never replace a file, nor write through a link
        file.write(text)
    extra = f"\n       and values in {folder / (rid + '.csv')} (header: period,area,value,note)" if spec.rows else ""
    return f"wrote {target}: fill it in, then run 'make check'{extra}", 0
