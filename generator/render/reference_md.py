"""The data-format reference as Markdown, for reading in the repository without building the site.

`make docs` writes it to docs/data-format.md; tests/unit/test_reference.py fails when the committed copy
is not what the models say now. The site's reference page (reference.py) is made from the same rows.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from generator.records.registry import KINDS, Kind
from generator.render.reference import LIMITS
from generator.render.reference_fields import FieldDoc, field_docs, sub_models

HEADER = "<!-- Generated from the record models by `make docs` (python -m generator docs). Do not edit. -->\n"
DOCS = Path("docs/data-format.md")


def cell(text: str) -> str:
    """Text made safe for one cell of a Markdown table."""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    return text.replace("<", "&lt;").replace(">", "&gt;")


def values(doc: FieldDoc) -> str:
    """A field's allowed values, each with its meaning, as one cell's text."""
    return " Values: " + "; ".join(f"`{v}`: {meaning}" for v, meaning in doc.values) + "." if doc.values else ""


def table(model: type[BaseModel]) -> list[str]:
    """A model's fields as a Markdown table."""
    rows = ["| Field | Type | Required | Meaning | Shown on | Example |", "|---|---|---|---|---|---|"]
    for doc in field_docs(model):
        example = f"`{cell(doc.example)}`" if doc.example else ""
        meaning = cell(doc.meaning + values(doc))
        rows.append(
            f"| `{doc.name}` | {cell(doc.type)} | {cell(doc.required)} | {meaning} | {cell(doc.shown)} | {example} |"
        )
    return rows


def kind_section(kind: Kind, seen: set[type[BaseModel]]) -> list[str]:
    """One kind: where its records live, its fields, then its parts."""
    out = [f"## {kind.model.__name__}: `{kind.place}`", "", kind.model.__doc__ or "", "", *table(kind.model), ""]
    for inner in sub_models(kind.model, seen):
        out += [f"### {inner.__name__}", "", inner.__doc__ or "", "", *table(inner), ""]
    if kind.rows is not None:
        out += [f"### {kind.singular.capitalize()} {kind.rows.name}: `data/{kind.name}/<id>.csv`", ""]
        out += [*table(kind.rows.model), ""]
    return out


def reference_markdown() -> str:
    """The whole reference: every kind's fields and parts, then the limits."""
    out = [
        HEADER,
        "# Data format reference",
        "",
        "Every field of every record kind: its type, whether the checker requires it, what it means (with every",
        "allowed value of a field of fixed values), and on which page readers see it. Every value is written as",
        "text; each field converts it by its type. The site's page /reference/data-format/ says the same, with",
        "the rules for permanent addresses, characters and Markdown.",
        "",
    ]
    seen: set[type[BaseModel]] = set()
    for kind in KINDS:
        out += kind_section(kind, seen)
    out += ["## Limits", "", "| What | Limit | Why |", "|---|---|---|"]
    out += [f"| {cell(what)} | {cell(limit)} | {cell(why)} |" for what, limit, why in LIMITS]
    return "\n".join(out) + "\n"


def write_docs(path: Path = DOCS) -> tuple[str, int]:
    """Write the Markdown reference; refuse to replace a file the generator did not write."""
    if path.exists() and not path.read_text(encoding="utf-8").startswith(HEADER):
        return f"error: {path} was not written by 'make docs'; it was left alone", 1
    path.parent.mkdir(parents=True, exist_ok=True)
    text = reference_markdown()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return f"{path} is up to date", 0
    path.write_text(text, encoding="utf-8")
    return f"wrote {path}", 0
