"""Apply the redaction list to history, and check each entry against it (file:line messages)."""

from __future__ import annotations

from generator.records.diagnostics import Report, format_loc
from generator.records.redaction import Redaction
from generator.records.suggest import did_you_mean
from generator.site.history.flat import field_names
from generator.site.history.gitlog import Commit
from generator.site.history.model import Track
from generator.site.history.summary import Withholding


def withholdings(redactions: list[Redaction]) -> dict[str, list[Withholding]]:
    """The redactions by the URL of the record they apply to."""
    found: dict[str, list[Withholding]] = {}
    for r in redactions:
        found.setdefault(r.record, []).append(Withholding(r.fields, tuple(r.commits), r.reason))
    return found


def check_redactions(redactions: list[Redaction], tracks: dict[str, Track], commits: list[Commit], report: Report) -> None:
    """Report entries that name no record, no field of it, or no commit of the history, and text still current."""
    for r in redactions:
        where = r.origin
        track = tracks.get(r.record)
        if track is None:
            hint = did_you_mean(r.record, tracks)
            report.error(where.path, where.line(("record",)), _loc(r, "record"), f"no record has the address '/{r.record}'{hint}")
            continue
        known = _fields(track)
        if r.fields not in known and not any(f[: len(r.fields)] == r.fields for f in known):
            message = f"'{r.field}' is not a field of /{r.record}" + did_you_mean(r.field, {".".join(f) for f in known})
            report.error(where.path, where.line(("field",)), _loc(r, "field"), message)
            continue
        for i, commit in enumerate(r.commits):
            _check_commit(r, i, commit, track, commits, report)


def _check_commit(r: Redaction, i: int, commit: str, track: Track, commits: list[Commit], report: Report) -> None:
    where = r.origin
    loc = ("commits", i)
    matches = [c for c in commits if c.sha.startswith(commit)]
    if len(matches) != 1:
        said = "is not a commit that changed data/" if not matches else "matches more than one commit (give more characters)"
        report.error(where.path, where.line(loc), _loc(r, *loc), f"'{commit}' {said}")
        return
    rule = Withholding(r.fields, (commit,), r.reason)
    still = sorted({".".join(field_names(p)) for p, sha in track.origins.items() if track.live and rule.covers(p, sha)})
    if still:
        message = (
            f"/{r.record} still holds the text of commit {commit} in {', '.join(still)} "
            "(remove it from the record and commit that; keep this entry so history withholds it)"
        )
        report.error(where.path, where.line(loc), _loc(r, *loc), message)


def _fields(track: Track) -> set[tuple[str, ...]]:
    """Every field path a unit has had, as names: from its newest state and every change."""
    paths = set(track.state) | {d.path for c in track.changes for d in c.diffs}
    return {field_names(p)[:n] for p in paths for n in range(1, len(field_names(p)) + 1)}


def _loc(r: Redaction, *loc: str | int) -> str:
    """The field of an entry as messages show it: [2].commits[0]."""
    return format_loc((r.index, *loc))
