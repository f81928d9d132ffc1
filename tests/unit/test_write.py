"""The writer: only changed files, never a file it did not write, stale files removed."""

from __future__ import annotations

import contextlib
import itertools
import shutil
from pathlib import Path

import pytest

from generator.output import write as write_module
from generator.output.write import MANIFEST, plan_writes, write_tree
from generator.records.diagnostics import Report


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


BEFORE = {"a.md": "one", "b/c.md": "two", "d/e.md": "gone", "d/f/g.md": "gone too", "k.md": "kept"}
AFTER = {"a.md": "ONE", "b/c.md": "two", "b/x.md": "x", "n/m/new.md": "new", "k.md": "kept"}
LATER = {"a.md": "one again", "b/c.md": "two", "k.md": "kept", "p/q.md": "q"}


class KilledError(Exception):
    """Stands for SIGKILL: raised by the writer's test hook; nothing in the writer catches it."""


def everything(docs: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder (None) under ``docs``, hidden ones included."""
    return {p.relative_to(docs).as_posix(): p.read_bytes() if p.is_file() else None for p in docs.rglob("*")}


def kill_after(monkeypatch: pytest.MonkeyPatch, k: int) -> None:
    """Make the writer die (raise KilledError) once it has done ``k`` file operations."""
    done = [0]

    def step() -> None:
        if done[0] >= k:
            raise KilledError
        done[0] += 1

    monkeypatch.setattr(write_module, "_step", step)


def start(tmp_path: Path, name: str) -> Path:
    """A docs folder with a hand-written page and the BEFORE pages written."""
    docs = tmp_path / name
    docs.mkdir()
    (docs / "mine.md").write_text("hand-written")
    assert write(docs, BEFORE)[0].lines() == []
    return docs


def test_a_write_killed_after_any_operation_is_finished_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after k operations, for every k, and the next write killed too: the write after that finishes.

    It leaves exactly the tree an uninterrupted write leaves (files, folders, manifest), also when the
    pages to write changed in between, and never touches the hand-written page.
    """
    expected = {}
    for name, pages in (("after", AFTER), ("later", LATER)):
        write(docs := start(tmp_path, f"expected-{name}"), pages)
        expected[name] = everything(docs)
    k, tried = 0, 0
    while True:
        docs = start(tmp_path, f"k{k}")
        kill_after(monkeypatch, k)
        try:
            write(docs, AFTER)
        except KilledError:
            pass
        else:
            break  # k is past the last operation: every point has been tried
        # The recovering write (of other pages) killed too: every third point, a different third for each k.
        for j in itertools.count(k % 3, 3):
            again = tmp_path / f"k{k}-j{j}"
            shutil.copytree(docs, again)
            kill_after(monkeypatch, j)
            try:
                write(again, LATER)
            except KilledError:
                monkeypatch.undo()
                assert write(again, LATER)[0].lines() == [], (k, j)
            else:
                break
            finally:
                monkeypatch.undo()
            assert everything(again) == expected["later"], (k, j)
            shutil.rmtree(again)
        monkeypatch.undo()
        report, _ = write(docs, AFTER)
        assert report.lines() == [], k
        assert everything(docs) == expected["after"], k
        k, tried = k + 1, tried + 1
    assert tried > 20


def test_after_a_killed_write_hand_edits_are_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page edited by hand, or a hand-written file where a new page was to go, is still reported after a kill."""
    docs = start(tmp_path, "docs")
    kill_after(monkeypatch, 8)  # the journal and a.md are written; b/x.md is not
    with contextlib.suppress(KilledError):
        write(docs, AFTER)
    monkeypatch.undo()
    assert (docs / "a.md").read_text() == "ONE" and not (docs / "b" / "x.md").exists()
    (docs / "a.md").write_text("edited")
    (docs / "b" / "x.md").write_text("mine")
    report, written = write(docs, AFTER)
    assert written == []
    assert report.lines() == [
        f"{docs}/a.md: this generated page was edited by hand; it was left alone (edit data/ instead, then delete this file)",
        f"{docs}/b/x.md: a file the generator did not write is where a generated page belongs; it was left alone (move or rename it)",
    ]
    assert (docs / "a.md").read_text() == "edited" and (docs / "b" / "x.md").read_text() == "mine"


def test_written_files_are_readable_like_any_new_file(tmp_path: Path) -> None:
    """Generated files get the mode a plain write gives under the umask, not mkstemp's private 0600."""
    from generator.output.write import FILE_MODE

    report = Report()
    write_tree(tmp_path, plan_writes(tmp_path, [("a/page.md", "text")], report))
    assert (tmp_path / "a/page.md").stat().st_mode & 0o777 == FILE_MODE
    assert FILE_MODE & 0o044  # readable by others under the usual umask


def test_hand_written_pages_are_the_markdown_files_the_generator_did_not_write(tmp_path: Path) -> None:
    from generator.build import hand_written_pages
    from generator.output.write import MANIFEST

    for rel in ("about.md", "guide/staff.md", "meetings/x.md", ".stage-1-abcdefgh/y.md", "guide/.draft.md", "a.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# Page\n", encoding="utf-8")
    (tmp_path / MANIFEST).write_text('{"meetings/x.md": "0"}', encoding="utf-8")
    assert hand_written_pages(tmp_path) == ["about.md", "guide/staff.md"]  # not written, not hidden, Markdown
