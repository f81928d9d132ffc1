"""A cached build of a git repository (history on, as in every real build) after a series of commits.

Each commit must re-render only the units whose history it changed (the record's own pages, the
indexes that list it, /changes/), not every page; and after each commit the cached build's
content/ and site/ equal a clean build of the same commit, byte for byte (search compared by
what it finds, as in test_incremental.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.gitrepo import git
from tests.site.test_incremental import (
    MEETING,
    assert_same_as_clean,
    cached,
    project_with_code,
    rename_person,
    replace_in,
)

pytestmark = pytest.mark.site


def commit(project: Path, message: str, when: str) -> None:
    """Commit everything under data/ (the records' repository is the project folder)."""
    git(project, "add", "-A", "data")
    git(project, "commit", "-q", "--no-gpg-sign", "-m", message, when=when)


def git_project(tmp_path: Path) -> Path:
    """A project whose data/ is committed to git (in two commits, so pages have a history)."""
    project = project_with_code(tmp_path)
    git(project, "init", "-q", "-b", "main")
    shutil.move(project / "data" / "people", tmp_path / "people")
    commit(project, "Publish the meetings", "2024-03-20T10:00:00Z")
    shutil.move(tmp_path / "people", project / "data" / "people")
    commit(project, "Publish the people", "2024-03-21T10:00:00Z")
    return project


def counts(report: str) -> tuple[int, int]:
    """(units reused, units rendered) from a cached build's report."""
    found = re.search(r"cache: (\d+) units reused, (\d+) rendered", report)
    assert found, report
    return int(found[1]), int(found[2])


def test_a_one_record_commit_renders_only_the_units_it_changed(tmp_path: Path) -> None:
    project = git_project(tmp_path)
    assert "history not available" not in cached(project)
    reused, rendered = counts(cached(project))  # nothing changed
    assert rendered == 0, (reused, rendered)
    replace_in(project, "data/people/eve-officer.yml", "name: Eve Officer", "name: Eve Clerk-Officer")
    commit(project, "Correct Eve's name", "2024-04-02T09:30:00Z")
    reused, rendered = counts(cached(project))
    # her page (and its history), the indexes, the meetings she attended, /changes/: not every unit
    assert 0 < rendered <= reused // 4, (reused, rendered)
    assert_same_as_clean(project, tmp_path)


def test_a_series_of_commits_gives_the_clean_build_byte_for_byte(tmp_path: Path) -> None:
    project = git_project(tmp_path)
    cached(project)
    assert_same_as_clean(project, tmp_path)
    replace_in(project, MEETING, "every six months", "every three months")  # a record's words
    commit(project, "Minute 4/24 as approved", "2024-04-02T09:30:00Z")
    cached(project)
    assert_same_as_clean(project, tmp_path)
    replace_in(project, MEETING, "every three months", "every two months")  # an edit not yet committed
    cached(project)
    assert_same_as_clean(project, tmp_path)
    person = "id: fay-new\nname: Fay New\nposts:\n  - title: Analyst\n    organisation: Riverton CCG\n"
    (project / "data" / "people" / "fay-new.yml").write_text(person, encoding="utf-8")  # a record added
    commit(project, "Add Fay New", "2024-04-16T15:00:00Z")
    cached(project)
    assert_same_as_clean(project, tmp_path)
    rename_person(project, "eve-officer", "eve-clerk")  # a record renamed: redirects from the old pages
    commit(project, "Eve's new id", "2024-05-01T12:00:00Z")
    cached(project)
    assert_same_as_clean(project, tmp_path)
    (project / "data" / "people" / "fay-new.yml").unlink()  # a record deleted
    commit(project, "Remove Fay New", "2024-06-21T11:00:00Z")
    cached(project)
    assert_same_as_clean(project, tmp_path)
    replace_in(project, "generator/render/templates/changed.j2", "History of this record", "History of this page")
    assert "stale" in cached(project)  # a template changed (code is not in data/: no commit of the records)
    assert_same_as_clean(project, tmp_path)
    replace_in(project, "data/people/eve-clerk.yml", "name: Eve", "name: Evelyn")  # after the template change
    commit(project, "Eve's full name", "2024-07-01T08:00:00Z")
    cached(project)
    assert_same_as_clean(project, tmp_path)


def test_a_corrupted_history_cache_is_read_in_full_never_used(tmp_path: Path) -> None:
    project = git_project(tmp_path)
    cached(project)
    saved = project / "cache" / "history.pickle"
    data = bytearray(saved.read_bytes())
    data[-1] ^= 0xFF  # one byte flipped: the checksum no longer holds
    saved.write_bytes(bytes(data))
    replace_in(project, MEETING, "every six months", "every three months")
    commit(project, "Minute 4/24 as approved", "2024-04-02T09:30:00Z")
    assert "history cache: corrupted (its checksum does not match); history read in full" in cached(project)
    assert_same_as_clean(project, tmp_path)
