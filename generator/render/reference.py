"""The data-format reference page and JSON Schemas, generated from the models."""

from __future__ import annotations

from markupsafe import escape
from pydantic import BaseModel

from generator import urls
from generator.ingest.load import MAX_BYTES
from generator.ingest.load_csv import MAX_CELL, MAX_ROWS
from generator.ingest.yamlpos import MAX_DEPTH
from generator.records.fields import (
    KIND_ID_RE,
    MAX_ID,
    MAX_LINE,
    MAX_MEETING_ID,
    MAX_MINUTE,
    MAX_PROSE,
    MAX_SUFFIX,
    MAX_URL,
    OLD_PAGE_RE,
)
from generator.records.registry import KINDS, Kind
from generator.render import reference_rules
from generator.render.blocks import tidy
from generator.render.pages import STAFF, Page, Renderer, findable
from generator.render.reference_fields import FieldDoc, field_docs, sub_models

OLD_ADDRESS = f"{OLD_PAGE_RE.pattern}|{KIND_ID_RE.pattern}"


# Every limit on what a record may hold (each reported as path:line: field: message), for the
# reference page; a field's own limit also shows in its type ('text, at most 1,000 characters').
LIMITS: list[tuple[str, str, str]] = [
    ("File size", f"{MAX_BYTES:,} bytes", "A record written by hand is far smaller; the largest real one is 119 kB."),
    ("Nesting of values", f"{MAX_DEPTH} levels", "Lists inside lists this deep are not a record."),
    ("Id", f"{MAX_ID} characters", "Ids become file and folder names."),
    ("Meeting id", f"{MAX_MEETING_ID} characters", "The date, with -2 for a second meeting that day."),
    ("Minute or item number", f"{MAX_MINUTE} characters", "It becomes part of the decision's web address."),
    ("Suffix of a resolution", f"{MAX_SUFFIX} characters", "A letter such as b; part of the web address too."),
    ("Plain text: names, titles, places, short values", f"{MAX_LINE:,} characters", "Longer text belongs in a note."),
    (
        "Long text: notes, verbatim parts and preambles, action text, descriptions, definitions",
        f"{MAX_PROSE:,} characters",
        "Split it, or cite the document that holds it in full.",
    ),
    ("Web address", f"{MAX_URL:,} characters", "About the longest address browsers accept."),
    ("Cell of an indicator CSV", f"{MAX_CELL:,} characters", "Every column holds a number or a short text."),
    ("Rows of an indicator CSV", f"{MAX_ROWS:,}", "Keep the areas and periods the board reports on."),
]


def reference_html() -> str:
    """The reference as HTML tables, one per record kind and part."""
    out = [
        '<div class="mb-page">',
        '<h1 id="title">Data format reference</h1>',
        "<p>Generated from the record models, so it is always current. "
        "Every value is written as text; each field converts it by its type.</p>",
    ]
    seen: set[type[BaseModel]] = set()
    for kind in KINDS:
        out.extend(_kind_html(kind, seen))
    for kind in KINDS:
        if kind.rows is not None:
            title = f"{kind.singular.capitalize()} {kind.rows.name}: data/{kind.name}/&lt;id&gt;.csv"
            out.append(f'<h2 id="{kind.singular}-{kind.rows.name}">{title}</h2>')
            out.extend(_table(kind.rows.model))
    out.extend(addresses_html())
    out.extend(_limits())
    out.extend(reference_rules.characters_html())
    out.extend(reference_rules.markdown_html())
    out.append("</div>")
    return "\n".join(out) + "\n"


def _kind_html(kind: Kind, seen: set[type[BaseModel]]) -> list[str]:
    """The section of one kind: its place in data/, its fields, and the parts nested in it."""
    model, name = kind.model, kind.singular
    place = str(escape(kind.place)) + (f" ({kind.rows.name} in &lt;id&gt;.csv)" if kind.rows else "")
    schema = urls.relative(urls.index_url("reference"), urls.schema_url(name))
    out = [
        f'<h2 id="{name}">{model.__name__}: {place}</h2>',
        f'<p>{escape(model.__doc__ or "")} JSON Schema: <a href="{schema}">{name}.schema.json</a>.</p>',
        *_table(model),
    ]
    for inner in sub_models(model, seen):
        out.append(f'<h3 id="{name}-{inner.__name__.lower()}">{inner.__name__}</h3>')
        out.append(f"<p>{escape(inner.__doc__ or '')}</p>")
        out.extend(_table(inner))
    return out


HOW = {True: "a page that sends readers on", False: "the same file, served again at the old address"}


def addresses_html() -> list[str]:
    """How addresses stay permanent: the redirect map, from the URL patterns themselves."""
    rows = []
    order = list(urls.KEY_FIELDS)  # every kind followed by the kinds under it: boards, meetings, decisions, ...
    for p in sorted(urls.PATTERNS, key=lambda p: order.index(p.kind)):
        shown = p.fill({name: f"<{urls.PLACEHOLDERS[name]}>" for name in p.fields})
        rows.append(f"<tr><td>{p.kind}</td><td><code>/{escape(shown)}</code></td><td>{HOW[p.is_page]}</td></tr>")
    return [
        '<h2 id="addresses">Permanent addresses: renaming, re-dating, moving</h2>',
        "<p>Every address ever published is listed in <code>published-urls.txt</code>, and the build fails "
        "if one stops working. One map of old address to new address keeps them working. It is made from "
        "<code>former_ids</code> (every kind; a meeting's are its earlier dates), a resolution's "
        "<code>former_minutes</code> (minute numbers published before a correction), and "
        "<code>moved_from</code> (a record that used to be another kind, as <code>boards/&lt;id&gt;</code>, "
        "or old page addresses such as <code>/boards/x/2019/</code>). A rename keeps every address below "
        "the record, filled in with its old id: a board's meetings, decisions, registers, feeds, calendar "
        "and JSON; a meeting's decisions. A record that moved to another kind keeps the addresses that "
        "need only its own id; those the new kind lacks lead to its page (files with no counterpart, "
        "such as a board's feeds, are not served). Two records claiming one old address, or an old "
        "address that is still in use, is an error at the field that claims it.</p>",
        "<p>A static host cannot redirect a feed, calendar, JSON or CSV file, so those are copied, "
        "byte for byte, to their old addresses. A deleted or emptied <code>published-urls.txt</code> is an "
        "error; a new one is started only on request: <code>make site NEW_LEDGER=1</code> "
        "(<code>python -m generator site --ledger published-urls.txt --new-ledger</code>).</p>",
        "<table>",
        "<caption>Addresses that follow a record when its id changes</caption>",
        '<thead><tr><th scope="col">Record</th><th scope="col">Address</th>'
        '<th scope="col">At the old address</th></tr></thead><tbody>',
        *rows,
        "</tbody></table>",
    ]


def _table(model: type[BaseModel]) -> list[str]:
    heads = ("Field", "Type", "Required", "Meaning", "Shown on", "Example")
    rows = [
        "<table>",
        f"<caption>Fields of {model.__name__}</caption>",
        "<thead><tr>" + " ".join(f'<th scope="col">{name}</th>' for name in heads) + "</tr></thead><tbody>",
    ]
    for doc in field_docs(model):
        rows.append(
            f'<tr><th scope="row"><code>{escape(doc.name)}</code></th> <td>{escape(doc.type)}</td> '
            f"<td>{escape(doc.required)}</td> <td>{escape(doc.meaning)}{_values(doc)}</td> "
            f"<td>{escape(doc.shown)}</td> <td><code>{escape(doc.example)}</code></td></tr>"
        )
    rows.append("</tbody></table>")
    return rows


def _values(doc: FieldDoc) -> str:
    """The allowed values of a field, each with its meaning."""
    if not doc.values:
        return ""
    items = "".join(f"<li><code>{escape(v)}</code>: {escape(meaning or '')}</li>" for v, meaning in doc.values)
    return f'<ul class="mb-values">{items}</ul>'


def _limits() -> list[str]:
    """The table of limits: a value over one is reported at its line, and nothing is built."""
    rows = [
        '<h2 id="limits">Limits</h2>',
        "<p>Every value is bounded, so a mistake (a pasted document, a missing quote mark) is reported at its "
        "line instead of slowing or breaking the build. Symbolic links in data/ are refused: copy the file "
        "in instead.</p>",
        "<table>",
        "<caption>Limits on what a record may hold</caption>",
        '<thead><tr><th scope="col">What</th><th scope="col">Limit</th><th scope="col">Why</th></tr></thead><tbody>',
    ]
    rows += [f"<tr><td>{escape(what)}</td><td>{limit}</td><td>{escape(why)}</td></tr>" for what, limit, why in LIMITS]
    rows.append("</tbody></table>")
    return rows


def reference_page(r: Renderer) -> Page:
    """The data-format reference page."""
    page = Page(
        urls.index_url("reference"),
        "Data format reference",
        "Every field of every record kind: type, whether required, meaning and example.",
        tidy(reference_html()),
    )
    return findable(page, STAFF)  # written for the staff who publish: labelled so in search results
