"""The large-site workflow's make targets, run as separate processes, build the site `make site` builds.

As in CI's matrix, each step is its own `make` process: shard-plan, each shard-build (in reverse
order: the order does not matter), shard-combine. The combined site equals a single build of the
same data byte for byte, pagefind/ aside, which holds one index per shard: its search finds the same
pages with the same text, filters and metadata as the single build's one index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, ROOT, make_project
from tests.site.test_shards import files, search_finds

pytestmark = pytest.mark.site


def make(project: Path, *args: str) -> str:
    """Run a target of the project's Makefile in ``project``, with this Python (its venv is this one)."""
    command = ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), f"PY={sys.executable}", "STAMP=", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_the_make_targets_as_separate_processes_build_the_single_build(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    shutil.copytree(FIXTURE, project / "data")
    make(project, "site", "NEW_LEDGER=1")
    (project / "site").rename(project / "single")
    make(project, "shard-plan", "SHARDS=3")
    for number in (2, 1, 0):
        make(project, "shard-build", f"SHARD={number}")
    report = make(project, "shard-combine")
    assert "| shard | boards | files | pages indexed | mkdocs (s) | Pagefind (s) |" in report
    one, many = files(project / "single"), files(project / "site")
    assert sorted(one) == sorted(many)
    assert [rel for rel in one if one[rel] != many[rel]] == []
    assert search_finds(project / "site") == search_finds(project / "single")
    assert sorted(p.name for p in (project / "site" / "pagefind").glob("shard-*")) == ["shard-1", "shard-2"]
    assert not [p.name for p in project.iterdir() if p.name.startswith("site.")]  # no working folder left
