"""Any text in any field: a value or a plain message, and every value renders; never an internal error (issue 13)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import typing
from pathlib import Path
from typing import Annotated

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from pydantic import TypeAdapter, ValidationError

from generator import build
from generator.ingest.charset import refusal
from generator.output.frontcheck import check_front_matter
from generator.records import fields
from generator.records.mdlimits import MAX_BLOCK_CHARS
from generator.render.markup import front_matter, markdown_html, meta_text
from tests.conftest import FIXTURE, TODAY

FIELD_TYPES = {
    name: TypeAdapter(value)
    for name, value in vars(fields).items()
    if typing.get_origin(value) is typing.Annotated or name == "Ref"
}
FIELD_TYPES["choice"] = TypeAdapter(Annotated[str, fields.OneOf("held", "scheduled")])
# Characters Markdown, HTML, YAML, CSV and iCalendar give meaning to, and the invisible ones.
SPECIAL = "[]()<>`*_#-+=.!&;:|{}~\\/'\"\n\t\r @%$" + "\u200b\u200d\u200e\u2060\u00a0\x80\u2028\u202e\ufeff"
RUNS = st.lists(
    st.tuples(
        st.sampled_from([*SPECIAL, "1. ", "- ", "> ", "    ", "[a](", "![", "<a ", "&#", "a"]), st.integers(1, 400)
    ),
    max_size=12,
).map(lambda runs: "".join(piece * count for piece, count in runs))
# Containers repeated thousands of times: Python's stack holds about a thousand levels.
NESTED = st.tuples(st.sampled_from(["- ", "1. ", "> ", "* ", "+ ", "> - ", "- > "]), st.integers(500, 4000)).map(
    lambda pair: pair[0] * pair[1] + "a"
)
TEXTS = st.one_of(
    st.text(max_size=200),  # any character at all, lone surrogates included
    st.text(alphabet=st.sampled_from(SPECIAL + "ab1"), max_size=3000),
    RUNS,
    NESTED,
)
SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=300, derandomize=True, deadline=None, database=None, suppress_health_check=SLOW)
@given(TEXTS)
def test_every_field_type_gives_a_value_or_its_message(text: str) -> None:
    """Each field type converts the text or says why not; a Markdown value renders; front matter reads back."""
    for name, adapter in FIELD_TYPES.items():
        try:
            value = adapter.validate_python(text)
        except ValidationError as exc:
            assert {e["type"] for e in exc.errors()} == {"minutebook"}, (name, exc.errors())
            continue
        if name == "Markdown":
            markdown_html.__wrapped__(value)
    if refusal(text) is None:  # what the loader accepts reaches front matter, escaped, and must survive it
        meta = {"title": meta_text(text), "jsonld": {"name": text}}
        assert get_data(front_matter(meta) + "\nbody\n") == ("body\n", meta)


def csv_text(note: str) -> str:
    """The fixture indicator CSV with one more row whose note is ``note``."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(["2030", "Riverton", "", "1.5", "", "", "", note])
    return (FIXTURE / "indicators/riverton-smoking.csv").read_text(encoding="utf-8") + out.getvalue()


@settings(max_examples=40, derandomize=True, deadline=None, database=None, suppress_health_check=SLOW)
@given(TEXTS, TEXTS, TEXTS)
def test_any_text_in_a_record_gives_messages_or_pages(name: str, minutes: str, note: str) -> None:
    """A person's name, a minute's Markdown and a CSV note, written as YAML escapes and a raw cell: never a crash."""
    meeting = (
        (FIXTURE / "meetings/riverton-hwb/2024-03-14.yml")
        .read_text(encoding="utf-8")
        .replace("    minutes: Apologies were received from Dr Member.", f"    minutes: {json.dumps(minutes)}")
    )
    files = {
        "people/zed.yml": f"id: zed\nname: {json.dumps(name)}\n",
        "meetings/riverton-hwb/2024-03-14.yml": meeting,
        "indicators/riverton-smoking.csv": csv_text(note.replace("\x00", "")),  # NUL: 'binary file', tested apart
    }
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(FIXTURE, data)
        for rel, text in files.items():
            (data / rel).write_text(text, encoding="utf-8", errors="surrogatepass")
        report, site = build.check(data)
        if site is None:
            assert report.errors and all(line.startswith(str(data)) for line in report.lines())
            return
        generated = build.generate(site, build.Settings(TODAY))
        check_front_matter(generated, Path(tmp) / "docs", report)
        assert not report.errors, report.lines()


def test_longest_block_of_every_special_character_renders() -> None:
    """A block of each special character at the block limit renders (no RecursionError), as bounded text."""
    for char in SPECIAL:
        text = (char * MAX_BLOCK_CHARS).strip() or "a"
        try:
            value = FIELD_TYPES["Markdown"].validate_python(text)
        except ValidationError:
            continue
        markdown_html.__wrapped__(value)
