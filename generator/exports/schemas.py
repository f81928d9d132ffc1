"""One JSON Schema per record kind, from its model: editors check records against it as staff type.

Each declares its draft (JSON Schema 2020-12, what pydantic writes). An empty value (``notes:`` with
nothing after it) is read by the generator as no value, so the field takes its default; an editor
reads it as null, so null is allowed wherever a field has a default. The schema and the generator's
own check must agree (tests/unit/test_schema_agreement.py).
"""

from __future__ import annotations

import json
from typing import Any

from generator import urls
from generator.records.registry import KINDS

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def allow_empty(schema: dict[str, Any]) -> dict[str, Any]:
    """Allow null for every property that has a default (an empty value means 'not given')."""
    for model in [schema, *schema.get("$defs", {}).values()]:
        required = set(model.get("required", []))
        for name, prop in model.get("properties", {}).items():
            if name in required or any(option.get("type") == "null" for option in prop.get("anyOf", [])):
                continue
            kept = {k: prop.pop(k) for k in ("title", "description", "default", "examples") if k in prop}
            model["properties"][name] = {"anyOf": [prop, {"type": "null"}], **kept}
    return schema


def kind_schema(model: Any) -> dict[str, Any]:
    """The JSON Schema of a kind's model, with its draft declared."""
    return {"$schema": DRAFT, **allow_empty(model.model_json_schema())}


def schema_files() -> dict[str, bytes]:
    """The JSON Schema of every kind, by path relative to docs_dir ('schemas/board.schema.json')."""
    return {
        urls.schema_url(kind.singular): (json.dumps(kind_schema(kind.model), indent=2, sort_keys=True) + "\n").encode()
        for kind in KINDS
    }
