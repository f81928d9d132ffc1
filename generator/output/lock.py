"""One build at a time per checkout: an advisory lock on a file in the docs folder.

Every process that writes the docs folder (``python -m generator build`` and ``site``, and the
preview of ``make serve``) holds this lock while it plans and writes pages; ``site`` holds it
until its new site has been swapped into place. A second process waits, saying for whom,
rather than stopping: the preview holds the lock only for the moments it writes, so a
``make site`` during ``make serve`` would otherwise fail at random, and a ``make site`` started
twice by mistake then simply builds again with the data as it is by then. The
lock is ``flock(2)`` on ``.minutebook.lock``: the kernel releases it when its holder ends, even by
SIGKILL, so a killed build never leaves a stale lock behind. The file is hidden, so MkDocs and
the shard planner skip it; while a process holds the lock it names itself in the file, and it
leaves the file empty when it is done.

Nested use in one thread is allowed (the command line holds the lock for the whole command and
``build.build`` takes it again); another thread of the same process waits like another process.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK = ".minutebook.lock"

log = logging.getLogger(__name__)
_held = threading.local()  # the docs folders this thread holds the lock of


@contextmanager
def checkout_lock(docs: Path, who: str, logger: logging.Logger = log) -> Iterator[None]:
    """Hold the lock of ``docs`` (waiting, with a message, while another build holds it)."""
    key = str(docs.resolve())
    if not hasattr(_held, "folders"):
        _held.folders = set()
    held: set[str] = _held.folders
    if key in held:
        yield
        return
    docs.mkdir(parents=True, exist_ok=True)
    fd = os.open(docs / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logger.warning(waiting_message(docs, holder(fd)))
            _wait(fd)
        _name_holder(fd, who)
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing the file releases the lock


def _wait(fd: int, every: float = 0.05) -> None:
    """Take the lock once its holder lets go, trying every ``every`` seconds.

    Not one blocking ``flock``: a Ctrl-C that arrives after the waiting message but just before the
    blocking call starts does not interrupt it, so the build went on waiting, deaf to Ctrl-C, until
    the holder ended (tests/unit/test_lock.py delivers a Ctrl-C exactly there). A sleep is
    interrupted at once, and Python sees the signal between tries.
    """
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            time.sleep(every)


def holder(fd: int) -> dict[str, object]:
    """Who holds the lock, as its holder wrote it (empty if it has not yet, or wrote something else)."""
    try:
        found = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def waiting_message(docs: Path, info: dict[str, object]) -> str:
    """The line a process prints when it has to wait for the lock."""
    who = f"{info['who']} (pid {info['pid']}, since {info['since']})" if {"who", "pid", "since"} <= set(info) else ""
    return (
        f"waiting: {docs}/ is in use by {who or 'another build'}; "
        "this one will start when that one ends (press Ctrl-C to stop waiting)"
    )


def _name_holder(fd: int, who: str) -> None:
    since = time.strftime("%Y-%m-%d %H:%M:%S")
    data = json.dumps({"who": who, "pid": os.getpid(), "since": since}).encode()
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)
