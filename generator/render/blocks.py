"""The page body as Markdown reads it: one block whose elements stay HTML (issue 14).

A generated page is a ``<div class="mb-page" markdown="1">`` (md_in_html in mkdocs.yml). Its child
elements carry no markdown attribute, so Python-Markdown builds them into its tree without parsing
their text: toc then reads their headings (Material's contents sidebar), and nothing else changes.
Two things keep it so: every block-level tag starts its own line (md_in_html takes one that follows
other text on its line for inline HTML, which would put a heading inside a paragraph), and every '{'
is written '&#123;' (attr_list reads a trailing '{: ... }' in any element's text, escaped or not).
tests/property/test_markdown_pages.py runs every page through MkDocs' own Markdown and finds it unchanged.
"""

from __future__ import annotations

import re

import markdown

# The tags Python-Markdown treats as blocks (md_in_html makes tree elements of those that start a line).
BLOCK_TAGS = "|".join(sorted(markdown.Markdown().block_level_elements, key=lambda tag: (-len(tag), tag)))
BLOCK_START = re.compile(rf"<(?:{BLOCK_TAGS})(?=[\s>/])")
BLOCK_END = re.compile(rf"</(?:{BLOCK_TAGS})>")
PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)  # kept byte for byte: its white space is the text
WRAPPER = re.compile(r'\A<div class="mb-page\b[^"]*"')


def tidy(body: str) -> str:
    """Put block tags on their own lines, drop blank lines and indentation, and make the page one Markdown block."""
    parts = PRE.split(body)
    for i, part in enumerate(parts):
        if not i % 2:
            part = BLOCK_END.sub(r"\g<0>\n", BLOCK_START.sub(r"\n\g<0>", part))
            parts[i] = "\n".join(line.strip() for line in part.splitlines() if line.strip())
    text = "\n".join(part for part in parts if part.strip("\n")) + "\n"
    return inert(scroll_regions(text))


TABLE = re.compile(r"<table(?P<attrs>(?:\s[^>]*)?)>\s*(<caption>)?")  # with or without attributes
CLASS = re.compile(r'\sclass="([^"]*)"')


def scroll_regions(html: str) -> str:
    """Put each table in a region a keyboard can scroll sideways, named by the table's caption.

    The table's class keeps Material from wrapping it in a scrolling box of its own (one with no
    name that a keyboard cannot reach). A table without a caption (from a Markdown field) is named
    by its place on the page.
    """
    count = 0

    def region(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if match[2]:
            label, caption = f'aria-labelledby="table-{count}"', f'<caption id="table-{count}">'
        else:
            label, caption = f'aria-label="Table {count} on this page"', ""
        wrap = f'<div class="mb-table-wrap" tabindex="0" role="region" {label}>'
        attrs = match["attrs"]
        classes = " ".join(["mb-table", *CLASS.findall(attrs)])
        return f'{wrap}\n<table class="{classes}"{CLASS.sub("", attrs)}>\n{caption}'

    return TABLE.sub(region, html).replace("</table>", "</table>\n</div>")


def inert(html: str) -> str:
    """Mark the page's wrapper markdown="1" and write every '{' as '&#123;' (the same text to a browser).

    Pages hold no script or style, where the entity would not be decoded.
    """
    escaped = html.replace("{", "&#123;")
    return WRAPPER.sub(lambda m: m.group() + ' markdown="1"', escaped, count=1)
