"""History as pages and exports use it: each unit's changes, when it last changed, and how to link a commit."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.site.history.gitlog import Commit
from generator.site.history.model import UNREADABLE, Change, Track

WITHHELD_MESSAGE = "(message withheld: it concerns text that has been redacted)"


@dataclass
class History:
    """Every unit's history; ``available`` is False (and ``reason`` says why) when git history could not be read."""

    available: bool = False
    reason: str = "this copy of the site was built without reading git history"
    tracks: dict[str, Track] = field(default_factory=dict)
    commits: list[Commit] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)  # units whose files differ from the newest commit
    pages: dict[str, Commit] = field(default_factory=dict)  # hand-written pages: the last commit of each, by path in docs
    commit_url: str | None = None  # a web address with {commit} in it, from mkdocs.yml
    withheld: set[str] = field(default_factory=set)  # commits never linked, and whose message is not shown

    def track(self, url: str) -> Track | None:
        """The history of the unit whose page is at ``url``."""
        return self.tracks.get(url)

    def last(self, url: str) -> Commit | None:
        """When the unit at ``url`` last changed."""
        track = self.tracks.get(url)
        return track.last if track else None

    def first(self, url: str) -> Commit | None:
        """When the unit at ``url`` first appeared."""
        track = self.tracks.get(url)
        return track.first if track else None

    def link(self, commit: Commit) -> str | None:
        """The web address of a commit, unless none is configured or the commit touches withheld text."""
        if self.commit_url is None or commit.sha in self.withheld:
            return None
        return self.commit_url.replace("{commit}", commit.sha)

    def message(self, commit: Commit) -> str:
        """A commit's message as pages show it (withheld when the commit added text that is now redacted)."""
        return WITHHELD_MESSAGE if commit.sha in self.withheld else commit.message

    def latest(self) -> Commit | None:
        """The newest commit that changed data/."""
        return self.commits[-1] if self.commits else None

    def recent(self) -> list[tuple[Change, Track]]:
        """Every change readers see, newest first (notes about unreadable versions left out)."""
        found = [(c, t) for t in self.tracks.values() for c in t.changes if c.what != UNREADABLE]
        return sorted(found, key=lambda pair: (-pair[0].commit.seq, pair[1].url))


def commit_url_problem(url: str) -> str | None:
    """What is wrong with a configured commit address, or None (it needs https:// and {commit})."""
    if not url.startswith(("https://", "http://")) or "{commit}" not in url or any(c in url for c in " <>\"'"):
        return f"'{url}' is not a commit address (write it with {{commit}} where the commit goes, e.g. https://github.com/owner/repo/commit/{{commit}})"
    return None
