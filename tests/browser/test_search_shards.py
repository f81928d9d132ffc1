"""Search over a site built in shards: one Pagefind index per shard, merged in the browser, finds and filters
as one index does (content/assets/search.js merges the indexes pagefind/merge.json lists)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.support import serve
from tests.browser.test_a11y import search
from tests.browser.test_search import DECISION, filters_work
from tests.conftest import FIXTURE, TODAY, make_project, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.site]


@pytest.fixture(scope="module")
def sharded_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture built in three shards (each board in its own), served over HTTP."""
    project = make_project(tmp_path_factory.mktemp("sharded"))
    result = run_cli(
        "--data", str(FIXTURE), "site", "--docs", str(project / "content"), "--config", str(project / "mkdocs.yml"),
        "--out", str(project / "site"), "--today", TODAY.isoformat(), "--shards", "3", "--jobs", "2",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    merge = json.loads((project / "site" / "pagefind" / "merge.json").read_text(encoding="utf-8"))
    assert merge["indexes"] == ["shard-1/", "shard-2/"]
    with serve(project / "site") as base:
        yield base


def test_filters_count_and_narrow_across_the_shard_indexes(browser: Browser, sharded_base: str) -> None:
    filters_work(browser, sharded_base)


def test_the_header_box_finds_a_board_shards_decision(browser: Browser, sharded_base: str) -> None:
    page = browser.new_page()
    links = search(page, sharded_base, "reported every six months")
    assert any(link.endswith(DECISION) for link in links), links
    page.close()
