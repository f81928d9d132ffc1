"""Staging: a build keeps its pages on disk as it renders them, and writes exactly what it would have held."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import build
from generator.output.spool import PREFIX, spooling
from generator.output.write import plan_writes, write_tree
from generator.records.diagnostics import Report
from generator.render import render_site
from generator.site.reuse import Staged
from tests.conftest import FIXTURE, TODAY


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its path, with its bytes (the build's lock file aside)."""
    found = (p for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".minutebook.lock")
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in found}


def test_spooled_build_writes_what_the_held_build_writes(tmp_path: Path) -> None:
    """build.build (staged) writes the very files, manifest included, that writing the held pages writes; no staging left."""
    settings = build.Settings(TODAY, history=False)
    report, result = build.build(FIXTURE, tmp_path / "staged", settings)
    assert result is not None, report.lines()
    report, site = build.check(FIXTURE)
    assert site is not None
    held = build.generate(site, settings, report, docs=tmp_path / "held")
    write_tree(tmp_path / "held", plan_writes(tmp_path / "held", held, report))
    staged, expected = files_of(tmp_path / "staged"), files_of(tmp_path / "held")
    assert sorted(staged) == sorted(expected)
    assert [rel for rel in staged if staged[rel] != expected[rel]] == []
    assert not list((tmp_path / "staged").glob(PREFIX + "*"))


def test_generate_with_a_spool_holds_no_page_or_export(tmp_path: Path) -> None:
    """Every page and export is staged: the list holds digests, not texts."""
    report, site = build.check(FIXTURE)
    assert site is not None
    pages = render_site(site, TODAY, "Minutebook", "https://minutebook.example.org/")
    with spooling(tmp_path) as spool:
        files = dict(build.generate(site, build.Settings(TODAY, history=False), report, docs=tmp_path, spool=spool))
        assert all(isinstance(files[rel], Staged) for rel in pages)
        assert any(isinstance(c, Staged) and rel.endswith(".json") for rel, c in files.items())
        assert all(Path(files[rel].path).read_text(encoding="utf-8") == text for rel, text in pages.items())


def test_a_killed_build_s_staging_folder_is_removed_by_the_next(tmp_path: Path) -> None:
    """A staging folder left by a killed build is the generator's own: the next build removes it."""
    left = tmp_path / "docs" / f"{PREFIX}999999999-x1y2z3w4" / "0"  # no such process
    left.mkdir(parents=True)
    (left / "0").write_text("half a page", encoding="utf-8")
    report, result = build.build(FIXTURE, tmp_path / "docs", build.Settings(TODAY, history=False))
    assert result is not None, report.lines()
    assert not list((tmp_path / "docs").glob(PREFIX + "*"))


def test_a_staff_folder_with_a_name_like_the_staging_folders_is_kept(tmp_path: Path) -> None:
    """Only names the spool makes (prefix, a process number, mkdtemp's 8 characters) are removed: never staff files."""
    for name in (f"{PREFIX}notes", f"{PREFIX}999999999-mine", f"{PREFIX}999999999"):
        (tmp_path / "docs" / name).mkdir(parents=True)
        (tmp_path / "docs" / name / "keep.txt").write_text("mine", encoding="utf-8")
    with spooling(tmp_path / "docs"):
        pass
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == sorted(
        [f"{PREFIX}notes", f"{PREFIX}999999999-mine", f"{PREFIX}999999999"]
    )


def test_a_running_build_s_staging_folder_is_left_alone(tmp_path: Path) -> None:
    """Another build of the same folder, still rendering (it takes the lock only to write), keeps its staging."""
    other = tmp_path / "docs" / f"{PREFIX}{os.getppid()}-x1y2z3w4"
    other.mkdir(parents=True)
    with spooling(tmp_path / "docs"):
        assert other.is_dir()
    assert other.is_dir()


def test_a_staged_file_written_at_two_paths_is_two_files(tmp_path: Path) -> None:
    """A file served again at an old address is a copy, not a second name of the same bytes on disk."""
    docs = tmp_path / "docs"
    with spooling(docs) as spool:
        staged = spool.keep(b'{"a": 1}\n')
        write_tree(docs, plan_writes(docs, [("new/a.json", staged), ("old/a.json", staged)], Report()))
    assert (docs / "new/a.json").read_bytes() == (docs / "old/a.json").read_bytes() == b'{"a": 1}\n'
    assert os.stat(docs / "new/a.json").st_nlink == os.stat(docs / "old/a.json").st_nlink == 1


def test_a_staged_file_changed_before_the_write_is_refused(tmp_path: Path) -> None:
    """Bytes that are not what was staged are never written as if they were."""
    docs = tmp_path / "docs"
    with spooling(docs) as spool:
        staged = spool.keep("one")
        Path(staged.path).write_text("two", encoding="utf-8")
        os.link(staged.path, tmp_path / "held")  # placed once already: the writer must read it, and check it
        with pytest.raises(RuntimeError, match="changed during the build"):
            write_tree(docs, plan_writes(docs, [("a.md", staged)], Report()))
