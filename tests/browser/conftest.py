"""Browser fixtures: Debian's Chromium driven by Playwright, built sites served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, serve
from tests.conftest import ROOT, build_site


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip browser tests, with the reason, when Debian's Chromium is not installed."""
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing (CI installs it: apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def fixture_base(fixture_site: Path) -> Iterator[str]:
    """Base URL of the built fixture site, served over HTTP."""
    with serve(fixture_site) as base:
        yield base


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real dataset (data/) built once per session."""
    return build_site(tmp_path_factory.mktemp("real-site"), data=ROOT / "data")


@pytest.fixture(scope="session")
def real_base(real_site: Path) -> Iterator[str]:
    """Base URL of the built real-data site, served over HTTP."""
    with serve(real_site) as base:
        yield base


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ at the project root (git-ignored), for screenshots a reviewer opens."""
    folder = ROOT / "test-artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
