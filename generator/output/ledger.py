"""The committed ledger of every URL ever published: none may stop resolving.

A ledger URL resolves when a page serves it now, a redirect page among them (the redirect
map, generator/site/redirects.py, writes one at every old URL). When one does not, the message
names the fix that is missing, found by walking the URL's parts from the board down.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from generator import urls
from generator.records.diagnostics import DataError, Report
from generator.records.registry import KIND
from generator.site.graph import Decision, Site
from generator.site.redirects import NOUN, describe, live

HEADER = "# Every URL ever published. Never remove a line: see CONTRIBUTING.md.\n"
SHOWN = 200  # characters of a ledger line quoted in a message: a broken ledger must not flood the screen


def read_ledger(path: Path) -> list[tuple[int, str]] | None:
    """(line number, URL) for each URL in the ledger ('#' comments and blank lines ignored); None if missing."""
    if not path.exists() and not path.is_symlink():
        return None
    if path.is_dir():
        raise DataError("the ledger is a folder, not a text file (it must be the list of every published URL)", 1)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"the ledger cannot be read ({exc.strerror})", 1) from None
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            f"the ledger is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8", line
        ) from None
    lines = enumerate((line.strip() for line in text.splitlines()), start=1)
    return [(number, line) for number, line in lines if line and not line.startswith("#")]


def check_ledger(
    path: Path, published: set[str], report: Report, explain: Callable[[str], str], new_ledger: bool = False
) -> list[str]:
    """Report ledger URLs that no longer resolve; return the URLs new to the ledger.

    A missing or empty ledger is an error unless ``new_ledger`` asks for one: the promise is
    never rebuilt silently from today's site.
    """
    shown = str(path)
    try:
        known = read_ledger(path)
    except DataError as exc:
        report.error(shown, exc.line, "", exc.message)
        return []
    if not known:
        if not new_ledger:
            state = "is missing" if known is None else "lists no URLs"
            report.error(
                shown,
                1,
                "",
                f"the ledger of published URLs {state} (restore it from git: git checkout -- {shown}; "
                "to start a new ledger on purpose, build with --new-ledger)",
            )
        return sorted(published)
    if new_ledger:
        report.error(
            shown, 1, "", f"--new-ledger starts a ledger where there is none, but this one lists {len(known):,} URLs"
        )
        return []
    for number, url in known:
        if url not in published:
            report.error(
                shown, number, "", f"'{_short(url)}' was published before and no longer resolves ({explain(url)})"
            )
    return sorted(published - {url for _, url in known})


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def extend_ledger(path: Path, new: list[str]) -> None:
    """Append newly published URLs to the ledger (starting it with a header when it is new)."""
    if not new:
        return
    old = path.read_bytes() if path.exists() else b""
    if not old.strip():
        old = HEADER.encode("utf-8")
    elif not old.endswith(b"\n"):
        old += b"\n"  # never glue a URL onto an unfinished last line
    # Written whole and renamed into place: a build killed here leaves the old ledger, never half a line.
    # The temporary file has a fixed name, so one a kill leaves behind is replaced by the next build.
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(old + "".join(url + "\n" for url in new).encode("utf-8"))
    os.replace(temporary, path)


# --- hints: the fix that is missing for one URL -----------------------------


def explain(site: Site, url: str) -> str:
    """What to do about a published ``url`` that no longer resolves, as precisely as the URL allows."""
    moved = f"add '{_short(url)}' to moved_from of the record that replaces it"
    found = urls.match(url.removeprefix("/"))
    if found is None:
        return f"restore the page, or {moved}"
    pattern, values = found
    key, start = _moved_below(site, pattern.fields, values)
    for name in pattern.fields[start:]:
        if name == "year":
            return f"board '{key[0]}' has no decisions in {values['year']} now: restore them, or {moved}"
        old = (*key, values[name])
        now = site.renames.current(name, old)
        if now is not None and now[0] != name:
            became = describe(site, *now)
            return f"{NOUN[name]} '{'/'.join(old)}' became {became}, which has no page like this: {moved}"
        if now is None and not live(site, name, old):
            return _missing(site, name, key, values[name])
        key = now[1] if now else old
    return f"{describe(site, pattern.kind, key)} no longer has this page: restore what it showed, or {moved}"


def _moved_below(site: Site, fields: tuple[str, ...], values: dict[str, str]) -> tuple[tuple[str, ...], int]:
    """Where to start walking a URL's ids: below a record that moved there whole (a meeting from another
    board's folder), or from the top."""
    ids = [name for name in fields if name != "year"]
    for depth in range(len(ids), 1, -1):
        now = site.renames.current(ids[depth - 1], tuple(values[name] for name in ids[:depth]))
        if now is not None and now[0] == ids[depth - 1]:
            return now[1], depth
    return (), 0


# A recommendation's address is made of printed numbers, which have no former ones to claim.
RESTORE = "restore the item's and the recommendation's numbers as they were published"


def _missing(site: Site, kind: str, parent: tuple[str, ...], old: str) -> str:
    """The hint for a part of a URL that no record has now, nor claims as a former id."""
    spec = KIND.get(kind)
    if spec is not None and spec.parent is None:
        noun = NOUN[kind]
        return (
            f"no {noun} has the id '{old}' now: add '{old}' to former_ids of the {noun} it became, "
            f"or restore data/{kind}/{old}.yml and mark it withdrawn"
        )
    if kind == "items":
        return f"meeting '{'/'.join(parent[:2])}' has no agenda item '{old}' with recommendations now: {RESTORE}"
    if kind == "recommendations":
        where = f"agenda item '{parent[2]}' of meeting '{'/'.join(parent[:2])}'"
        return f"{where} has no recommendation '{old}' now: {RESTORE}"
    if spec is not None:
        up, noun = NOUN[spec.parent or ""], NOUN[kind]
        return (
            f"{up} '{parent[0]}' has no {noun} '{old}' now: add '{old}' to former_ids of the {noun} it became "
            f"(or, if it moved to another {up}, '{kind}/{parent[0]}/{old}' to its moved_from), "
            f"or restore data/{kind}/{parent[0]}/{old}.yml and mark it withdrawn"
        )
    return _missing_minute(site, parent, old)


def _missing_minute(site: Site, meeting: tuple[str, ...], old: str) -> str:
    """The hint for a decision whose meeting exists but whose minute is gone: the resolutions it may have become."""
    key = "/".join(meeting)
    by_meeting = site.grouped(
        "decisions_by_meeting", lambda s: ((s.meeting_key(d.meeting), d) for d in s.decisions.values())
    )
    decisions: list[Decision] = sorted(by_meeting.get(key, []), key=lambda d: d.key)
    suffixed = [d for d in decisions if d.resolution.suffix and old.endswith("-" + d.resolution.suffix)]
    candidates = suffixed or [d for d in decisions if not d.resolution.suffix]
    if not candidates:
        return f"meeting '{key}' has no resolution now that could have been '{old}': restore it"
    suffix = suffixed[0].resolution.suffix if suffixed else None
    value = old[: -len(suffix) - 1] if suffix else old
    return (
        f"meeting '{key}' has no decision '{old}' now: add former_minutes: ['{value}'] to the resolution it became "
        f"(now minute {_either([d.minute for d in candidates])}, in data/meetings/{key}.yml)"
    )


def _either(minutes: list[str]) -> str:
    quoted = [f"'{m}'" for m in minutes[:4]]
    if len(minutes) > 4:
        return ", ".join(quoted) + f" or one of {len(minutes) - 4:,} more"
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
