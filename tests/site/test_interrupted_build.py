"""Killed builds: mid-mkdocs the previous site stays whole; mid-write the next build finishes the work."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator import build
from generator.output import write
from tests.conftest import ROOT, TODAY, build_site, fixture_text, make_dataset

MEETING = "meetings/riverton-hwb/2024-03-14.yml"


def snapshot(site: Path) -> dict[str, str]:
    """Every file of a built site with the hash of its bytes."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def start_build(project: Path, data: Path) -> subprocess.Popen[bytes]:
    """Start `python -m generator site` in its own process group."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "generator",
        "--data",
        str(data),
        "site",
        "--docs",
        str(project / "content"),
        "--config",
        str(project / "mkdocs.yml"),
        "--out",
        str(project / "site"),
        "--today",
        TODAY.isoformat(),
    ]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def wait_for(pattern: str, folder: Path, process: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    """Wait until a folder in ``folder`` matching ``pattern`` has files in it (mkdocs is writing)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if any(path.is_dir() and any(path.iterdir()) for path in folder.glob(pattern)):
            return
        assert process.poll() is None, "the build finished before it could be interrupted"
        time.sleep(0.005)
    raise AssertionError(f"{pattern} never appeared in {folder}")


@pytest.mark.site
def test_killed_build_leaves_previous_site_whole(tmp_path: Path) -> None:
    """SIGKILL to the whole build mid-way through mkdocs: site/ is byte for byte the previous site."""
    site = build_site(tmp_path / "first")
    project = site.parent
    before = snapshot(site)
    assert "index.html" in before and len(before) > 50
    changed = fixture_text(MEETING).replace("Apologies for absence", "Apologies for absence (changed)")
    data = make_dataset(tmp_path / "second", {MEETING: changed})
    process = start_build(project, data)
    try:
        wait_for("site.new-*", project, process)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert snapshot(site) == before
    assert "(changed)" not in (site / "meetings/riverton-hwb/2024-03-14/index.html").read_text(encoding="utf-8")

    rebuilt = start_build(project, data)
    assert rebuilt.wait(timeout=300) == 0
    assert "(changed)" in (site / "meetings/riverton-hwb/2024-03-14/index.html").read_text(encoding="utf-8")
    assert sorted(path.name for path in project.iterdir()) == ["content", "mkdocs.yml", "overrides", "site"]


ZOE = "id: zoe-extra\nname: Zoe Extra\nposts: [{title: Clerk, organisation: Riverton City Council}]\n"


def before_and_after(tmp_path: Path) -> tuple[Path, Path]:
    """Data before (with an extra person) and after (a meeting re-dated and edited; the extra person gone).

    Between them pages change, appear in new folders and disappear with their folders.
    """
    before = make_dataset(tmp_path / "before", {"people/zoe-extra.yml": ZOE})
    redated = fixture_text(MEETING).replace("2024-03-14", "2024-03-15").replace("Apologies for absence", "(changed)")
    strategy = fixture_text("strategies/riverton-jhws.yml").replace("2024-03-14/4-24", "2024-03-15/4-24")
    after = make_dataset(
        tmp_path / "after",
        {MEETING: None, "meetings/riverton-hwb/2024-03-15.yml": redated, "strategies/riverton-jhws.yml": strategy},
    )
    return before, after


def generate(data: Path, docs: Path, kill_after: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator build`; with ``kill_after``, the writer kills itself after that many file operations."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if kill_after is not None:
        env[write.KILL_AFTER] = str(kill_after)
    command = [sys.executable, "-m", "generator", "--data", str(data), "build", "--docs", str(docs)]
    command += ["--today", TODAY.isoformat()]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def tree(docs: Path) -> dict[str, bytes]:
    """Every file under ``docs``, hidden ones included, by relative path."""
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def write_steps(data: Path, docs: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many file operations the writer makes building ``data`` over ``docs`` (a copy is used)."""
    steps: list[None] = []
    monkeypatch.setattr(write, "_step", lambda: steps.append(None))
    build.build(data, docs, build.Settings(TODAY))
    monkeypatch.undo()
    return len(steps)


@pytest.mark.slow  # a build killed at each of many points
@pytest.mark.parametrize(("start", "points"), [("empty", 6), ("previous", 10)])
def test_a_build_killed_anywhere_in_the_write_phase_recovers_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: str, points: int
) -> None:
    """SIGKILL after k file operations, for k spread over the whole write phase: the next build finishes alone.

    Its content/ is byte for byte what an uninterrupted build writes. (tests/unit/test_write.py tries
    every k, in process.)
    """
    before, after = before_and_after(tmp_path)
    base = tmp_path / "base"
    base.mkdir()
    (base / "about.md").write_text("# About\n\nWritten by hand.\n")
    if start == "previous":
        assert generate(before, base).returncode == 0
    shutil.copytree(base, tmp_path / "reference")
    assert generate(after, tmp_path / "reference").returncode == 0
    expected = tree(tmp_path / "reference")
    shutil.copytree(base, tmp_path / "counted")
    total = write_steps(after, tmp_path / "counted", monkeypatch)
    assert total > 100

    def attempt(k: int) -> tuple[int, int, str] | None:
        """Kill a build after k operations, run an ordinary one; None if it ends as an uninterrupted build."""
        docs = tmp_path / f"killed-{k}"
        shutil.copytree(base, docs)
        assert generate(after, docs, kill_after=k).returncode == -signal.SIGKILL, k
        result = generate(after, docs)
        return None if result.returncode == 0 and tree(docs) == expected else (k, result.returncode, result.stdout)

    with ThreadPoolExecutor(max_workers=2) as pool:  # each thread waits on its own processes
        failures = [
            f for f in pool.map(attempt, sorted({round(i * (total - 1) / (points - 1)) for i in range(points)})) if f
        ]
    assert failures == [], f"{len(failures)} of {points} kill points out of {total} operations did not recover"
