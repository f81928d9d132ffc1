"""Front matter is ASCII JSON that MkDocs reads back exactly, and the build refuses a page it would not (issue 13)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from generator import build, render
from generator.output.frontcheck import check_front_matter, front_matter_problem
from generator.render.markup import front_matter
from tests.conftest import TODAY, make_dataset

BODY = "\n<div>page</div>\n"
# Every character but the lone surrogates (refused at load; UTF-8 cannot hold them), in chunks,
# plus markup and the characters YAML reads as line breaks.
EVERY = [
    "".join(chr(code) for code in range(start, min(start + 4096, 0x110000)) if not 0xD800 <= code <= 0xDFFF)
    for start in range(0, 0x110000, 4096)
]


def old_front_matter(meta: dict) -> str:
    """The writer before issue 13: raw UTF-8 JSON, which YAML cannot read when it holds U+0080."""
    return "---\n" + json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str) + "\n---\n"


def test_mkdocs_reads_back_every_character() -> None:
    """For every character, MkDocs' own parser returns exactly the dict that was written, and the page text."""
    for chunk in EVERY:
        meta = {"title": chunk, "jsonld": {"name": chunk, "list": [chunk, 1, True, None]}, chunk[:50]: "key"}
        doc, data = get_data(front_matter(meta) + BODY)
        assert data == meta, repr(chunk[:20])
        assert doc == BODY.lstrip("\n")


def test_front_matter_is_ascii_json_without_markup() -> None:
    """The JSON line is printable ASCII (astral characters aside), holds no '<', '>' or '&', and parses as JSON."""
    for chunk in EVERY:
        meta = {"title": chunk + "<script>&amp;</script>"}
        line = front_matter(meta).split("\n")[1]
        assert json.loads(line) == meta
        assert not re.search(r"[<>&]|[^\x20-\x7e\U00010000-\U0010ffff]", line), repr(chunk[:20])


def test_a_misread_page_is_reported() -> None:
    """The check names the page and says what MkDocs would read differently."""
    text = old_front_matter({"title": "Ann \x80 <img src=x onerror=alert(1)>"}) + BODY
    assert front_matter_problem(text) == "it would read no front matter at all, and show it as page text"
    assert front_matter_problem(front_matter({"title": "Ann \x80"}) + BODY) is None


def test_the_build_refuses_pages_mkdocs_would_misread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the writer ever produced front matter MkDocs misreads, the build stops before writing anything."""
    monkeypatch.setattr(render, "front_matter", old_front_matter)
    person = 'id: zed\nname: "Zed \\x80 <img src=x onerror=alert(1)>"\n'
    # Get past the loader's own refusal, to reach the last line of defence.
    monkeypatch.setattr("generator.ingest.charset.REFUSED", re.compile("(?!)"))
    docs = tmp_path / "content"
    report, result = build.build(make_dataset(tmp_path, {"people/zed.yml": person}), docs, build.Settings(TODAY))
    assert result is None
    assert not docs.exists()
    assert [line.replace(str(docs) + "/", "") for line in report.lines()] == [
        f"{page}:2: MkDocs would read this page's front matter differently from what the generator wrote "
        "(it would read no front matter at all, and show it as page text); nothing was written "
        "(a bug in the generator: please report it)"
        for page in ("people/zed.md", "people/zed/history.md")  # the history page's title names him too
    ]


def test_check_covers_every_page(tmp_path: Path) -> None:
    """Each misread page gets its own message; files other than Markdown pages are not front matter."""
    bad = old_front_matter({"title": "\x85"}) + BODY
    files: list[tuple[str, str | bytes]] = [
        ("a.md", bad),
        ("b/c.md", bad),
        ("ok.md", front_matter({"t": "\x85"})),
        ("x.csv", bad),
    ]
    report = build.Report()
    check_front_matter(files, tmp_path, report)
    assert [d.path for d in report.errors] == [str(tmp_path / "a.md"), str(tmp_path / "b/c.md")]
