"""Broken and adversarial files: each yields its exact message, or is accepted when it is harmless."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build
from generator.ingest import load
from generator.ingest.load import MAX_BYTES
from generator.ingest.load_csv import MAX_ROWS
from generator.ingest.yamlpos import MAX_DEPTH
from generator.output.lock import LOCK
from generator.records.diagnostics import DataError
from tests.conftest import check_lines, fixture_text, make_dataset, python_csv_limit, run_cli

PERSON = "people/ann-chair.yml"
MEETING = "meetings/riverton-hwb/2024-03-14.yml"
CSV = "indicators/riverton-smoking.csv"
STRATEGY = "strategies/riverton-jhws.yml"
BAD_ID = "is not a valid id (use lowercase letters, digits and hyphens, e.g. 'coventry-hwb')"


def person(record_id: str) -> str:
    """A minimal person record whose id is ``record_id`` (written as a JSON string, which is YAML)."""
    return f'id: "{record_id}"\nname: A\n'


CASES: list[tuple[str, dict, list[str]]] = [
    (
        "over_size_limit",
        {"people/x.yml": "id: x\nname: A\n" + "# padding line\n" * (MAX_BYTES // 15 + 1)},
        [f"people/x.yml: the file is {2_000_024:,} bytes, over the limit of {MAX_BYTES:,} (split it up)"],
    ),
    (
        "utf16_le_bom",
        {"people/x.yml": "id: x\nname: A\n".encode("utf-16")},
        ["people/x.yml: the file is UTF-16 text; save it as UTF-8"],
    ),
    (
        "utf16_be_bom",
        {"people/x.yml": b"\xfe\xff" + "id: x\nname: A\n".encode("utf-16-be")},
        ["people/x.yml: the file is UTF-16 text; save it as UTF-8"],
    ),
    (
        "utf16_without_bom",
        {"people/x.yml": "id: x\nname: A\n".encode("utf-16-le")},
        ["people/x.yml: the file is UTF-16 text; save it as UTF-8"],
    ),
    ("id_with_slash", {"people/x.yml": person("a/b")}, [f"people/x.yml:1: id: 'a/b' {BAD_ID}"]),
    ("id_with_dotdot", {"people/x.yml": person("../x")}, [f"people/x.yml:1: id: '../x' {BAD_ID}"]),
    ("id_with_space", {"people/x.yml": person("x y")}, [f"people/x.yml:1: id: 'x y' {BAD_ID}"]),
    ("id_trailing_newline", {"people/x.yml": person("x\\n")}, [f"people/x.yml:1: id: 'x\\n' {BAD_ID}"]),
    (
        "nested_id_trailing_newline",
        {MEETING: fixture_text(MEETING).replace("id: a2", 'id: "a2\\n"')},
        [
            f"{MEETING}:66: items[1].actions[1].id: 'a2\\n' {BAD_ID}",
            f"{STRATEGY}:8: adopted_by: meeting 'riverton-hwb/2024-03-14' is defined in {MEETING}, which has errors (fix them first)",
        ],
    ),
    ("file_named_with_space", {"people/x y.yml": "id: x y\nname: A\n"}, [f"people/x y.yml:1: id: 'x y' {BAD_ID}"]),
    (
        "csv_extra_column",
        {
            CSV: fixture_text(CSV).replace(
                "2021,England,E92000001,13.0,12.9,13.1,95,,,", "2021,England,E92000001,13.0,12.9,13.1,95,,,,x"
            )
        },
        [f"{CSV}:3: row has 11 cells but the header has 10"],
    ),
    ("csv_utf16", {CSV: fixture_text(CSV).encode("utf-16")}, [f"{CSV}: the file is UTF-16 text; save it as UTF-8"]),
    (
        "error_line_in_crlf_file",
        {PERSON: fixture_text(PERSON).replace("\n", "\r\n").replace("start: 2023", "start: 2023-13")},
        [
            *[
                f"{where}: person 'ann-chair' is defined in {PERSON}, which has errors (fix them first)"
                for where in (
                    "boards/riverton-hwb.yml:20: memberships[0].person_id",
                    f"{MEETING}:9: attendance[0].person_id",
                )
            ],
            f"{PERSON}:11: interests[0].start: '2023-13-05-01' is not a date (write dates as YYYY-MM-DD, e.g. 2017-07-10)",
        ],
    ),
    (
        "invisible_in_message_is_escaped",
        {"people/x.yml": person("x\\u200by")},
        [f"people/x.yml:1: id: 'x\\u200by' {BAD_ID}"],
    ),
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
        "people/x.yml:5:20: U+000B (a control character) is not allowed in record text "
        "(delete it; text pasted from a PDF or Word often brings invisible characters)"
    ]


def test_csv_cell_beyond_the_csv_module_limit_is_a_data_error(tmp_path: Path) -> None:
    """A cell over 131,072 characters (Python's csv limit) is reported at its row, not a crash."""
    text = fixture_text(CSV).replace(",suppressed: survey not run", ',"' + "x" * 140_000 + '"')
    with python_csv_limit():
        lines = check_lines(make_dataset(tmp_path, {CSV: text}))
    assert lines == [
        f"{CSV}:6: a cell is over 131,072 characters long, beyond the limit of 1,000 for a cell "
        "(a quote mark without its closing quote runs the cell on to the end of the file)"
    ]


def test_long_minute_number_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """A minute number too long for a file name is a data error (exit 1), not a failed write (exit 3)."""
    minute = "4" * 300
    text = fixture_text(MEETING).replace('minute: "4/24"', f'minute: "{minute}"')
    strategy = fixture_text(STRATEGY).replace("2024-03-14/4-24", f"2024-03-14/{minute}")
    data = make_dataset(tmp_path, {MEETING: text, STRATEGY: strategy})
    result = run_cli("--data", str(data), "build", "--docs", str(tmp_path / "docs"), "--today", "2026-01-01")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "internal error" not in result.stderr
    assert result.stdout.replace(str(data) + "/", "").splitlines()[0] == (
        f"{MEETING}:31: items[1].minute: is 300 characters long, over the limit of 32 for a minute number "
        "(the number as printed, e.g. '23/13'; words belong in the title)"
    )
    docs = tmp_path / "docs"
    assert [p.name for p in docs.rglob("*")] in ([], [LOCK])  # only the build lock, never a page


def test_id_too_long_for_a_file_name_is_refused(tmp_path: Path) -> None:
    """A person whose id fits a data file name but not the page's JSON twin is a data error, not a failed write."""
    long_id = "a" * 251  # people/<id>.yml is 255 bytes, the most a file name may have; <id>.json would be 256
    data = make_dataset(tmp_path, {f"people/{long_id}.yml": person(long_id)})
    result = run_cli("--data", str(data), "build", "--docs", str(tmp_path / "docs"), "--today", "2026-01-01")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.replace(str(data) + "/", "").splitlines()[0] == (
        f"people/{long_id}.yml:1: id: is 251 characters long, over the limit of 100 for an id "
        "(ids are short names such as 'coventry-hwb')"
    )


def test_symbolic_link_to_a_file_outside_data_is_refused(tmp_path: Path) -> None:
    """A link in data/ to a file elsewhere is refused, and its contents are never read or published."""
    secret = tmp_path / "secret.yml"
    secret.write_text('id: secret\nname: "TOP SECRET"\n', encoding="utf-8")
    data = make_dataset(tmp_path)
    (data / "people" / "secret.yml").symlink_to(secret)
    report, site = build.check(data)
    assert [line.replace(str(data) + "/", "") for line in report.lines()] == [
        "people/secret.yml: is a symbolic link, and links are not followed (copy the file into data/ instead)"
    ]
    assert site is None


def test_symbolic_link_to_a_folder_is_refused(tmp_path: Path) -> None:
    """A linked folder is refused with a message, instead of its records silently going missing."""
    data = make_dataset(tmp_path)
    (data / "strategies").rename(tmp_path / "strategies")
    (data / "strategies").symlink_to(tmp_path / "strategies", target_is_directory=True)
    lines = check_lines(data)
    assert "strategies: is a symbolic link, and links are not followed (copy the folder into data/ instead)" in lines


def test_data_folder_itself_may_be_a_link(tmp_path: Path) -> None:
    """The folder named by --data may be a link (a checkout's choice); only links inside it are refused."""
    data = make_dataset(tmp_path)
    (tmp_path / "linked").symlink_to(data, target_is_directory=True)
    assert check_lines(tmp_path / "linked") == []


def test_spaces_around_column_names_are_trimmed(tmp_path: Path) -> None:
    """A header saved as 'period , area , value' (spaces around names) loads the same values."""
    lines = fixture_text(CSV).split("\n")
    lines[0] = " " + " , ".join(lines[0].split(",")) + " "
    _, plain = build.check(make_dataset(tmp_path / "plain"))
    report, site = build.check(make_dataset(tmp_path / "spaced", {CSV: "\n".join(lines)}))
    assert report.lines() == []
    assert site is not None and plain is not None
    assert site.values("riverton-smoking") == plain.values("riverton-smoking")


def test_rows_of_one_period_and_area_told_apart_by_their_note_are_accepted(tmp_path: Path) -> None:
    """Two printings of one figure (the table's and the text's, a note each) are not duplicates."""
    text = (
        fixture_text(CSV)
        + "2021,Riverton,E00000001,9.1,,,,,Printed in the table,\n2021,Riverton,E00000001,9.1,,,,,Quoted in the text,\n"
    )
    assert check_lines(make_dataset(tmp_path, {CSV: text})) == []


def test_rows_of_one_period_and_area_told_apart_by_their_category_are_accepted(tmp_path: Path) -> None:
    """Categories of one period and area in the breakdown columns are not duplicates."""
    text = "period,area,dimension,category,value\n2021,Riverton,sex,Male,9.1\n2021,Riverton,sex,Female,9.1\n"
    assert check_lines(make_dataset(tmp_path, {CSV: text})) == []


def test_too_many_rows_are_refused_at_the_first_row_over(tmp_path: Path) -> None:
    """An indicator's values stop at MAX_ROWS rows; the message names the line of the first row too many."""
    rows = "".join(f"{1000 + i},Riverton,1\n" for i in range(MAX_ROWS + 1))
    assert check_lines(make_dataset(tmp_path, {CSV: "period,area,value\n" + rows})) == [
        f"{CSV}:{MAX_ROWS + 2}: the file has more than {MAX_ROWS:,} rows of values, the limit for one indicator "
        "(keep the areas and periods the board reports on)"
    ]


def test_file_that_cannot_be_opened_is_a_data_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the generator may not read (permissions) is reported at its path, not as an internal error."""
    data = make_dataset(tmp_path)
    real_open = load.os.open

    def refuse(path: object, flags: int, *args: object) -> int:
        if str(path).endswith("dee-sub.yml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(load.os, "open", refuse)
    assert "people/dee-sub.yml: the file cannot be read: Permission denied (check its permissions)" in check_lines(data)


def test_file_replaced_by_a_link_after_listing_is_not_read(tmp_path: Path) -> None:
    """Reading never follows a link, even one that appeared after data/ was listed (O_NOFOLLOW)."""
    secret = tmp_path / "secret.yml"
    secret.write_text('id: x\nname: "TOP SECRET"\n', encoding="utf-8")
    link = tmp_path / "x.yml"
    link.symlink_to(secret)
    with pytest.raises(DataError, match="is a symbolic link, and links are not followed"):
        load.read_text(link)
