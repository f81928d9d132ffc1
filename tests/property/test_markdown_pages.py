"""Pages are real Markdown (a contents sidebar) yet inert: MkDocs' Markdown leaves every page as written (issue 14).

The generator writes each page as one ``<div class="mb-page" markdown="1">`` (md_in_html): its headings
reach toc, and nothing in it is parsed. These tests inject Markdown, attr_list and HTML syntax into every
plain-text field of every fixture record, render the pages, convert each with MkDocs' own configured
Markdown (mkdocs.yml's extensions, as ``mkdocs build`` converts a page) and check that the HTML is the
generator's, element for element and attribute for attribute, with the record text literal, and that
the contents entries read exactly as their headings.
"""

from __future__ import annotations

import html
import logging
import re
import typing
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.meta import get_data
from pydantic import BaseModel

from generator import build
from generator.ingest.charset import refusal
from generator.ingest.load import load_data
from generator.ingest.validate import validate_all
from generator.records import fields
from generator.records.dataset import Models
from generator.records.diagnostics import Report
from generator.render import render_site
from generator.render.blocks import BLOCK_TAGS
from generator.site.checks import build_site
from tests.conftest import FIXTURE, ROOT, TODAY

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
BLOCKS = set(BLOCK_TAGS.split("|"))

# What each field type is, by the validator it declares: free text takes any payload, a web address
# one that is still a valid address, a minute number a short one; the rest cannot hold syntax.
TEXT, URL, MINUTE, MARKDOWN, FIXED = "text", "url", "minute", "markdown", "fixed"
VALIDATORS: dict[Any, str] = {
    fields.parse_line: TEXT,
    fields.parse_prose: TEXT,
    fields.parse_text: TEXT,
    fields.parse_due: TEXT,  # a due date or text such as 'TBC' (only a text value is replaced)
    fields.parse_url: URL,
    fields.parse_minute: MINUTE,
    fields.parse_markdown: MARKDOWN,
    fields.parse_time: FIXED,
    fields.parse_pages: FIXED,
    fields.parse_old_address: FIXED,
    fields.parse_date: FIXED,
}


# Plain-text fields that refer to other records by key ('<board>/<date>'), checked across records: they
# are links, never shown as text. A new one makes the checks fail in the test below: add it here.
REFERENCES = {"Document.meeting_id", "Strategy.adopted_by", "Action.priority_ids"}


def field_kind(annotation: Any) -> str:
    """The kind of a string field from its declared type; an unknown type fails the test until it is classified."""
    found: set[str] = set()
    for meta in _metadata(annotation):
        if isinstance(meta, fields.OneOf):
            found.add(FIXED)
        func = getattr(meta, "func", None)
        if func is None:
            continue
        if getattr(func, "__qualname__", "").startswith("id_parser."):
            found.add(FIXED)
        elif func in VALIDATORS:
            found.add(VALIDATORS[func])
        else:
            raise AssertionError(f"unclassified field validator {func!r}: add it to VALIDATORS")
    if len(found) != 1:
        raise AssertionError(f"a string field of type {annotation!r} has kinds {found} (classify it)")
    return found.pop()


def _metadata(annotation: Any) -> Iterator[Any]:
    """Every Annotated metadata object inside a type (through Optional, list and unions)."""
    if typing.get_origin(annotation) is typing.Annotated:
        yield from annotation.__metadata__
        yield from _metadata(annotation.__origin__)
    for arg in typing.get_args(annotation):
        if typing.get_origin(annotation) is not typing.Annotated:
            yield from _metadata(arg)


Setter = Callable[[str], None]
Field = tuple[str, str, Setter, str]  # its kind, its value, what sets it, and where it is


def string_fields(model: BaseModel) -> Iterator[Field]:
    """(kind, setter, where) for every string value in a record and its parts, list items included."""
    for name, info in type(model).model_fields.items():
        declared = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        value = getattr(model, name)
        where = f"{type(model).__name__}.{name}"
        if where in REFERENCES:
            continue
        if isinstance(value, str):
            yield field_kind(declared), value, (lambda text, m=model, n=name: setattr(m, n, text)), where
        elif isinstance(value, BaseModel):
            yield from string_fields(value)
        elif isinstance(value, list):
            yield from _items(value, declared, where)


def _items(values: list[Any], declared: Any, where: str) -> Iterator[Field]:
    """The string fields of a list's items."""
    for i, item in enumerate(values):
        if isinstance(item, BaseModel):
            yield from string_fields(item)
        elif isinstance(item, str):
            yield field_kind(declared), item, (lambda text, v=values, k=i: v.__setitem__(k, text)), f"{where}[{i}]"


def fixture_models() -> Models:
    """The fixture dataset, validated (fresh objects each time: the tests change them)."""
    report = Report()
    models = validate_all(load_data(FIXTURE, report), report)
    assert not report.errors
    return models


def every_string_field(models: Models) -> list[Field]:
    """The string fields of every record and table row of the dataset."""
    found = []
    for records in models.values():
        for record in records.values():
            found += list(string_fields(record))
    for tables in models.rows.values():
        for rows in tables.values():
            for row in rows:
                found += list(string_fields(row))
    return found


# Markdown, attr_list and HTML syntax, and Python-Markdown's own markers, to build payloads from.
SYNTAX = [
    " {: onclick=alert(1) }",
    " {#injected .injected onmouseover=alert(2)}",
    "{: .x }",
    "\n{: title=t }",
    " { .y }",
    "# ",
    "## h ##",
    "**bold**",
    "_em_",
    "*em*",
    "`code`",
    "[a](javascript:alert(3))",
    "[a][1]",
    "\n[1]: http://x",
    "![i](x.png)",
    "<https://auto.link>",
    "> ",
    "- ",
    "1. ",
    "---",
    "***",
    "    ",
    "\n\n",
    "\n",
    "  \n",
    "\\*",
    "\\{",
    "<b>b</b>",
    "<script>alert(4)</script>",
    '<img src=x onerror="alert(5)">',
    "</div>",
    '<div markdown="1">*m*</div>',
    "<h2>fake</h2>",
    "<!-- c -->",
    "&lt;",
    "&amp;",
    "&#123;",
    "&",
    "<",
    ">",
    "{",
    "}",
    ":",
    "|",
    "a | b\n--|--",
    "~~s~~",
    "!!! note",
    "[TOC]",
    "}{",
    "{{ x }}",
    "{% raw %}",
    "Q",
    "text",
]
PAYLOADS = (
    st.lists(st.sampled_from(SYNTAX), min_size=1, max_size=8)
    .map("".join)
    .map(lambda text: text.strip() or "x")
    .filter(lambda text: refusal(text) is None)
)
URL_SAFE = st.lists(
    st.sampled_from(["{:", "}", "*", "_", "[", "]", "(", ")", "&", "#", "`", "!", "a", "{#x}"]), max_size=8
)


def inject(models: Models, texts: list[str], tails: list[str]) -> dict[str, str]:
    """Put payloads in every plain-text field (markers number them); return the text each field now holds."""
    held = {}
    for n, (kind, value, setter, where) in enumerate(every_string_field(models)):
        if kind == TEXT:
            text = f"Q{n}Q {texts[n % len(texts)]}"
        elif kind == URL:
            text = f"https://example.org/{n}/" + tails[n % len(tails)]
        elif kind == MINUTE:
            text = value + " {:*}"  # no letter or digit: the same decision key, so references still hold
        else:
            continue
        setter(text)
        held[f"{where}#{n}"] = text
    return held


class Events(HTMLParser):
    """An HTML fragment as a list of events: tags with their attributes, and text with white space collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, ...]] = []
        self.text: list[str] = []

    def flush(self) -> None:
        """End a run of text."""
        text = " ".join("".join(self.text).split())
        if text:
            self.events.append(("text", text))
        self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A start tag and its attributes (md_in_html's markdown attribute left out)."""
        self.flush()
        kept = sorted((k, v or "") for k, v in attrs if k != "markdown")
        self.events.append(("start", tag, *(f"{k}={v}" for k, v in kept)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """An empty element, as a start tag (<br> and <br /> alike)."""
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        """An end tag."""
        self.flush()
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        """Text, joined with the text beside it."""
        self.text.append(data)


def events(fragment: str) -> list[tuple[str, ...]]:
    """The events of an HTML fragment."""
    parser = Events()
    parser.feed(fragment)
    parser.close()
    parser.flush()
    return parser.events


def mkdocs_render(rel: str, text: str) -> Page:
    """Convert a generated page as ``mkdocs build`` does: its front matter read, its body through mkdocs.yml's Markdown."""
    file = File(rel, str(ROOT / "content"), str(ROOT / "site"), use_directory_urls=True)
    page = Page(None, file, CONFIG)
    page.markdown, page.meta = get_data(text)
    page.render(CONFIG, Files([file]))
    return page


def toc_entries(items: list[AnchorLink]) -> Iterator[AnchorLink]:
    """Every entry of a page's table of contents."""
    for item in items:
        yield item
        yield from toc_entries(item.children)


def heading_texts(fragment: str) -> dict[str, str]:
    """The text of every heading with an id, white space collapsed."""
    found: dict[str, str] = {}
    current: list[tuple[str, list[str]]] = []
    for event in events(fragment):
        if event[0] == "start" and re.fullmatch(r"h[1-6]", event[1]):
            ident = next((a[3:] for a in event[2:] if a.startswith("id=")), "")
            current.append((ident, []))
        elif event[0] == "end" and re.fullmatch(r"h[1-6]", event[1]) and current:
            ident, parts = current.pop()
            found[ident] = " ".join(" ".join(parts).split())
        elif event[0] == "text" and current:
            current[-1][1].append(event[1])
    return found


def unchanged_by_markdown(rel: str, text: str) -> list[str]:
    """Problems of one page through MkDocs' Markdown: any change to its HTML, any contents entry unlike its heading."""
    body = get_data(text)[0]
    page = mkdocs_render(rel, text)
    assert page.content is not None
    wrote, got = events(body), events(page.content)
    # toc gives an id to a heading that has none (only the headings of Markdown fields, h4 to h6).
    for i, event in enumerate(got):
        if event[0] == "start" and event[1] in ("h4", "h5", "h6") and i < len(wrote) and wrote[i] != event:
            got[i] = tuple(a for a in event if not re.fullmatch(r"id=[\w-]+", a))
    problems = []
    if wrote != got:
        at = next(i for i, (a, b) in enumerate(zip([*wrote, ("",)], [*got, ("",)], strict=False)) if a != b)
        problems.append(
            f"{rel}: Markdown changed the page at event {at}: {wrote[at : at + 2]} became {got[at : at + 2]}"
        )
    headings = heading_texts(page.content)
    for entry in toc_entries(page.toc.items):
        if "<" in entry.title or html.unescape(entry.title) != headings.get(entry.id):
            problems.append(f"{rel}: contents entry {entry.title!r} for #{entry.id} reads {headings.get(entry.id)!r}")
    return problems


def render_pages(models: Models) -> dict[str, str]:
    """Check and link the models, then render every page."""
    report = Report()
    site = build_site(models, report)
    assert not report.errors, report.lines()
    return render_site(site, TODAY, "Minutebook", "https://minutebook.example.org/")


def visible_text(fragment: str) -> str:
    """The text of an HTML fragment, white space collapsed."""
    return " ".join(e[1] for e in events(fragment) if e[0] == "text")


@pytest.fixture(autouse=True)
def _quiet_mkdocs() -> Iterator[None]:
    """MkDocs logs a warning for links it cannot check outside a build; they are not what this tests."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def test_every_string_field_of_the_fixture_is_classified() -> None:
    """The walk reaches every kind's plain-text fields, and knows the type of every string field it meets."""
    found = every_string_field(fixture_models())
    kinds = {kind for kind, _, _, _ in found}
    assert kinds == {TEXT, URL, MINUTE, MARKDOWN, FIXED}
    owners = {where.split(".")[0] for kind, _, _, where in found if kind == TEXT}
    assert {"Board", "Meeting", "Person", "Strategy", "Indicator", "IndicatorValue", "Document"} <= owners
    assert sum(kind == TEXT for kind, _, _, _ in found) > 80


def test_every_fixture_page_is_one_markdown_block_of_html() -> None:
    """Each page is one markdown="1" wrapper of block elements, each on its own line; no '{'; headings have ids."""
    problems = []
    for rel, text in render_pages(fixture_models()).items():
        body = get_data(text)[0]
        if body.count("markdown=") != 1 or "{" in body:
            problems.append(
                f"{rel}: {body.count('markdown=')} markdown attributes, '{{' {'present' if '{' in body else 'absent'}"
            )
        problems += [f"{rel}: {problem}" for problem in wrapper_problems(body)]
        for event in events(body):
            if (
                event[0] == "start"
                and re.fullmatch(r"h[1-3]", event[1])
                and not any(a.startswith("id=") for a in event[2:])
            ):
                problems.append(f"{rel}: a heading without an id: {event}")
    assert problems == []


VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Wrapper(HTMLParser):
    """What sits directly inside the page's wrapper: only block elements, each at the start of a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Check a child of the wrapper."""
        line, column = self.getpos()
        if self.depth == 1 and (tag not in BLOCKS or column != 0):
            self.problems.append(f"line {line}: <{tag}> inside the wrapper is not a block starting a line")
        self.depth += tag not in VOID

    def handle_endtag(self, tag: str) -> None:
        """Leave an element."""
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        """Text directly in the wrapper would be parsed as Markdown."""
        if self.depth == 1 and data.strip():
            self.problems.append(f"line {self.getpos()[0]}: text inside the wrapper: {data.strip()[:60]!r}")


def wrapper_problems(body: str) -> list[str]:
    """Problems with the children of a page's wrapper."""
    parser = Wrapper()
    parser.feed(body)
    return parser.problems


SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]


@pytest.mark.slow
@settings(max_examples=25, derandomize=True, deadline=None, database=None, suppress_health_check=SLOW)
@given(st.lists(PAYLOADS, min_size=1, max_size=6), st.lists(URL_SAFE.map("".join), min_size=1, max_size=3))
def test_syntax_in_every_plain_text_field_stays_text(texts: list[str], tails: list[str]) -> None:
    """Payloads in every plain-text field: each page converts to exactly the HTML written, its text literal."""
    models = fixture_models()
    held = inject(models, texts, tails)
    pages = render_pages(models)
    problems, shown = [], " ".join(visible_text(get_data(text)[0]) for text in pages.values())
    for rel, text in sorted(pages.items()):
        problems += unchanged_by_markdown(rel, text)
    for where, text in held.items():
        marker = text.split(" ", 1)[0] + " "
        if text.startswith("Q") and marker in shown and " ".join(text.split()) not in shown:
            problems.append(f"{where}: {text!r} is not shown literally")
    assert problems == []


@pytest.mark.slow
def test_every_page_of_the_real_dataset_is_unchanged_by_markdown() -> None:
    """The real data's pages (charts, long minutes, every shape of record) convert to exactly the HTML written."""
    report, site = build.check(ROOT / "data")
    assert site is not None, report.lines()
    pages = render_site(site, TODAY, "Minutebook", "https://minutebook.example.org/")
    problems = []
    for rel, text in sorted(pages.items()):
        problems += unchanged_by_markdown(rel, text) + [f"{rel}: {p}" for p in wrapper_problems(get_data(text)[0])]
    assert len(pages) > 500
    assert problems == []
