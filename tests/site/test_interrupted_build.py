"""A build killed during the mkdocs phase leaves the previous site whole."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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
        sys.executable, "-m", "generator", "--data", str(data), "site", "--docs", str(project / "content"),
        "--config", str(project / "mkdocs.yml"), "--out", str(project / "site"), "--today", TODAY.isoformat(),
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
