"""The preview's fast rebuild: the edited record's pages first, then exactly what a full build writes."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from generator import build
from generator.preview import INDICATORS, Preview
from tests.conftest import TODAY, make_dataset

MEETING = "meetings/riverton-hwb/2024-03-14.yml"
OLD = "The Joint Health and Wellbeing Strategy 2024-2027 be approved."
NEW = "The Joint Health and Wellbeing Strategy 2024-2027 be approved, with amendments."
PERSON = "people/ann-chair.yml"


def tree(docs: Path) -> dict[str, bytes]:
    """Every file under ``docs`` by relative path."""
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def edit(data: Path, rel: str, old: str, new: str) -> None:
    """Replace text in a data file and make sure its modification time moves on."""
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000
    os.utime(path, ns=(stamp, stamp))


def started(tmp_path: Path) -> tuple[Path, Path, Preview]:
    """A copy of the fixture data, a docs folder, and a preview that has done its first (full) build."""
    data = make_dataset(tmp_path)
    docs = tmp_path / "docs"
    preview = Preview(data, docs, build.Settings(TODAY))
    assert preview.rebuild(background=False).first is None  # the first build is a full one
    return data, docs, preview


def full_build(tmp_path: Path, data: Path) -> dict[str, bytes]:
    """What `python -m generator build` writes for ``data`` into an empty folder."""
    docs = tmp_path / "reference-docs"
    report, result = build.build(data, docs, build.Settings(TODAY))
    assert result is not None, report.lines()
    return tree(docs)


def test_an_edit_writes_the_meeting_and_its_decisions_first_then_matches_a_full_build(tmp_path: Path) -> None:
    data = make_dataset(tmp_path)
    docs = tmp_path / "docs"
    preview = Preview(data, docs, build.Settings(TODAY))
    assert preview.rebuild(background=False).first is None  # the first build is a full one

    edit(data, MEETING, OLD, NEW)
    outcome = preview.rebuild(background=True)
    preview.start_full_pass()
    assert outcome.changed == [str(data / MEETING)]
    assert outcome.first is not None
    written = outcome.first.written
    assert "meetings/riverton-hwb/2024-03-14.md" in written
    assert any(rel.startswith("decisions/riverton-hwb/2024-03-14/") for rel in written)
    assert all(
        rel.startswith(("meetings/riverton-hwb/2024-03-14", "decisions/riverton-hwb/2024-03-14/")) for rel in written
    )
    preview.wait()
    assert tree(docs) == full_build(tmp_path, data)


def test_first_pass_pages_are_byte_identical_to_the_full_build(tmp_path: Path) -> None:
    data, docs, preview = started(tmp_path)
    edit(data, PERSON, "Cabinet Member for Health", "Cabinet Member for Health and Care")
    outcome = preview.rebuild(background=False)
    assert outcome.first is not None and outcome.first.written == ["people/ann-chair.md"]
    first = (docs / "people/ann-chair.md").read_bytes()
    assert b"Cabinet Member for Health and Care" in first
    assert full_build(tmp_path, data)["people/ann-chair.md"] == first


def test_a_rebuild_with_no_data_change_writes_nothing(tmp_path: Path) -> None:
    _, docs, preview = started(tmp_path)
    before = tree(docs)
    outcome = preview.rebuild(background=False)
    assert outcome.changed == [] and outcome.first is None and not outcome.full_pending
    assert tree(docs) == before


def test_an_edit_with_an_error_keeps_the_pages_and_reports_it(tmp_path: Path) -> None:
    data, docs, preview = started(tmp_path)
    before = tree(docs)
    edit(data, MEETING, "id: 2024-03-14", "id: 2024-03-15")
    outcome = preview.rebuild(background=False)
    assert outcome.first is None
    assert any("'2024-03-15' does not match the file name '2024-03-14'" in line for line in outcome.report.lines())
    assert tree(docs) == before
    edit(data, MEETING, "id: 2024-03-15", "id: 2024-03-14")
    assert preview.rebuild(background=False).report.errors == []


def test_a_newer_edit_cancels_an_unfinished_full_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, docs, preview = started(tmp_path)
    release = threading.Event()
    generate = build.generate

    def slow_generate(*args: object) -> object:
        release.wait(30)
        return generate(*args)

    monkeypatch.setattr(build, "generate", slow_generate)
    edit(data, MEETING, OLD, NEW)
    preview.rebuild(background=True)
    preview.start_full_pass()
    stale = preview.worker
    assert stale is not None
    preview.generation += 1  # what the next edit's rebuild does before its own passes
    release.set()
    stale.join()
    # The first pass wrote the meeting page; the superseded full pass wrote nothing, so the
    # resolutions table (written only by a full pass) still has the old words.
    assert NEW.encode() in (docs / "meetings/riverton-hwb/2024-03-14.md").read_bytes()
    resolutions = (docs / "data/resolutions.csv").read_bytes()
    assert OLD.encode() in resolutions and NEW.encode() not in resolutions


def test_a_file_in_the_way_is_reported_not_silently_skipped(tmp_path: Path) -> None:
    """A hand-written page where a generated one belongs: the preview says so, as a plain build does."""
    data = make_dataset(tmp_path)
    docs = tmp_path / "docs"
    (docs / "people").mkdir(parents=True)
    (docs / "people" / "ann-chair.md").write_text("mine", encoding="utf-8")
    outcome = Preview(data, docs, build.Settings(TODAY)).rebuild(background=False)
    assert any(
        "a file the generator did not write is where a generated page belongs" in line
        for line in outcome.report.lines()
    )
    assert (docs / "people" / "ann-chair.md").read_text(encoding="utf-8") == "mine"


def test_a_copy_that_keeps_the_modification_time_is_still_read_again(tmp_path: Path) -> None:
    """Same size, same mtime (cp -p, rsync -t): the file cache must not serve the old record."""
    data, docs, preview = started(tmp_path)
    path = data / PERSON
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    replacement = tmp_path / "copy.yml"
    replacement.write_text(text.replace("Ann Chair", "Ann Chaix"), encoding="utf-8")
    os.utime(replacement, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(replacement, path)  # a new inode with the old size and modification time
    outcome = preview.rebuild(background=False)
    assert outcome.changed == [str(path)]
    assert b"Ann Chaix" in (docs / "people/ann-chair.md").read_bytes()


def test_a_deleted_file_is_noticed_and_its_page_removed(tmp_path: Path) -> None:
    data, docs, preview = started(tmp_path)
    extra = data / "people" / "zed-person.yml"
    extra.write_text("id: zed-person\nname: Zed Person\n", encoding="utf-8")
    assert preview.rebuild(background=False).changed == [str(extra)]
    assert (docs / "people/zed-person.md").exists()
    extra.unlink()
    outcome = preview.rebuild(background=False)
    assert outcome.changed == [str(extra)] and outcome.report.errors == []
    assert extra not in preview.caches.files
    assert not (docs / "people/zed-person.md").exists()


VALUES = "indicators/riverton-smoking.csv"


def test_an_edit_elsewhere_reuses_the_indicator_figures_and_still_matches_a_full_build(tmp_path: Path) -> None:
    data, docs, preview = started(tmp_path)
    assert preview.last is not None
    figures = preview.last.lookups[INDICATORS]
    edit(data, MEETING, OLD, NEW)
    preview.rebuild(background=False)
    assert preview.last.lookups[INDICATORS] is figures  # not computed again: no indicator file changed
    assert tree(docs) == full_build(tmp_path, data)


def test_an_edit_to_indicator_values_computes_the_figures_again(tmp_path: Path) -> None:
    data, docs, preview = started(tmp_path)
    assert preview.last is not None
    figures = preview.last.lookups[INDICATORS]
    edit(data, VALUES, "2022,Riverton,E00000001,17.0", "2022,Riverton,E00000001,17.4")
    preview.rebuild(background=False)
    assert preview.last.lookups[INDICATORS] is not figures
    assert tree(docs) == full_build(tmp_path, data)


def test_values_changed_during_a_data_error_are_not_forgotten(tmp_path: Path) -> None:
    """The values file is read while a meeting has an error; the fix to the meeting must not reuse old figures."""
    data, docs, preview = started(tmp_path)
    edit(data, MEETING, "id: 2024-03-14", "id: 2024-03-15")
    edit(data, VALUES, "2022,Riverton,E00000001,17.0", "2022,Riverton,E00000001,17.4")
    assert preview.rebuild(background=False).first is None
    edit(data, MEETING, "id: 2024-03-15", "id: 2024-03-14")
    assert preview.rebuild(background=False).report.errors == []
    assert tree(docs) == full_build(tmp_path, data)
