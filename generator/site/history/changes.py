"""The site-wide list of changes (/changes/ and its feed): one line per change to a record, newest first.

A new decision, a correction and a membership change each read as one line. A meeting's change
that only repeats what its decisions' own lines say (a minute corrected) is left out; so is a
first publication of more than ``BULK`` records of one kind in one commit, which becomes one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import urls
from generator.records.registry import kind_of_singular
from generator.site.graph import Site
from generator.site.history.flat import Path
from generator.site.history.gitlog import Commit
from generator.site.history.model import CHANGED, CREATED, REMOVED, RENAMED, RESTORED, Change, Track
from generator.site.history.titles import title_of, titles

BULK = 25  # more new records of one kind in one commit than this read as one line
LONGEST = 300  # characters of summary on one line; the history page has the rest


@dataclass(frozen=True)
class Line:
    """One line of the list of changes."""

    commit: Commit
    what: str  # 'New decision', 'Changed', 'Membership change', 'Withdrawn', ...
    title: str
    url: str | None  # the record's page (None for a line about many records)
    summary: str
    anchor: str  # the change on the record's history page

    @property
    def history(self) -> str | None:
        """The record's history page, at this change."""
        return urls.history_url(self.url) + f"#{self.anchor}" if self.url else None

    @property
    def text(self) -> str:
        """The whole line as plain text (feeds)."""
        return f"{self.what}: {self.title}" + (f" ({self.summary})" if self.summary else "")


def anchor(commit: Commit) -> str:
    """The id of a change on a history page: change-<short commit>."""
    return f"change-{commit.short}"


def change_lines(site: Site) -> list[Line]:
    """Every change readers see, as lines, newest first."""
    history = site.history
    if not history.available:
        return []
    current = titles(site)
    recent = history.recent()
    changed = {(c.commit.sha, t.url) for c, t in recent}
    parts: dict[str, list[Track]] = {}
    for track in history.tracks.values():
        if track.parent and track.covers:
            parts.setdefault(track.parent, []).append(track)
    lines: list[Line] = []
    created: dict[tuple[str, str], list[Line]] = {}
    for change, track in recent:
        shown = [t.covers for t in parts.get(track.url, []) if t.covers and (change.commit.sha, t.url) in changed]
        if change.what == CHANGED and _covered(change, shown):
            continue
        line = _line(change, track, title_of(track, current))
        (created.setdefault((change.commit.sha, track.noun), []) if change.what == CREATED else lines).append(line)
    for (_, noun), group in created.items():
        kind = kind_of_singular(noun)
        plural = kind.plural if kind else f"{noun}s"  # a decision is not a kind of its own
        many = Line(group[0].commit, f"{len(group)} new {plural}", "first published together", None, "", "")
        lines += [many] if len(group) > BULK else group
    return sorted(lines, key=lambda line: (-line.commit.seq, line.url or "", line.what))


def _line(change: Change, track: Track, title: str) -> Line:
    """The line of one change: what happened, to which record, and the summary."""
    what = {CREATED: f"New {track.noun}", REMOVED: "Removed", RESTORED: "Restored", RENAMED: "Moved"}.get(
        change.what, "Changed"
    )
    fields = {d.path[0] for d in change.diffs}
    if change.what == CHANGED and fields == {"withdrawn"} and all(d.new is not None for d in change.diffs):
        what = "Withdrawn"
    elif change.what == CHANGED and fields == {"memberships"}:
        what = "Membership change"
    summary = "" if change.what == CREATED else "; ".join(change.lines)
    if len(summary) > LONGEST:
        summary = summary[: LONGEST - 1].rstrip() + "…"
    return Line(change.commit, what, title, track.url if track.live else None, summary, anchor(change.commit))


def _covered(change: Change, shown: list[Path]) -> bool:
    """Whether every field a change touched is in a part with its own page (``shown``) that changed in that commit."""
    return bool(change.diffs) and all(any(_under(d.path, cover) for cover in shown) for d in change.diffs)


def _under(path: Path, cover: Path) -> bool:
    """Whether ``path`` lies in the part ``cover`` shows (a decision shows its item, but not the item's actions)."""
    return path[: len(cover)] == cover and not (len(path) > len(cover) and path[len(cover)] == "actions")
