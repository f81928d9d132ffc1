"""The ledger of published URLs: read safely, never restarted silently, and each failure names its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build
from tests.conftest import TODAY, make_dataset, run_cli
from tests.unit.test_redirects import NEW_BOARD, publish, rebuild, redate_meeting, rename_board, renumber_minute, sub

GONE = "was published before and no longer resolves"


def ledger_line(ledger: Path, url: str) -> int:
    """The line number of ``url`` in the ledger."""
    return ledger.read_text(encoding="utf-8").splitlines().index(url) + 1


def gone(ledger: Path, path: str, hint: str) -> list[str]:
    """The messages for the page ``path`` and its history page, under the board's id and under its older id
    (all were published), in ledger order."""
    pages = [f"/{path.format(board=b)}{tail}" for b in BOARDS for tail in ("", "history/")]
    return [
        f"published-urls.txt:{n}: '{url}' {GONE} ({hint})"
        for n, url in sorted((ledger_line(ledger, u), u) for u in pages)
    ]


def in_ledger_order(lines: list[str]) -> list[str]:
    """Messages sorted by their ledger line, as the build reports them."""
    return sorted(lines, key=lambda line: int(line.split(":")[1]))


BOARDS = ("riverton-hwb", "riverton-health-board")  # the fixture's board redirects from its former id


def test_hint_for_a_board_renamed_without_its_former_id(tmp_path: Path) -> None:
    """The board is the missing part of each of its URLs, so every hint names the board."""
    data, docs, ledger = publish(tmp_path)
    rename_board(data, keep_former=False)
    lines = rebuild(data, docs, ledger)
    hint = (
        "no board has the id 'riverton-hwb' now: add 'riverton-hwb' to former_ids of the board it became, "
        "or restore data/boards/riverton-hwb.yml and mark it withdrawn"
    )
    n = ledger_line(ledger, "/meetings/riverton-hwb/2024-03-14/")
    assert f"published-urls.txt:{n}: '/meetings/riverton-hwb/2024-03-14/' {GONE} ({hint})" in lines
    assert len(lines) == 16 and all(
        hint in line for line in lines
    )  # the board, its follow and governance pages, meetings, ... and 5 history pages of its records


def test_hint_for_a_meeting_redated_after_its_board_kept_its_former_id(tmp_path: Path) -> None:
    """The board's former id is there, so the hint names the meeting's (never the board's again)."""
    data, docs, ledger = publish(tmp_path)
    rename_board(data)
    redate_meeting(data, NEW_BOARD, keep_former=False)
    hint = (
        "board 'riverton-board' has no meeting '2024-03-14' now: add '2024-03-14' to former_ids of the meeting it "
        "became (or, if it moved to another board, 'meetings/riverton-board/2024-03-14' to its moved_from), "
        "or restore data/meetings/riverton-board/2024-03-14.yml and mark it withdrawn"
    )
    lines = gone(ledger, "decisions/{board}/2024-03-14/4-24/", hint) + gone(
        ledger, "meetings/{board}/2024-03-14/", hint
    )
    assert rebuild(data, docs, ledger) == in_ledger_order(lines)


def test_hint_for_a_corrected_minute(tmp_path: Path) -> None:
    """The meeting exists but the minute is gone: add former_minutes to the resolution it became."""
    data, docs, ledger = publish(tmp_path)
    renumber_minute(data, former=False)
    hint = (
        "meeting 'riverton-hwb/2024-03-14' has no decision '4-24' now: add former_minutes: ['4-24'] to the "
        "resolution it became (now minute '5/24', in data/meetings/riverton-hwb/2024-03-14.yml)"
    )
    assert rebuild(data, docs, ledger) == gone(ledger, "decisions/{board}/2024-03-14/4-24/", hint)


def test_hint_for_a_deleted_resolution_and_its_year(tmp_path: Path) -> None:
    """No resolution could have become it, and the year's register has nothing left in it."""
    data, docs, ledger = publish(tmp_path)
    meeting = data / "meetings/riverton-hwb/2024-03-14.yml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text[: text.index("    resolutions:")] + text[text.index("    actions:") :], encoding="utf-8")
    sub(data / "strategies/riverton-jhws.yml", "adopted_by: riverton-hwb/2024-03-14/4-24\n", "")
    decision = "meeting 'riverton-hwb/2024-03-14' has no resolution now that could have been '4-24': restore it"
    year = "board 'riverton-hwb' has no decisions in 2024 now: restore them, or add '{url}' to moved_from of the record that replaces it"
    expected = gone(ledger, "decisions/{board}/2024-03-14/4-24/", decision)
    for board in BOARDS:
        url = f"/decisions/{board}/2024/"
        expected.append(f"published-urls.txt:{ledger_line(ledger, url)}: '{url}' {GONE} ({year.format(url=url)})")
    assert rebuild(data, docs, ledger) == in_ledger_order(expected)


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("/about-us/", "restore the page, or add '/about-us/' to moved_from of the record that replaces it"),
        (
            "/boards/riverton-sab/indicators/",
            "board 'riverton-sab' no longer has this page: restore what it showed, "
            "or add '/boards/riverton-sab/indicators/' to moved_from of the record that replaces it",
        ),
        (
            "/documents/old-pack/",
            "no document has the id 'old-pack' now: add 'old-pack' to former_ids of the document it became, "
            "or restore data/documents/old-pack.yml and mark it withdrawn",
        ),
    ],
)
def test_hint_for_other_pages(tmp_path: Path, url: str, hint: str) -> None:
    """A page no record explains, a page its record no longer has, a record gone."""
    data, docs, ledger = publish(tmp_path)
    with ledger.open("a", encoding="utf-8") as handle:
        handle.write(url + "\n")
    assert rebuild(data, docs, ledger) == [f"published-urls.txt:{ledger_line(ledger, url)}: '{url}' {GONE} ({hint})"]


def test_hint_for_a_page_a_moved_record_has_no_counterpart_for(tmp_path: Path) -> None:
    """A board that became a document: its meetings' register for a year has nowhere to go on its own."""
    data, docs, ledger = publish(tmp_path)
    (data / "boards/riverton-sab.yml").unlink()
    (data / "documents/riverton-sab-terms.yml").write_text(
        "id: riverton-sab-terms\ntitle: Terms\nkind: other\nmoved_from: [boards/riverton-sab]\n", encoding="utf-8"
    )
    url = "/decisions/riverton-sab/2019/"
    with ledger.open("a", encoding="utf-8") as handle:
        handle.write(url + "\n")
    assert rebuild(data, docs, ledger) == [
        f"published-urls.txt:{ledger_line(ledger, url)}: '{url}' {GONE} (board 'riverton-sab' became document "
        "'riverton-sab-terms', which has no page like this: add '/decisions/riverton-sab/2019/' to moved_from of "
        "the record that replaces it)"
    ]


def test_a_long_ledger_line_is_shortened_in_its_message(tmp_path: Path) -> None:
    """A broken ledger must not flood the screen: a line is quoted up to 200 characters."""
    data, docs, ledger = publish(tmp_path)
    url = "/" + "x" * 5000 + "/"
    with ledger.open("a", encoding="utf-8") as handle:
        handle.write(url + "\n")
    (line,) = rebuild(data, docs, ledger)
    assert len(line) < 700 and f"'/{'x' * 199}…' {GONE}" in line


# --- the ledger file itself ----------------------------------------------------


def build_with(tmp_path: Path, ledger: Path, new: bool = False) -> tuple[list[str], bool]:
    """Build the fixture against ``ledger``; return the diagnostics and whether anything was written."""
    report, result = build.build(
        make_dataset(tmp_path), tmp_path / "docs", build.Settings(TODAY, ledger=ledger, new_ledger=new)
    )
    return [line.replace(str(ledger), "published-urls.txt") for line in report.lines()], result is not None


RESTORE = "restore it from git: git checkout -- {ledger}; to start a new ledger on purpose, build with --new-ledger"


def test_a_missing_ledger_is_an_error(tmp_path: Path) -> None:
    """A deleted ledger is never rebuilt silently from today's site."""
    ledger = tmp_path / "published-urls.txt"
    lines, wrote = build_with(tmp_path, ledger)
    restore = RESTORE.format(ledger="published-urls.txt")
    assert (lines, wrote) == ([f"published-urls.txt:1: the ledger of published URLs is missing ({restore})"], False)
    assert not ledger.exists()


def test_an_emptied_ledger_is_an_error(tmp_path: Path) -> None:
    """A ledger with only its header left promises nothing: an error, and it stays as it is."""
    ledger = tmp_path / "published-urls.txt"
    ledger.write_text("# Every URL ever published.\n\n", encoding="utf-8")
    lines, wrote = build_with(tmp_path, ledger)
    restore = RESTORE.format(ledger="published-urls.txt")
    assert (lines, wrote) == ([f"published-urls.txt:1: the ledger of published URLs lists no URLs ({restore})"], False)
    assert ledger.read_text(encoding="utf-8") == "# Every URL ever published.\n\n"


def test_new_ledger_starts_one_only_where_there_is_none(tmp_path: Path) -> None:
    """--new-ledger writes every page URL; on a ledger that lists URLs it is refused."""
    ledger = tmp_path / "published-urls.txt"
    assert build_with(tmp_path / "a", ledger, new=True) == ([], True)
    urls = ledger.read_text(encoding="utf-8").splitlines()
    assert urls[0].startswith("# Every URL ever published.") and "/people/eve-officer/" in urls
    lines, wrote = build_with(tmp_path / "b", ledger, new=True)
    count = len(urls) - 1
    assert (lines, wrote) == (
        [f"published-urls.txt:1: --new-ledger starts a ledger where there is none, but this one lists {count} URLs"],
        False,
    )


def test_a_ledger_that_is_a_folder_is_reported(tmp_path: Path) -> None:
    """A folder where the ledger belongs: one path:line message, no traceback."""
    ledger = tmp_path / "published-urls.txt"
    ledger.mkdir()
    lines, wrote = build_with(tmp_path, ledger)
    assert (lines, wrote) == (
        ["published-urls.txt:1: the ledger is a folder, not a text file (it must be the list of every published URL)"],
        False,
    )


def test_a_ledger_that_is_not_utf8_is_reported_at_its_line(tmp_path: Path) -> None:
    """A Windows-1252 byte: the line it is on, not the whole ledger in the message."""
    ledger = tmp_path / "published-urls.txt"
    ledger.write_bytes(b"/\n" * 3000 + b"/caf\xe9/\n" + b"/x/\n" * 3000)
    lines, wrote = build_with(tmp_path, ledger)
    assert (lines, wrote) == (
        ["published-urls.txt:3001: the ledger is not UTF-8 text (byte 0xe9); save it as UTF-8"],
        False,
    )


def test_new_urls_never_join_an_unfinished_last_line(tmp_path: Path) -> None:
    """A ledger saved without a final line break still gets one URL per line."""
    ledger = tmp_path / "published-urls.txt"
    ledger.write_text("/", encoding="utf-8")
    assert build_with(tmp_path, ledger) == ([], True)
    lines = ledger.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["/", "/boards/"] and all(line.startswith("/") for line in lines)


def test_cli_refuses_new_ledger_without_a_ledger_and_reports_a_missing_one(tmp_path: Path) -> None:
    """--new-ledger alone is a usage error (exit 2); a missing ledger is a data error (exit 1), never a traceback."""
    data = make_dataset(tmp_path)
    usage = run_cli("--data", str(data), "build", "--docs", str(tmp_path / "docs"), "--new-ledger")
    assert usage.returncode == 2 and "--new-ledger needs --ledger (the file to start)" in usage.stderr
    ledger = tmp_path / "published-urls.txt"
    args = (
        "--data",
        str(data),
        "build",
        "--docs",
        str(tmp_path / "docs"),
        "--ledger",
        str(ledger),
        "--today",
        "2026-11-23",
    )
    missing = run_cli(*args)
    restore = RESTORE.format(ledger=ledger)
    assert (missing.returncode, missing.stdout.splitlines()[0]) == (
        1,
        f"{ledger}:1: the ledger of published URLs is missing ({restore})",
    )
    started = run_cli(*args, "--new-ledger")
    assert started.returncode == 0, started.stdout + started.stderr
    assert "/people/eve-officer/" in ledger.read_text(encoding="utf-8").splitlines()
    again = run_cli(*args)
    assert (again.returncode, again.stdout) == (0, "ok: no problems found.\n")
