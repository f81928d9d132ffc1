"""scripts/bench_incremental.py: its scratch sites are git repositories, and it reads the cached build's steps."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import bench_incremental
import synth


def test_the_data_is_committed_in_batches_and_the_edit_is_a_commit(tmp_path: Path) -> None:
    synth.synthesise(tmp_path / "data", synth.Size(boards=1, years=2))
    bench_incremental.commit_history(tmp_path, commits=4)
    assert bench_incremental.git(tmp_path, "status", "--porcelain") == ""
    assert len(bench_incremental.git(tmp_path, "rev-list", "HEAD").split()) == 4
    edited = bench_incremental.commit_edit(tmp_path)
    assert bench_incremental.git(tmp_path, "status", "--porcelain") == ""
    assert bench_incremental.git(tmp_path, "log", "-1", "--name-only", "--format=%s").split() == [
        "Correct",
        "one",
        "resolution",
        f"data/{edited}",
    ]


def test_the_steps_of_a_cached_build_are_read_from_its_report() -> None:
    lines = [
        "cache: 3 units reused, 1 rendered (0 volatile), 2 exports reused; check 0.50 s (CPU 0.25 s), "
        "verify reads 0.10 s (CPU 0.05 s)",
        "site: 2 pages rendered, 9 files reused, 0 copied; search: 2 pages in the delta index; mkdocs 1.50 s, "
        "search 0.20 s, swap 0.01 s",
    ]
    assert bench_incremental.phases(lines) == {
        "check": [0.5, 0.25],
        "verify reads": [0.1, 0.05],
        "mkdocs": [1.5, None],
        "search": [0.2, None],
        "swap": [0.01, None],
    }
