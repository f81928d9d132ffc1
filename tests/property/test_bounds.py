"""Oversized and odd ids, minute numbers and CSV shapes: a clean list of `path:line` errors or a whole build, never exit 3.

The loader's limits exist so that anything it accepts can be written: a value that passes the
check must never fail later (a file name too long, a cell too big for Python's CSV reader).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import build, urls
from generator.records.indicator import INDICATOR_COLUMNS
from tests.conftest import FIXTURE, TODAY, python_csv_limit
from tests.property.test_mutations import assert_clean

SETTINGS = settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Letters, digits, punctuation, symbols and spaces of every script; control, format and surrogate
# characters have their own rules and tests (tests/fixtures/payloads.txt).
TEXT = st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs"))
# Lengths around every limit, and beyond what a file name (255 bytes) or Python's CSV reader (131,072) takes.
LENGTHS = [8, 9, 32, 33, 40, 41, 100, 101, 240, 251, 300, 1_001, 140_000]


def long_value(units: list[str]) -> st.SearchStrategy[str]:
    """One of ``units`` repeated to one of LENGTHS characters."""
    return st.builds(lambda n, unit: (unit * n)[:n], st.sampled_from(LENGTHS), st.sampled_from(units))


ODD_ID = st.one_of(
    long_value(["a", "9", "a-", "A", "\u0130"]),
    st.text(alphabet="ab1-", max_size=12),
    st.text(TEXT, max_size=30),
)
ODD_MINUTE = st.one_of(
    long_value(["9", "x", "/", "(i)", "\u0130", "\u00df", " "]),
    st.text(TEXT, min_size=1, max_size=40),
)


def quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar (JSON is YAML; characters outside ASCII are written as they are)."""
    return json.dumps(value, ensure_ascii=False)


def file_name(value: str, fallback: str) -> str:
    """``value`` when a file may be named after it, else ``fallback`` (the id then mismatches, an error)."""
    return value if re.fullmatch(r"[a-z0-9][a-z0-9-]{0,250}", value) else fallback


def write_dataset(root: Path, files: dict[str, str]) -> Path:
    """The fixture dataset under ``root``/data, with ``files`` added or replaced."""
    data = root / "data"
    shutil.copytree(FIXTURE, data)
    for rel, text in files.items():
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(text, encoding="utf-8", newline="")
    return data


def assert_errors_or_whole_build(files: dict[str, str]) -> None:
    """Build: either clean diagnostics and nothing written, or every file written within the path budget."""
    with tempfile.TemporaryDirectory() as tmp, python_csv_limit():
        data = write_dataset(Path(tmp), files)
        docs = Path(tmp) / "docs"
        report, result = build.build(data, docs, build.Settings(TODAY))
        if report.errors:
            assert result is None
            assert_clean(report.lines(), data)
            assert not docs.exists() or list(docs.iterdir()) == []
            return
        assert result is not None
        written = [p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()]
        assert max(len(rel) for rel in written) <= urls.LONGEST_PATH
        assert max(len(part.encode()) for rel in written for part in rel.split("/")) <= urls.LONGEST_NAME


NORMAL = {"board": "odd-board", "meeting": "2024-01-01", "person": "odd-person", "minute": "4/24", "suffix": None}


def board_files(**odd: str | None) -> dict[str, str]:
    """A new board, a member and a meeting with a resolution, with the ``odd`` values in place of NORMAL ones."""
    values = {**NORMAL, **odd}
    board, meeting, person, minute = (str(values[k]) for k in ("board", "meeting", "person", "minute"))
    b, m, p = file_name(board, "odd-board"), file_name(meeting, "odd-meeting"), file_name(person, "odd-person")
    resolution = "      - parts: [{text: Agreed.}]\n        outcome: agreed\n"
    if values["suffix"] is not None:
        resolution += f"        suffix: {quoted(str(values['suffix']))}\n"
    return {
        f"boards/{b}.yml": f"id: {quoted(board)}\nname: Odd\nshort_name: Odd\nkind: committee\nauthority: A\n"
        f"memberships:\n  - person_id: {quoted(person)}\n",
        f"people/{p}.yml": f"id: {quoted(person)}\nname: Odd Person {p}\n",
        f"meetings/{b}/{m}.yml": f"id: {quoted(meeting)}\nboard_id: {quoted(board)}\ndate: 2024-01-01\n"
        f"status: held\nitems:\n  - minute: {quoted(minute)}\n    title: T\n    resolutions:\n{resolution}",
    }


@st.composite
def board_with_meeting(draw: st.DrawFn) -> dict[str, str]:
    """board_files with one of the ids, the minute number or the suffix odd."""
    odd = draw(st.sampled_from(sorted(NORMAL)))
    return board_files(**{odd: draw(ODD_MINUTE if odd == "minute" else ODD_ID)})


# Each broke a build before the limits (exit 3): a name of 256 bytes, e.g. <id>.json beside <id>.yml.
@SETTINGS
@example(board_files(minute="9" * 300))
@example(board_files(board="a" * 251))
@example(board_files(meeting="a" * 251))
@example(board_files(person="a" * 251))
@pytest.mark.slow  # a whole build per example
@given(board_with_meeting())
def test_odd_ids_and_minute_numbers_give_errors_or_a_whole_build(files: dict[str, str]) -> None:
    """Ids, meeting ids, minute numbers and suffixes of any length either fail the check or build."""
    assert_errors_or_whole_build(files)


CELL = st.one_of(
    st.sampled_from(["", "2021", "2022", "Riverton", "18.2", " 7 ", "n/a", '"', '"x', 'x"', '"a,b"', ";", "=1+1"]),
    st.text(TEXT, max_size=12).map(lambda s: s.replace("\n", " ")),
    long_value(["x", "9"]),
    long_value(["y"]).map(lambda s: f'"{s}"'),  # a quoted cell of any length
)
HEADER_NAME = st.one_of(
    st.sampled_from(INDICATOR_COLUMNS), st.sampled_from(["", " period ", "Period", "valu", "note "])
)


@st.composite
def csv_text(draw: st.DrawFn) -> str:
    """An indicator CSV of any shape: odd separators, headers, widths, quotes, giant cells, repeated rows."""
    separator = draw(st.sampled_from([",", ",", ",", ",", ",", ",", ";", "\t"]))
    header = ["period", "area", "value", "note"]
    if draw(st.integers(0, 3)) == 0:
        header = draw(st.lists(HEADER_NAME, max_size=6))
    rows = draw(st.lists(st.lists(CELL, min_size=len(header), max_size=len(header)), max_size=4))
    for row in rows:
        if row and draw(st.integers(0, 3)) == 0:
            row.pop() if draw(st.booleans()) else row.append(draw(CELL))  # a row of the wrong width
    if rows and draw(st.booleans()):
        rows.append(rows[0])  # a duplicate row
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return end.join(separator.join(line) for line in [header, *rows]) + draw(st.sampled_from(["", end]))


@SETTINGS
@example('period,area,value,note\n2021,Riverton,1,"' + "y" * 140_000 + '"\n')  # over Python's CSV limit: exit 3 before
@pytest.mark.slow  # a whole build per example
@given(csv_text())
def test_odd_csv_shapes_give_errors_or_a_whole_build(text: str) -> None:
    """Any CSV text in an indicator's values file either fails the check with clean messages or builds."""
    assert_errors_or_whole_build({"indicators/riverton-smoking.csv": text})
