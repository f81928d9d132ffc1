"""Turn record text into safe HTML: plain fields escaped, Markdown fields sanitised."""

from __future__ import annotations

import html
import json
import re
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
# Escaped in front matter: all but printable ASCII, and the characters HTML gives meaning to. Astral
# characters stay raw: JSON can only escape them as surrogate pairs, which libyaml refuses, while
# YAML reads every one of them written as itself.
NOT_PLAIN = re.compile(r"[^\x20-\x7e\U00010000-\U0010ffff]|[<>&]")
# One converter, reset before each use: building a Markdown instance costs more than converting a field.
CONVERTER = md.Markdown(extensions=["tables", "sane_lists"], output_format="html")
# Raw HTML in a Markdown field is shown as typed, not parsed: nh3 would remove most of it anyway, and
# Python's HTML parser takes time that grows with the square of the text on unclosed tags ('<a <a ...').
CONVERTER.preprocessors.deregister("html_block")
CONVERTER.inlinePatterns.deregister("html")
# Headings in a record sit below the page's own (h1 to h3, which Material's contents sidebar lists):
# '# A' becomes h4, '## B' h5, and deeper ones h6.
HEADING = re.compile(r"<(/?)h([1-6])>")
CONVERTER_LOCK = threading.Lock()  # the preview renders in two threads at times


@lru_cache(maxsize=8192)
def markdown_html(text: str | None) -> Markup:
    """Render a Markdown field; raw HTML is shown as typed and unsafe link schemes are removed.

    Cached: the same minutes text is shown on a meeting page and on each of its decision pages.
    """
    if not text:
        return Markup("")
    with CONVERTER_LOCK:
        rendered = CONVERTER.reset().convert(text)
    rendered = HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 3, 6)}>", rendered)
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
    """Front matter as one line of ASCII JSON (JSON is YAML), which MkDocs reads back exactly.

    Escaping every control, separator and noncharacter keeps YAML from refusing the line (MkDocs
    would then drop it silently and render it as page text); escaping '<', '>' and '&' keeps even
    such a line inert. generator/output/frontcheck.py proves the round trip on every page of every build.
    """
    text = json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str)
    return "---\n" + NOT_PLAIN.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n---\n"
