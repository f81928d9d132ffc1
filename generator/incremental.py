"""A build that renders again only the pages an edit can have changed (``python -m generator site --cache``).

Pages are rendered in units (render.render_units: the index pages, each record's pages, the
reference page), each with a tracked site (site/tracking.py) that notes what it read. The
cache keeps, per unit, its reads and the digest of each file it wrote into the docs folder,
and, per read, the fingerprint of what it found. The next build, in a fresh process:

1. reads and checks data/ in full, taking unchanged files from the record cache (recordcache.py);
2. replays every stored read on the new site; a unit none of whose reads changed, whose files
   are in the docs folder as it left them (manifest digest and size and time), is not rendered:
   its files are passed on as ``Unchanged`` (output/write.py), not even read;
3. renders the rest with tracking, and the exports, redirects and checks exactly as
   ``build.generate`` does; writes through the same writer, ledger and lock.

So the result is the clean build's, byte for byte (tests/site/test_incremental.py), and a
corrupted or stale cache file is found by its checksum or code version and rebuilt
(output/store.py). A cached unit is only ever as good as its reads: code that reads the site
in a way the tracker cannot replay makes its unit volatile (rendered every time), never stale.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from generator import build, urls
from generator.exports import export_site
from generator.exports.sitemap import sitemap_files
from generator.output import store
from generator.output.frontcheck import check_front_matter
from generator.output.lock import checkout_lock
from generator.output.write import WriteResult, file_stat, read_manifest
from generator.recordcache import RecordCache, check_cached, code_version
from generator.records.diagnostics import Report
from generator.render import environment, redirect_stubs, render_units
from generator.render.charts import ChartCache
from generator.render.pages import Renderer
from generator.site.graph import Site
from generator.site.history.read import HistoryCache
from generator.site.redirects import copies, redirect_map
from generator.site.reuse import Content, Unchanged, data_of, reusing
from generator.site.tracking import Fingerprints, Read, Tracker

log = logging.getLogger(__name__)
TODAY: Read = ("today",)


@dataclass
class UnitState:
    """What one unit read (indexes into the read table) and wrote (path -> digest, and size and time)."""

    reads: tuple[int, ...]
    files: dict[str, tuple[str, tuple[int, int]]]
    volatile: str = ""


@dataclass
class PageState:
    """The page cache: every stored read with its fingerprint, every unit, and every serialised export.

    ``exports`` is path -> (key of the data it was made from, digest, size and time).
    """

    reads: list[tuple[Read, str]] = field(default_factory=list)
    units: dict[tuple[str, ...], UnitState] = field(default_factory=dict)
    exports: dict[str, tuple[str, str, tuple[int, int]]] = field(default_factory=dict)
    dated: dict[str, bool] = field(default_factory=dict)  # template -> whether it shows `today` (TrackedRenderer)
    memos: dict[tuple[str, Any], tuple[bytes, tuple[int, ...]]] = field(default_factory=dict)  # tracking.KEPT values
    compacted: int = 0  # the read table's length when reads no longer used were last dropped (_compact)


class ExportMemo:
    """The exports of the last build, reusable where their data is unchanged (site/reuse.py's Reuse)."""

    def __init__(self, docs: Path, old: PageState, fresh: PageState, manifest: dict[str, str]) -> None:
        self.docs, self.old, self.fresh, self.manifest = docs, old, fresh, manifest
        self.reused = 0

    def known(self, path: str, key: str) -> Unchanged | None:
        """The file at ``path`` when the last build made it from the same data and it is intact."""
        entry = self.old.exports.get(path)
        if entry is None or entry[0] != key:
            return None
        now = _intact_file(self.docs, path, entry[1], entry[2], self.manifest)
        if now is None:
            return None
        self.fresh.exports[path] = (key, entry[1], now)
        self.reused += 1
        return Unchanged(entry[1], now)

    def learn(self, path: str, key: str, data: bytes) -> None:
        """Remember what ``key`` made."""
        self.fresh.exports[path] = (key, hashlib.sha256(data).hexdigest(), (-1, -1))

    def read(self, path: str, digest: str) -> bytes:
        """The bytes of an unchanged file, read back and checked."""
        data = (self.docs / path).read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            raise RuntimeError(f"{self.docs / path} changed during the build")
        return data


@dataclass
class Outcome:
    """What a cached build reused and rendered, and the time of each step, for the log and the benchmarks."""

    reused: int = 0
    rendered: int = 0
    exports_reused: int = 0
    memos_reused: int = 0
    volatile: int = 0
    notes: list[str] = field(default_factory=list)
    phases: dict[str, tuple[float, float]] = field(default_factory=dict)  # step -> (wall, CPU) seconds

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time the block as step ``name``."""
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.phases[name] = (time.perf_counter() - wall, time.process_time() - cpu)

    def summary(self) -> str:
        """One line: what was reused, and the time of each step."""
        steps = ", ".join(f"{name} {wall:.2f} s (CPU {cpu:.2f} s)" for name, (wall, cpu) in self.phases.items())
        return (
            f"cache: {self.reused} units reused, {self.rendered} rendered ({self.volatile} volatile), "
            f"{self.exports_reused} exports reused, {self.memos_reused} shared values reused; {steps}"
        )


LAST: list[Outcome] = []  # the last cached build's outcome in this process (benchmarks read it)


class TrackedRenderer(Renderer):
    """A renderer whose pages note reading the build date, when their code or template does."""

    tracker: Tracker | None = None
    dated: dict[str, bool] | None = None  # template name -> whether it (or what it includes) uses `today`

    def __getattribute__(self, name: str) -> Any:
        if name == "today":
            tracker = object.__getattribute__(self, "tracker")
            if tracker is not None:
                tracker.record(TODAY)
        return object.__getattribute__(self, name)

    def context(self, template: str) -> dict[str, Any]:
        """The shared values, noting the build date only if the template can show it."""
        dated, tracker = object.__getattribute__(self, "dated"), object.__getattribute__(self, "tracker")
        if dated is not None and tracker is not None:
            if template not in dated:
                dated[template] = uses(self.env, template, "today")
            if dated[template]:
                tracker.record(TODAY)
        return self.shared(object.__getattribute__(self, "today"))


def uses(env: jinja2.Environment, template: str, name: str, seen: set[str] | None = None) -> bool:
    """Whether ``template``, or a template it includes, imports or extends, refers to the variable ``name``."""
    seen = seen if seen is not None else set()
    if template in seen or env.loader is None:
        return False
    seen.add(template)
    tree = env.parse(env.loader.get_source(env, template)[0])
    if name in meta.find_undeclared_variables(tree):
        return True
    return any(uses(env, ref, name, seen) for ref in meta.find_referenced_templates(tree) if ref is not None)


@contextmanager
def _no_collection() -> Iterator[None]:
    """Run the block without Python's cycle collector, then freeze what it made: the records stay for the whole
    build, so collecting never frees them, only walks them again (at 20,000 pages the collections after
    unpickling the record cache doubled the check's CPU time: 4.4 s against 2.1 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def pages_path(cache: Path) -> Path:
    """The file of the page cache."""
    return cache / "pages.pickle"


def build_cached(data: Path, docs: Path, settings: build.Settings, cache: Path) -> tuple[Report, WriteResult | None]:
    """``build.build`` with the record and page caches in ``cache`` (created when missing)."""
    outcome = Outcome()
    LAST[:] = [outcome]
    with outcome.phase("check"), _no_collection():
        version = code_version()
        records = RecordCache(cache, version)
        report, site, digests = check_cached(data, records)
    if site is None or report.failed(settings.strict):
        return report, None
    with outcome.phase("history"):
        replays = _load_history(cache, version, outcome)
        build.add_history(data, site, settings, report, docs, build.Caches(history=replays))
    if report.failed(settings.strict):
        return report, None
    # Pages also read the reference rules and the redaction list, which the tracker does not see: a change
    # to either renders every page again. History is tracked entry by entry (site/tracking_history.py).
    page_version = f"{version}:{settings.site_name}:{settings.site_url}:{_untracked(data)}"
    with outcome.phase("generate"):
        state, why = store.load(pages_path(cache), page_version)
        if not isinstance(state, PageState):
            state = PageState()
        outcome.notes = (
            records.notes + outcome.notes + ([f"page cache: {why}; rebuilt"] if why and why != "none yet" else [])
        )
        files, fresh = generate_cached(site, settings, report, digests, docs, state, outcome)
    with outcome.phase("front matter"):
        check_front_matter(files, docs, report)
    if report.failed(settings.strict):
        return report, None
    with outcome.phase("write"), checkout_lock(docs, "python -m generator build"):
        result = build._write(docs, files, settings, report, site)
    if result is None:
        return report, None
    with outcome.phase("save cache"):
        records.save()
        store.save(pages_path(cache), page_version, _settle(fresh, docs))
        _save_history(cache, version, replays)
    for note in outcome.notes:
        log.warning(note)
    return report, result


def history_path(cache: Path) -> Path:
    """The file of the history cache: the replay of the log as of the last build's HEAD (site/history/read.py)."""
    return cache / "history.pickle"


def _load_history(cache: Path, version: str, outcome: Outcome) -> HistoryCache:
    """The last build's replay of the history, so that this build reads only the commits since (or nothing)."""
    replays, why = store.load(history_path(cache), version)
    if why and why != "none yet":
        outcome.notes.append(f"history cache: {why}; history read in full")
    return replays if isinstance(replays, dict) else {}


def _save_history(cache: Path, version: str, replays: HistoryCache) -> None:
    """Keep the replay for the next build, without the versions matched to this build's files (the record cache
    has them; the next build matches its own)."""
    for replay in replays.values():
        replay.walk.versions = {}
    store.save(history_path(cache), version, replays)


def _untracked(data: Path) -> str:
    """A digest of what pages read outside the tracker: the reference rules and the redaction list."""
    digest = hashlib.sha256()
    folder = data / "reference"
    extra = [data / "redactions.yml"]
    for path in [*(sorted(folder.glob("*")) if folder.is_dir() else []), *(p for p in extra if p.is_file())]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def generate_cached(
    site: Site,
    settings: build.Settings,
    report: Report,
    digests: dict[str, str],
    docs: Path,
    state: PageState,
    outcome: Outcome,
) -> tuple[list[tuple[str, Content]], PageState]:
    """``build.generate``, rendering only the units whose reads changed; also the new page state."""
    s = settings
    manifest = read_manifest(docs)
    pages, fresh = render_cached(site, s, digests, docs, state, outcome, manifest)
    files: list[tuple[str, Content]] = sorted(pages.items())
    memo = ExportMemo(docs, state, fresh, manifest)
    with reusing(memo), outcome.phase("exports"):
        files += sorted(export_site(site, s.today, s.site_name, s.site_url).items())
        rel_of = {urls.url_of_file(rel): rel for rel, _ in files}
        by_url = {url: content for url, content in zip(rel_of, (content for _, content in files), strict=True)}
        moved = redirect_map(site, site.renames, set(by_url), report)
        stubs = redirect_stubs(site, s.today, s.site_name, s.site_url, {old: r.new for old, r in moved.items()})
        old_files = {old: r for old, r in moved.items() if not old.endswith("/")}
        served = {r.new: _bytes(rel_of[r.new], by_url[r.new]) for r in old_files.values()}
    outcome.exports_reused = memo.reused
    files += sorted(stubs.items()) + copies(old_files, served)
    written = [rel for rel, _ in files if rel.endswith(".md") and rel not in stubs]
    files += sorted(sitemap_files(site, s.site_url, written, build.hand_written_pages(docs)).items())
    return files, fresh


def _bytes(rel: str, content: Content) -> str | bytes:
    """The content of a generated file, read back from the docs folder when the cache kept only its digest."""
    return content if isinstance(content, str) else data_of(rel, content)


def render_cached(
    site: Site,
    settings: build.Settings,
    digests: dict[str, str],
    docs: Path,
    state: PageState,
    outcome: Outcome,
    manifest: dict[str, str],
) -> tuple[dict[str, Content], PageState]:
    """Every page by path: rendered afresh, or Unchanged when its unit's reads are all unchanged."""
    tracker = Tracker(site)
    env = environment()
    renderer = TrackedRenderer(tracker.view, env, settings.today, settings.site_name, settings.site_url, ChartCache())  # type: ignore[arg-type]
    # Which templates show the build date: parsing them all costs more than rendering a few pages, and the
    # answer holds while the code (templates included) does, as the page cache itself does.
    renderer.tracker, renderer.dated = tracker, dict(getattr(state, "dated", {}))
    prints = Fingerprints(site, digests)
    prints.done[TODAY] = _print(repr(settings.today))
    with outcome.phase("verify reads"):
        now = [prints.of(read) for read, _ in state.reads]
        changed = {i for i, ((_, old), new) in enumerate(zip(state.reads, now, strict=True)) if new != old}
    memos = getattr(state, "memos", {})
    tracker.kept = {
        key: (body, frozenset(state.reads[i][0] for i in reads))
        for key, (body, reads) in memos.items()
        if changed.isdisjoint(reads)
    }
    pages: dict[str, Content] = {}
    # The new read table is the old one with today's fingerprints, so a reused unit keeps its numbers (renumbering
    # every unit's reads took 76 s at 200,000 pages); new reads are added; reads no unit uses are dropped when
    # the table has doubled since they last were (_compact).
    fresh = PageState(
        dated=renderer.dated,
        reads=[(read, new) for (read, _), new in zip(state.reads, now, strict=True)],
        compacted=getattr(state, "compacted", 0),
    )
    numbering: list[dict[Read, int]] = []  # the table's index, made once, when a unit first needs it

    def index() -> dict[Read, int]:
        if not numbering:
            numbering.append({read: i for i, (read, _) in enumerate(fresh.reads)})
        return numbering[0]

    with outcome.phase("render"):
        for key, make in render_units(renderer):
            old = state.units.get(key)
            kept = _intact(old, docs, manifest) if old and not old.volatile and changed.isdisjoint(old.reads) else None
            if old is not None and kept is not None:
                pages.update({path: Unchanged(dig, stat) for path, (dig, stat) in kept.items()})
                fresh.units[key] = UnitState(old.reads, kept)
                outcome.reused += 1
                continue
            with tracker.unit() as unit_log:
                texts = make()
            pages.update(texts)
            files = {path: (hashlib.sha256(text.encode()).hexdigest(), (-1, -1)) for path, text in texts.items()}
            numbers = _numbers(list(unit_log.reads), index(), fresh, prints)
            fresh.units[key] = UnitState(numbers, files, unit_log.volatile)
            outcome.rendered += 1
            outcome.volatile += bool(unit_log.volatile)
            if unit_log.volatile:
                log.debug("unit %s is volatile: %s", key, unit_log.volatile)
    for key, (body, memo_reads) in sorted(tracker.kept.items(), key=lambda item: repr(item[0])):  # new or still valid
        if key in memos and memos[key][0] is body:  # taken from the last build: its numbers still hold
            fresh.memos[key] = memos[key]
            continue
        fresh.memos[key] = (body, _numbers(sorted(memo_reads, key=repr), index(), fresh, prints))
    outcome.memos_reused = tracker.reused
    if len(fresh.reads) > 2 * fresh.compacted + 1000:
        _compact(fresh)
    return pages, fresh


def _print(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _numbers(reads: list[Read], index: dict[Read, int], fresh: PageState, prints: Fingerprints) -> tuple[int, ...]:
    """The reads as indexes into the new read table, adding those it lacks with their fingerprints now."""
    numbers = []
    for read in reads:
        number = index.get(read)
        if number is None:
            number = index[read] = len(fresh.reads)
            fresh.reads.append((read, prints.of(read)))
        numbers.append(number)
    return tuple(numbers)


def _compact(state: PageState) -> None:
    """Drop the reads no unit or kept value uses any more, numbering the rest again in their order."""
    used = sorted(
        {i for unit in state.units.values() for i in unit.reads} | {i for _, r in state.memos.values() for i in r}
    )
    number = {old: new for new, old in enumerate(used)}
    state.reads = [state.reads[i] for i in used]
    for unit in state.units.values():
        unit.reads = tuple(number[i] for i in unit.reads)
    state.memos = {key: (body, tuple(number[i] for i in reads)) for key, (body, reads) in state.memos.items()}
    state.compacted = len(state.reads)


def _intact(unit: UnitState, docs: Path, manifest: dict[str, str]) -> dict[str, tuple[str, tuple[int, int]]] | None:
    """The unit's files with their size and time now, if every one is in the docs folder as the last build left it."""
    found = {}
    for path, (dig, stat) in unit.files.items():
        now = _intact_file(docs, path, dig, stat, manifest)
        if now is None:
            return None
        found[path] = (dig, now)
    return found


def _intact_file(
    docs: Path, path: str, dig: str, stat: tuple[int, int], manifest: dict[str, str]
) -> tuple[int, int] | None:
    """The file's size and time now, if the manifest and the file hold ``dig`` (a file whose size or
    time changed since, as after restoring a cache, is read and checked); else None."""
    if manifest.get(path) != dig:
        return None
    where = os.path.join(docs, path)  # strings, not pathlib: this runs for every file of the site
    now = file_stat(where)
    if now != stat and (now[0] < 0 or hashlib.sha256(Path(where).read_bytes()).hexdigest() != dig):
        return None
    return now


def _settle(fresh: PageState, docs: Path) -> PageState:
    """Record the size and time of each file as written, so the next build need not read it to trust it."""
    for unit in fresh.units.values():
        for path, (dig, stat) in list(unit.files.items()):
            if stat == (-1, -1):
                unit.files[path] = (dig, file_stat(os.path.join(docs, path)))
    for path, (key, dig, stat) in list(fresh.exports.items()):
        if stat == (-1, -1):
            fresh.exports[path] = (key, dig, file_stat(os.path.join(docs, path)))
    return fresh
