"""The data-format reference page and JSON Schemas, generated from the models."""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from markupsafe import escape
from pydantic import BaseModel

from generator import models, urls
from generator.render import reference_rules
from generator.render.pages import Page, Renderer

SCHEMA_NAMES = {
    "boards": "board",
    "people": "person",
    "documents": "document",
    "meetings": "meeting",
    "strategies": "strategy",
    "indicators": "indicator",
}
PLACES = {
    "boards": "data/boards/&lt;id&gt;.yml",
    "people": "data/people/&lt;id&gt;.yml",
    "documents": "data/documents/&lt;id&gt;.yml",
    "meetings": "data/meetings/&lt;board-id&gt;/&lt;yyyy-mm-dd&gt;.yml",
    "strategies": "data/strategies/&lt;id&gt;.yml",
    "indicators": "data/indicators/&lt;id&gt;.yml (values in &lt;id&gt;.csv)",
}


def type_name(annotation: Any) -> str:
    """A readable name for a field's type."""
    if annotation is type(None):
        return ""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        for meta in extra:
            schema = getattr(meta, "json_schema", None)
            if schema and "enum" in schema and schema["enum"] != ["yes", "no"]:
                return "one of: " + ", ".join(schema["enum"])
            if schema and schema.get("format") == "date":
                return "date (YYYY-MM-DD)"
            if schema and schema.get("contentMediaType") == "text/markdown":
                return "Markdown text"
            if schema and schema.get("enum") == ["yes", "no"]:
                return "yes or no"
            if schema and "pattern" in schema:
                return {"^[a-z0-9]+(?:-[a-z0-9]+)*$": "id", "^\\d+(?:-\\d+)?$": "pages"}.get(
                    schema["pattern"], "time (HH:MM)"
                )
            if schema and schema.get("format") == "uri":
                return "web address"
        return type_name(base)
    if origin in (typing.Union, types.UnionType):
        names = [type_name(a) for a in typing.get_args(annotation)]
        return " or ".join(n for n in names if n)
    if origin is list:
        return "list of " + type_name(typing.get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    return {str: "text", int: "whole number", float: "number", bool: "yes or no"}.get(annotation, str(annotation))


def field_rows(model: type[BaseModel]) -> list[dict[str, str]]:
    """One row per field: name, type, required, meaning, example."""
    rows = []
    for name, info in model.model_fields.items():
        example = json.dumps(info.examples[0], ensure_ascii=False) if info.examples else ""
        rows.append(
            {
                "name": name,
                "type": type_name(info.annotation),
                "required": "required" if info.is_required() else "optional",
                "meaning": info.description or "",
                "example": example,
            }
        )
    return rows


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


def reference_html() -> str:
    """The reference as HTML tables, one per record kind and part."""
    out = [
        '<div class="mb-page">',
        "<h1>Data format reference</h1>",
        "<p>Generated from the record models, so it is always current. "
        "Every value is written as text; each field converts it by its type.</p>",
    ]
    seen: set[type[BaseModel]] = set()
    for kind, model in models.KINDS.items():
        out.append(f'<h2 id="{SCHEMA_NAMES[kind]}">{model.__name__}: {PLACES[kind]}</h2>')
        out.append(
            f"<p>{escape(model.__doc__ or '')} JSON Schema: "
            f'<a href="../../schemas/{SCHEMA_NAMES[kind]}.schema.json">{SCHEMA_NAMES[kind]}.schema.json</a>.</p>'
        )
        out.extend(_table(model))
        for inner in sub_models(model, seen):
            out.append(f'<h3 id="{SCHEMA_NAMES[kind]}-{inner.__name__.lower()}">{inner.__name__}</h3>')
            out.append(f"<p>{escape(inner.__doc__ or '')}</p>")
            out.extend(_table(inner))
    out.append('<h2 id="indicator-values">Indicator values: data/indicators/&lt;id&gt;.csv</h2>')
    out.extend(_table(models.IndicatorValue))
    out.extend(reference_rules.characters_html())
    out.extend(reference_rules.markdown_html())
    out.append("</div>")
    return "\n".join(out) + "\n"


def _table(model: type[BaseModel]) -> list[str]:
    rows = [
        "<table>",
        f"<caption>Fields of {model.__name__}</caption>",
        "<thead><tr>"
        + "".join(f'<th scope="col">{name}</th>' for name in ("Field", "Type", "Required", "Meaning", "Example"))
        + "</tr></thead><tbody>",
    ]
    for row in field_rows(model):
        rows.append(
            f'<tr><th scope="row"><code>{escape(row["name"])}</code></th><td>{escape(row["type"])}</td>'
            f"<td>{row['required']}</td><td>{escape(row['meaning'])}</td><td><code>{escape(row['example'])}</code></td></tr>"
        )
    rows.append("</tbody></table>")
    return rows


def reference_page(r: Renderer) -> Page:
    """The data-format reference page."""
    return Page(
        urls.index_url("reference"),
        "Data format reference",
        "Every field of every record kind: type, whether required, meaning and example.",
        reference_html(),
    )


def json_schemas() -> dict[str, str]:
    """One JSON Schema per record kind, keyed by file name."""
    return {
        f"{SCHEMA_NAMES[kind]}.schema.json": json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"
        for kind, model in models.KINDS.items()
    }
