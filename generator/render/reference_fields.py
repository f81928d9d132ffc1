"""What the data-format reference says of each field, read from the models: its type in words, whether it
is required (as the checker enforces it), its meaning, its allowed values with theirs, where it is shown.

The site's reference page (reference.py) and the copy in the repository (reference_md.py) are both made
from these rows, so they cannot disagree.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.records.common import shown_on
from generator.records.editor_schema import NON_BLANK, NUMBER, PAGES_LOOSE
from generator.records.fields import OLD_ADDRESS_PATTERN, OneOf
from generator.records.registry import KINDS

PATTERNS = {
    "^[a-z0-9]+(?:-[a-z0-9]+)*$": "id: lowercase letters, digits and hyphens",
    PAGES_LOOSE: "page or page range, such as 9-22",
    "^\\d+$": "whole number",
    OLD_ADDRESS_PATTERN: "old address: <kind>/<id>, or a page address such as /boards/x/",
    "^(\\d{4})-(\\d{2})$": "month, YYYY-MM",
    NUMBER: "number, such as 87.9 (no commas, units or % signs)",
}
# Fields every record kind has, where the kind's own default would not be true.
TOP_LEVEL_SHOWN = {
    "id": "in the address of the record's pages",
    "former_ids": "not shown: the old addresses lead to the record's page",
    "moved_from": "not shown: the old addresses lead to the record's page",
    "withdrawn": "the record's page, which then says when and why it was withdrawn",
    "source": "the record's page, as 'Source: …'",
    "notes": "the record's page, each with its label",
}


@dataclass(frozen=True)
class FieldDoc:
    """One field as the reference describes it."""

    name: str
    type: str
    required: str
    meaning: str
    values: tuple[tuple[str, str | None], ...]  # allowed values and their meanings, for a field of fixed values
    shown: str
    example: str


def type_name(annotation: Any) -> str:
    """A field's type in words, with its length limit when it has one."""
    if annotation is type(None):
        return ""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        schema: dict[str, Any] = next((s for meta in extra if (s := _schema(meta))), {})
        name = _schema_name(schema) or type_name(base)
        return name + (f", at most {schema['maxLength']:,} characters" if "maxLength" in schema else "")
    if origin in (typing.Union, types.UnionType):
        names = [type_name(a) for a in typing.get_args(annotation)]
        return " or ".join(n for n in names if n)
    if origin is list:
        inner = typing.get_args(annotation)[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return f"list of {inner.__name__} parts (described below)"
        return "list of " + type_name(inner)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"a {annotation.__name__} part (described below)"
    return {str: "text", int: "whole number", float: "number", bool: "yes or no"}.get(annotation, "text")


def _schema(meta: Any) -> dict[str, Any] | None:
    """The JSON Schema a field type's metadata carries (OneOf, or pydantic's WithJsonSchema)."""
    found = getattr(meta, "json_schema", None)
    return found if isinstance(found, dict) else None


def _schema_name(schema: dict[str, Any]) -> str | None:
    """The words for a field type with this JSON Schema (or the branches of its anyOf), if it says more than 'text'."""
    branches = [schema, *schema.get("anyOf", [])]
    enums = [b["enum"] for b in branches if "enum" in b]
    if enums:
        return "yes or no" if enums[0] == ["yes", "no"] else "one of the values below"
    if schema.get("format") == "date":
        return "date, YYYY-MM-DD"
    if schema.get("contentMediaType") == "text/markdown":
        return "Markdown text"
    if schema.get("description") == "YYYY-MM-DD, or text such as TBC":
        return "date, YYYY-MM-DD, or the text printed, such as TBC"
    if schema.get("format") == "uri":
        return "web address (http or https)"
    patterns = [b["pattern"] for b in branches if "pattern" in b and b["pattern"] != NON_BLANK]
    if patterns:
        return PATTERNS.get(patterns[0], "time, HH:MM (24-hour clock)")
    if schema.get("type") == ["string", "integer"]:
        return "whole number"
    if schema.get("type") == ["string", "number"] and "maxLength" not in schema:  # a minute number is text
        return "number, such as 87.9 (no commas, units or % signs)"
    return None


def declared(info: FieldInfo) -> Any:
    """The field's type as declared: pydantic moves a required field's Annotated metadata (its validator
    and schema, which say 'date' or 'at most 1,000 characters') out of the annotation."""
    return typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def choices(info: FieldInfo) -> tuple[tuple[str, str | None], ...]:
    """The allowed values of a field of fixed values, each with its meaning; () for any other field."""
    for meta in _metadata(declared(info)):
        if isinstance(meta, OneOf):
            return tuple(meta.meanings.items())
    return ()


def _metadata(annotation: Any) -> list[Any]:
    """Every Annotated metadata object inside an annotation (through Optional and list)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return [*extra, *_metadata(base)]
    return [m for arg in typing.get_args(annotation) for m in _metadata(arg)]


def required(model: type[BaseModel], name: str, info: FieldInfo) -> str:
    """'required', 'optional', or the condition under which the checker requires it."""
    condition: str | None = getattr(model, "conditions", {}).get(name)
    if condition:
        return condition
    return "required" if info.is_required() else "optional"


def shown(model: type[BaseModel], name: str, info: FieldInfo) -> str:
    """Where readers see the field: declared on the field, else for every field of its kind."""
    own = shown_on(info)
    if own:
        return own
    if name in TOP_LEVEL_SHOWN and name in _top_level_fields():
        return TOP_LEVEL_SHOWN[name]
    default: str = getattr(model, "shown", "")
    return default


def _top_level_fields() -> set[str]:
    from generator.records.common import TopLevel

    return set(TopLevel.model_fields)


def field_docs(model: type[BaseModel]) -> list[FieldDoc]:
    """One description per field of ``model``, in the model's order."""
    docs = []
    for name, info in model.model_fields.items():
        example = json.dumps(info.examples[0], ensure_ascii=False) if info.examples else ""
        docs.append(
            FieldDoc(
                name=name,
                type=type_name(declared(info)),
                required=required(model, name, info),
                meaning=info.description or "",
                values=choices(info),
                shown=shown(model, name, info),
                example=example,
            )
        )
    return docs


def sub_models(model: type[BaseModel], seen: set[type[BaseModel]]) -> list[type[BaseModel]]:
    """The models nested inside ``model``, depth first, each once."""
    found = []
    for info in model.model_fields.values():
        for inner in _models_in(info.annotation):
            if inner not in seen:
                seen.add(inner)
                found.append(inner)
                found.extend(sub_models(inner, seen))
    return found


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def all_models() -> list[tuple[str, type[BaseModel]]]:
    """Every model the reference describes, with the kind it belongs to: each kind, its parts, its CSV rows."""
    seen: set[type[BaseModel]] = set()
    found: list[tuple[str, type[BaseModel]]] = []
    for kind in KINDS:
        found.append((kind.singular, kind.model))
        found += [(kind.singular, inner) for inner in sub_models(kind.model, seen)]
        if kind.rows is not None:
            found.append((kind.singular, kind.rows.model))
    return found
