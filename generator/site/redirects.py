"""One map of every old URL to the URL that replaced it, and the checks that keep it unambiguous.

The map comes from what records say they used to be: ``former_ids`` of every kind (a meeting's
are its earlier ids, that is its earlier dates), a resolution's ``former_minutes``, and
``moved_from`` (another kind of record this one used to be, or old page addresses). Every URL
that hangs under a renamed record follows from the patterns in ``urls`` (a board's meetings,
decisions, registers, overview, feeds, calendar and JSON twins; a meeting's decisions), so a
rename keeps all of them. An old page becomes a redirect page; an old file (feed, calendar,
JSON, CSV) is served again byte for byte, because a static host cannot redirect it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from generator import urls
from generator.records.diagnostics import Report
from generator.records.common import TopLevel
from generator.records.meeting import Meeting
from generator.records.registry import KIND, KINDS, NAMES
from generator.records.suggest import did_you_mean
from generator.site.graph import Checker, Site, by_key

Key = tuple[str, ...]
NOUN = {kind.name: kind.singular for kind in KINDS} | {
    "decisions": "decision",
    "items": "agenda item",
    "recommendations": "recommendation",
}


@dataclass(frozen=True, eq=False)  # one object per claim: compared and hashed by identity
class Claim:
    """Where a record says it had an old address: the record and the field inside it."""

    record: TopLevel
    loc: tuple[str | int, ...]


@dataclass
class Renames:
    """Earlier keys of records, as their former_ids, former_minutes and moved_from say."""

    olds: dict[tuple[str, Key], list[tuple[str, Claim]]] = field(default_factory=dict)
    back: dict[tuple[str, Key], tuple[str, Key, Claim]] = field(default_factory=dict)
    moves: list[tuple[str, Claim, str, Key]] = field(default_factory=list)

    def current(self, kind: str, old: Key) -> tuple[str, Key] | None:
        """The (kind, key) of the record that ``kind`` ``old`` became, if a record says so."""
        found = self.back.get((kind, old))
        return (found[0], found[1]) if found else None


def live(site: Site, kind: str, key: Key) -> bool:
    """True when a record of ``kind`` has ``key`` now."""
    if kind == "items":  # an item is live while a recommendation hangs under it
        return any(k.startswith("/".join(key) + "/") for k in site.recommendations)
    if kind == "decisions":
        return "/".join(key) in site.decisions
    if kind == "recommendations":
        return "/".join(key) in site.recommendations
    return "/".join(key) in site.records(kind)


def describe(site: Site, kind: str, key: Key) -> str:
    """A record named for a message: "board 'x'", "meeting 'b/2024-03-14'", "the resolution under minute '4/24'"."""
    if kind == "decisions":
        return f"the resolution under minute '{site.decisions['/'.join(key)].minute}'"
    if kind == "recommendations":
        return f"recommendation '{key[-1]}' of agenda item '{key[-2]}'"
    return f"{NOUN[kind]} '{'/'.join(key)}'"


def collect(site: Site, check: Checker) -> Renames:
    """Gather every old key records claim, reporting claims that clash (at the claiming field)."""
    renames = Renames()
    for kind in KINDS:
        if not kind.former_ids:
            continue
        records = site.records(kind.name)
        for key in sorted(records):
            record = records[key]
            if kind.parent and getattr(record, kind.parent_field or "") not in site.records(kind.parent):
                continue  # reported as an unknown parent (a meeting's board)
            for i, old in enumerate(record.former_ids):
                claim = Claim(record, ("former_ids", i))
                _claim(site, renames, check, kind.name, tuple(key.split("/")), old, old, claim)
            if isinstance(record, Meeting):
                _collect_minutes(site, renames, check, record)
    for kind in KINDS:
        for record in by_key(site.records(kind.name)):
            _collect_moves(site, renames, check, kind.name, record)
    return renames


def _collect_minutes(site: Site, renames: Renames, check: Checker, meeting: Meeting) -> None:
    board, mid = meeting.board_id, meeting.id
    for i, item in enumerate(meeting.items):
        for j, res in enumerate(item.resolutions):
            key = urls.decision_key(board, mid, res.minute or item.minute or item.number or "", res.suffix)
            decision = site.decisions.get(key)
            if decision is None or decision.resolution is not res:
                continue  # a clash of keys, reported by checks
            for k, old in enumerate(res.former_minutes):
                tail = urls.decision_key(board, mid, old, res.suffix).rsplit("/", 1)[1]
                claim = Claim(meeting, ("items", i, "resolutions", j, "former_minutes", k))
                _claim(site, renames, check, "decisions", tuple(key.split("/")), tail, old, claim)


def _claim(
    site: Site, renames: Renames, check: Checker, kind: str, key: Key, old: str, shown: str, claim: Claim
) -> None:
    """Record that ``kind`` ``key`` was once ``old`` (its last part), unless another record has or claims it."""
    old_key = (*key[:-1], old)
    if old_key == key:
        own = "this resolution's own minute" if kind == "decisions" else "this record's own id"
        check.at(claim.record, claim.loc, f"'{shown}' is {own} (list only earlier ones)")
    elif live(site, kind, old_key):
        check.at(claim.record, claim.loc, f"'{shown}' is still {_holder(kind, key)}")
    elif (kind, old_key) in renames.back:
        other_kind, other, _ = renames.back[(kind, old_key)]
        check.at(claim.record, claim.loc, f"'{shown}' {_also(site, other_kind, other)}")
    else:
        renames.olds.setdefault((kind, key), []).append((old, claim))
        renames.back[(kind, old_key)] = (kind, key, claim)


def _also(site: Site, kind: str, key: Key) -> str:
    return f"is also claimed by {describe(site, kind, key)} (an old address can lead to one record only)"


def _holder(kind: str, key: Key) -> str:
    if kind in KIND and KIND[kind].parent:
        return f"the id of another {NOUN[kind]} of {key[0]}"
    if kind == "decisions":
        return "the minute of another resolution of this meeting"
    return "the id of another record"


def _collect_moves(site: Site, renames: Renames, check: Checker, kind: str, record: TopLevel) -> None:
    key = tuple(KIND[kind].key_of(record).split("/"))
    for i, entry in enumerate(record.moved_from):
        claim = Claim(record, ("moved_from", i))
        if entry.startswith("/"):
            renames.moves.append((entry, claim, kind, key))
            continue
        problem = _bad_move(site, renames, kind, key, entry)
        if problem:
            check.at(record, claim.loc, problem)
            continue
        old_kind, *old = entry.split("/")
        renames.back[(old_kind, tuple(old))] = (kind, key, claim)
        renames.moves.append((entry, claim, kind, key))


def _bad_move(site: Site, renames: Renames, kind: str, key: Key, entry: str) -> str | None:
    """What is wrong with a moved_from entry '<kind>/<id>' of the record ``kind`` ``key``, or None."""
    old_kind, *old = entry.split("/")
    if old_kind not in KIND:
        expected = ", ".join(NAMES)
        return f"'{old_kind}' is not a kind of record; expected one of: {expected}{did_you_mean(old_kind, NAMES)}"
    fields = urls.KEY_FIELDS[old_kind]
    shape = "/".join([*(f"<{NOUN[f]}>" for f in fields[:-1]), "<id>"])
    if len(old) != len(fields):
        return f"'{entry}' does not name a {NOUN[old_kind]}: write {old_kind}/{shape}"
    if old_kind == kind and tuple(old[:-1]) == key[:-1]:  # a meeting may move from another board's folder
        return f"'{entry}' is a {NOUN[kind]} like this record: add '{old[-1]}' to former_ids instead"
    if live(site, old_kind, tuple(old)):
        return f"'{entry}' is still a record: a record can move only from an id that no record has now"
    if (old_kind, tuple(old)) in renames.back:
        other_kind, other, _ = renames.back[(old_kind, tuple(old))]
        return f"'{entry}' {_also(site, other_kind, other)}"
    return None


# --- the map of URLs (build time: it needs the list of generated files) -------


@dataclass(frozen=True)
class Redirect:
    """An old URL's replacement, and the record field that asked for it."""

    new: str
    claim: Claim


def redirect_map(site: Site, renames: Renames | None, live_urls: set[str], report: Report) -> dict[str, Redirect]:
    """Every old URL -> its new URL; a clash (two claims, or an old URL that is live) is reported at the claim."""
    if renames is None:  # a Site not made by checks.build_site claims nothing
        return {}
    found: dict[str, Redirect] = {}
    clashes: dict[Claim, str] = {}
    where = _where(site)
    names = {key[-1] for _, key in renames.olds}
    for url in sorted(live_urls) if names else ():
        if names.isdisjoint(re.split(r"[/.]", url)):
            continue  # nothing under this URL was renamed (most URLs of a site)
        for old, claim in _olds_of(url, renames):
            _add(found, clashes, where, old, Redirect(url, claim))
    for entry, claim, kind, key in renames.moves:
        for old, new in _moved(entry, kind, key, live_urls):
            _add(found, clashes, where, old, Redirect(new, claim))
    for old in sorted(found):
        if old in live_urls:
            message = f"'/{old}' is the address of a page or file that exists now, so it cannot lead elsewhere"
            clashes.setdefault(found[old].claim, message)
    checker = Checker(site.models, report)
    for claim, message in clashes.items():
        checker.at(claim.record, claim.loc, message)
    return {old: target for old, target in found.items() if old not in live_urls}


def _add(
    found: dict[str, Redirect], clashes: dict[Claim, str], where: Callable[[Claim], str], old: str, target: Redirect
) -> None:
    first = found.setdefault(old, target)
    if first.claim is not target.claim and first.new != target.new:
        message = f"'/{old}' is also claimed by {where(first.claim)} (an old address can lead to one record only)"
        clashes.setdefault(target.claim, message)


def _where(site: Site) -> Callable[[Claim], str]:
    """A function giving the path:line of a claim."""

    def where(claim: Claim) -> str:
        origin = claim.record.origin
        return f"{origin.path}:{origin.line(claim.loc)}"

    return where


def _olds_of(url: str, renames: Renames) -> list[tuple[str, Claim]]:
    """The old URLs of live ``url``: every combination of its parts' current and former ids, but the current one."""
    found = urls.match(url)
    if found is None:
        return []
    pattern, values = found
    options: list[list[tuple[str, Claim | None]]] = []
    key: Key = ()
    for name in pattern.fields:
        if name == "year":
            options.append([(values[name], None)])
            continue
        key = (*key, values[name])
        options.append([(values[name], None), *renames.olds.get((name, key), [])])
    olds = []
    combos = itertools.product(*options)
    next(combos)  # the first combination is the live URL itself
    for combo in combos:
        claim = next(c for _, c in combo if c is not None)
        olds.append((pattern.fill(dict(zip(pattern.fields, (v for v, _ in combo), strict=True))), claim))
    return olds


def _moved(entry: str, kind: str, key: Key, live_urls: set[str]) -> list[tuple[str, str]]:
    """(old URL, new URL) pairs of one moved_from entry of the record ``kind`` ``key``."""
    page = urls.page_url(kind, "/".join(key))
    if entry.startswith("/"):
        return [(entry[1:], page)]
    old_kind, *old = entry.split("/")
    old_values = dict(zip(urls.KEY_FIELDS[old_kind], old, strict=True))
    if old_kind == kind:
        return _moved_along(key, old_values, live_urls)
    pairs = []
    for pattern in urls.PATTERNS:
        if pattern.kind != old_kind or not pattern.own:
            continue
        twin = urls.pattern_of(kind, pattern.role)
        new = twin.fill(dict(zip(urls.KEY_FIELDS[kind], key, strict=True))) if twin else None
        if new not in live_urls:
            new = page if pattern.is_page else None  # a file with no counterpart cannot be served again
        if new is not None:
            pairs.append((pattern.fill(old_values), new))
    return pairs


def _moved_along(key: Key, old_values: dict[str, str], live_urls: set[str]) -> list[tuple[str, str]]:
    """A record that moved within its kind (a meeting filed under another board): everything under it follows."""
    pairs = []
    for url in sorted(live_urls):
        if key[-1] not in re.split(r"[/.]", url):
            continue
        found = urls.match(url)
        if found and tuple(found[1].get(name) for name in old_values) == key:
            pairs.append((found[0].fill({**found[1], **old_values}), url))
    return pairs


def copies(moved: dict[str, Redirect], files: dict[str, str | bytes]) -> list[tuple[str, str | bytes]]:
    """The files (not pages) served again at their old paths, with the new files' exact bytes."""
    return [(old, files[target.new]) for old, target in sorted(moved.items()) if not old.endswith("/")]
