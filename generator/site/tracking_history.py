"""History as tracked pages read it: each read names the entries it saw, so a commit re-renders only their pages.

A record's page reads when it last changed (``last(url)``) and whether it has uncommitted edits
(``url in pending``), its history page the record's whole track, a commit's link whether that
commit is withheld; /changes/ reads everything. Each is a read (site/tracking.py) with the tag
``history``, replayed on the next build's history by ``fingerprint``; a commit that changed
another record leaves these fingerprints alone, so the page is reused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from generator.site.history.gitlog import Commit
from generator.site.history.record import History
from generator.site.queries import display_name

ALL = "*"
Record = Callable[[tuple[Any, ...]], None]


class TrackedHistory:
    """``site.history`` for a tracked page: the same answers, each noted as a read."""

    def __init__(self, history: History, record: Record) -> None:
        self._history, self._record = history, record

    def last(self, url: str) -> Commit | None:
        """When the unit at ``url`` last changed."""
        self._record(("history", "last", url))
        return self._history.last(url)

    def first(self, url: str) -> Commit | None:
        """When the unit at ``url`` first appeared."""
        self._record(("history", "first", url))
        return self._history.first(url)

    def track(self, url: str) -> Any:
        """The history of the unit at ``url``."""
        self._record(("history", "track", url))
        return self._history.track(url)

    def link(self, commit: Commit) -> str | None:
        """The web address of a commit (it depends on the configured address and on the commit being withheld)."""
        self._record(("history", "withheld", commit.sha))
        return self._history.link(commit)

    def message(self, commit: Commit) -> str:
        """A commit's message as pages show it."""
        self._record(("history", "withheld", commit.sha))
        return self._history.message(commit)

    @property
    def available(self) -> bool:
        """Whether history could be read."""
        self._record(("history", "available"))
        return self._history.available

    @property
    def reason(self) -> str:
        """Why history is not available."""
        self._record(("history", "available"))
        return self._history.reason

    @property
    def pending(self) -> TrackedPending:
        """The units with uncommitted edits, each membership test noted."""
        return TrackedPending(self._history.pending, self._record)

    def __getattr__(self, name: str) -> Any:
        # tracks, commits, recent(), latest(), withheld, pages: what the whole history says
        self._record(("history", ALL))
        return getattr(self._history, name)


class TrackedPending:
    """``history.pending`` for a tracked page."""

    def __init__(self, pending: set[str], record: Record) -> None:
        self._pending, self._record = pending, record

    def __contains__(self, url: object) -> bool:
        self._record(("history", "pending", url))
        return url in self._pending

    def __iter__(self) -> Iterator[str]:
        self._record(("history", "pending", ALL))
        return iter(sorted(self._pending))

    def __len__(self) -> int:
        self._record(("history", "pending", ALL))
        return len(self._pending)


def fingerprint(history: History, read: tuple[Any, ...], whole: Callable[[], str]) -> str:
    """What ``read`` (tagged ``history``) finds in ``history``, as text that changes when the page could change.

    ``whole`` is the fingerprint of the whole history, computed once per build by the caller.
    """
    what = read[1]
    if what == "last":
        return repr(history.last(read[2]))
    if what == "first":
        return repr(history.first(read[2]))
    if what == "track":
        return _track(history, read[2])
    if what == "withheld":
        return repr((read[2] in history.withheld, history.commit_url))
    if what == "available":
        return repr((history.available, history.reason))
    if what == "pending":
        return repr(sorted(history.pending)) if read[2] == ALL else repr(read[2] in history.pending)
    if what == ALL:
        return whole()
    return f"unknown history read {what}"  # never equal to a stored fingerprint: the page is rendered


def _track(history: History, url: str) -> str:
    """A unit's history as its page shows it: each change by its commit (whose id names its contents), whether
    the commit is withheld, and the people its wording names, as named now (a track is a function of these and
    the redaction list, which the page cache's key covers)."""
    track = history.track(url)
    if track is None:
        return "missing"
    changes = [(c.commit.sha, c.commit.seq, c.what, c.commit.sha in history.withheld) for c in track.changes]
    return repr((changes, track.live, track.title, history.commit_url, sorted(track.named.items())))


def whole(history: History, names: str) -> str:
    """A digest of everything history says, for pages that read all of it: every commit, what is pending and
    withheld, and the names the wording uses (the tracks are a function of these and the redaction list)."""
    digest = hashlib.blake2b(digest_size=16)
    parts = (history.available, history.reason, history.commit_url, history.commits, names)
    sets = (sorted(history.pending), sorted(history.withheld), sorted(history.pages.items()))
    for part in (*parts, *sets):
        digest.update(repr(part).encode() + b"\0")
    return digest.hexdigest()


def names_digest(people: Mapping[str, Any]) -> str:
    """A digest of every person's name as history's wording shows it (site/history/read.py, _finish)."""
    shown = sorted((pid, display_name(person)) for pid, person in people.items())
    return hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
