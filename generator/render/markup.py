"""Turn record text into safe HTML: plain fields escaped, Markdown fields sanitised."""

from __future__ import annotations

import html
import json
import threading
from functools import lru_cache
from typing import Any

import markdown as md
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "sup",
    "sub",
}
ALLOWED_ATTRS = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}
URL_SCHEMES = {"http", "https", "mailto"}
YAML_BREAKS = ("\u2028", "\u2029", "\x85")
# One converter, reset before each use: building a Markdown instance costs more than converting a field.
CONVERTER = md.Markdown(extensions=["tables", "sane_lists"], output_format="html")
CONVERTER_LOCK = threading.Lock()  # the preview renders in two threads at times


@lru_cache(maxsize=8192)
def markdown_html(text: str | None) -> Markup:
    """Render a Markdown field; raw HTML and unsafe link schemes are removed.

    Cached: the same minutes text is shown on a meeting page and on each of its decision pages.
    """
    if not text:
        return Markup("")
    with CONVERTER_LOCK:
        rendered = CONVERTER.reset().convert(text)
    # Headings in a record sit under the page's own h2 sections.
    for level in (1, 2):
        rendered = rendered.replace(f"<h{level}>", "<h3>").replace(f"</h{level}>", "</h3>")
    clean = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRS,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener",
    )
    return Markup(clean.replace("\n\n", "\n"))


def meta_text(text: str) -> str:
    """Escape text for front matter that MkDocs templates print without escaping."""
    return html.escape(" ".join(text.split()), quote=True)


def front_matter(meta: dict[str, Any]) -> str:
    """Front matter as one JSON line (JSON is YAML): safe for any record text."""
    text = json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str)
    for char in YAML_BREAKS:  # YAML reads these as line breaks even inside quotes
        text = text.replace(char, f"\\u{ord(char):04x}")
    return "---\n" + text + "\n---\n"
