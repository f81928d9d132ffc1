"""Find the files in data/ and read them into raw records with positions."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.ingest import charset
from generator.ingest.load_csv import RawTable, read_csv
from generator.ingest.yamlpos import Lines, load_yaml
from generator.records.common import Origin
from generator.records.diagnostics import DataError, Diagnostic, Report
from generator.records.registry import KIND, kind_of_singular
from generator.records.suggest import did_you_mean

# Limits, documented on the data-format reference page. The largest real file is 119 kB.
MAX_BYTES = 2_000_000
IGNORED = {"README.md", ".gitkeep"}
REFERENCE = "reference"  # rules the figures are measured against, read by ingest/reference.py
# The redaction list (data/redactions.yml) is not a record: site/history reads it (it needs git history).
REDACTIONS = "redactions.yml"
LINKED = "is a symbolic link, and links are not followed (copy the {} into data/ instead)"


@dataclass
class RawRecord:
    """One YAML file: its kind, location, string data and line map."""

    kind: str
    path: str
    data: dict[str, Any]
    lines: Lines
    folder: str = ""  # the parent's folder, for a kind with a parent (a meeting's board)

    @property
    def stem(self) -> str:
        """File name without .yml."""
        return Path(self.path).stem

    @property
    def key(self) -> str:
        """The key its record will have, as the file's place says (validation checks the id agrees)."""
        return KIND[self.kind].key_at(self.folder, self.stem)

    def origin(self) -> Origin:
        """Where the record was read, for the model made from it."""
        return Origin(self.path, self.lines)

    def line(self, loc: tuple[Any, ...]) -> int:
        """Line of the deepest known part of ``loc``."""
        return self.origin().line(loc)


@dataclass
class RawData:
    """Everything read from data/."""

    records: list[RawRecord] = field(default_factory=list)
    tables: dict[str, RawTable] = field(default_factory=dict)
    # Files that could not be read, by (kind, key) as Models keys records (the rows' name for a CSV
    # companion, 'values'): references to them say where the record is instead of guessing another.
    unreadable: dict[tuple[str, str], str] = field(default_factory=dict)


# A cache of files read by an earlier run in the same process (the preview server):
# path -> ((mtime_ns, size, ctime_ns, inode), what reading it gave). Unchanged files are not read again.
Read = RawRecord | RawTable | DataError
FileCache = dict[Path, tuple[tuple[int, int, int, int], Read]]


def load_data(root: Path, report: Report, cache: FileCache | None = None) -> RawData:
    """Read every file under ``root``, reporting what cannot be read."""
    raw = RawData()
    if not root.is_dir():
        report.error(str(root), 0, "", "data folder not found")
        return raw
    base = _shown_base(root)
    paths = _files(root, base, report)
    if cache is not None:  # forget files that are gone, so the cache holds exactly what data/ holds
        for gone in cache.keys() - set(paths):
            del cache[gone]
    for path in paths:
        rel = path.relative_to(root)
        shown = _shown(root, base, rel)
        kind = kind_of(rel)
        if kind is None:
            report.error(shown, 0, "", _misplaced(rel))
            continue
        got = _read_cached(kind, shown, rel, path, cache)
        if isinstance(got, DataError):
            raw.unreadable[key_of(kind, rel)] = shown
            for err in got.every():
                report.items.append(Diagnostic(shown, err.line, err.field, err.message, column=err.column))
        elif isinstance(got, RawTable):
            raw.tables[rel.stem] = got
        else:
            raw.records.append(got)
    return raw


def _files(root: Path, base: str | None, report: Report) -> list[Path]:
    """The files to read under ``root``, refusing symbolic links (a link could publish a file from anywhere)."""
    # rglob does not descend into linked folders, so a linked folder is met here as one entry.
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if (
            rel.name in IGNORED
            or rel.as_posix() == REDACTIONS
            or any(part.startswith(".") for part in rel.parts)
            or rel.parts[0] == REFERENCE
        ):
            continue
        if path.is_symlink():
            report.error(_shown(root, base, rel), 0, "", LINKED.format("folder" if path.is_dir() else "file"))
        elif path.is_file():
            found.append(path)
    return found


def key_of(kind: str, rel: Path) -> tuple[str, str]:
    """The (kind, key) of the record a file holds, as Models keys it (a CSV companion: its rows' name)."""
    spec = KIND[kind]
    if rel.suffix == ".csv" and spec.rows is not None:
        return (spec.rows.name, rel.stem)
    return (kind, spec.key_at(rel.parts[1] if spec.parent else "", rel.stem))


def _read_cached(kind: str, shown: str, rel: Path, path: Path, cache: FileCache | None) -> Read:
    """Read one file, or reuse what an earlier run read when its size and time are unchanged."""
    if cache is None:
        return _read_file(kind, shown, rel, path)
    info = path.stat()
    # ctime and inode too: a copy that keeps the modification time (cp -p, rsync -t) still changes them.
    stamp = (info.st_mtime_ns, info.st_size, info.st_ctime_ns, info.st_ino)
    hit = cache.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    got = _read_file(kind, shown, rel, path)
    cache[path] = (stamp, got)
    return got


def _read_file(kind: str, shown: str, rel: Path, path: Path) -> Read:
    try:
        return read_content(kind, shown, rel, read_text(path))
    except DataError as exc:
        return exc


def read_content(kind: str, shown: str, rel: Path, text: str) -> RawRecord | RawTable:
    """Read the text of the file at ``rel`` (relative to data/) of ``kind``: a CSV companion or a YAML record."""
    return read_csv(shown, text, kind) if rel.suffix == ".csv" else _read_yaml(kind, shown, rel, text)


def _shown_base(root: Path) -> str | None:
    """The data folder as printed in messages: relative to the working directory when possible."""
    try:
        return root.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return None


def _shown(root: Path, base: str | None, rel: Path) -> str:
    """A file's path as printed in messages (``base`` from _shown_base, worked out once per run)."""
    if base is None:
        return str(root / rel)
    return rel.as_posix() if base == "." else f"{base}/{rel.as_posix()}"


def kind_of(rel: Path) -> str | None:
    """The kind whose records live at ``rel`` (relative to data/), or None when no record belongs there."""
    parts = rel.parts
    kind = KIND.get(parts[0]) if parts else None
    if kind is None:
        return None
    depth = 3 if kind.parent else 2
    suffixes = {".yml", ".csv"} if kind.rows else {".yml"}
    if len(parts) != depth or rel.suffix not in suffixes:
        return None
    return kind.name


def _misplaced(rel: Path) -> str:
    if rel.suffix == ".yaml":
        return "records use the .yml ending (rename the file)"
    kind = KIND.get(rel.parts[0])
    if kind is None:
        named = kind_of_singular(rel.parts[0])
        hint = f" (did you mean '{named.name}'?)" if named else did_you_mean(rel.parts[0], KIND)
        return f"'{rel.parts[0]}' is not a record folder; expected one of: {', '.join(KIND)}{hint}"
    if kind.parent:
        return f"{kind.plural} live in {kind.place}"
    return f"records of this kind live in data/{kind.name}/<id>.yml"


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text, explaining size, binary and encoding problems."""
    return decode(_read_bytes(path))


def decode(data: bytes) -> str:
    """A file's bytes as UTF-8 text with Unix line ends, explaining binary and encoding problems."""
    if len(data) > MAX_BYTES:
        raise DataError(f"the file is {len(data):,} bytes, over the limit of {MAX_BYTES:,} (split it up)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise DataError("the file is UTF-16 text; save it as UTF-8")
    if b"\x00" in data:
        raise DataError("the file is binary, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}; it looks like Windows-1252); save it as UTF-8",
            line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, up to the size limit, never read through a symbolic link."""
    try:  # O_NOFOLLOW: the file may have become a link since the folder was listed
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataError(LINKED.format("file")) from None
        raise DataError(f"the file cannot be read: {exc.strerror} (check its permissions)") from None
    with os.fdopen(fd, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        data = file.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
    size = max(size, len(data))
    if size > MAX_BYTES:
        raise DataError(f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,} (split it up)")
    return data


def _looks_utf16(data: bytes) -> bool:
    """True for UTF-16 text without a byte-order mark: every other byte of ASCII text is zero."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    return any(sample[0::2]) != any(sample[1::2])  # exactly one half is all zero bytes


def _read_yaml(kind: str, shown: str, rel: Path, text: str) -> RawRecord:
    data, lines = _load_checking_characters(text)
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "plain text"
        raise DataError(f"expected a mapping (key: value lines) at the top of the file, found {found}", 1)
    folder = rel.parts[1] if KIND[kind].parent else ""
    return RawRecord(kind, shown, data, lines, folder)


def _load_checking_characters(text: str) -> tuple[Any, Lines]:
    """Parse YAML, refusing every refused character (charset.py), typed or made by an escape."""
    errors = charset.raw_refusals(text)
    if errors:
        try:  # parse without them, to report the escapes too; YAML reads some of them as line breaks
            data, lines = load_yaml(charset.blank_out(text))
        except DataError:
            data, lines = None, {}
    else:
        data, lines = load_yaml(text)
    if "\\" in text:  # only a double-quoted escape can make a character the raw text does not hold
        errors += charset.value_refusals(data, lines)
    if errors:
        errors.sort(key=lambda err: (err.line, err.column))
        errors[0].also = errors[1:]
        raise errors[0]
    return data, lines
