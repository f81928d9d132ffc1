"""The data-format reference documents every field, from the models themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markupsafe import escape
from pydantic import BaseModel, ValidationError

from generator.exports.schemas import schema_files
from generator.records.registry import KINDS
from generator.render.reference import reference_html
from generator.render.reference_fields import all_models, field_docs, sub_models

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
        for k in (
            "organisation",
            "board",
            "person",
            "document",
            "meeting",
            "strategy",
            "indicator",
            "plan",
            "work-programme",
        )
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


def test_every_allowed_value_is_listed_with_its_meaning() -> None:
    """A field of fixed values lists each value with its meaning; a value without one fails here."""
    html = reference_html()
    count = 0
    for _, model in all_models():
        for doc in field_docs(model):
            for value, meaning in doc.values:
                assert meaning, f"{model.__name__}.{doc.name}: '{value}' has no meaning (give it one in the model)"
                assert f"<li><code>{value}</code>: {escape(meaning)}</li>" in html, (model.__name__, doc.name, value)
                count += 1
    assert count >= 90  # every value of every enumerated field (organisation kinds, statuses, roles, ...)


def test_types_read_as_words_never_as_python() -> None:
    for _, model in all_models():
        for doc in field_docs(model):
            assert doc.type and not any(s in doc.type for s in ("<class", "NoneType", "typing", "Annotated")), doc


def test_every_field_says_where_it_is_shown() -> None:
    for _, model in all_models():
        for doc in field_docs(model):
            assert doc.shown, f"{model.__name__}.{doc.name}: say where it is shown (F(..., shown=...) or the model's)"


def minimal(model: type[BaseModel]) -> dict[str, object]:
    """The smallest valid data of a model: its required fields' first examples, and what its conditions need."""
    data: dict[str, object] = {
        name: info.examples[0] for name, info in model.model_fields.items() if info.is_required()
    }
    return data | getattr(model, "minimal", {})


@pytest.mark.parametrize("model", [m for _, m in all_models()], ids=lambda m: m.__name__)
def test_required_in_the_reference_is_what_the_checker_enforces(model: type[BaseModel]) -> None:
    """Field by field: the fields marked required are refused when left out; nothing else is needed."""
    model.model_validate(minimal(model))  # every field marked optional can be left out
    docs = {doc.name: doc for doc in field_docs(model)}
    for name, info in model.model_fields.items():
        if not info.is_required():
            assert docs[name].required != "required", f"{model.__name__}.{name}"
            continue
        assert docs[name].required == "required"
        data = {k: v for k, v in minimal(model).items() if k != name}
        with pytest.raises(ValidationError) as caught:
            model.model_validate(data)
        assert any(e["loc"] == (name,) and e["type"] == "missing" for e in caught.value.errors()), (model, name)


def test_conditional_requirements_are_enforced() -> None:
    """A field the reference marks as required under a condition is refused when the condition holds."""
    from generator.records.board import Membership
    from generator.records.common import BodyRef
    from generator.records.meeting_parts import Presenter
    from generator.records.person import Post

    for model in (BodyRef, Presenter, Post, Membership):
        assert getattr(model, "conditions", None), model
        with pytest.raises(ValidationError):
            model.model_validate({k: v for k, v in minimal(model).items() if k not in model.conditions})


def test_the_markdown_copy_in_the_repository_is_current() -> None:
    """docs/data-format.md is what `make docs` writes now: run `make docs` and commit it when this fails."""
    from generator.render.reference_md import DOCS, reference_markdown
    from tests.conftest import ROOT

    assert (ROOT / DOCS).read_text(encoding="utf-8") == reference_markdown()


def test_make_docs_never_replaces_a_file_it_did_not_write(tmp_path: Path) -> None:
    from generator.render.reference_md import write_docs

    mine = tmp_path / "notes.md"
    mine.write_text("my notes\n", encoding="utf-8")
    assert write_docs(mine) == (f"error: {mine} was not written by 'make docs'; it was left alone", 1)
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    target = tmp_path / "docs/data-format.md"
    assert write_docs(target) == (f"wrote {target}", 0)
    assert write_docs(target) == (f"{target} is up to date", 0)
