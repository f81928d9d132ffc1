"""Skeleton records for `python -m generator new`: valid files to fill in."""

from __future__ import annotations

from pathlib import Path

from generator.records.fields import ID_RE, MAX_ID, parse_date
from generator.render.reference import SCHEMA_NAMES

FOLDERS = {name: kind for kind, name in SCHEMA_NAMES.items()}
KINDS = set(FOLDERS)

BODIES = {
    "board": """id: {id}
name: Full name of the board
short_name: Short name
kind: health-and-wellbeing-board
authority: Name of the council
memberships: []
""",
    "person": """id: {id}
name: Name as published
honorific:
organisation:
job_title:
aliases: []
""",
    "document": """id: {id}
title: Title as published
kind: agenda-pack
""",
    "strategy": """id: {id}
title: Title as printed
board_ids: [{board}]
status: adopted
priorities: []
""",
    "indicator": """id: {id}
title: Title as printed
value_type: percentage
polarity: higher-is-better
board_ids: [{board}]
""",
    "meeting": """id: {id}
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
}


def write_skeleton(data: Path, kind: str, rid: str | None, board: str | None, day: str | None) -> tuple[str, int]:
    """Write a skeleton record; return (message, exit status)."""
    if kind == "meeting":
        if not board or not day:
            return "usage: new meeting needs --board BOARD and --date YYYY-MM-DD", 2
        try:
            parse_date(day)
        except Exception:
            return f"usage: '{day}' is not a date (write YYYY-MM-DD)", 2
        rid, folder = day, data / "meetings" / board
    else:
        if not rid:
            return f"usage: new {kind} needs --id ID", 2
        folder = data / FOLDERS[kind]
    for value in (rid, board):
        if value and len(value) > MAX_ID:
            return f"usage: an id has at most {MAX_ID} characters; this one has {len(value)}", 2
        if value and not ID_RE.match(value):
            return f"usage: '{value}' is not a valid id (lowercase letters, digits and hyphens)", 2
    target = folder / f"{rid}.yml"
    if target.exists() or target.is_symlink():  # a dangling link too: writing would follow it
        return f"error: {target} already exists; it was left alone", 1
    depth = len(target.relative_to(data).parts)
    schema = "../" * depth + f"content/schemas/{kind}.schema.json"
    text = f"# yaml-language-server: $schema={schema}\n" + BODIES[kind].format(id=rid, board=board or "board-id")
    folder.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:  # "x": never replace a file, nor write through a link
        file.write(text)
    extra = (
        f"\n       and values in {folder / (rid + '.csv')} (header: period,area,value,note)"
        if kind == "indicator"
        else ""
    )
    return f"wrote {target}: fill it in, then run 'make check'{extra}", 0
