"""One JSON Schema per record kind, from its model: editors check records against it as staff type."""

from __future__ import annotations

import json

from generator import urls
from generator.records.registry import KINDS


def schema_files() -> dict[str, bytes]:
    """The JSON Schema of every kind, by path relative to docs_dir ('schemas/board.schema.json')."""
    return {
        urls.schema_url(kind.singular): (
            json.dumps(kind.model.model_json_schema(), indent=2, sort_keys=True) + "\n"
        ).encode()
        for kind in KINDS
    }
