"""The sharded build as three steps that run as separate processes or CI jobs: plan, build a shard, combine.

- **plan** (``make shard-plan SHARDS=N``): after the generator has checked data/ and written the
  pages, write WORK/plan.json, which files each shard builds (``shard.plan``);
- **build** (``make shard-build SHARD=i``): ``mkdocs build --strict`` of shard i into
  WORK/shard-i/site/, then a Pagefind index of that shard's own pages only (shard 0's at
  ``pagefind/``, shard i's at ``pagefind/shard-i/``), so no indexing process holds the whole site;
  WORK/shard-i/built.json says which plan it was built for;
- **combine** (``make shard-combine``): check every shard was built for this plan, move the shards'
  outputs into a new site folder (shard 0's last: the others hold stubs of its nav pages), list the
  shard indexes in ``pagefind/merge.json`` for ``content/assets/search.js`` to merge (Pagefind's
  ``mergeIndex``; filters are merged across indexes), and swap the folder into the site's place.

``make site SHARDS=N`` (``sharded_build``) runs the same functions in one process.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import yaml

from generator.publish import publish, search
from generator.publish.shard import Shard, build_shard, combine, docs_files, plan, prepare

PLAN = "plan.json"
BUILT = "built.json"


class StageError(Exception):
    """A step cannot run: the message says why and what to run first."""


def write_plan(docs: Path, work: Path, count: int) -> list[Shard]:
    """Plan ``count`` shards of ``docs`` into ``work``/plan.json, removing shard outputs of an earlier plan."""
    shards = plan(docs, count)
    work.mkdir(parents=True, exist_ok=True)
    for old in work.iterdir():
        if old.is_dir() and re.fullmatch(r"shard-\d+", old.name):  # folders this module wrote
            shutil.rmtree(old)
    entries = [{"number": s.number, "boards": s.boards, "files": s.files} for s in shards]
    (work / PLAN).write_text(json.dumps({"shards": entries}, indent=1) + "\n", encoding="utf-8")
    return shards


def read_plan(work: Path) -> tuple[list[Shard], str]:
    """The shards of ``work``/plan.json and the plan's digest."""
    path = work / PLAN
    if not path.is_file():
        raise StageError(f"{path}: no shard plan here (run make shard-plan SHARDS=N first)")
    text = path.read_bytes()
    try:
        shards = [_shard(entry) for entry in json.loads(text)["shards"]]
    except (ValueError, KeyError, TypeError) as exc:  # JSON's errors are ValueErrors
        raise StageError(f"{path}: not a shard plan ({exc}) (run make shard-plan SHARDS=N again)") from None
    return shards, hashlib.sha256(text).hexdigest()


def _shard(entry: dict[str, Any]) -> Shard:
    """One shard of a plan, its paths checked: a plan travels between CI jobs, so it is read as untrusted."""
    number, boards, files = entry["number"], entry["boards"], entry["files"]
    if not isinstance(number, int) or number < 0 or not all(isinstance(x, str) for x in [*boards, *files]):
        raise ValueError("a shard's number must be a whole number and its boards and files text")
    for rel in files:
        parts = rel.split("/")
        if rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
            raise ValueError(f"{rel!r} is not a file of the docs folder")
    return Shard(number, list(boards), list(files))


def _built(marker: Path) -> dict[str, Any] | None:
    """What ``shard-build`` recorded in a shard's built.json, or None when it is missing or unreadable."""
    try:
        done = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return done if isinstance(done, dict) else None


def check_plan_current(docs: Path, shards: list[Shard], path: Path) -> None:
    """Refuse a plan made for other pages: a file added since would be left out, one gone would fail the build."""
    planned = {rel for shard in shards for rel in shard.files}
    present = set(docs_files(docs))
    if planned != present:
        added, gone = sorted(present - planned), sorted(planned - present)
        example = (added or gone)[0]
        raise StageError(
            f"{path}: the pages changed since the plan was made ({len(added)} added, {len(gone)} gone, such as "
            f"{example}) (run make shard-plan SHARDS=N again)"
        )


def build_one(config_path: Path, docs: Path, work: Path, number: int, planned_now: bool = False) -> int:
    """Build shard ``number`` of the plan in ``work`` and index its own pages; return the status.

    ``planned_now``: the plan was just made from ``docs`` in this process (``sharded_build``), so the
    walk of the docs folder that checks it is current is not repeated once per shard.
    """
    shards, digest = read_plan(work)
    found = [s for s in shards if s.number == number]
    if not found:
        numbers = ", ".join(str(s.number) for s in shards)
        raise StageError(f"{work / PLAN}: shard {number} is not in the plan (its shards: {numbers})")
    if not planned_now:
        check_plan_current(docs, shards, work / PLAN)
    shard = found[0]
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    path = prepare(shard, docs.resolve(), work.resolve(), config, config_path.resolve().parent)
    if build_shard(shard, path):
        return 1
    site, clock = path.parent / "site", time.perf_counter()
    pages = own_pages(shard, site, config)
    if pages:  # a shard of nothing but data files has no index
        search._pagefind(site, pages, site / bundle(number))
    shutil.rmtree(path.parent / "docs")  # links and stubs: not needed once built
    done = {"plan": digest, "pages": len(pages), "mkdocs": shard.seconds, "pagefind": time.perf_counter() - clock}
    (path.parent / BUILT).write_text(json.dumps(done, indent=1) + "\n", encoding="utf-8")
    print(f"shard {number}: {len(shard.files)} files, {len(pages)} pages indexed", file=sys.stderr)
    return 0


def bundle(number: int) -> str:
    """Where shard ``number``'s search index goes in the site: shard 0's is the main one."""
    return search.BUNDLE if number == 0 else f"{search.BUNDLE}/shard-{number}"


def own_pages(shard: Shard, site: Path, config: dict[str, Any]) -> list[str]:
    """The HTML pages of ``site`` that are the shard's own (not stubs) and searchable (data-pagefind-body)."""
    if shard.number == 0:  # every page: shard 0 has no stubs, and the theme's own pages are built here
        dests = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    else:
        directory = config.get("use_directory_urls", True)
        dests = [destination(rel, directory) for rel in shard.files if rel.endswith((".md", ".html"))]
    return sorted(d for d in dests if (site / d).is_file() and search.BODY in (site / d).read_bytes())


def destination(rel: str, directory_urls: bool = True) -> str:
    """The HTML file MkDocs writes for the docs file ``rel``."""
    if not rel.endswith(".md"):
        return rel
    stem = rel[: -len(".md")]
    head, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{head}/index.html" if head else "index.html"
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def combine_all(work: Path, out: Path) -> int:
    """Combine the built shards of the plan in ``work`` into a new site and swap it into ``out``."""
    shards, digest = read_plan(work)
    built: dict[int, dict[str, Any]] = {}
    for s in shards:
        marker = work / f"shard-{s.number}" / BUILT
        done = _built(marker)
        if done is None or done.get("plan") != digest:
            raise StageError(f"{marker.parent}: not built for this plan (run make shard-build SHARD={s.number})")
        built[s.number] = done
    for s in shards:  # combining moves each shard's output away: a second combine must ask for the builds again
        (work / f"shard-{s.number}" / BUILT).unlink()
    out = out.resolve()
    publish.remove_stale(out)
    fresh = publish.scratch(out, "new")
    try:
        ordered = [s for s in shards if s.number] + [s for s in shards if not s.number]
        combine([work / f"shard-{s.number}" / "site" for s in ordered], fresh)
        indexes = [f"shard-{s.number}/" for s in shards if s.number and (fresh / bundle(s.number)).is_dir()]
        if not (fresh / search.BUNDLE / "pagefind-entry.json").is_file():
            print(f"error: {work}/shard-0 has no search index; the previous {out}/ was left as it was.")
            return 1
        merge = json.dumps({"indexes": indexes, "hidden": []}, separators=(",", ":"))
        (fresh / search.BUNDLE / search.MERGE).write_text(merge + "\n", encoding="utf-8")
        publish.swap(fresh, out)
    finally:  # also on an exception or Ctrl-C
        shutil.rmtree(fresh, ignore_errors=True)
    print(summary(built, shards))
    return 0


def summary(built: dict[int, dict[str, Any]], shards: list[Shard]) -> str:
    """A Markdown table of each shard's files, pages indexed and times (the CI job's summary shows it)."""
    lines = ["| shard | boards | files | pages indexed | mkdocs (s) | Pagefind (s) |", "|---:" * 6 + "|"]
    for s in shards:
        done = built[s.number]
        times = [f"{done['mkdocs']:.1f}", f"{done['pagefind']:.1f}"]
        cells = [s.number, len(s.boards), len(s.files), done["pages"], *times]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


def sharded_build(config_path: Path, docs: Path, out: Path, count: int, jobs: int) -> int:
    """Build ``docs`` in ``count`` shards (``jobs`` at a time), combine them, swap into ``out``.

    The same steps as ``make shard-plan``, ``shard-build`` and ``shard-combine`` (publish/py),
    in one process, with the plan and the shards' outputs in a working folder beside ``out``.
    """
    out = out.resolve()
    publish.remove_stale(out)
    work = publish.scratch(out, "shards")
    try:
        clock = time.perf_counter()
        numbers = [s.number for s in write_plan(docs, work, count)]
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:  # each thread waits on its own processes
            statuses = list(pool.map(lambda n: build_one(config_path, docs, work, n, planned_now=True), numbers))
        built = time.perf_counter() - clock
        if any(statuses):
            print(f"error: a shard's mkdocs build failed; the previous {out}/ was left as it was.", file=sys.stderr)
            return 1
        status = combine_all(work, out)
        print(f"shards built {built:.1f} s; combined {time.perf_counter() - clock - built:.1f} s", file=sys.stderr)
        return status
    finally:  # also on an exception or Ctrl-C: never leave the working folder behind
        shutil.rmtree(work, ignore_errors=True)
