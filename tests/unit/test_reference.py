"""The data-format reference documents every field, from the models themselves."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from generator.exports.schemas import schema_files
from generator.records.registry import KINDS
from generator.render.reference import reference_html, sub_models

ALL_MODELS: list[type[BaseModel]] = []
for _kind in KINDS:
    ALL_MODELS.extend([_kind.model, *sub_models(_kind.model, set()), *([_kind.rows.model] if _kind.rows else [])])


@pytest.mark.parametrize("model", sorted(set(ALL_MODELS), key=lambda m: m.__name__), ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    """A field without a description fails here, and appears in the reference page."""
    html = reference_html()
    for name, info in model.model_fields.items():
        assert info.description, f"{model.__name__}.{name} has no description"
        assert f"<code>{name}</code>" in html


def test_json_schemas_parse_and_cover_every_kind() -> None:
    """One schema per record kind, each valid JSON with the kind's fields."""
    schemas = schema_files()
    assert sorted(schemas) == sorted(
        f"schemas/{k}.schema.json"
        for k in ("organisation", "board", "person", "document", "meeting", "strategy", "indicator")
    )
    meeting = json.loads(schemas["schemas/meeting.schema.json"])
    assert {"board_id", "date", "attendance", "items"} <= set(meeting["properties"])
    status = meeting["properties"]["status"]  # optional: a value of the enum, or nothing
    assert status["anyOf"][0]["enum"] == ["scheduled", "held", "cancelled", "postponed"]


def test_reference_lists_every_address_that_follows_a_rename() -> None:
    """The permanent-addresses section is generated from urls.PATTERNS, so it names each of them."""
    from generator import urls

    html = reference_html()
    assert '<h2 id="addresses">' in html and "NEW_LEDGER=1" in html
    html = html[html.index('<h2 id="addresses">') :]
    assert "<code>/decisions/&lt;board&gt;/&lt;meeting&gt;/&lt;minute&gt;/</code>" in html
    assert html.count("served again at the old address") == sum(not p.is_page for p in urls.PATTERNS)
    assert html.count("a page that sends readers on") == sum(p.is_page for p in urls.PATTERNS)
