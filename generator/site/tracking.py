"""What each page read from the site, so that a later build knows which pages an edit can change.

A tracked build hands page functions a ``TrackedSite`` instead of the ``Site``. It behaves the
same, and notes every *read*: a record looked up by key (``("models", "people", "jane-doe")``),
a collection iterated whole (``... , ALL)``), an entry of a named lookup
(``("grouped", "attended", "jane-doe")``), a method called with plain arguments. A value shared
through ``Site.memo`` carries the reads that computed it to every page that uses it.

A read can be replayed on any site: ``Fingerprints.of(read)`` looks it up again and reduces what
it finds to a fingerprint that changes whenever what the page saw could have changed: a
record's fingerprint is the digest of the file it was read from (a record is a function of its
file's bytes and the code), a list's is its items' in order, a missing key's is ``missing``. A page
whose every read has the same fingerprint in the new site is the same page, byte for byte
(same code, same inputs). Anything the proxy cannot replay (``site.lookups``, an attribute it does
not know, a method called with an object) marks the unit *volatile*: it is rendered every time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from typing import Any

from pydantic import BaseModel

from generator.records.common import Located
from generator.records.registry import KIND
from generator.site.graph import GROUPINGS, Decision, Site
from generator.site.tracking_history import TrackedHistory, fingerprint, names_digest, whole

ALL = "*"  # the key of a read that saw a whole collection (its keys, their order, every value)
MISSING = "missing"
Read = tuple[Any, ...]
PURE = {"meeting_key"}  # methods whose result depends only on their arguments
# What the page cache's own key covers (incremental._untracked: data/reference/, the redaction list): read
# without noting it. History is read through site/tracking_history.py, entry by entry.
KEYED = {"reference"}
PLAIN = (str, int, float, bool, date, type(None))
# Shared values (``Site.memo``) a later build may take from the page cache while their reads are unchanged,
# as it takes a unit's pages: costly to compute, a function of what they read, kept as pickled when computed.
KEPT = {"indicator_states"}
Kept = tuple[bytes, frozenset[Read]]  # a kept value, pickled, and the reads that computed it


@dataclasses.dataclass
class Log:
    """The reads of one unit of work, and whether one of them could not be recorded."""

    reads: set[Read] = dataclasses.field(default_factory=set)
    volatile: str = ""  # why the unit cannot be reused, if it cannot


class Tracker:
    """One build's tracking: whose reads are being recorded now, and the shared values with their reads."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.stack: list[Log] = []
        self.memos: dict[tuple[str, Any], tuple[Any, Log]] = {}
        self.kept: dict[tuple[str, Any], Kept] = {}  # the last build's, reads unchanged (set by the cached build); new
        self.reused = 0
        self.view = TrackedSite(self)

    def record(self, read: Read) -> None:
        """Note ``read`` for the unit being rendered (reads outside a unit only list what there is)."""
        if self.stack:
            self.stack[-1].reads.add(read)

    def volatile(self, why: str) -> None:
        """Mark the unit being rendered as one that must be rendered every time."""
        if self.stack and not self.stack[-1].volatile:
            self.stack[-1].volatile = why

    @contextmanager
    def unit(self) -> Iterator[Log]:
        """Record the reads made inside the block into a fresh log."""
        log = Log()
        self.stack.append(log)
        try:
            yield log
        finally:
            self.stack.pop()

    def memo(self, name: str, key: Any, compute: Callable[[], Any]) -> Any:
        """``Site.memo`` for tracked code: the value once, its reads for every unit that uses it."""
        hit = self.memos.get((name, key))
        if hit is None and (name, key) in self.kept:
            body, reads = self.kept[(name, key)]
            hit = self.memos[(name, key)] = (pickle.loads(body), Log(set(reads)))
            self.reused += 1
        if hit is None:
            with self.unit() as log:
                value = compute()
            hit = self.memos[(name, key)] = (value, log)
            if name in KEPT and not log.volatile:  # pickled now, before any page can touch it
                self.kept[(name, key)] = (pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), frozenset(log.reads))
        value, log = hit
        for read in log.reads:
            self.record(read)
        if log.volatile:
            self.volatile(log.volatile)
        return value


class TrackedSite:
    """A Site that notes what is read from it (see the module's docstring)."""

    def __init__(self, tracker: Tracker) -> None:
        self._tracker = tracker

    def __getattr__(self, name: str) -> Any:
        tracker, site = self._tracker, self._tracker.site
        if name in KIND:
            return TrackedMapping(tracker, ("models", name), site.records(name))
        if name == "records":
            return lambda kind: TrackedMapping(tracker, ("models", kind), site.records(kind))
        if name == "grouped":
            return self._grouped
        if name == "memo":
            return tracker.memo
        if name == "history":
            return TrackedHistory(site.history, tracker.record)
        if name == "lookups":  # a cache filled in any order: what a page found there cannot be replayed
            tracker.volatile("site.lookups cannot be tracked")
            return site.lookups
        value = getattr(site, name)
        if name in PURE or name in KEYED:
            return value
        if callable(value):
            return self._method(name, value)
        if isinstance(value, dict):
            return TrackedMapping(tracker, ("attr", name), value)
        if isinstance(value, list):
            tracker.record(("attr", name, ALL))
            return value
        tracker.volatile(f"site.{name} cannot be tracked")
        return value

    def _grouped(self, name: str, pairs: Any = None) -> TrackedMapping:
        if GROUPINGS.get(name) is None or pairs not in (None, GROUPINGS[name]):
            # not registered with graph.grouping: a later build cannot rebuild it to replay the read
            self._tracker.volatile(f"site.grouped('{name}') is not registered with grouping")
        lookup = self._tracker.site.grouped(name, pairs)  # built from the whole site, untracked: a read is per key
        return TrackedMapping(self._tracker, ("grouped", name), lookup)

    def _method(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            if all(isinstance(arg, PLAIN) for arg in args):
                self._tracker.record(("call", name, args))
            else:
                self._tracker.volatile(f"site.{name} was called with an object")
            return method(*args)

        return call


class TrackedMapping(Mapping[Any, Any]):
    """A dictionary of the site that notes each key looked up, or that it was read whole."""

    def __init__(self, tracker: Tracker, tag: tuple[str, ...], data: Mapping[Any, Any]) -> None:
        self._tracker, self._tag, self._data = tracker, tag, data

    def __getitem__(self, key: Any) -> Any:
        self._tracker.record((*self._tag, key))
        if key not in self._data and hasattr(self._data, "default_factory"):
            return self._data.default_factory()  # as a defaultdict would, without storing it
        return self._data[key]

    def get(self, key: Any, default: Any = None) -> Any:
        """The value at ``key`` (noted as read), or ``default``."""
        self._tracker.record((*self._tag, key))
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        self._tracker.record((*self._tag, key))
        return key in self._data

    def __iter__(self) -> Iterator[Any]:
        self._tracker.record((*self._tag, ALL))
        return iter(self._data)

    def __len__(self) -> int:
        self._tracker.record((*self._tag, ALL))
        return len(self._data)


class Fingerprints:
    """Fingerprints of reads replayed on one site (each computed once); ``digests`` is path -> file digest."""

    def __init__(self, site: Site, digests: Mapping[str, str]) -> None:
        self.site, self.digests = site, digests
        self.done: dict[Read, str] = {}
        self.values: dict[int, tuple[Any, str]] = {}  # objects by id, with their fingerprints
        self.history = ""  # the whole history's fingerprint, once it is needed
        self.names = ""  # the digest of every person's name, once it is needed

    def of(self, read: Read) -> str:
        """The fingerprint of what ``read`` finds in this site."""
        found = self.done.get(read)
        if found is None:
            found = self.done[read] = hashlib.blake2b(self._replay(read).encode(), digest_size=16).hexdigest()
        return found

    def _replay(self, read: Read) -> str:
        tag = read[0]
        if tag == "call":
            return self.value(getattr(self.site, read[1])(*read[2]))
        if tag == "history":
            return fingerprint(self.site.history, read, self._whole_history)
        if tag == "models":
            data: Any = self.site.records(read[1])  # a mapping, or a list an attribute holds
        elif tag == "attr":
            data = getattr(self.site, read[1])
        elif tag == "grouped":
            if read[1] not in GROUPINGS:
                return f"unknown lookup {read[1]}"  # cannot be rebuilt: never equal to a stored fingerprint
            data = self.site.grouped(read[1])
        else:
            return f"unknown read {tag}"
        key = read[-1]
        if not isinstance(data, Mapping):  # a list or another value the site holds whole (history's units)
            return self.value(data)
        if key == ALL:
            return "{" + ",".join(f"{k!r}:{self.value(v)}" for k, v in data.items()) + "}"
        return self.value(data[key]) if key in data else MISSING

    def _whole_history(self) -> str:
        if not self.history:
            self.history = whole(self.site.history, self._names())
        return self.history

    def _names(self) -> str:
        if not self.names:
            self.names = names_digest(self.site.people)
        return self.names

    def value(self, value: Any) -> str:
        """A fingerprint of ``value``: records by their file, containers by their items, the rest by repr."""
        if isinstance(value, PLAIN):
            return repr(value)
        if isinstance(value, list | tuple):
            return "[" + ",".join(self.value(v) for v in value) + "]"
        if isinstance(value, dict):
            return "{" + ",".join(f"{k!r}:{self.value(v)}" for k, v in value.items()) + "}"
        found = self.values.get(id(value))
        if found is None:  # kept with the object, so that no other object can take its id meanwhile
            found = self.values[id(value)] = (value, self._object(value))
        return found[1]

    def _object(self, value: Any) -> str:
        private = value.__pydantic_private__ if isinstance(value, Located) else None
        origin = private.get("_origin") if private else None
        if origin is not None:  # (read past pydantic's slow attribute lookup: this runs for every record read)
            return f"F{origin.path}@{self.digests[origin.path]}"
        if isinstance(value, Decision):  # its item and resolution are parts of its meeting
            return f"D{value.key}({self.value(value.meeting)},{self.value(value.board)},{value.minute!r})"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            inner = ",".join(self.value(getattr(value, f.name)) for f in dataclasses.fields(value))
            return f"{type(value).__name__}({inner})"
        if isinstance(value, BaseModel):  # a part of a record: its full contents
            return f"{type(value).__name__}:{value.model_dump_json()}"
        return f"{type(value).__name__}:{value!r}"
