"""The file versions history need not read again: those identical to the files the build just read.

Most files never changed after their first commit, so their one version is the file in data/ now.
A file's git blob id is the SHA-1 of its bytes (with a short header), so comparing ids tells,
without running git, which versions are the records already validated; only older versions are
read and parsed again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.ingest.blob import Version
from generator.records.registry import KINDS
from generator.site.graph import Site


def blob_id(data: bytes) -> str:
    """The id git gives a file with these bytes (its blob's SHA-1)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


Known = dict[tuple[str, tuple[str, str] | None], Version | None]


def current_versions(site: Site, data: Path) -> Known:
    """Each record (and CSV companion) of the site as a version, by the blob id of its file in ``data`` and its place."""
    found: Known = {}
    for kind in KINDS:
        for key, record in site.records(kind.name).items():
            _add(found, data / kind.name / f"{key}.yml", Version(kind.name, key, record=record))
        for stem, rows in (site.models.rows.get(kind.name, {}) if kind.rows else {}).items():
            _add(found, data / kind.name / f"{stem}.csv", Version(kind.name, stem, rows=tuple(rows)))
    return found


def _add(found: Known, path: Path, version: Version) -> None:
    try:
        found[(blob_id(path.read_bytes()), (version.kind, version.key))] = version
    except OSError:  # read a moment ago; if it is gone now, history reads the committed version itself
        pass
