"""Read one version of a file from git history with the same loader and models as data/.

History (site/history) compares records version by version; each version is read exactly as a
build would read the file, so a record means the same thing in history as on its page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.ingest.load import decode, key_of, kind_of, read_content
from generator.ingest.load_csv import RawTable
from generator.ingest.validate import validate_record, validate_table
from generator.records.common import Located, TopLevel
from generator.records.diagnostics import DataError, Report


@dataclass(frozen=True)
class Version:
    """What one version of a file holds: a record, the rows of a CSV companion, or why it could not be read."""

    kind: str
    key: str  # the record's key (for a CSV companion: the key of the record it belongs to)
    record: TopLevel | None = None
    rows: tuple[Located, ...] | None = None
    problem: str | None = None  # the first diagnostic, when the version could not be read


def place_of(rel: Path) -> tuple[str, str] | None:
    """The (kind, record key) a file under data/ belongs to, or None for a file that holds no record."""
    kind = kind_of(rel)
    if kind is None:
        return None
    _, key = key_of(kind, rel)
    return kind, key


def read_version(rel: Path, data: bytes) -> Version | None:
    """Read one version of the file at ``rel`` (relative to data/); None when no record lives there."""
    place = place_of(rel)
    if place is None:
        return None
    kind, key = place
    shown = f"data/{rel.as_posix()}"
    report = Report()
    try:
        raw = read_content(kind, shown, rel, decode(data))
    except DataError as exc:
        line = f":{exc.line}" if exc.line else ""
        return Version(kind, key, problem=f"{shown}{line}: {exc.message}")
    if isinstance(raw, RawTable):
        rows, failed = validate_table(raw, report)
        return Version(kind, key, problem=_first(report)) if failed else Version(kind, key, rows=tuple(rows))
    model = validate_record(raw, report)
    return Version(kind, key, record=model) if model is not None else Version(kind, key, problem=_first(report))


def _first(report: Report) -> str:
    """The first problem of a version that could not be read, as a build would print it."""
    return str(report.errors[0]) if report.errors else "the file could not be read"
