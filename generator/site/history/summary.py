"""Say what a change did, field by field, in plain English; withhold what the redaction list names.

A change's differences are grouped by what they are about (an attendee, a resolution part, a
field), and each group becomes one line: "attendance: Cllr X moved from present to apologies",
"resolution part (2) reworded". Reworded text is also shown old beside new, the words that
changed marked. A group that touches a withheld version says only that its details are withheld.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.site.history.flat import Path, field_names, group_of
from generator.site.history.model import CREATED, REMOVED, RENAMED, RESTORED, UNREADABLE, Change, Diff, Segment, TextChange
from generator.site.history.words import Names, is_text, label, value_words

FIXED = {
    CREATED: "first published",
    REMOVED: "removed from the data",
    RESTORED: "restored to the data",
    UNREADABLE: "the version in this commit could not be read (the file had an error), so it is left out",
}


@dataclass(frozen=True)
class Withholding:
    """A redaction as it applies to one unit: the field names it covers, the commits and the reason."""

    fields: tuple[str, ...]
    commits: tuple[str, ...]
    reason: str

    def covers(self, path: Path, sha: str | None) -> bool:
        """Whether the value at ``path`` that came from commit ``sha`` is withheld."""
        if sha is None or field_names(path)[: len(self.fields)] != self.fields:
            return False
        return any(sha.startswith(commit) for commit in self.commits)


def describe(change: Change, names: Names, withheld: list[Withholding]) -> None:
    """Fill in the change's lines and side-by-side texts (what pages and feeds show)."""
    change.lines, change.texts, change.withheld = [], [], False
    if change.what in FIXED:
        change.lines.append(FIXED[change.what])
    if change.what == RENAMED:
        change.lines.append(f"moved from /{change.note}")
    groups: dict[Path, list[Diff]] = {}
    withdrawn = [d for d in change.diffs if d.path[0] == "withdrawn" and d.new is not None]
    if withdrawn:  # a withdrawal reads as one line: when and why
        change.lines.append(_withdrawal(withdrawn, names))
    for d in change.diffs:
        if d in withdrawn:
            continue
        whole = next((p for p in change.entries if d.path[: len(p)] == p), None)
        groups.setdefault(whole or group_of(d.path), []).append(d)
    for group, diffs in groups.items():
        reason = _withheld(change, group, diffs, withheld)
        if reason is not None:
            change.withheld = True
            change.lines.append(f"{label(group[:1], names)}: details withheld ({reason})")
            continue
        change.lines.append(_line(group, diffs, names))
        change.texts += [_text(d, names) for d in diffs if is_text(d.old) or is_text(d.new)]
    change.lines = list(dict.fromkeys(change.lines))  # two withheld groups of one field say so once


def _withheld(change: Change, group: Path, diffs: list[Diff], withheld: list[Withholding]) -> str | None:
    """The reason a group is withheld, or None: an old value, a new one or a name it shows came from a listed commit."""
    shown = [(d.path, d.old_origin) for d in diffs if d.old is not None]
    shown += [(d.path, change.commit.sha) for d in diffs if d.new is not None]
    shown += [(p, sha) for p, sha in change.origins.items() if group_of(p) == group]
    for rule in withheld:
        if any(rule.covers(path, sha) for path, sha in shown):
            return rule.reason
    return None


FEW = 5  # more added or removed values than this are counted rather than listed
PHRASES: dict[str, Callable[[Path, list[Diff], Names], str | None]] = {}


def _withdrawal(diffs: list[Diff], names: Names) -> str:
    """'withdrawn on 1 July 2024: Published in error.'"""
    fields = {d.path[-1]: d.new for d in diffs}
    when = value_words(("date",), fields["date"], names) if "date" in fields else "a date not recorded"
    return f"withdrawn on {when}" + (f": {fields['reason']}" if "reason" in fields else "")


def _line(group: Path, diffs: list[Diff], names: Names) -> str:
    """One summary line for a group of differences."""
    listed = group[-2] if len(group) > 1 and isinstance(group[-1], tuple) else None
    phrase = PHRASES.get(listed) if isinstance(listed, str) else None
    said = phrase(group, diffs, names) if phrase else None
    if said:
        return said
    if len(diffs) == 1:
        return _leaf(diffs[0], names)
    subject = label(group, names)
    if all(d.old is None for d in diffs):
        return f"{subject} added"
    if all(d.new is None for d in diffs):
        return f"{subject} removed"
    fields = sorted({label(d.path[len(group) :], names) for d in diffs})
    return f"{subject}: {', '.join(fields)} changed"


def _leaf(d: Diff, names: Names) -> str:
    """One field's change: added, removed, reworded, or from one value to another."""
    subject = label(d.path, names)
    if d.old is None and isinstance(d.new, tuple) and len(d.new) > FEW:
        return f"{subject}: {len(d.new)} added"
    if d.old is None:
        return f"{subject} added" + ("" if is_text(d.new) else f": {value_words(d.path, d.new, names)}")
    if d.new is None:
        return f"{subject} removed"
    if isinstance(d.old, tuple) and isinstance(d.new, tuple):
        return _list(subject, d, names)
    if is_text(d.old) or is_text(d.new) or d.path[-1] == "text":
        return f"{subject} reworded"
    return f"{subject} changed from {value_words(d.path, d.old, names)} to {value_words(d.path, d.new, names)}"


def _list(subject: str, d: Diff, names: Names) -> str:
    """A list of values (ids, aliases) that gained or lost entries: named when few, counted when many."""
    said = []
    for verb, values in (("added", [v for v in d.new if v not in d.old]), ("removed", [v for v in d.old if v not in d.new])):
        if len(values) > FEW:
            said.append(f"{len(values)} {verb}")
        elif values:
            said.append(f"{verb} {value_words(d.path, tuple(values), names)}")
    return f"{subject}: {'; '.join(said) or 'reordered'}"


def _attendance(group: Path, diffs: list[Diff], names: Names) -> str | None:
    """'attendance: Cllr X moved from present to apologies' (or added, or removed)."""
    who = names(str(group[-1][1]))
    status = {d.path[-1]: d for d in diffs}.get("status")
    if status is not None and status.old is not None and status.new is not None:
        return f"attendance: {who} moved from {status.old} to {status.new}"
    if all(d.old is None for d in diffs):
        return f"attendance: {who} added" + (f" ({status.new})" if status else "")
    if all(d.new is None for d in diffs):
        return f"attendance: {who} removed" + (f" (was {status.old})" if status else "")
    return None


def _membership(group: Path, diffs: list[Diff], names: Names) -> str | None:
    """'membership: X joined as member', 'membership: X left', 'membership: X's end date set to ...'."""
    who = names(str(group[-1][1]).split(" ")[0]) if isinstance(group[-1], tuple) and group[-1][0] == "@" else None
    if who is None:
        return None
    fields = {d.path[-1]: d for d in diffs}
    if all(d.old is None for d in diffs):
        role = fields.get("role")
        return f"membership: {who} joined" + (f" as {role.new}" if role else "")
    if all(d.new is None for d in diffs):
        return f"membership: {who} removed"
    if set(fields) == {"end"} and fields["end"].old is None:
        return f"membership: {who} left on {value_words(('end',), fields['end'].new, names)}"
    return None


PHRASES.update(attendance=_attendance, memberships=_membership)


def _text(d: Diff, names: Names) -> TextChange:
    """The old and new text of a field side by side, with the words that changed marked."""
    old, new = str(d.old or ""), str(d.new or "")
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    left: list[Segment] = []
    right: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        left += [Segment("".join(a[i1:i2]), op != "equal")] if i2 > i1 else []
        right += [Segment("".join(b[j1:j2]), op != "equal")] if j2 > j1 else []
    return TextChange(label(d.path, names), left, right)
