"""Prove, before writing, that MkDocs reads every page's front matter back exactly as it was written.

MkDocs parses front matter with YAML and, when YAML refuses it, drops it without a word: the
JSON line then becomes page text that Markdown renders, record text and all. render/markup.py
writes front matter YAML cannot refuse; this check makes that a property of every build rather
than of the writer alone, by reading each page with the very function MkDocs 1.6 calls
(``mkdocs.structure.pages.Page.read_source`` -> ``mkdocs.utils.meta.get_data``).

Cost: one libyaml parse of a single JSON line per page (BENCHMARKS.md, "Front matter check").
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

from generator.records.diagnostics import Report
from generator.site.reuse import Content, Staged

HEAD = "---\n"
TAIL = "\n---\n"


def front_matter_problem(text: str) -> str | None:
    """Say how MkDocs would misread the front matter of the page ``text``, or None if it reads it exactly."""
    if not text.startswith(HEAD):
        return None  # no front matter written, none to misread
    end = text.find(TAIL, len(HEAD))
    if end < 0:
        return "the front matter has no closing '---' line"
    try:
        written = json.loads(text[len(HEAD) : end])
    except ValueError:
        return "the line is not JSON"
    doc, read = get_data(_as_mkdocs_reads(text))
    if not read:
        return "it would read no front matter at all, and show it as page text"
    if _canonical(read) != _canonical(written):
        keys = sorted(k for k in written.keys() | read.keys() if _canonical(written.get(k)) != _canonical(read.get(k)))
        return f"it would read {', '.join(repr(k) for k in keys)} differently"
    if doc != _as_mkdocs_reads(text[end + len(TAIL) :]).lstrip("\n"):
        return "it would read the page text after it differently"
    return None


def _as_mkdocs_reads(text: str) -> str:
    """The text as MkDocs gets it from the file: open(encoding='utf-8-sig'), universal newlines."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _canonical(value: Any) -> str:
    """A form that tells 1 from True and '1' from 1 (== does not), and any non-JSON value from all of them."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=lambda o: f"<{type(o).__name__} {o!r}>")


def check_front_matter(files: Sequence[tuple[str, Content]], docs: Path, report: Report) -> None:
    """Report every Markdown page among ``files`` whose front matter MkDocs would not read back exactly."""
    for rel, content in files:
        if not rel.endswith(".md") or not isinstance(content, str | Staged):
            continue
        text = content if isinstance(content, str) else content.data().decode("utf-8")  # staged: read back
        problem = front_matter_problem(text)
        if problem:
            report.error(
                str(docs / rel),
                2,
                "",
                "MkDocs would read this page's front matter differently from what the generator wrote "
                f"({problem}); nothing was written (a bug in the generator: please report it)",
            )
