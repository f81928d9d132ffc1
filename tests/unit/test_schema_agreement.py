"""The JSON Schemas editors use and `generator check` agree on every field of every fixture record.

Each field of each fixture record is mutated the ways staff get fields wrong (left empty, an empty
string, a list or a mapping where one value goes, a value of the wrong shape, an unquoted number,
text over every limit, a required field deleted, an unknown field added). The mutated file is read
twice: as an editor's YAML language server reads it (YAML 1.2: `12` is a number, an empty value is
null) and checked against the kind's JSON Schema, and as the generator reads it (its loader and the
kind's model: what `generator check` reports for the file itself). Both must give the same verdict.

Out of any JSON Schema's reach, and so not compared: that the id matches the file name and a
meeting's board its folder, and the rules across records (references resolve, attendance matches
memberships), which `generator check` adds after reading each file.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from generator.exports.schemas import schema_files
from generator.ingest.load import kind_of, read_content
from generator.ingest.validate import validate_record
from generator.records.diagnostics import DataError, Report
from generator.records.registry import KIND
from tests.conftest import FIXTURE

SKIPPED = {"id", "board_id"}  # the file name and folder decide these: no JSON Schema can know them
Path_ = tuple[str | int, ...]


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, as editors' YAML language server reads files: only null, true/false and numbers are typed."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", list("-+0123456789")),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", list("-+.0123456789")),
):
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def to_yaml(value: Any, indent: int = 0) -> str:
    """Write data as block YAML: strings double-quoted, None as an empty value, numbers and booleans plain."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "\n".join(f"{pad}{key}:{_after(item, indent)}" for key, item in value.items())
    if isinstance(value, list):
        if not value:
            return "[]"
        return "\n".join(f"{pad}-{_after(item, indent, True)}" for item in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _after(item: Any, indent: int, in_list: bool = False) -> str:
    if isinstance(item, (dict, list)) and item:
        inner = to_yaml(item, indent + 2)
        return " " + inner.lstrip() if in_list and isinstance(item, dict) else "\n" + inner
    text = to_yaml(item, indent + 2)
    return f" {text}" if text else ""


def paths(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every field and list entry of a record, with its value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), item
            yield from paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield (*path, i), item
            yield from paths(item, (*path, i))


def mutations(value: Any) -> Iterator[tuple[str, Any]]:
    """The ways staff get a value wrong."""
    yield "left empty", None
    yield "an empty string", ""
    if not isinstance(value, list):
        yield "a list", ["x"]
    if not isinstance(value, dict):
        yield "a mapping", {"x": "y"}
    if isinstance(value, str):
        yield "odd text", "not valid!"
        yield "an unquoted number", 12
        yield "text over every limit", "x" * 20_001
    if isinstance(value, list):
        yield "an empty list", []


def replaced(data: Any, path: Path_, new: Any) -> Any:
    """A copy of ``data`` with the value at ``path`` replaced (``...`` deletes it)."""
    copy = json.loads(json.dumps(data))
    node = copy
    for part in path[:-1]:
        node = node[part]
    if new is ...:
        del node[path[-1]]
    else:
        node[path[-1]] = new
    return copy


@functools.cache
def validator(kind: str) -> Draft202012Validator:
    """The validator of a kind's published JSON Schema."""
    schema = json.loads(schema_files()[f"schemas/{KIND[kind].singular}.schema.json"])
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(kind: str, text: str) -> list[str]:
    """What the kind's JSON Schema says of a file, read as an editor reads it."""
    data = yaml.load(text, Loader=Yaml12Loader)
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in validator(kind).iter_errors(data)]


def checker_errors(rel: Path, text: str) -> list[str]:
    """What `generator check` says of a file itself (its loader and its model)."""
    kind = kind_of(rel)
    assert kind is not None
    try:
        raw = read_content(kind, f"data/{rel}", rel, text)
    except DataError as exc:
        return [exc.message]
    report = Report()
    validate_record(raw, report)  # type: ignore[arg-type]
    return [str(d) for d in report.errors if "does not match the file name" not in d.message]


SCRUTINY = FIXTURE.parent / "scrutiny"  # the follow-up kinds (plans, work programmes, recommendations) live there
FOLLOW_UP = ("plans", "work-programmes", "meetings", "boards", "organisations")
RECORDS = sorted(
    [
        (FIXTURE, p.relative_to(FIXTURE))
        for p in FIXTURE.rglob("*.yml")
        if p.relative_to(FIXTURE).parts[0] != "reference"
    ]
    + [(SCRUTINY, p.relative_to(SCRUTINY)) for kind in FOLLOW_UP for p in (SCRUTINY / kind).rglob("*.yml")]
)


def cases(base: Path, rel: Path) -> Iterator[tuple[str, str]]:
    """(description, text) of every mutation of one record."""
    data = yaml.load((base / rel).read_text(encoding="utf-8"), Loader=Yaml12Loader)
    yield "as it is", to_yaml(data) + "\n"
    for path, value in paths(data):
        if path[0] in SKIPPED:
            continue
        where = ".".join(map(str, path))
        for name, new in mutations(value):
            yield f"{where}: {name}", to_yaml(replaced(data, path, new)) + "\n"
        if isinstance(path[-1], str):
            yield f"{where}: deleted", to_yaml(replaced(data, path, ...)) + "\n"
        if isinstance(value, dict):
            yield f"{where}: an unknown field", to_yaml(replaced(data, (*path, "zzz_unknown"), "x")) + "\n"


@pytest.mark.parametrize(("base", "rel"), RECORDS, ids=[f"{b.name}/{r}" for b, r in RECORDS])
def test_the_schema_and_the_checker_agree_on_every_mutation(base: Path, rel: Path) -> None:
    kind = kind_of(rel)
    assert kind is not None
    disagreements = []
    for what, text in cases(base, rel):
        schema, checker = schema_errors(kind, text), checker_errors(rel, text)
        if bool(schema) != bool(checker):
            said = f"schema: {schema[:1] or 'valid'}; check: {checker[:1] or 'valid'}"
            disagreements.append(f"{rel}: {what}: {said}")
    assert disagreements == []


def test_the_mutations_cover_every_field_of_every_kind() -> None:
    """Every kind has a fixture record, so every kind's schema is compared."""
    kinds = {kind_of(rel) for _, rel in RECORDS}
    assert kinds == {kind.name for kind in KIND.values()}
