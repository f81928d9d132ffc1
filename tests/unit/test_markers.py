"""Markers match what tests do: a test that builds a site without the 'site' marker fails (tests/conftest.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import builds_a_site


def test_commands_that_build_a_site_are_recognised() -> None:
    assert builds_a_site([sys.executable, "-m", "mkdocs", "build", "--strict"])
    assert builds_a_site(["/venv/bin/mkdocs", "serve"])
    assert builds_a_site([sys.executable, "-m", "generator", "--data", "d", "site", "--docs", "c"])
    assert not builds_a_site([sys.executable, "-m", "generator", "check"])
    assert not builds_a_site([sys.executable, "-m", "pagefind", "--site", "s"])


def test_an_unmarked_test_that_runs_mkdocs_fails() -> None:
    with pytest.raises(pytest.fail.Exception, match="builds a site but is not marked site"):
        subprocess.run([sys.executable, "-m", "mkdocs", "--version"], capture_output=True, check=False)
