"""History as tracked pages read it: each read names the entries it saw, so a commit re-renders only their pages.

A record's page reads when it last changed (``last(url)``) and whether it has uncommitted edits
(``url in pending``), its history page the record's whole track, a commit's link whether that
commit is withheld; /changes/ reads everything. Each is a read (site/tracking.py) with the tag
``history``, replayed on the next build's history by ``fingerprint``; a commit that changed
another record leaves these fingerprints alone, so the page is reused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from generator.site.history.gitlog import Commit
from generator.site.history.record import History

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
    """A unit's whole history as its page shows it: every change, worded, and whether each commit is withheld."""
    track = history.track(url)
    if track is None:
        return "missing"
    withheld = [c.commit.sha in history.withheld for c in track.changes]
    return repr((track, withheld, history.commit_url))


def whole(history: History) -> str:
    """A digest of everything history says (the tracks, as worded now, and every commit): for pages that read all."""
    digest = hashlib.blake2b(digest_size=16)
    parts = (history.available, history.reason, history.commit_url, history.commits)
    sets = (sorted(history.pending), sorted(history.withheld), sorted(history.pages.items()))
    for part in (*parts, *sets):
        digest.update(repr(part).encode() + b"\0")
    for url in sorted(history.tracks):
        digest.update(_track(history, url).encode() + b"\0")
    return digest.hexdigest()
