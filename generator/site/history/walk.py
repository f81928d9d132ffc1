"""Replay the commits of data/ one by one, comparing each unit's own fields with its previous version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from generator.ingest.blob import Version, place_of, read_version
from generator.site.history.flat import Flat, Path, group_of
from generator.site.history.gitlog import Commit, LogEntry
from generator.site.history.model import (
    CHANGED,
    CREATED,
    REMOVED,
    RENAMED,
    RESTORED,
    UNREADABLE,
    Change,
    Diff,
    Track,
)
from generator.site.history.units import Unit, units_of

Record = tuple[str, str]  # (kind, key)


@dataclass
class Files:
    """The newest version of a record's file, and of its CSV companion."""

    record: Version | None = None
    rows: Version | None = None


@dataclass
class Walk:
    """Replays history; ``tracks`` holds every unit that ever existed, by URL."""

    read: Callable[[str], bytes]  # blob id -> content
    prefix: str  # data/ inside the repository ('data/')
    tracks: dict[str, Track] = field(default_factory=dict)
    files: dict[Record, Files] = field(default_factory=dict)
    units: dict[Record, list[Unit]] = field(default_factory=dict)  # each record's units, as last read
    versions: dict[tuple[str, Record | None], Version | None] = field(default_factory=dict)  # by blob id and place
    touched_paths: dict[str, Commit] = field(default_factory=dict)  # other paths: the last commit of each

    def run(self, entries: list[LogEntry]) -> None:
        """Replay every commit, oldest first."""
        for entry in entries:
            self.commit(entry)

    def unchanged(self, kind: str, key: str, record: object, rows: tuple[object, ...] | None) -> bool:
        """Whether the newest commit holds exactly this record (and these rows of its CSV companion)."""
        files = self.files.get((kind, key))
        if files is None or files.record is None or files.record.record != record:
            return False
        return rows is None or (files.rows is not None and files.rows.rows == rows) or (files.rows is None and not rows)

    def wanted(self, entries: list[LogEntry]) -> list[str]:
        """The blobs the replay will read, in the order it reads them (each once)."""
        found: dict[tuple[str, Record], None] = {}
        for entry in entries:
            for change in entry.changes:
                place = place_of(PurePosixPath(change.path[len(self.prefix) :]))  # type: ignore[arg-type]
                if change.new and change.path.startswith(self.prefix) and place is not None:
                    if (change.new, place) not in self.versions:  # not a file the build has just read
                        found.setdefault((change.new, place))
        return [blob for blob, _ in found]

    def commit(self, entry: LogEntry) -> None:
        """Apply one commit: read the versions it made, then compare the units of the records it touched."""
        touched: set[Record] = set()
        for change in entry.changes:
            if not change.path.startswith(self.prefix):
                self.touched_paths[change.path] = entry.commit
                continue
            rel = PurePosixPath(change.path[len(self.prefix) :])
            place = place_of(rel)  # type: ignore[arg-type]
            if place is None:
                continue
            version = self.version(rel, change.new) if change.new else None
            files = self.files.setdefault(place, Files())
            if rel.suffix == ".csv":
                files.rows = version
            else:
                files.record = version
            touched.add(place)
        if touched:
            self.compare(entry.commit, sorted(touched))

    def version(self, rel: PurePosixPath, blob: str) -> Version | None:
        """The parsed version of a blob at a place (read and parsed once, however often it recurs there).

        The same bytes mean the same record only at the same place (the id inside must match the
        file's name), so versions are kept by blob and place.
        """
        key = (blob, place_of(rel))  # type: ignore[arg-type]
        if key not in self.versions:
            self.versions[key] = read_version(rel, self.read(blob))  # type: ignore[arg-type]
        return self.versions[key]

    def compare(self, commit: Commit, records: list[Record]) -> None:
        """Compare the units of ``records`` before and after ``commit``, across files (a rename moves a unit)."""
        before: dict[str, Unit] = {}
        after: dict[str, Unit] = {}
        for record in records:
            old = self.units.get(record, [])
            new = self.read_units(commit, record, old)
            before.update((u.url, u) for u in old)
            after.update((u.url, u) for u in new)
            self.units[record] = new
        gone = [url for url in before if url not in after]
        for url in sorted(after):
            self.arrive(commit, after[url], before.get(url), gone)
        for url in sorted(gone):
            if url in self.tracks and self.tracks[url].live:
                self.remove(commit, self.tracks[url])

    def read_units(self, commit: Commit, record: Record, old: list[Unit]) -> list[Unit]:
        """The units of a record as of ``commit``; its previous units, with a note, when this version cannot be read."""
        files = self.files.get(record, Files())
        problem = next((v.problem for v in (files.record, files.rows) if v is not None and v.problem), None)
        if problem is not None:
            for unit in old:
                self.tracks[unit.url].changes.append(Change(commit, UNREADABLE, note=problem))
            return old
        if files.record is None or files.record.record is None:
            return []  # the record's file is gone (or only its CSV companion exists)
        rows = files.rows.rows if files.rows is not None else None
        return units_of(record[0], files.record.record, rows)

    def arrive(self, commit: Commit, unit: Unit, was: Unit | None, gone: list[str]) -> None:
        """Record a unit present after ``commit``: new, renamed from a unit just gone, restored, or changed."""
        track = self.tracks.get(unit.url)
        if track is None:
            renamed = next((u for u in unit.former if u in gone or self._dead(u)), None)
            track = self._rename(renamed, unit) if renamed else None
            if track is None:
                self.tracks[unit.url] = new = Track(unit.url, unit.noun, unit.title, "", parent=unit.parent)
                self._apply(new, Change(commit, CREATED), unit.state)
                self._describe(new, unit)
                return
            change = Change(commit, RENAMED, note=renamed or "")
        elif not track.live:
            change = Change(commit, RESTORED)
        else:
            change = Change(commit, CHANGED)
        change.diffs = diff(track.state, unit.state, track.origins)
        if change.what != CHANGED or change.diffs:
            self._apply(track, change, unit.state)
        self._describe(track, unit)

    def _dead(self, url: str) -> bool:
        track = self.tracks.get(url)
        return track is not None and not track.live

    def _rename(self, old_url: str | None, unit: Unit) -> Track | None:
        """Move the track of ``old_url`` to the unit's new URL (the old URL now redirects here)."""
        track = self.tracks.pop(old_url, None) if old_url else None
        if track is not None:
            track.url = unit.url
            self.tracks[unit.url] = track
        return track

    def _apply(self, track: Track, change: Change, state: Flat) -> None:
        """Add ``change`` to the track and move its state (and each field's origin) to ``state``."""
        if change.diffs:
            groups = {group_of(d.path) for d in change.diffs}
            heads = {d.path[0] for d in change.diffs}
            change.origins = {p: sha for p, sha in track.origins.items() if p[0] in heads and group_of(p) in groups}
            change.entries = whole_entries(track.state, state, change.diffs)
        for path, value in state.items():
            if track.state.get(path) != value or path not in track.origins:
                track.origins[path] = change.commit.sha
        for path in [p for p in track.origins if p not in state]:
            del track.origins[path]
        track.state = dict(state)
        track.live = True
        track.changes.append(change)

    def _describe(self, track: Track, unit: Unit) -> None:
        track.title, track.noun, track.parent, track.covers = unit.title, unit.noun, unit.parent, unit.covers

    def remove(self, commit: Commit, track: Track) -> None:
        """Record that a unit left the data (its file was deleted or the entry taken out)."""
        track.changes.append(Change(commit, REMOVED, diffs=diff(track.state, {}, track.origins)))
        track.live = False


def whole_entries(old: Flat, new: Flat, diffs: list[Diff]) -> dict[Path, str]:
    """The list entries (an item, an attendee) a change added or removed whole, outermost only.

    Only entries along the changed fields are candidates, and only the paths under them are looked at.
    """
    candidates = {d.path[: i + 1] for d in diffs for i, seg in enumerate(d.path) if isinstance(seg, tuple)}
    if not candidates:
        return {}
    before, after = _present(old, candidates), _present(new, candidates)
    found = {p: "added" for p in candidates - before if p in after}
    found |= {p: "removed" for p in candidates - after if p in before}
    return {p: what for p, what in found.items() if not any(p[:n] in found for n in range(1, len(p)))}


def _present(state: Flat, candidates: set[Path]) -> set[Path]:
    """The candidate entries that some path of ``state`` lies under."""
    heads = {c[:2] for c in candidates}
    found = set()
    for path in state:
        if path[:2] in heads:
            found |= {path[: i + 1] for i in range(1, len(path)) if path[: i + 1] in candidates}
    return found


def diff(old: Flat, new: Flat, origins: dict[Path, str]) -> list[Diff]:
    """Every field that differs between two flat versions, in a fixed order."""
    paths = sorted(set(old) | set(new), key=repr)
    return [Diff(p, old.get(p), new.get(p), origins.get(p)) for p in paths if old.get(p) != new.get(p)]
