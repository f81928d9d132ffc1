"""Write generated files: only when bytes change, never over a file we did not write.

A manifest in the docs folder records every file the generator wrote and the
hash of what it wrote. A file not in the manifest is someone else's (a
hand-written page): it is reported, never replaced. A generated file that was
edited by hand is reported too. Stale generated files are removed.

A process can be killed at any moment, so a write is journalled: before the first file is
touched, the hashes about to be written are saved (atomically) in a journal; each file is
written to a temporary file and renamed into place; the manifest is saved (atomically) and
the journal removed last. After a kill, a file whose bytes match the manifest or the journal
is known to be ours, leftover temporary files (``.minutebook-tmp-*``) are removed, and the next
run finishes the job: it writes exactly what an uninterrupted run writes. A file matching
neither is still someone else's, and is reported as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import signal
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.records.diagnostics import Report
from generator.site.reuse import Content, Staged, Unchanged

MANIFEST = ".minutebook-manifest.json"
JOURNAL = ".minutebook-journal.json"
TEMP = ".minutebook-tmp-"
KILL_AFTER = "MINUTEBOOK_TEST_KILL_AFTER"  # tests: the writer kills itself after this many file operations
_done = [0]  # file operations so far, counted only under that test setting


def file_stat(path: Path | str) -> tuple[int, int]:
    """(size, mtime_ns) of ``path``, or (-1, -1) when it is missing."""
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


@dataclass
class WriteResult:
    """What a write changed."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def digest(data: bytes) -> str:
    """SHA-256 of ``data`` as hex."""
    return hashlib.sha256(data).hexdigest()


Planned = bytes | Unchanged | Staged  # a file to write: its bytes, or known by its digest


def digest_of(data: Planned) -> str:
    """The SHA-256 of a file to be written: computed, or known already."""
    return digest(data) if isinstance(data, bytes) else data.digest


def read_manifest(docs: Path) -> dict[str, str]:
    """The files previously written into ``docs`` and their hashes, with those an interrupted write finished."""
    manifest = _read_json(docs / MANIFEST)
    for rel, wanted in _read_json(docs / JOURNAL).items():
        target = docs / rel
        if manifest.get(rel) != wanted and target.is_file() and digest(target.read_bytes()) == wanted:
            manifest[rel] = wanted
    return manifest


def _read_json(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def plan_writes(docs: Path, files: Sequence[tuple[str, Content]], report: Report) -> dict[str, Planned]:
    """Check every target before anything is written; report conflicts."""
    manifest = read_manifest(docs)
    planned: dict[str, Planned] = {}
    base = os.fspath(docs) + os.sep
    for rel, content in files:
        data = content.encode("utf-8") if isinstance(content, str) else content
        if rel in planned:
            report.error(str(docs / rel), 0, "", "two records would write this page (give one of them another id)")
            continue
        planned[rel] = data
        if isinstance(data, Unchanged) and manifest.get(rel) == data.digest and data.stat == file_stat(base + rel):
            continue  # as the last build left it (a path string: pathlib costs more than the stat here)
        target = docs / rel
        if target.exists() and rel not in manifest:
            report.error(
                str(target),
                0,
                "",
                "a file the generator did not write is where a generated page belongs; "
                "it was left alone (move or rename it)",
            )
        elif target.exists() and digest(target.read_bytes()) != manifest[rel]:
            report.error(
                str(target),
                0,
                "",
                "this generated page was edited by hand; it was left alone (edit data/ instead, then delete this file)",
            )
    return planned


def write_tree(docs: Path, planned: dict[str, Planned]) -> WriteResult:
    """Write changed files, remove stale generated ones, save the manifest."""
    old = read_manifest(docs)
    stale = [rel for rel, data in planned.items() if isinstance(data, Unchanged) and old.get(rel) != data.digest]
    if stale:  # a cached build promised bytes that are not there: never publish them (a bug, not a data problem)
        raise RuntimeError(f"the build cache is out of step with {docs}/ ({stale[0]}); delete the cache folder")
    result = WriteResult(written=_changed(docs, planned))
    result.unchanged = len(planned) - len(result.written)
    for rel in sorted(set(old) - set(planned)):
        target = docs / rel
        if target.exists() and digest(target.read_bytes()) == old[rel]:
            result.removed.append(rel)
    manifest = {rel: digest_of(data) for rel, data in planned.items()}
    writes = {rel: planned[rel] for rel in result.written}
    _commit(docs, old, _to_write(writes), result.removed, manifest)
    return result


def write_some(docs: Path, planned: Mapping[str, Planned]) -> WriteResult:
    """Write a few generated files ahead of the rest (the preview's first pass); remove nothing.

    The manifest learns their new hashes, so the full write that follows owns them as before.
    """
    old = read_manifest(docs)
    result = WriteResult(written=_changed(docs, planned))
    result.unchanged = len(planned) - len(result.written)
    manifest = {**old, **{rel: digest_of(data) for rel, data in planned.items()}}
    writes = {rel: planned[rel] for rel in result.written}
    _commit(docs, old, _to_write(writes), [], manifest)
    return result


def _to_write(writes: Mapping[str, Planned]) -> dict[str, bytes | Staged]:
    """The files that need writing: an Unchanged file never does."""
    return {rel: data for rel, data in writes.items() if not isinstance(data, Unchanged)}


def _changed(docs: Path, planned: Mapping[str, Planned]) -> list[str]:
    """The planned files whose bytes differ from what is on disk, sorted (an Unchanged file is not)."""
    return [rel for rel in sorted(planned) if not _holds(docs / rel, planned[rel])]


def _holds(target: Path, data: Planned) -> bool:
    if isinstance(data, Unchanged):
        return True
    if isinstance(data, Staged):
        return target.is_file() and target.stat().st_size == data.size and digest(target.read_bytes()) == data.digest
    return target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data


def _commit(
    docs: Path, old: dict[str, str], writes: dict[str, bytes | Staged], removals: list[str], manifest: dict[str, str]
) -> None:
    """Write and remove files under a journal, so that a run killed at any moment is finished by the next."""
    leftover = _read_json(docs / JOURNAL)
    if leftover:  # an interrupted run: settle what it finished before its journal is replaced
        _save_json(docs / MANIFEST, old)
    _remove_temporary(docs, leftover)
    for rel in sorted(leftover):
        _prune((docs / rel).parent, docs)  # folders the interrupted run made but wrote nothing into
    if writes:
        _save_json(docs / JOURNAL, {rel: digest_of(data) for rel, data in sorted(writes.items())})
    for rel, data in sorted(writes.items()):
        if isinstance(data, Staged):
            _place(docs / rel, data)
        else:
            _atomic_write(docs / rel, data)
    for rel in removals:
        _step()
        (docs / rel).unlink()
    for rel in sorted(set(old) - set(manifest)):
        _prune((docs / rel).parent, docs)  # also folders an interrupted run emptied
    if manifest != old or leftover:
        _save_json(docs / MANIFEST, manifest)
    if writes or leftover:
        _step()
        (docs / JOURNAL).unlink()


def _remove_temporary(docs: Path, leftover: dict[str, str]) -> None:
    """Remove the temporary files a killed run left: in the docs folder, and where its journal wrote."""
    for folder in sorted({docs} | {(docs / rel).parent for rel in leftover}):
        for path in sorted(folder.glob(TEMP + "*")) if folder.is_dir() else []:
            _step()
            path.unlink()


def _save_json(path: Path, data: dict[str, str]) -> None:
    text = json.dumps(dict(sorted(data.items())), indent=0, sort_keys=True) + "\n"
    _atomic_write(path, text.encode())


def _file_mode() -> int:
    """The mode a newly created file gets under this process's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()


def _atomic_write(target: Path, data: bytes) -> None:
    _step()
    target.parent.mkdir(parents=True, exist_ok=True)
    _step()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TEMP)
    os.fchmod(fd, FILE_MODE)  # mkstemp makes 0600 files; a page is for anyone to read, as a plain write would make it
    with os.fdopen(fd, "wb") as handle:
        _step()
        handle.write(data)
    _step()
    os.replace(tmp, target)


def _place(target: Path, staged: Staged) -> None:
    """Put a staged file at ``target`` atomically: a hard link (nothing written twice), else a copy.

    A staged file already placed elsewhere (a file served again at an old address) is copied, so two
    generated files never share their bytes on disk.
    """
    _step()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f"{TEMP}{secrets.token_hex(8)}"
    try:
        if os.stat(staged.path).st_nlink > 1:
            raise OSError("placed already")
        os.link(staged.path, tmp)
    except OSError:  # placed already, another file system, or links not allowed
        _atomic_write(target, staged.data())
        return
    _step()
    os.replace(tmp, target)


def _prune(folder: Path, top: Path) -> None:
    """Remove ``folder`` and its parents up to ``top`` while they are empty (from where one is left, after a kill)."""
    while folder != top and not (folder.is_dir() and any(folder.iterdir())):
        if folder.is_dir():
            _step()
            folder.rmdir()
        folder = folder.parent


def _step() -> None:
    """Count one file operation; under test (MINUTEBOOK_TEST_KILL_AFTER=k), die by SIGKILL once k are done."""
    limit = os.environ.get(KILL_AFTER)
    if limit is not None:
        if _done[0] >= int(limit):
            os.kill(os.getpid(), signal.SIGKILL)
        _done[0] += 1
