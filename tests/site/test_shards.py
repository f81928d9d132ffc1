"""A site built in board shards is the same site as one built in one go."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator import urls
from generator.exports.sitemap import NS
from generator.publish import shard, stages
from tests.conftest import TODAY, build_site, run_cli
from tests.site.linkcheck import broken_links
from tests.site.test_incremental import found, fragments

pytestmark = pytest.mark.site
def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site except the Pagefind index (compared apart); the sitemap is the generator's file."""
    return {
        rel: p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not (rel := p.relative_to(site).as_posix()).startswith("pagefind/")
    }


def locs(site: Path) -> list[str]:
    """The URLs a sitemap lists."""
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    return sorted(el.text or "" for el in root.iter(f"{{{NS}}}loc"))


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture built in one go, and again (same generated pages) in two board shards."""
    single = build_site(tmp_path_factory.mktemp("single"))
    project = single.parent
    sharded = project / "site-sharded"
    result = run_cli(
        "--data", str(Path(__file__).parents[1] / "fixtures" / "data"), "site",
        "--docs", str(project / "content"), "--config", str(project / "mkdocs.yml"),
        "--out", str(sharded), "--today", TODAY.isoformat(), "--shards", "2", "--jobs", "2",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return single, sharded


def test_every_file_is_byte_identical(both: tuple[Path, Path]) -> None:
    single, sharded = both
    one, many = files(single), files(sharded)
    assert sorted(one) == sorted(many)
    assert [rel for rel in one if one[rel] != many[rel]] == []


def test_the_sitemap_lists_the_same_pages_and_the_search_index_covers_them(both: tuple[Path, Path]) -> None:
    single, sharded = both
    assert locs(sharded) == locs(single)
    assert json.loads((sharded / "pagefind" / "merge.json").read_text(encoding="utf-8"))["indexes"] == ["shard-1/"]
    assert search_finds(sharded) == search_finds(single)


def search_finds(site: Path) -> list[tuple[str, ...]]:
    """What the site's search finds, page by page (address, text, filters, metadata), over every index it merges."""
    merge = json.loads((site / "pagefind" / "merge.json").read_text(encoding="utf-8"))
    pages = {i: f for i, f in fragments(site / "pagefind").items() if i not in merge["hidden"]}
    for extra in merge["indexes"]:
        pages.update(fragments(site / "pagefind" / extra))
    return sorted(found(f) for f in pages.values())


def test_links_resolve_across_shards(both: tuple[Path, Path]) -> None:
    assert broken_links(both[1]) == []


def test_boards_are_spread_over_shards_and_site_wide_pages_stay_in_shard_zero(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for rel in [
        "index.md", "people/ann.md", "boards/index.md", "boards/a.md", "boards/a/indicators.md",
        "meetings/a/2024-01-01.md", "decisions/a/2024-01-01/1.md", "decisions/a/2024.md",
        "decisions/a/2024-01-01/1.json", "boards/b.md", "meetings/b/2024-02-02.md", "data/boards.csv",
    ]:  # fmt: skip
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("x")
    shards = shard.plan(docs, 2)
    assert [s.boards for s in shards] == [["b"], ["a"]]  # a (5 pages) first, to the emptier shard 1
    assert sorted(shards[0].files) == [
        "boards/b.md", "boards/index.md", "data/boards.csv", "index.md", "meetings/b/2024-02-02.md", "people/ann.md",
    ]  # fmt: skip
    assert sorted(shards[1].files) == [
        "boards/a.md", "boards/a/indicators.md", "decisions/a/2024-01-01/1.json", "decisions/a/2024-01-01/1.md",
        "decisions/a/2024.md", "meetings/a/2024-01-01.md",
    ]  # fmt: skip
    assert urls.board_of_path("meetings/index.md") is None


def test_a_failing_shard_leaves_the_previous_site(both: tuple[Path, Path], tmp_path: Path, capsys) -> None:
    single, _ = both
    project = single.parent
    docs = tmp_path / "docs"
    shutil.copytree(project / "content", docs)
    (docs / "meetings" / "riverton-hwb" / "2099-01-01.md").write_text("# x\n\n[broken](nowhere.md)\n")
    out = tmp_path / "site"
    shutil.copytree(single, out)
    before = files(out)
    assert stages.sharded_build(project / "mkdocs.yml", docs, out, count=2, jobs=2) == 1
    err = capsys.readouterr().err
    assert re.search(r"shard \d \([a-z, -]*riverton-hwb[a-z, -]*\) failed:", err)
    assert "error: a shard's mkdocs build failed; the previous" in err
    assert files(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["docs", "site"]
