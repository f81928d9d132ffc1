"""The command line: exit codes, one run reports every mistake, skeletons are valid."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site, fixture_text, make_dataset, make_project, run_cli

MEETING = "meetings/riverton-hwb/2024-03-14.yml"


def five_mistakes(tmp_path: Path) -> Path:
    """The fixture dataset with five different mistakes in four files."""
    meeting = (
        fixture_text(MEETING)
        .replace("status: held", "status: helt")
        .replace('start_time: "14:00"', 'start_time: "2pm"')
    )
    return make_dataset(
        tmp_path,
        {
            MEETING: meeting,
            "boards/riverton-hwb.yml": fixture_text("boards/riverton-hwb.yml").replace(
                "end: 2024-12-31", "end: 2024-02-30"
            ),
            "people/dee-sub.yml": fixture_text("people/dee-sub.yml") + "name: Dee Again\n",
            "indicators/riverton-smoking.csv": fixture_text("indicators/riverton-smoking.csv").replace("17.0,", "17%,"),
        },
    )


@pytest.mark.site
def test_five_mistakes_in_four_files_give_five_messages_and_leave_the_site(tmp_path: Path) -> None:
    """All five are reported in one run (and each file that refers to a record in a file with errors says so),
    exit 1, and the existing site/ is untouched."""
    site = build_site(tmp_path / "first")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    data = five_mistakes(tmp_path)
    project = make_project(tmp_path / "second")
    result = run_cli(
        "--data",
        str(data),
        "site",
        "--docs",
        str(project / "content"),
        "--config",
        str(project / "mkdocs.yml"),
        "--out",
        str(site),
        "--today",
        "2026-11-23",
    )
    lines = result.stdout.replace(str(data) + "/", "").splitlines()
    assert result.returncode == 1
    board_has_errors = "board 'riverton-hwb' is defined in boards/riverton-hwb.yml, which has errors (fix them first)"
    assert lines == [
        "boards/riverton-hwb.yml:30: memberships[2].end: '2024-02-30' is not a real date: February 2024 has 29 days",
        f"boards/riverton-sab.yml:6: reports_to_ids[0]: {board_has_errors}",
        f"indicators/riverton-feel-safe.yml:10: board_ids[0]: {board_has_errors}",
        f"indicators/riverton-mash-costs.yml:8: board_ids[0]: {board_has_errors}",
        f"indicators/riverton-sab-feel-safe.yml:9: board_ids[0]: {board_has_errors}",
        f"indicators/riverton-screening.yml:10: board_ids[0]: {board_has_errors}",
        "indicators/riverton-smoking.csv:4: value: '17%' is not a number (leave the cell empty and give a reason in 'note')",
        f"indicators/riverton-smoking.yml:10: board_ids[0]: {board_has_errors}",
        f"{MEETING}:4: start_time: '2pm' is not a time (write times as 24-hour HH:MM, e.g. 14:00)",
        f"{MEETING}:7: status: 'helt' is not one of: scheduled, held, cancelled, postponed (did you mean 'held'?)",
        f"meetings/riverton-hwb/2024-06-20.yml:2: board_id: {board_has_errors}",
        f"meetings/riverton-hwb/2030-01-15.yml:2: board_id: {board_has_errors}",
        f"people/ann-chair.yml:8: interests[0].board_id: {board_has_errors}",
        "people/dee-sub.yml:5: duplicate key 'name' (the first is on line 2; keep one)",
        f"strategies/riverton-jhws.yml:3: board_ids[0]: {board_has_errors}",
        f"strategies/riverton-jhws.yml:8: adopted_by: meeting 'riverton-hwb/2024-03-14' is defined in {MEETING}, "
        "which has errors (fix them first)",
        "error: 16 errors in 14 files; nothing was written.",
    ]
    assert "Traceback" not in result.stdout + result.stderr
    assert not any((project / "content").rglob("*.md")) or not (project / "content" / "people").exists()
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_check_exits_zero_on_valid_data() -> None:
    """A valid dataset exits 0 with a one-line summary."""
    result = run_cli("--data", str(ROOT / "tests" / "fixtures" / "data"), "check")
    assert (result.returncode, result.stdout) == (0, "ok: no problems found.\n")


def test_usage_error_exits_two() -> None:
    """An unknown command is a usage error."""
    assert run_cli("frobnicate").returncode == 2


@pytest.mark.parametrize(
    ("args", "path"),
    [
        (["new", "meeting", "--board", "riverton-hwb", "--date", "2031-02-03"], "meetings/riverton-hwb/2031-02-03.yml"),
        (["new", "person", "--id", "new-person"], "people/new-person.yml"),
        (["new", "board", "--id", "new-board"], "boards/new-board.yml"),
        (["new", "document", "--id", "new-doc"], "documents/new-doc.yml"),
        (["new", "strategy", "--id", "new-strategy"], "strategies/new-strategy.yml"),
    ],
)
def test_skeleton_is_valid_and_points_at_its_schema(tmp_path: Path, args: list[str], path: str) -> None:
    """`new` writes a file that passes the check and names its JSON Schema."""
    data = make_dataset(tmp_path)
    if "strategy" in args:
        args = [*args]
    result = run_cli("--data", str(data), *args)
    assert result.returncode == 0, result.stderr
    text = (data / path).read_text()
    kind = args[1]
    assert text.startswith("# yaml-language-server: $schema=") and f"content/schemas/{kind}.schema.json" in text
    schema = (data / path).parent.joinpath(text.split("$schema=")[1].split("\n")[0]).resolve()
    assert schema == (data.parent / "content" / "schemas" / f"{kind}.schema.json").resolve()
    text = text.replace("board-id", "riverton-hwb")
    (data / path).write_text(text)
    assert run_cli("--data", str(data), "check").stdout == "ok: no problems found.\n"


def test_skeleton_never_overwrites(tmp_path: Path) -> None:
    """`new` refuses to replace an existing record."""
    data = make_dataset(tmp_path)
    result = run_cli("--data", str(data), "new", "person", "--id", "ann-chair")
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {data}/people/ann-chair.yml already exists; it was left alone"
    assert (data / "people" / "ann-chair.yml").read_text() == fixture_text("people/ann-chair.yml")


@pytest.mark.site  # runs mkdocs (which fails)
def test_failed_mkdocs_build_keeps_previous_site(tmp_path: Path) -> None:
    """When mkdocs fails, site/ stays as it was and no half-built folder is left."""
    site = build_site(tmp_path / "first")
    marker = site / "index.html"
    before = marker.read_bytes()
    project = make_project(tmp_path / "second")
    (project / "content" / "broken.md").write_text("# Broken\n\n[a link to nowhere](nowhere.md)\n")
    result = run_cli(
        "--data",
        str(ROOT / "tests" / "fixtures" / "data"),
        "site",
        "--docs",
        str(project / "content"),
        "--config",
        str(project / "mkdocs.yml"),
        "--out",
        str(site),
        "--today",
        "2026-11-23",
    )
    assert result.returncode == 1
    assert marker.read_bytes() == before
    assert sorted(path.name for path in site.parent.iterdir()) == ["content", "mkdocs.yml", "overrides", "site"]
    shutil.rmtree(project)


@pytest.mark.parametrize(
    "args",
    [
        ["new", "person", "--id", "a" * 300],
        ["new", "meeting", "--board", "b" * 300, "--date", "2031-02-03"],
    ],
    ids=["id", "board"],
)
def test_skeleton_refuses_an_id_over_the_limit(tmp_path: Path, args: list[str]) -> None:
    """`new` with an id longer than the limit is a usage error (exit 2), not a failed write (exit 3)."""
    result = run_cli("--data", str(make_dataset(tmp_path)), *args)
    assert (result.returncode, result.stderr) == (2, "usage: an id has at most 100 characters; this one has 300\n")


def test_skeleton_does_not_write_through_a_link(tmp_path: Path) -> None:
    """`new` never writes through a (dangling) link standing where the new file goes."""
    data = make_dataset(tmp_path)
    outside = tmp_path / "outside.yml"
    (data / "people" / "new-person.yml").symlink_to(outside)
    result = run_cli("--data", str(data), "new", "person", "--id", "new-person")
    assert result.returncode == 1
    assert result.stderr.endswith("people/new-person.yml already exists; it was left alone\n")
    assert not outside.exists()
