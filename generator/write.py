"""Write generated files: only when bytes change, never over a file we did not write.

A manifest in the docs folder records every file the generator wrote and the
hash of what it wrote. A file not in the manifest is someone else's (a
hand-written page): it is reported, never replaced. A generated file that was
edited by hand is reported too. Stale generated files are removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Report

MANIFEST = ".minutebook-manifest.json"


@dataclass
class WriteResult:
    """What a write changed."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def digest(data: bytes) -> str:
    """SHA-256 of ``data`` as hex."""
    return hashlib.sha256(data).hexdigest()


def read_manifest(docs: Path) -> dict[str, str]:
    """The manifest of files previously written into ``docs``."""
    path = docs / MANIFEST
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def plan_writes(docs: Path, files: list[tuple[str, str | bytes]], report: Report) -> dict[str, bytes]:
    """Check every target before anything is written; report conflicts."""
    manifest = read_manifest(docs)
    planned: dict[str, bytes] = {}
    for rel, content in files:
        data = content.encode("utf-8") if isinstance(content, str) else content
        if rel in planned:
            report.error(str(docs / rel), 0, "", "two records would write this page (give one of them another id)")
            continue
        planned[rel] = data
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


def write_tree(docs: Path, planned: dict[str, bytes]) -> WriteResult:
    """Write changed files, remove stale generated ones, save the manifest."""
    result = WriteResult()
    old = read_manifest(docs)
    _write_changed(docs, planned, result)
    for rel in sorted(set(old) - set(planned)):
        target = docs / rel
        if target.exists() and digest(target.read_bytes()) == old[rel]:
            target.unlink()
            result.removed.append(rel)
            _prune(target.parent, docs)
    _save_manifest(docs, old, {rel: digest(data) for rel, data in planned.items()})
    return result


def write_some(docs: Path, planned: dict[str, bytes]) -> WriteResult:
    """Write a few generated files ahead of the rest (the preview's first pass); remove nothing.

    The manifest learns their new hashes, so the full write that follows owns them as before.
    """
    result = WriteResult()
    old = read_manifest(docs)
    _write_changed(docs, planned, result)
    _save_manifest(docs, old, {**old, **{rel: digest(data) for rel, data in planned.items()}})
    return result


def _write_changed(docs: Path, planned: dict[str, bytes], result: WriteResult) -> None:
    for rel in sorted(planned):
        target = docs / rel
        if target.exists() and target.read_bytes() == planned[rel]:
            result.unchanged += 1
            continue
        _atomic_write(target, planned[rel])
        result.written.append(rel)


def _save_manifest(docs: Path, old: dict[str, str], manifest: dict[str, str]) -> None:
    if manifest != old:
        text = json.dumps(dict(sorted(manifest.items())), indent=0, sort_keys=True) + "\n"
        _atomic_write(docs / MANIFEST, text.encode())


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, target)


def _prune(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
