"""Two builds at once in one checkout: the second waits for the first, and site/ is never missing or half built."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, ROOT, TODAY

pytestmark = pytest.mark.site


def start_site(project: Path, log: Path) -> subprocess.Popen[bytes]:
    """Start `python -m generator site` on ``project``, its output to ``log``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable, "-m", "generator", "--data", str(FIXTURE), "site", "--docs", str(project / "content"),
        "--config", str(project / "mkdocs.yml"), "--out", str(project / "site"), "--today", TODAY.isoformat(),
    ]  # fmt: skip
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but its search index, by relative path."""
    return {
        rel: p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not (rel := p.relative_to(site).as_posix()).startswith("pagefind/")
    }


def test_two_builds_at_once_run_one_after_the_other(fixture_site: Path, tmp_path: Path) -> None:
    """Two `site` processes started together: both succeed, one waits and says for whom, site/ never vanishes."""
    project = tmp_path / "project"
    shutil.copytree(fixture_site.parent, project, symlinks=True)
    site = project / "site"
    expected = files(site)
    assert "index.html" in expected and len(expected) > 100
    misses: list[int] = []
    done = threading.Event()

    def read() -> None:  # a reader (a web server, an upload) looking at site/ the whole time
        while not done.is_set():
            if not (site / "index.html").exists():
                misses.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    try:
        builds = [start_site(project, log) for log in logs]
        statuses = [build.wait(timeout=300) for build in builds]
    finally:
        done.set()
        reader.join()
    texts = [log.read_text() for log in logs]
    assert statuses == [0, 0], texts
    assert sorted(files(site)) == sorted(expected)
    assert [rel for rel, data in files(site).items() if data != expected[rel]] == []
    assert (site / "pagefind" / "pagefind-entry.json").exists()
    assert misses == []
    # Whichever started second waited for the other, and named it.
    waited = [number for number, text in enumerate(texts) if "waiting: " in text]
    assert len(waited) == 1, texts
    other = builds[1 - waited[0]].pid
    message = f"waiting: {project / 'content'}/ is in use by python -m generator site (pid {other}, since "
    assert message in texts[waited[0]]
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "overrides", "site"]
