"""Issue 17, "show everything the record holds": every text value of a field the data-format reference
says is shown to readers appears on a page of the generated site, for both fixture datasets.

The walker reads each field's "Shown on" as the reference gives it (reference_fields.shown): a field
"not shown" (or shown only in an address) is skipped; every other text, long text or Markdown value,
however deep in its record (notes of every kind, action notes, status notes and printed wording, plans),
must be found in the text of some page as a reader sees it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from generator import build
from generator.records.common import NOTE_KINDS, Note
from generator.records.registry import KINDS
from generator.render.markup import markdown_html
from generator.render.reference_fields import choices, declared, shown, type_name
from generator.site.graph import Site
from tests.conftest import FIXTURE, ROOT, TODAY

DATASETS = {"fixture": FIXTURE, "scrutiny": ROOT / "tests" / "fixtures" / "scrutiny"}
HIDDEN = ("not shown", "in the address")
INLINE = r"</?(?:a|span|strong|em|abbr|code|time|b|i|q|cite|s|del|ins|mark|small|sub|sup)\b[^>]*>"


def plain(markup: str) -> str:
    """Markup as a reader sees it: inline tags vanish, block tags part words, white space collapsed."""
    words = re.sub(r"<[^>]+>", " ", re.sub(INLINE, "", markup))
    return re.sub(r"\s+", " ", html.unescape(words)).strip()


def texts(model: BaseModel, where: str) -> Iterator[tuple[str, str]]:
    """(field path, text a reader must find) for every shown text value inside ``model``."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        path = f"{where}.{name}"
        if value is None or value == [] or shown(type(model), name, info).startswith(HIDDEN):
            continue
        if isinstance(value, BaseModel):
            yield from texts(value, path)
        elif isinstance(value, list) and isinstance(value[0], BaseModel):
            for i, part in enumerate(value):
                yield from texts(part, f"{path}[{i}]")
        elif not choices(info) and not name.endswith(("_id", "_ids")):  # ids are links, choices their words
            yield from _text(type_name(declared(info)), value, path)


def _text(kind: str, value: Any, path: str) -> Iterator[tuple[str, str]]:
    if kind.startswith("Markdown"):
        yield path, plain(markdown_html(value))
    elif kind.startswith("text") or kind.startswith("list of text"):
        for one in value if isinstance(value, list) else [value]:
            yield path, re.sub(r"\s+", " ", str(one)).strip()


def every_text(site: Site) -> Iterator[tuple[str, str]]:
    """Every shown text of every record of the site."""
    for kind in KINDS:
        for key, record in sorted(site.records(kind.name).items()):
            yield from texts(record, f"{kind.name}/{key}")


def tempt(model: BaseModel, count: list[int]) -> None:
    """Give every notes list inside ``model`` one more note, of each kind in turn, and every empty
    'note' a text: places no fixture fills are where a note is most easily left off a page."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if name == "notes" and isinstance(value, list):
            kind = NOTE_KINDS[count[0] % len(NOTE_KINDS)][0]
            value.append(Note(kind=kind, text=f"Tempting {kind} note number {count[0]}."))
            count[0] += 1
        elif name == "note" and value is None and type_name(declared(info)).startswith("text"):
            setattr(model, name, f"Tempting note text number {count[0]}.")
            count[0] += 1
        for part in value if isinstance(value, list) else [value]:
            if isinstance(part, BaseModel) and not isinstance(part, Note):
                tempt(part, count)


def generate(name: str, tempted: bool) -> tuple[Site, str]:
    """A fixture dataset checked and generated: its site, and every page's text as one string."""
    report, site = build.check(Path(DATASETS[name]))
    assert site is not None, report.lines()
    if tempted:
        count = [0]
        for kind in KINDS:
            for _, record in sorted(site.records(kind.name).items()):
                tempt(record, count)
    pages = [text for _, text in build.generate(site, build.Settings(TODAY)) if isinstance(text, str)]
    return site, " ".join(plain(page.split("\n---\n", 1)[-1]) for page in pages)


def missing(site: Site, corpus: str) -> list[str]:
    """Shown texts of the site that no page holds."""
    found = list(every_text(site))
    assert len(found) > 100  # the walker reaches deep into the records
    return [f"{path}: {value[:80]!r}" for path, value in found if value and value not in corpus]


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_text_the_reference_calls_shown_appears_on_a_page(name: str) -> None:
    site, corpus = generate(name, tempted=False)
    assert missing(site, corpus) == [], "\n".join(missing(site, corpus))


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_a_note_of_every_kind_in_every_place_appears_on_a_page(name: str) -> None:
    site, corpus = generate(name, tempted=True)
    lost = missing(site, corpus)
    assert lost == [], f"{len(lost)} notes left off:\n" + "\n".join(lost)
