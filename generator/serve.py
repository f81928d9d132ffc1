"""`make serve`: a live preview that keeps the built site in memory and renders only what an edit changed.

``mkdocs serve --dirty`` lists every file of content/ and makes a page object and nav entry for
every page before it renders the few that changed: about 5 s at 20,000 pages, plus a watcher
that polls all 40,000 files. This server builds the site once with MkDocs' own ``build``, keeps
MkDocs' files, nav and theme environment, and after an edit renders only the files the generator
wrote (generator/preview.py: the edited record's pages at once, the rest from a full generation
in the background) or the hand-written file that was saved (publish/live.py). It watches data/,
mkdocs.yml, the theme overrides and the hand-written folders of content/, never the generated
ones. A change to the theme rebuilds every page; one to mkdocs.yml asks for a restart. Serving,
livereload and the wait for a rebuild to finish are MkDocs' own
(``mkdocs.livereload.LiveReloadServer``), on localhost.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
import watchdog.observers.polling
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url
from watchdog.observers.api import BaseObserver

from generator import build
from generator.output.write import MANIFEST, read_manifest
from generator.preview import Preview
from generator.publish import publish
from generator.publish.live import LiveSite
from generator.records.diagnostics import Report

log = logging.getLogger("mkdocs.minutebook")


class Changes:
    """Paths the watcher saw change since the last rebuild."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.paths: set[str] = set()

    def note(self, path: str) -> None:
        with self.lock:
            self.paths.add(path)

    def take(self) -> set[str]:
        with self.lock:
            taken, self.paths = self.paths, set()
        return taken


class PreviewServer:
    """Generates, builds and serves the site from a temporary folder; rebuilds what each edit changed."""

    def __init__(self, root: Path, host: str, port: int) -> None:
        self.root, self.site_dir = root, tempfile.mkdtemp(prefix="minutebook-preview-")
        config = load_config(str(root / "mkdocs.yml"), site_dir=self.site_dir, strict=False)
        mount = urlsplit(config.site_url or "/").path
        config.site_url = _serve_url(host, port, mount)  # as `mkdocs serve` does: links work on localhost
        self.config, self.docs = config, Path(config.docs_dir)
        settings = build.Settings(date.today(), config.site_name, config.site_url)
        self.preview = Preview(root / "data", self.docs, settings)
        self.preview.after_full = self.request_rebuild
        self.live, self.changes = LiveSite(config), Changes()
        # Polled every 0.25 s where the system cannot tell (see _observer): only data/ and hand-written files.
        self.server = LiveReloadServer(
            self.rebuild, host, port, root=self.site_dir, mount_path=mount, polling_interval=0.25
        )
        self.server.error_handler = self._error_page
        self.search_lock, self.stopped = threading.Lock(), False

    def start(self) -> None:
        """Generate and build everything once, then serve until interrupted."""
        self._log(self.preview.rebuild(background=False).report)
        self.preview.take_written()  # the first build renders every page anyway
        self.live.build()
        self._index_search()
        # The server's own watch of data/ starts its watcher and adds livereload to every page; this
        # server's handler notes what changed (and ignores the generator's manifest in content/).
        self.server.observer = _observer(self.watched())  # type: ignore[assignment]
        self.server.watch(str(self.root / "data"))
        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = self._noted  # type: ignore[method-assign]
        for path, recursive in self.watched():
            self.server.observer.schedule(handler, str(path), recursive=recursive)
        try:
            self.server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            self.server.shutdown()
            with self.search_lock:  # a Pagefind run would write into the folder after it is removed
                self.stopped = True
                shutil.rmtree(self.site_dir, ignore_errors=True)

    def watched(self) -> list[tuple[Path, bool]]:
        """data/, mkdocs.yml, the theme overrides and content/'s hand-written folders (not the generated ones)."""
        generated = {rel.split("/", 1)[0] for rel in read_manifest(self.docs)}
        folders = [(self.root / "data", True), (self.root / "mkdocs.yml", False), (self.docs, False)]
        if self.config.theme.custom_dir:
            folders.append((Path(self.config.theme.custom_dir), True))
        hand = sorted(p for p in self.docs.iterdir() if p.is_dir() and p.name not in generated)
        return folders + [(folder, True) for folder in hand]

    def request_rebuild(self) -> None:
        """Ask the server's build loop for a rebuild (MkDocs 1.6.1's own flag, as its watcher sets it)."""
        with self.server._rebuild_cond:
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()

    def rebuild(self) -> None:
        """After an edit: regenerate what the data changed and render just those files."""
        clock = time.perf_counter()
        paths = self.changes.take()
        if str(self.root / "mkdocs.yml") in paths:
            log.warning("mkdocs.yml changed: stop and start `make serve` again to see it")
        theme = self.config.theme.custom_dir
        if theme and any(p.startswith(theme + os.sep) for p in paths):
            self.live.build()  # every page embeds the theme
            return
        written = [rel for p in paths if (rel := self._in_docs(p)) is not None]
        removed: list[str] = []
        data = str(self.root / "data") + os.sep
        first = None
        if self._data_changed([p for p in paths if p.startswith(data)]):
            outcome = self.preview.rebuild()
            self._log(outcome.report)
            first = outcome.first
            written += first.written if first is not None else []
        for result in self.preview.take_written():
            written, removed = written + result.written, removed + result.removed
        rendered = self.live.update(written, removed)
        if first is not None:
            seconds = time.perf_counter() - clock
            log.info("preview: %d page(s) of the edited records in %.2f s; the rest follow", rendered, seconds)
        elif written or removed:
            files, seconds = len(set(written)) + len(set(removed)), time.perf_counter() - clock
            log.info("preview: %d file(s) changed, %d page(s) rendered in %.2f s", files, rendered, seconds)
        if self.preview.pending is not None:
            self.preview.start_full_pass()
        elif written or removed:
            self._index_search()

    def _data_changed(self, paths: list[str]) -> bool:
        """Whether any of these files of data/ differs from what the preview read (the watcher reports a save
        in several events, and checking the whole dataset again for each would waste a second or more)."""
        for name in paths:
            path = Path(name)
            known = self.preview.caches.files.get(path)
            try:
                info = path.stat()
            except OSError:
                return True  # removed, or replaced while we looked
            if known is None or known[0] != (info.st_mtime_ns, info.st_size, info.st_ctime_ns, info.st_ino):
                return True
        return False

    def _noted(self, event: watchdog.events.FileSystemEvent) -> None:
        """Note a changed file and ask for a rebuild, unless it is one of the generator's or a hidden file."""
        paths = [os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")]
        wanted = [path for path in paths if path and not os.path.basename(path).startswith(".")]
        if not event.is_directory and wanted:
            for path in wanted:
                self.changes.note(path)
            self.request_rebuild()

    def _in_docs(self, path: str) -> str | None:
        """``path`` relative to the docs folder (a hand-written file), or None."""
        rel = os.path.relpath(path, self.docs)
        if rel.startswith("..") or rel == MANIFEST or os.path.basename(rel).startswith("."):
            return None
        return rel.replace(os.sep, "/")

    def _log(self, report: Report) -> None:
        for line in report.lines():
            log.warning(line)
        if report.errors:
            log.warning("data has errors: the preview shows the last good pages")

    def _index_search(self) -> None:
        """Index search in the background: Pagefind re-reads every page, so search shows the last build."""
        threading.Thread(target=self._search, daemon=True).start()

    def _search(self) -> None:
        with self.search_lock:
            if not self.stopped and not publish.index_search(Path(self.site_dir)):
                log.warning("search: Pagefind failed, so search in the preview shows the last indexed build")

    def _error_page(self, code: int) -> bytes | None:
        page = Path(self.site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None


def _observer(paths: list[tuple[Path, bool]]) -> BaseObserver:
    """The system's file watcher (inotify on Linux: an edit is seen at once, nothing is polled), if it can
    watch ``paths``; else MkDocs' own, which polls them every 0.25 s."""
    trial = watchdog.observers.Observer()
    try:
        for path, recursive in paths:
            trial.schedule(watchdog.events.FileSystemEventHandler(), str(path), recursive=recursive)
        trial.start()
    except OSError as exc:  # e.g. the system's limit of watched folders
        log.info("watching files by polling (%s)", exc)
        return watchdog.observers.polling.PollingObserver(timeout=0.25)
    trial.stop()
    trial.join()
    return watchdog.observers.Observer()


LOCAL = ("127.0.0.1", "localhost", "::1")  # the preview serves unpublished data: never on a network


def main(argv: list[str] | None = None) -> None:
    """Run the preview server (`make serve`)."""
    parser = argparse.ArgumentParser(prog="python -m generator.serve", description=__doc__.splitlines()[0])
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="host:port to serve on (localhost)")
    args = parser.parse_args(argv)
    host, _, port = args.dev_addr.rpartition(":")
    if host.strip("[]") not in LOCAL or not port.isdigit():
        parser.error(f"--dev-addr {args.dev_addr!r}: give 127.0.0.1:PORT or localhost:PORT (for this machine only)")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    signal.signal(signal.SIGTERM, _stop)  # stopped by a process manager: remove the site folder as Ctrl-C does
    PreviewServer(Path.cwd(), host.strip("[]"), int(port)).start()


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    main()
