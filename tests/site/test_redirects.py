"""A whole site rebuilt after renames keeps every URL its ledger promised, in the built HTML."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.conftest import FIXTURE, TODAY, make_project, run_cli
from tests.site.linkcheck import broken_links, target_file
from tests.unit.test_redirects import NEW_BOARD, redate_meeting, rename_board, rename_document, renumber_minute

pytestmark = pytest.mark.site
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')


def site_build(project: Path, data: Path, ledger: Path, *extra: str) -> None:
    """`python -m generator site` for ``project`` against ``ledger``; fail with its output."""
    result = run_cli(
        "--data", str(data), "site", "--docs", str(project / "content"), "--config", str(project / "mkdocs.yml"),
        "--out", str(project / "site"), "--today", TODAY.isoformat(), "--ledger", str(ledger), *extra,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture published once, then rebuilt with a renamed board, a re-dated meeting, a corrected minute
    and a renamed document; returns the built site and the ledger of the first build."""
    root = tmp_path_factory.mktemp("renamed")
    project, ledger, data = make_project(root), root / "published-urls.txt", root / "data"
    shutil.copytree(FIXTURE, data)
    site_build(project, data, ledger, "--new-ledger")
    rename_board(data)
    redate_meeting(data, NEW_BOARD)
    renumber_minute(data, NEW_BOARD, "2024-03-15")
    rename_document(data)
    promised = root / "first-ledger.txt"
    shutil.copy(ledger, promised)
    site_build(project, data, ledger)
    return project / "site", promised


def test_every_old_url_of_the_ledger_still_resolves_to_a_live_page(renamed: tuple[Path, Path]) -> None:
    """Each promised URL is served; a redirect leads in one step to a page that is not itself a redirect."""
    site, ledger = renamed
    promised = [line for line in ledger.read_text(encoding="utf-8").splitlines() if line.startswith("/")]
    assert "/meetings/riverton-hwb/2024-03-14/" in promised and "/documents/riverton-hwb-2024-06-20-pack/" in promised
    redirected = 0
    for url in promised:
        page = target_file(site, url)
        assert page is not None, url
        refresh = REFRESH.search(page.read_text(encoding="utf-8"))
        if refresh is None:
            continue
        redirected += 1
        target = target_file(site, urljoin(url, html.unescape(refresh.group(1))))
        assert target is not None, url
        assert REFRESH.search(target.read_text(encoding="utf-8")) is None, f"{url} redirects to a redirect"
    assert redirected >= 15  # the board's pages, the meeting, the decision, the document (and the older board id)


def test_the_old_decision_url_leads_to_the_corrected_decision(renamed: tuple[Path, Path]) -> None:
    """Renamed board, re-dated meeting and corrected minute at once: one hop to the decision's page."""
    site, _ = renamed
    stub = (site / "decisions/riverton-hwb/2024-03-14/4-24/index.html").read_text(encoding="utf-8")
    assert REFRESH.search(stub).group(1) == "../../../../decisions/riverton-board/2024-03-15/5-24/"


def test_old_feeds_calendars_and_json_are_served_again_byte_for_byte(renamed: tuple[Path, Path]) -> None:
    """A static host cannot redirect a file, so the old address serves the same bytes."""
    site, _ = renamed
    for old, new in [
        ("feeds/decisions/riverton-hwb.xml", "feeds/decisions/riverton-board.xml"),
        ("feeds/meetings/riverton-hwb.xml", "feeds/meetings/riverton-board.xml"),
        ("calendars/riverton-hwb.ics", "calendars/riverton-board.ics"),
        ("meetings/riverton-hwb/2024-03-14.json", "meetings/riverton-board/2024-03-15.json"),
        ("decisions/riverton-hwb/2024-03-14/4-24.json", "decisions/riverton-board/2024-03-15/5-24.json"),
        ("documents/riverton-hwb-2024-06-20-pack.json", "documents/pack-2024-06-20.json"),
    ]:
        assert (site / old).read_bytes() == (site / new).read_bytes(), old


def test_the_renamed_site_has_no_broken_links(renamed: tuple[Path, Path]) -> None:
    """Redirect pages link to their targets; every internal link of the site resolves."""
    site, _ = renamed
    assert broken_links(site) == []
