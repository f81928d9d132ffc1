"""What a cached build can reuse of an earlier one: files known by their digest, and serialised exports.

``Unchanged`` stands for a generated file whose bytes the last build wrote and this build would
write alike; the writer (output/write.py) trusts it without reading the file while the file keeps
its size and time. Exports call ``serialised(path, args, make)`` around each pure function from
plain data to bytes (JSON, CSV, Atom, iCalendar): in a plain build it is ``make()``; in a cached
build (incremental.py) the bytes made before from equal ``args`` are reused when the file that
holds them is intact, so a twin whose record did not change is neither encoded nor read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True)
class Unchanged:
    """A file the last build wrote and this one would write alike, known by its digest, not held in memory.

    ``stat`` is (size, mtime_ns) of the file as that build left it: while the file still shows
    them, it is taken to hold those bytes; otherwise it is read and checked like any other.
    """

    digest: str
    stat: tuple[int, int] = (-1, -1)


@dataclass(frozen=True)
class Staged:
    """A generated file written ahead into the build's staging folder (output/spool.py), not held in memory.

    A large build stages each page as it is rendered, so memory holds the records, not the site.
    """

    digest: str
    size: int
    path: str  # the staged copy

    def data(self) -> bytes:
        """The bytes staged, refused if they are no longer what was staged."""
        data = Path(self.path).read_bytes()
        if hashlib.sha256(data).hexdigest() != self.digest:
            raise RuntimeError(f"the staged file {self.path} changed during the build")
        return data


Output = bytes | Unchanged  # an export file
Content = str | bytes | Unchanged | Staged  # any generated file: a page's text, or bytes


class Reuse(Protocol):
    """A cached build's store of serialised exports (incremental.py)."""

    def known(self, path: str, key: str) -> Unchanged | None:
        """The file at ``path`` when it holds what ``key`` made before, intact."""

    def learn(self, path: str, key: str, data: bytes) -> None:
        """Remember that ``key`` made ``data`` for ``path``."""

    def read(self, path: str, digest: str) -> bytes:
        """The bytes of an Unchanged file (read back and checked)."""


_active: ContextVar[Reuse | None] = ContextVar("reuse", default=None)


@contextmanager
def reusing(store: Reuse) -> Iterator[None]:
    """Let the exports made inside the block reuse ``store``."""
    token = _active.set(store)
    try:
        yield
    finally:
        _active.reset(token)


def serialised(path: str, args: Any, make: Callable[[], bytes]) -> Output:
    """``make()``, the bytes of the file ``path`` made from ``args`` alone (their repr must say all of them)."""
    store = _active.get()
    if store is None:
        return make()
    key = hashlib.blake2b(repr(args).encode(), digest_size=20).hexdigest()
    found = store.known(path, key)
    if found is not None:
        return found
    data = make()
    store.learn(path, key, data)
    return data


def data_of(path: str, content: Output | Staged) -> bytes:
    """The bytes of ``content``, read back when it is Unchanged or Staged."""
    if isinstance(content, bytes):
        return content
    if isinstance(content, Staged):
        return content.data()
    store = _active.get()
    if store is None:
        raise RuntimeError(f"{path}: an unchanged file outside a cached build")
    return store.read(path, content.digest)
