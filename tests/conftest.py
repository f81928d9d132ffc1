"""Shared helpers: copy the fixture dataset, run the generator, build a whole site."""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from generator import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "data"
TODAY = date(2026, 11, 23)
HAND_WRITTEN = ("about.md", "accessibility.md", "search.md", "guide", "assets")


def builds_a_site(args: object) -> bool:
    """Whether a command builds a site: mkdocs, or the generator's 'site' command."""
    words = [str(a) for a in args] if isinstance(args, (list, tuple)) else str(args).split()
    if "mkdocs" in words or any(w.endswith("/mkdocs") for w in words):
        return True
    return "generator" in words and "site" in words


@pytest.fixture(autouse=True)
def _site_marker_is_honest(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail a test that builds a site (runs mkdocs) without the 'site' marker, so `make unit` stays fast."""
    if request.node.get_closest_marker("site") is not None:
        return
    real = subprocess.Popen

    class Checked(real):  # type: ignore[misc,valid-type]
        def __init__(self, args: object, *rest: object, **kwargs: object) -> None:
            if builds_a_site(args):
                pytest.fail(f"{request.node.nodeid} builds a site but is not marked site (add pytest.mark.site)")
            super().__init__(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", Checked)


SITE_FIXTURES = {
    "fixture_site",
    "real_site",
    "fixture_base",
    "real_base",
    "built",
    "scrutiny_site",
    "scrutiny_base",
}  # fixtures that build a site


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test that uses a built site (a session fixture builds it before the check above is in place) is a site test."""
    uses = SITE_FIXTURES & set(getattr(item, "fixturenames", ()))
    if uses and item.get_closest_marker("site") is None:
        pytest.fail(f"{item.nodeid} uses a built site ({', '.join(sorted(uses))}) but is not marked site")
    if "browser" in getattr(item, "fixturenames", ()) and item.get_closest_marker("browser") is None:
        pytest.fail(f"{item.nodeid} drives Chromium but is not marked browser")


def pytest_addoption(parser: pytest.Parser) -> None:
    """--update-golden rewrites tests/golden/expected from the fixture dataset."""
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")


def make_dataset(tmp_path: Path, files: dict[str, str | bytes] | None = None, base: Path = FIXTURE) -> Path:
    """Copy ``base`` to tmp_path/data, then add or replace ``files`` (None deletes)."""
    data = tmp_path / "data"
    shutil.copytree(base, data)
    for rel, content in (files or {}).items():
        target = data / rel
        if content is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return data


@contextlib.contextmanager
def python_csv_limit() -> Iterator[None]:
    """Python's own CSV cell limit (131,072), as in a build: a library other tests import raises it for the process."""
    before = csv.field_size_limit(131_072)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def fixture_text(rel: str) -> str:
    """The text of a file of the valid fixture dataset."""
    return (FIXTURE / rel).read_text(encoding="utf-8")


def check_lines(data: Path) -> list[str]:
    """Diagnostics of a dataset as printed, with the data folder prefix removed."""
    report, _ = build.check(data)
    prefix = str(data) + "/"
    return [line.replace(prefix, "") for line in report.lines()]


def make_project(tmp_path: Path) -> Path:
    """A copy of the project's site config and hand-written pages, without generated pages."""
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    for name in HAND_WRITTEN:
        source = ROOT / "content" / name
        if source.is_dir():
            shutil.copytree(source, project / "content" / name)
        else:
            shutil.copy(source, project / "content" / name)
    return project


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` and capture its output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def build_site(tmp_path: Path, data: Path = FIXTURE) -> Path:
    """Generate and mkdocs-build a whole site; return the site folder."""
    project = make_project(tmp_path)
    result = run_cli(
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
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture dataset built once per session."""
    return build_site(tmp_path_factory.mktemp("fixture-site"))


@pytest.fixture(scope="session")
def scrutiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scrutiny fixture (tests/fixtures/scrutiny) built once per session (mkdocs --strict)."""
    return build_site(tmp_path_factory.mktemp("scrutiny-site"), data=ROOT / "tests" / "fixtures" / "scrutiny")
