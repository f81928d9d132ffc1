"""Search for a site built again after an edit: the main index kept, the pages changed since in a small one.

Pagefind cannot add to or remove from an index it made, and indexing is about a millisecond a
page, so indexing every page again costs the whole site each build. Instead the published
search is two kinds of Pagefind index, searched as one (Pagefind's ``mergeIndex``):

- the **main** index of every page as it was when it was made (``pagefind/``; past
  ``SHARD_PAGES`` pages, in shards ``pagefind/main-<n>/``, each its own Pagefind process, so no
  indexing process holds the whole site);
- a **delta** index (``pagefind/delta/``) of every page whose HTML changed since the main index
  was made, made afresh each build from those pages alone;
- ``pagefind/merge.json``, read by ``content/assets/search.js``: the indexes to merge, and the
  ids of the main index's entries for pages changed or removed since, which the script drops from
  the results. A search so finds each page once, as it is now.

When the delta passes ``max(MIN_DELTA, DELTA_SHARE`` of the pages), or the pages, Pagefind's
options or its version change, the main index is made again and the delta is empty. The main
index's files are hard-linked from the published site like any unchanged file.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.publish import publish

BUNDLE = "pagefind"
MERGE = "merge.json"
SHARD_PAGES = 40_000  # pages per main shard: about 3.4 GB of Pagefind's memory at most (1.7 GB per 20,000)
MIN_DELTA = 1_000
DELTA_SHARE = 0.05
BODY = b"data-pagefind-body"


@dataclass
class SearchState:
    """The main index: its key, the digest of each page's HTML it holds, and each page's id in it."""

    key: str = ""
    pages: dict[str, str] = field(default_factory=dict)  # site path -> digest of the HTML indexed
    ids: dict[str, str] = field(default_factory=dict)  # site path -> the page's id in the main index
    files: list[str] = field(default_factory=list)  # the main index's files, relative to the site
    shards: int = 1


@dataclass
class Indexed:
    """What the search step did."""

    main: bool = False  # whether the main index was made again
    delta: int = 0  # pages in the delta index
    processes: int = 0


def search_key() -> str:
    """A digest of what an index depends on besides the pages: Pagefind's version and options."""
    version = importlib.metadata.version("pagefind-bin")
    return hashlib.sha256(f"{version}\0{publish.PAGEFIND_EXCLUDE}\0{SHARD_PAGES}".encode()).hexdigest()


def index(
    fresh: Path, pages: dict[str, str], old: SearchState, reusable: Callable[[str], bool], jobs: int = 2
) -> tuple[SearchState, Indexed]:
    """Index ``fresh`` (``pages``: site path -> digest of every HTML file), reusing ``old``'s main index if it can.

    ``reusable(path)`` links a file of the published site into ``fresh`` when it is intact (True),
    or says it cannot (False).
    """
    indexed = Indexed()
    key = search_key()
    changed = sorted(dest for dest, digest in pages.items() if old.pages.get(dest) != digest)
    gone = sorted(dest for dest in old.pages if dest not in pages)
    limit = max(MIN_DELTA, DELTA_SHARE * len(pages))
    if old.key != key or len(changed) + len(gone) > limit or not all(reusable(f) for f in old.files):
        shutil.rmtree(fresh / BUNDLE, ignore_errors=True)
        state = _main(fresh, pages, key, jobs, indexed)
        _write_merge(fresh, state, [], [])
        return state, indexed
    delta = [dest for dest in changed if BODY in (fresh / dest).read_bytes()]
    indexes = []
    if delta:
        _pagefind(fresh, delta, fresh / BUNDLE / "delta")
        indexes, indexed.delta, indexed.processes = ["delta/"], len(delta), 1
    hidden = sorted({old.ids[dest] for dest in [*changed, *gone] if dest in old.ids})
    _write_merge(fresh, old, indexes, hidden)
    return old, indexed


def _main(fresh: Path, pages: dict[str, str], key: str, jobs: int, indexed: Indexed) -> SearchState:
    """Make the main index of every page, in shards of at most SHARD_PAGES pages (``jobs`` at once)."""
    dests = sorted(pages)
    count = max(1, -(-len(dests) // SHARD_PAGES))
    shards = [dests[n::count] for n in range(count)]
    work = Path(tempfile.mkdtemp(dir=fresh.parent, prefix=f"{fresh.name}.index-"))
    try:
        outs = [work / str(n) for n in range(count)]
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, count))) as pool:  # each thread waits on its process
            list(pool.map(lambda n: _pagefind(fresh, shards[n], outs[n]), range(count)))
        os.replace(outs[0], fresh / BUNDLE)
        for n in range(1, count):
            os.replace(outs[n], fresh / BUNDLE / f"main-{n}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    indexed.main, indexed.processes = True, count
    state = SearchState(key, dict(pages), shards=count)
    state.ids = _ids(fresh / BUNDLE)
    for n in range(1, count):
        state.ids.update(_ids(fresh / BUNDLE / f"main-{n}"))
    state.files = sorted(p.relative_to(fresh).as_posix() for p in (fresh / BUNDLE).rglob("*") if p.is_file())
    return state


def _pagefind(site: Path, dests: list[str], out: Path) -> None:
    """Run Pagefind over the pages ``dests`` of ``site`` only, writing its bundle to ``out``."""
    with tempfile.TemporaryDirectory(dir=site.parent, prefix=f"{site.name}.search-") as scratch:
        for dest in dests:  # a folder of links to just these pages, at their paths in the site
            target = Path(scratch) / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(site / dest, target)
        command = publish.pagefind_command(Path(scratch))
        command += ["--output-path", str(out.resolve())]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SearchError((result.stdout + result.stderr).strip())


class SearchError(Exception):
    """Pagefind failed; its output says why."""


def _ids(bundle: Path) -> dict[str, str]:
    """Site path -> id of each page in the index at ``bundle`` (its fragment file's name)."""
    found = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        url = data["url"].lstrip("/")
        found[url + "index.html" if url.endswith("/") or not url else url] = fragment.stem
    return found


def _write_merge(fresh: Path, state: SearchState, indexes: list[str], hidden: list[str]) -> None:
    """Write merge.json: the indexes search.js merges with the main one, and the entries it drops."""
    shards = [f"main-{n}/" for n in range(1, state.shards)]
    text = json.dumps({"indexes": shards + indexes, "hidden": hidden}, separators=(",", ":"))
    (fresh / BUNDLE / MERGE).write_text(text + "\n", encoding="utf-8")
