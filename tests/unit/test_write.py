"""The writer: only changed files, never a file it did not write, stale files removed."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Report
from generator.write import MANIFEST, plan_writes, write_tree


def write(docs: Path, files: dict[str, str]) -> tuple[Report, list[str]]:
    """Plan and (if no conflict) write ``files``; return the report and the written paths."""
    report = Report()
    planned = plan_writes(docs, list(files.items()), report)
    if report.errors:
        return report, []
    return report, write_tree(docs, planned).written


def test_rerun_writes_nothing(tmp_path: Path) -> None:
    """A second identical run rewrites no file (so mkdocs serve cannot loop)."""
    files = {"a.md": "one", "b/c.md": "two"}
    assert write(tmp_path, files)[1] == ["a.md", "b/c.md"]
    mtime = (tmp_path / MANIFEST).stat().st_mtime_ns
    assert write(tmp_path, files)[1] == []
    assert (tmp_path / MANIFEST).stat().st_mtime_ns == mtime


def test_only_changed_file_is_rewritten(tmp_path: Path) -> None:
    """Changing one page rewrites that page only."""
    write(tmp_path, {"a.md": "one", "b.md": "two"})
    assert write(tmp_path, {"a.md": "one", "b.md": "three"})[1] == ["b.md"]


def test_hand_written_page_is_reported_not_replaced(tmp_path: Path) -> None:
    """A file the generator did not write, where a generated page belongs, is left alone."""
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "x.md").write_text("mine")
    report, written = write(tmp_path, {"people/x.md": "generated"})
    assert written == []
    assert (tmp_path / "people" / "x.md").read_text() == "mine"
    assert report.lines() == [
        f"{tmp_path}/people/x.md: a file the generator did not write is where a generated page belongs; "
        "it was left alone (move or rename it)"
    ]


def test_hand_edited_generated_page_is_reported(tmp_path: Path) -> None:
    """A generated page edited by hand is not overwritten."""
    write(tmp_path, {"a.md": "one"})
    (tmp_path / "a.md").write_text("edited")
    report, _ = write(tmp_path, {"a.md": "two"})
    assert (tmp_path / "a.md").read_text() == "edited"
    assert report.lines() == [
        f"{tmp_path}/a.md: this generated page was edited by hand; it was left alone "
        "(edit data/ instead, then delete this file)"
    ]


def test_two_writers_for_one_path_are_refused(tmp_path: Path) -> None:
    """Two records rendering to one path is an error."""
    report = Report()
    plan_writes(tmp_path, [("a.md", "one"), ("a.md", "two")], report)
    assert report.lines() == [f"{tmp_path}/a.md: two records would write this page (give one of them another id)"]


def test_stale_generated_files_are_removed_but_others_kept(tmp_path: Path) -> None:
    """A page no longer generated is deleted; a hand-written neighbour stays."""
    write(tmp_path, {"x/old.md": "old", "x/keep.md": "keep"})
    (tmp_path / "x" / "mine.md").write_text("mine")
    write(tmp_path, {"x/keep.md": "keep"})
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == ["keep.md", "mine.md"]
