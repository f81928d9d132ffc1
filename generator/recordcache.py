"""A persistent cache of what reading and validating each data file gave, keyed by its bytes and the code.

The build's first step, read and validate every file of data/, is a function of each file's
path and bytes and of the code. So what it gave for a file (the raw record and its model, or a
CSV file's rows) is saved under a key of the file's path and SHA-256, in a cache file whose
header names the code version (output/store.py); a later build, in a fresh process, reads a
file's bytes, and when the key is known takes the result instead of parsing and validating
again. The checks across records and everything after them run on every build as before.

Only files that read and validated without a single message are kept: the messages of a file
with problems come from reading it again, so every build reports exactly what a clean one would.

The entries are spread over a few files by the first character of their digest, so an edit
rewrites one small file, not the whole cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from pathlib import Path
from typing import Any

from generator import build
from generator.ingest import load
from generator.ingest.load import RawRecord
from generator.ingest.load_csv import RawTable
from generator.ingest.reference import read_reference
from generator.ingest.validate import validate_all
from generator.output import store
from generator.records.diagnostics import Report
from generator.site.checks import build_site
from generator.site.graph import Site

ROOT = Path(__file__).resolve().parent.parent
BUCKETS = "0123456789abcdef"
Entry = tuple[Any, Any]  # (what reading the file gave, its model or rows)


def code_version() -> str:
    """A digest of the generator's code and templates, the pinned requirements and the Python version."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    requirements = ROOT / "requirements.txt"
    if requirements.is_file():
        digest.update(requirements.read_bytes())
    return digest.hexdigest()


class RecordCache:
    """Read and validated data files by the digest of their path and bytes (see the module docstring)."""

    def __init__(self, folder: Path, version: str) -> None:
        self.folder, self.version = folder / "records", version
        self.buckets: dict[str, dict[str, Entry]] = {}
        self.dirty: set[str] = set()
        self.notes: list[str] = []

    def _bucket(self, key: str) -> dict[str, Entry]:
        name = key[0]
        if name not in self.buckets:
            value, why = store.load(self.folder / f"{name}.pickle", self.version)
            if why and why != "none yet":
                note = f"record cache ({self.folder}): {why}; rebuilt"
                self.notes += [] if note in self.notes else [note]
            self.buckets[name] = value if isinstance(value, dict) else {}
        return self.buckets[name]

    def get(self, key: str) -> Entry | None:
        """The entry saved under ``key``, if any."""
        return self._bucket(key).get(key)

    def put(self, key: str, entry: Entry) -> None:
        """Keep ``entry`` under ``key``."""
        self._bucket(key)[key] = entry
        self.dirty.add(key[0])

    def keep_only(self, keys: set[str]) -> None:
        """Forget entries of files that are gone or changed, so the cache holds what data/ holds."""
        for name in BUCKETS:
            bucket = self._bucket(name)
            for key in [key for key in bucket if key not in keys]:
                del bucket[key]
                self.dirty.add(name)

    def save(self) -> None:
        """Write the buckets that changed."""
        for name in sorted(self.dirty):
            store.save(self.folder / f"{name}.pickle", self.version, self.buckets[name])
        self.dirty.clear()


def file_key(rel: str, data: bytes) -> str:
    """The digest of a data file: its path inside data/ and its bytes."""
    return hashlib.sha256(rel.encode() + b"\0" + data).hexdigest()


def check_cached(data: Path, cache: RecordCache) -> tuple[Report, Site | None, dict[str, str]]:
    """``build.check``, taking each file's reading from ``cache`` when its bytes are known; also each file's digest.

    The digests are by the path messages show (a record's ``origin.path``).
    """
    caches = build.Caches()
    keys: dict[str, str] = {}  # shown path -> key
    hits = _prefill(data, cache, caches, keys)
    report = Report()
    raw = load.load_data(data, report, caches.files)
    models = validate_all(raw, report, caches.models)
    models.reference = read_reference(data, report)
    noisy = {item.path for item in report.items}
    site = build_site(models, report)
    for shown, key in keys.items():
        if shown not in hits and shown not in noisy and shown in caches.models:
            read, model = caches.models[shown]
            cache.put(key, (_slim(read), model))
    cache.keep_only(set(keys.values()))
    return report, (None if report.errors else site), keys


def _slim(read: Any) -> Any:
    """What reading gave, without the raw values: a cached read only stands beside its model, never validated."""
    if isinstance(read, RawRecord):
        return dataclasses.replace(read, data={})
    if isinstance(read, RawTable):
        return dataclasses.replace(read, rows=[])
    return read


def _prefill(data: Path, cache: RecordCache, caches: build.Caches, keys: dict[str, str]) -> set[str]:
    """Hash every data file; put what the cache knows of each into the in-process caches ``load`` and
    ``validate`` use. Return the shown paths found in the cache."""
    hits: set[str] = set()
    base = load._shown_base(data)
    for path in load._files(data, base, Report()):  # the very files load_data reads (it reports problems itself)
        rel = path.relative_to(data)
        shown = load._shown(data, base, rel)
        try:
            before = os.stat(path)
            content = path.read_bytes()
        except OSError:
            continue  # load_data says what is wrong with it
        keys[shown] = key = file_key(rel.as_posix(), content)
        entry = cache.get(key)
        if entry is None or _stamp(os.stat(path)) != _stamp(before):
            continue
        caches.files[path] = (_stamp(before), entry[0])
        caches.models[shown] = entry
        hits.add(shown)
    return hits


def _stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    """What ``load`` compares to tell a file unchanged (ingest/load.py, _read_cached)."""
    return (info.st_mtime_ns, info.st_size, info.st_ctime_ns, info.st_ino)
