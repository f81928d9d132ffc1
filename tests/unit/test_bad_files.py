"""Broken and adversarial files: each yields its exact message, or is accepted when it is harmless."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build
from generator.load import MAX_BYTES
from generator.yamlpos import MAX_DEPTH
from tests.conftest import check_lines, fixture_text, make_dataset, run_cli

PERSON = "people/ann-chair.yml"
MEETING = "meetings/riverton-hwb/2024-03-14.yml"
CSV = "indicators/riverton-smoking.csv"
BAD_ID = "is not a valid id (use lowercase letters, digits and hyphens, e.g. 'coventry-hwb')"


def person(record_id: str) -> str:
    """A minimal person record whose id is ``record_id`` (written as a JSON string, which is YAML)."""
    return f'id: "{record_id}"\nname: A\n'


CASES: list[tuple[str, dict, list[str]]] = [
    ("over_size_limit", {"people/x.yml": "id: x\nname: A\n" + "# padding line\n" * (MAX_BYTES // 15 + 1)},
     [f"people/x.yml: the file is {2_000_024:,} bytes, over the limit of {MAX_BYTES:,} (split it up)"]),
    ("utf16_le_bom", {"people/x.yml": "id: x\nname: A\n".encode("utf-16")},
     ["people/x.yml: the file is UTF-16 text; save it as UTF-8"]),
    ("utf16_be_bom", {"people/x.yml": b"\xfe\xff" + "id: x\nname: A\n".encode("utf-16-be")},
     ["people/x.yml: the file is UTF-16 text; save it as UTF-8"]),
    ("utf16_without_bom", {"people/x.yml": "id: x\nname: A\n".encode("utf-16-le")},
     ["people/x.yml: the file is UTF-16 text; save it as UTF-8"]),
    ("id_with_slash", {"people/x.yml": person("a/b")}, [f"people/x.yml:1: id: 'a/b' {BAD_ID}"]),
    ("id_with_dotdot", {"people/x.yml": person("../x")}, [f"people/x.yml:1: id: '../x' {BAD_ID}"]),
    ("id_with_space", {"people/x.yml": person("x y")}, [f"people/x.yml:1: id: 'x y' {BAD_ID}"]),
    ("id_trailing_newline", {"people/x.yml": person("x\\n")}, [f"people/x.yml:1: id: 'x\\n' {BAD_ID}"]),
    ("nested_id_trailing_newline", {MEETING: fixture_text(MEETING).replace("id: a2", 'id: "a2\\n"')},
     [f"{MEETING}:66: items[1].actions[1].id: 'a2\\n' {BAD_ID}"]),
    ("file_named_with_space", {"people/x y.yml": "id: x y\nname: A\n"}, [f"people/x y.yml:1: id: 'x y' {BAD_ID}"]),
    ("csv_extra_column",
     {CSV: fixture_text(CSV).replace("2021,England,E92000001,13.0,12.9,13.1,,", "2021,England,E92000001,13.0,12.9,13.1,,,x")},
     [f"{CSV}:3: row has 9 cells but the header has 8"]),
    ("csv_utf16", {CSV: fixture_text(CSV).encode("utf-16")}, [f"{CSV}: the file is UTF-16 text; save it as UTF-8"]),
    ("error_line_in_crlf_file", {PERSON: fixture_text(PERSON).replace("\n", "\r\n").replace("start: 2023", "start: 2023-13")},
     [f"{PERSON}:11: interests[0].start: '2023-13-05-01' is not a date (write dates as YYYY-MM-DD, e.g. 2017-07-10)"]),
    ("invisible_in_message_is_escaped", {"people/x.yml": person("x\\u200by")},
     [f"people/x.yml:1: id: 'x\\u200by' {BAD_ID}"]),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_reports_exact_message(tmp_path: Path, name: str, files: dict, expected: list[str]) -> None:
    """Each broken file yields exactly its message, and nothing else."""
    assert check_lines(make_dataset(tmp_path, files)) == expected


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\xef\xbb\xbf" + fixture_text(PERSON).encode(), id="utf8_bom"),
        pytest.param(fixture_text(PERSON).replace("\n", "\r\n").encode(), id="windows_line_endings"),
        pytest.param(fixture_text(PERSON).replace("\n", "\r").encode(), id="old_mac_line_endings"),
        pytest.param(b"\xef\xbb\xbf" + fixture_text(PERSON).replace("\n", "\r\n").encode(), id="bom_and_crlf"),
    ],
)
def test_harmless_encodings_are_accepted(tmp_path: Path, content: bytes) -> None:
    """A UTF-8 byte-order mark and Windows line endings load to the very same record."""
    _, plain = build.check(make_dataset(tmp_path / "plain"))
    report, site = build.check(make_dataset(tmp_path / "odd", {PERSON: content}))
    assert report.lines() == []
    assert site is not None and plain is not None
    assert site.people["ann-chair"] == plain.people["ann-chair"]


def test_csv_with_bom_and_crlf_is_accepted(tmp_path: Path) -> None:
    """Indicator values saved by Excel (BOM, CRLF) load to the same values."""
    _, plain = build.check(make_dataset(tmp_path / "plain"))
    excel = b"\xef\xbb\xbf" + fixture_text(CSV).replace("\n", "\r\n").encode()
    report, site = build.check(make_dataset(tmp_path / "excel", {CSV: excel}))
    assert report.lines() == []
    assert site is not None and plain is not None
    assert site.values("riverton-smoking") == plain.values("riverton-smoking")


def test_ten_thousand_aliases_fail_cleanly(tmp_path: Path) -> None:
    """A 'billion laughs' document stops at its first alias with one message."""
    bomb = "id: x\nname: &a A\naliases:\n" + "  - *a\n" * 10_000
    assert check_lines(make_dataset(tmp_path, {"people/x.yml": bomb})) == [
        "people/x.yml:4: YAML aliases ('*a') are not allowed (write the value out in full)"
    ]


def test_nested_alias_bomb_fails_cleanly(tmp_path: Path) -> None:
    """The classic nested bomb (each level doubling the last) is refused at the first alias."""
    levels = ["a0: &a0 [lol, lol]"] + [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    bomb = "id: x\nname: A\n" + "\n".join(levels) + "\n"
    assert check_lines(make_dataset(tmp_path, {"people/x.yml": bomb})) == [
        "people/x.yml:4: YAML aliases ('*a0') are not allowed (write the value out in full)"
    ]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        pytest.param("name: " + "[" * 50_000 + "]" * 50_000 + "\n", 2, id="flow_lists"),
        pytest.param("name: " + "{a: " * 5_000 + "b" + "}" * 5_000 + "\n", 2, id="flow_mappings"),
        pytest.param("name:\n" + "".join(" " * i + "- \n" for i in range(1, 400)), MAX_DEPTH + 2, id="block_lists"),
    ],
)
def test_deep_nesting_fails_cleanly(tmp_path: Path, body: str, line: int) -> None:
    """A deeply nested document is refused with a message (at the line that goes too deep), not a RecursionError."""
    lines = check_lines(make_dataset(tmp_path, {"people/x.yml": "id: x\n" + body}))
    assert lines == [f"people/x.yml:{line}: values are nested more than {MAX_DEPTH} levels deep (flatten the record)"]


def test_deep_nesting_exits_1_not_3(tmp_path: Path) -> None:
    """The command line reports deep nesting as a data error (exit 1), not as a bug (exit 3)."""
    data = make_dataset(tmp_path, {"people/x.yml": "id: x\nname: " + "[" * 20_000 + "]" * 20_000 + "\n"})
    result = run_cli("--data", str(data), "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "values are nested more than" in result.stdout
    assert "internal error" not in result.stderr


def test_control_character_is_reported_with_its_line(tmp_path: Path) -> None:
    """A stray control character (pasted from a PDF) is a data error at its line, not a crash."""
    text = fixture_text(PERSON).replace("ann-chair", "x").replace("Cabinet Member", "Cabinet\x0bMember")
    assert check_lines(make_dataset(tmp_path, {"people/x.yml": text})) == [
        "people/x.yml:5:19: U+000B (a control character) is not allowed in record text "
        "(delete it; text pasted from a PDF or Word often brings invisible characters)"
    ]
