"""Fast rebuilds for the live preview (`make serve`): the edited record first, the rest after.

A preview process keeps what it read and validated (build.Caches), so a rebuild after an edit
re-reads one file. It then writes, straight away, the pages whose subject is a record in a
changed file (a meeting's page and its decisions' pages, a person's page, ...), so MkDocs'
dirty rebuild shows the edit within a couple of seconds even on a large site. Pages that only
mention the record (indexes, feeds, other people's pages) follow from a full generation in a
background thread, whose writes MkDocs picks up as one more rebuild. Both passes produce the
same bytes as `python -m generator build`: the first pass renders with the same functions, and
the second is an ordinary full build. A newer edit cancels an unfinished second pass.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator import build
from generator.ingest.load import RawRecord
from generator.ingest.load_csv import RawTable
from generator.output.frontcheck import check_front_matter
from generator.output.lock import checkout_lock
from generator.output.write import WriteResult, plan_writes, write_some, write_tree
from generator.records.diagnostics import Report
from generator.records.registry import KIND
from generator.render import render_records
from generator.render.env import make_env
from generator.site.graph import Site

log = logging.getLogger("mkdocs.minutebook")  # shown by `mkdocs serve`
INDICATORS = "memo:indicator_states"  # Site.memo's table of site/indicators.py: every indicator's figures


@dataclass
class Rebuild:
    """What one rebuild did: the report, the pages written at once, and whether a full pass follows."""

    report: Report
    first: WriteResult | None = None
    full_pending: bool = False
    changed: list[str] = field(default_factory=list)


class Preview:
    """Regenerates ``docs`` from ``data`` for a long-running preview server."""

    def __init__(self, data: Path, docs: Path, settings: build.Settings) -> None:
        self.data, self.docs, self.settings = data, docs, settings
        self.caches = build.Caches()
        self.env: jinja2.Environment = make_env()
        self.generation = 0
        self.lock = threading.Lock()
        self.worker: threading.Thread | None = None
        self.pending: Site | None = None
        self.built_once = False
        self.last: Site | None = None  # the last valid site, whose indicator figures an edit elsewhere can reuse
        self.since_last: set[Path] = set()  # files changed or removed since ``last`` was checked
        self.written: list[WriteResult] = []  # what full passes wrote, until a server takes it (generator/serve.py)
        self.after_full: Callable[[], None] | None = None  # called when a background full pass ends

    def rebuild(self, background: bool = True) -> Rebuild:
        """Check the data and write the edited records' pages now.

        With ``background``, the full pass waits for ``start_full_pass`` (the hook calls it once
        MkDocs has shown the first pass, so the two do not compete for the interpreter);
        without, it runs before returning.
        """
        before = dict(self.caches.files)
        report, site = build.check(self.data, self.caches)
        changed = [path for path, entry in self.caches.files.items() if before.get(path) is not entry]
        removed = [path for path in before if path not in self.caches.files]  # load_data forgets them
        outcome = Rebuild(report, changed=[str(p) for p in sorted(changed + removed)])
        self.since_last.update(changed + removed)
        if site is None or report.failed(self.settings.strict):
            return outcome
        if self.built_once and not outcome.changed:
            return outcome  # a rebuild caused by our own writes to docs/
        self._reuse_indicators(site)
        build.add_history(self.data, site, self.settings, report, self.docs, self.caches)
        if report.failed(self.settings.strict):
            return outcome
        self.generation += 1
        if self.built_once:
            outcome.first = self._first_pass(site, changed, report)
        self.built_once = True
        outcome.full_pending = True
        if background:
            self.pending = site
        else:
            outcome.report.items.extend(self._full_pass(site, self.generation).items)
        return outcome

    def _reuse_indicators(self, site: Site) -> None:
        """Give ``site`` the last site's indicator figures when no file they are computed from has changed since."""
        last, files = self.last, self.caches.files
        unchanged = all(path in files and _not_indicators(files[path][1]) for path in self.since_last)
        if last is not None and INDICATORS in last.lookups and unchanged:
            site.lookups[INDICATORS] = last.lookups[INDICATORS]
        self.last, self.since_last = site, set()

    def start_full_pass(self) -> None:
        """Start the pending full pass in a background thread, if there is one."""
        site, self.pending = self.pending, None
        if site is not None:
            self.worker = threading.Thread(target=self._full_pass_logged, args=(site, self.generation), daemon=True)
            self.worker.start()

    def wait(self) -> None:
        """Wait for a running full pass (tests and scripts)."""
        if self.worker is not None:
            self.worker.join()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the right to write ``docs``: against this preview's other pass, and against builds."""
        with self.lock, checkout_lock(self.docs, "the preview (make serve)", log):
            yield

    def _first_pass(self, site: Site, changed: list[Path], report: Report) -> WriteResult | None:
        subjects = [subject for path in changed if (subject := _subject(self.caches.files[path][1])) is not None]
        s = self.settings
        pages = render_records(site, s.today, s.site_name, s.site_url, subjects, self.env, self.caches.charts)
        check_front_matter(sorted(pages.items()), self.docs, report)
        if report.errors:
            return None
        with self.writing():  # never check files while a full pass is half-way through writing them
            planned = plan_writes(self.docs, sorted(pages.items()), report)
            return None if report.errors else write_some(self.docs, planned)

    def _full_pass(self, site: Site, generation: int) -> Report:
        """Generate and write everything, unless a newer edit came first; say why nothing was written."""
        report = Report()
        # A clash in the redirect map stops the pass.
        files = build.generate(site, self.settings, report, self.caches.charts, self.docs)
        check_front_matter(files, self.docs, report)
        if report.errors:
            return report
        with self.writing():
            if generation != self.generation:
                return report  # a newer edit supersedes this pass
            planned = plan_writes(self.docs, files, report)
            if not report.errors:
                self.written.append(write_tree(self.docs, planned))
        return report

    def take_written(self) -> list[WriteResult]:
        """What the full passes wrote since the last call."""
        with self.lock:
            taken, self.written = self.written, []
        return taken

    def _full_pass_logged(self, site: Site, generation: int) -> None:
        """The background full pass: nobody waits for its report, so log it (e.g. a hand-written file in the way)."""
        for line in self._full_pass(site, generation).lines():
            log.warning(line)
        if self.after_full is not None:
            self.after_full()


def _not_indicators(read: object) -> bool:
    """Whether a file read is a record of a kind the indicator figures do not read (values are the indicators' CSVs)."""
    return isinstance(read, RawRecord) and read.kind != "indicators"


def _subject(read: object) -> tuple[str, str] | None:
    """The (kind, key) a file defines, as the site's dictionaries key it."""
    if isinstance(read, RawRecord):
        stem = str(read.data.get("id", read.stem))
        return (read.kind, KIND[read.kind].key_at(read.folder, stem))
    if isinstance(read, RawTable):
        return (read.kind, Path(read.path).stem)
    return None
