"""What history knows about each unit: its versions' changes, field by field, and what pages say of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.site.history.flat import Flat, Path
from generator.site.history.gitlog import Commit

CREATED, CHANGED, REMOVED, RESTORED, RENAMED, UNREADABLE = (
    "created",
    "changed",
    "removed",
    "restored",
    "renamed",
    "unreadable",
)


@dataclass(frozen=True)
class Diff:
    """One field that differs between two versions; None on a side where the field is absent."""

    path: Path
    old: Any
    new: Any
    old_origin: str | None  # the commit that gave the field its old value


@dataclass(frozen=True)
class Segment:
    """A run of words in a side-by-side text: kept, or removed (old side) / added (new side)."""

    text: str
    marked: bool = False


@dataclass
class TextChange:
    """Old and new text of one field, side by side; ``withheld`` is the reason when it is redacted."""

    label: str
    old: list[Segment]
    new: list[Segment]
    withheld: str | None = None


@dataclass
class Change:
    """What one commit did to one unit."""

    commit: Commit
    what: str
    diffs: list[Diff] = field(default_factory=list)
    origins: dict[Path, str] = field(default_factory=dict)  # where each identity shown in a line came from
    entries: dict[Path, str] = field(default_factory=dict)  # list entries it added or removed whole: 'added'/'removed'
    note: str = ""  # why a version could not be read; the old address of a renamed unit
    lines: list[str] = field(default_factory=list)  # the plain-language summary (after redaction)
    texts: list[TextChange] = field(default_factory=list)
    covered: bool = False  # every field it changed is shown by a part with its own page that changed too
    withheld: bool = False  # some of it is redacted, so the commit is not linked


@dataclass
class Track:
    """The history of one unit, oldest change first."""

    url: str
    noun: str
    title: str
    kind: str  # the registry kind of the record whose file holds it
    state: Flat = field(default_factory=dict)  # as of the newest commit that could be read
    origins: dict[Path, str] = field(default_factory=dict)  # the commit that set each field's value
    changes: list[Change] = field(default_factory=list)
    live: bool = True
    parent: str | None = None
    covers: Path | None = None
    named: dict[str, str] = field(default_factory=dict)  # the people its wording names, as named (read._finish)

    @property
    def edits(self) -> list[Change]:
        """The changes that changed something readers see (not the notes about unreadable versions)."""
        return [c for c in self.changes if c.what != UNREADABLE]

    @property
    def first(self) -> Commit | None:
        """When the unit first appeared."""
        edits = self.edits
        return edits[0].commit if edits else None

    @property
    def last(self) -> Commit | None:
        """When the unit's own fields last changed."""
        edits = self.edits
        return edits[-1].commit if edits else None

    def revisions(self, fields: set[str]) -> list[Change]:
        """The changes that touched any of ``fields`` (top-level names), with the unit's arrival and renames."""
        found = []
        for change in self.edits:
            if change.what != CHANGED or any(d.path[0] in fields for d in change.diffs):
                found.append(change)
        return found
