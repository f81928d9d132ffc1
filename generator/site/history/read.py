"""Read every unit's history for a build: replay the log, word the changes, apply the redaction list."""


from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.ingest.redactions import load_redactions
from generator.records.diagnostics import Report
from generator.records.redaction import Redaction
from generator.records.registry import KINDS
from generator.site.graph import Site
from generator.site.history.current import Known, current_versions
from generator.site.history.gitlog import Blobs, GitUnavailable, LogEntry, Repo, locate, log, on_line
from generator.site.history.record import History
from generator.site.history.redact import check_redactions, withholdings
from generator.site.history.summary import describe
from generator.site.history.units import units_of
from generator.site.history.walk import Walk
from generator.site.queries import display_name

logger = logging.getLogger(__name__)


@dataclass
class Replay:
    """What replaying the log gave, kept while HEAD stays the same (the preview rereads only after a commit)."""

    key: tuple[str, str, str, str]
    walk: Walk
    entries: list[LogEntry]


HistoryCache = dict[str, Replay]


def read_history(
    data: Path,
    site: Site,
    report: Report,
    commit_url: str | None = None,
    docs: Path | None = None,
    cache: HistoryCache | None = None,
) -> History:
    """The history of every unit of ``site``; problems with the redaction list go to ``report``."""
    redactions = load_redactions(data, report)
    try:
        repo = locate(data)
        replay = _replay(repo, data, docs, cache, current_versions(site, data))
        if not replay.walk.tracks:
            raise GitUnavailable(f"no commit has changed {data} yet", "no commit has changed the data yet")
    except GitUnavailable as exc:
        # An environment note, not a data problem (an exported copy builds too): logged once, never an error.
        logger.warning("warning: history not available: %s; pages say so, and sitemap dates are left out", exc)
        return History(reason=exc.public)
    commits = [e.commit for e in replay.entries if any(c.path.startswith(repo.prefix) for c in e.changes)]
    history = History(True, "", replay.walk.tracks, commits, commit_url=commit_url)
    docs_prefix = _prefix(repo, docs)
    if docs_prefix is not None:  # hand-written pages: the last commit of each, by its path inside docs
        touched = replay.walk.touched_paths.items()
        history.pages = {p[len(docs_prefix) :]: c for p, c in touched if p.startswith(docs_prefix)}
    _finish(history, site, redactions, report)
    history.pending = _pending(history, site, replay.walk)
    return history


def _replay(
    repo: Repo, data: Path, docs: Path | None, cache: HistoryCache | None, known: Known
) -> Replay:
    """Replay the log of data/ (and of the hand-written pages in ``docs``), or reuse the replay of this HEAD.

    ``known`` are the versions already read (the files in data/ now, by blob id): they are not read again.
    A replay of an older HEAD on this one's first-parent line is carried on with the commits since;
    one of a rewritten history is not used (history is read in full).
    """
    docs_prefix = _prefix(repo, docs)
    key = (repo.head, str(repo.top), repo.prefix, docs_prefix or "")
    hit = cache.pop(str(data), None) if cache is not None else None  # out while it is carried on
    if hit is not None and hit.key == key:
        replay = hit
    else:
        paths = [repo.prefix] + ([docs_prefix] if docs_prefix else [])
        if hit is not None and hit.key[1:] == key[1:] and on_line(repo, hit.key[0]):
            walk, entries = hit.walk, log(repo, paths, hit.key[0], _next_seq(hit.entries))
            walk.versions.update(known)
            replay = Replay(key, walk, hit.entries + entries)
        else:
            entries = log(repo, paths)
            replay = Replay(key, Walk(_unread, repo.prefix, versions=dict(known)), entries)
        with Blobs(repo.top, replay.walk.wanted(entries)) as blobs:
            replay.walk.read = blobs.read
            replay.walk.run(entries)
        replay.walk.read = _unread
    if cache is not None:
        cache[str(data)] = replay
    return replay


def _next_seq(entries: list[LogEntry]) -> int:
    """The number the next commit of the log takes."""
    return entries[-1].commit.seq + 1 if entries else 0


def _unread(sha: str) -> bytes:
    """A walk between reads has no git process to read from (a module function, so a walk can be pickled)."""
    raise GitUnavailable(f"git could not read {sha}")


def _prefix(repo: Repo, folder: Path | None) -> str | None:
    """A folder's path inside the repository ('content/'), or None when it is outside it."""
    if folder is None:
        return None
    try:
        rel = folder.resolve().relative_to(repo.top.resolve()).as_posix()
    except ValueError:
        return None
    return "" if rel == "." else rel + "/"


def _finish(history: History, site: Site, redactions: list[Redaction], report: Report) -> None:
    """Word every change for readers, withhold what the redaction list names, and note uncommitted edits."""
    names = {pid: display_name(person) for pid, person in site.people.items()}
    rules = withholdings(redactions)
    for url, track in history.tracks.items():
        track.named = {}
        for change in track.changes:
            describe(change, partial(_name, names, track.named), rules.get(url, []))
            if change.withheld:
                history.withheld.add(change.commit.sha)
    listed = {c for r in redactions for c in r.commits}
    history.withheld |= {c.sha for c in history.commits if any(c.sha.startswith(x) for x in listed)}
    check_redactions(redactions, history.tracks, history.commits, report)


def _name(names: dict[str, str], named: dict[str, str], pid: str) -> str:
    """A person's name as a change's wording shows it, noted in ``named`` (a cached page depends on it)."""
    named[pid] = shown = names.get(pid, pid)
    return shown


def _pending(history: History, site: Site, walk: Walk) -> set[str]:
    """Units whose current files differ from their newest committed version (edits not yet committed)."""
    found = set()
    models = site.models
    for kind in KINDS:
        rows = models.rows.get(kind.name, {}) if kind.rows else {}
        for key, record in models[kind.name].items():
            now = tuple(rows.get(record.id, ())) if kind.rows else None
            if walk.unchanged(kind.name, key, record, now):
                continue  # the newest commit has this very record: nothing of it is pending
            for unit in units_of(kind.name, record, now):
                track = history.tracks.get(unit.url)
                if track is None or not track.live or track.state != unit.state:
                    found.add(unit.url)
    return found
