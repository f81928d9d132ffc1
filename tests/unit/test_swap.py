"""Swapping a freshly built site into place: there is no moment without a site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.publish import publish

READER = """
import os, sys
page, stop = sys.argv[1], sys.argv[2]
print("ready", flush=True)
looks = misses = 0
while not os.path.exists(stop):
    looks += 1
    try:
        with open(page, "rb") as handle:
            handle.read()
    except OSError:
        misses += 1
print(looks, misses, flush=True)
"""


def fresh_site(folder: Path, number: int) -> Path:
    """A small built site whose pages say which build they come from."""
    folder.mkdir()
    (folder / "index.html").write_text(f"build {number}")
    (folder / "about").mkdir()
    (folder / "about" / "index.html").write_text(f"about {number}")
    return folder


def test_a_reader_always_finds_the_site_during_many_swaps(tmp_path: Path) -> None:
    """Another process reading site/index.html in a loop never misses it while 300 builds are swapped in."""
    site = fresh_site(tmp_path / "site", 0)
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(site / "index.html"), str(stop)], stdout=subprocess.PIPE, text=True
    )
    assert reader.stdout is not None and reader.stdout.readline() == "ready\n"
    try:
        for number in range(1, 301):
            publish.swap(fresh_site(tmp_path / f"fresh-{number}", number), site)
    finally:
        stop.touch()
        looks, misses = map(int, reader.communicate(timeout=30)[0].split())
    assert looks > 1000
    assert misses == 0
    assert (site / "index.html").read_text() == "build 300"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "stop"]


def test_without_the_atomic_exchange_the_swap_still_replaces_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback (not Linux, or a file system without RENAME_EXCHANGE): two renames, nothing left over."""
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    site = fresh_site(tmp_path / "site", 0)
    publish.swap(fresh_site(tmp_path / "fresh", 1), site)
    assert (site / "index.html").read_text() == "build 1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_exchange_swaps_two_folders(tmp_path: Path) -> None:
    first, second = fresh_site(tmp_path / "a", 1), fresh_site(tmp_path / "b", 2)
    assert publish.exchange(first, second)
    assert (first / "index.html").read_text() == "build 2" and (second / "index.html").read_text() == "build 1"


def test_working_folders_of_ended_builds_are_removed_and_others_kept(tmp_path: Path) -> None:
    """Folders a killed build left (its pid is gone) go; a running build's, and anything else, stay."""
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead, alive = int(ended.stdout), os.getpid()
    names = [
        f"site.new-{dead}-a1b2", f"site.shards-{dead}-x_y", f"site.old-{dead}-zz", "site.new", "site.old",
        f"site.new-{alive}-c3d4", "site.newer", "site-sharded", f"other.new-{dead}-a1b2", "site",
    ]  # fmt: skip
    for name in names:
        (tmp_path / name).mkdir()
    publish.remove_stale(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["site", f"site.new-{alive}-c3d4", "site.newer", "site-sharded", f"other.new-{dead}-a1b2"]
    )


@pytest.mark.site  # runs mkdocs (which fails)
def test_a_failed_build_leaves_no_working_folder(tmp_path: Path) -> None:
    """mkdocs failing (here: a missing configuration) leaves site/ as it was and nothing beside it."""
    site = fresh_site(tmp_path / "site", 0)
    assert publish.mkdocs_build(tmp_path / "missing.yml", site) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (site / "index.html").read_text() == "build 0"
