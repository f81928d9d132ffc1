"""Stage generated files on disk as they are made, so a large build holds its records, not its whole site.

A build checks everything before it writes anything into the docs folder (output/write.py). Holding
every page's text until then cost about as much memory as the records themselves (about 5 GB of
text at 200,000 pages, BENCHMARKS.md "National build"). Instead each page is written, as soon as it
is rendered, into a staging folder inside the docs folder (a dot-folder: MkDocs, the shard planner
and the hand-written page finder all skip those), and only its digest, size and path are kept
(``Staged``). The writer then places each staged file with a hard link, so nothing is written twice.

The staging folder is removed when the build ends; one left by a killed build is removed by the
next (its name says it is ours, and names the process that made it, which no longer runs).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.site.reuse import Content, Staged

PREFIX = ".minutebook-spool-"
PER_FOLDER = 1000  # staged files per sub-folder: no folder of 200,000 names


class Spool:
    """A staging folder that keeps each generated file it is given and hands back a ``Staged`` for it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def keep(self, content: Content) -> Content:
        """Stage ``content`` if it is text or bytes; anything already off memory is passed on as it is."""
        if not isinstance(content, str | bytes):
            return content
        data = content.encode("utf-8") if isinstance(content, str) else content
        folder = self.folder / str(self.count // PER_FOLDER)
        if self.count % PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        path = folder / str(self.count)
        self.count += 1
        path.write_bytes(data)
        return Staged(hashlib.sha256(data).hexdigest(), len(data), os.fspath(path))


@contextmanager
def spooling(docs: Path) -> Iterator[Spool]:
    """A fresh staging folder in ``docs`` for one build, removed when the build ends, with any a killed build left.

    A docs folder made for it is removed again if the build wrote nothing into it (a refused build leaves no trace).
    """
    made = not docs.exists()
    docs.mkdir(parents=True, exist_ok=True)
    for stale in docs.glob(PREFIX + "*"):
        ours = re.fullmatch(re.escape(PREFIX) + r"(\d+)-[A-Za-z0-9_]{8}", stale.name)  # as mkdtemp names it below
        if ours and stale.is_dir() and not stale.is_symlink() and not running(ours[1]):
            shutil.rmtree(stale, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(dir=docs, prefix=f"{PREFIX}{os.getpid()}-"))
    try:
        yield Spool(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if made and not any(docs.iterdir()):
            docs.rmdir()


def running(pid: str | None) -> bool:
    """Whether process ``pid`` still runs (a staging or site folder named after it is in use); None: not running."""
    if pid is None or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, as another user
        return True
    return True
