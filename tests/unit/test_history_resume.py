"""History carried on from a saved replay: a build reads only the commits since, and a rewritten history in full.

The cached build (incremental.py) keeps the replay of the log in its cache folder; the next
build, in a fresh process, carries it on with the commits made since. What it gives must be
what reading the whole history gives, and a replay of a history that was rewritten (its HEAD no
longer on the first-parent line) must not be used.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from generator import build
from generator.site.graph import Site
from generator.site.history import read as history_read
from generator.site.history.read import HistoryCache
from tests.conftest import TODAY
from tests.gitrepo import Repo, git, scripted


def read(data: Path, cache: HistoryCache | None = None) -> Site:
    """Check the data and read its history (through ``cache`` when given), failing on any problem."""
    report, site = build.check(data)
    assert site is not None, report.lines()
    build.add_history(
        data, site, build.Settings(TODAY), report, None, build.Caches(history=cache if cache is not None else {})
    )
    assert report.lines() == []
    return site


def saved(cache: HistoryCache) -> HistoryCache:
    """The cache as the next process finds it: pickled without the versions matched to files (incremental.py)."""
    for replay in cache.values():
        replay.walk.versions = {}
    return pickle.loads(pickle.dumps(cache))


def spans(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The ``since`` of every git log the history reader runs from now on."""
    seen: list[str | None] = []
    real = history_read.log

    def log(repo: object, paths: list[str], since: str | None = None, first: int = 0) -> object:
        seen.append(since)
        return real(repo, paths, since, first)  # type: ignore[arg-type]

    monkeypatch.setattr(history_read, "log", log)
    return seen


def same(one: Site, other: Site) -> None:
    """Two sites' histories say the same of every unit and commit."""
    a, b = one.history, other.history
    assert a.available and b.available
    assert a.commits == b.commits
    assert sorted(a.tracks) == sorted(b.tracks)
    for url, track in a.tracks.items():
        assert track == b.tracks[url], url
    assert (a.pending, a.withheld, a.pages) == (b.pending, b.withheld, b.pages)


@pytest.fixture()
def repo(tmp_path: Path) -> Repo:
    """The scripted repository, with its working tree at the commit that moved an attendee."""
    found = scripted(tmp_path / "repo")
    found.checkout("attendee")
    return found


def test_a_saved_replay_is_carried_on_with_only_the_commits_since(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    cache: HistoryCache = {}
    read(repo.data, cache)
    cache = saved(cache)
    git(repo.root, "checkout", "-q", "main")
    seen = spans(monkeypatch)
    carried = read(repo.data, cache)
    assert seen == [repo.commits["attendee"]]  # the log since the saved HEAD, not the whole history
    same(carried, read(repo.data))
    seen.clear()
    read(repo.data, saved(cache))  # the same HEAD again: no git log at all
    assert seen == []


def test_a_rewritten_history_is_read_in_full(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    cache: HistoryCache = {}
    read(repo.data, cache)
    cache = saved(cache)
    git(repo.root, "checkout", "-q", repo.commits["typo"])  # the attendee commit made again, differently
    repo.edit("people/eve-officer.yml", lambda text: text.replace("name: Eve Officer", "name: Eve Clerk"))
    repo.commit("rewritten", "Eve's name, instead of the attendee", "2024-04-16T15:00:00Z")
    seen = spans(monkeypatch)
    rewritten = read(repo.data, cache)
    assert seen == [None]  # the saved replay's HEAD is not on this line: the whole log
    same(rewritten, read(repo.data))
    latest = rewritten.history.latest()
    assert latest is not None and latest.message == "Eve's name, instead of the attendee"
