"""MkDocs hook for `mkdocs serve -f mkdocs.serve.yml`: regenerate pages from data/ before each rebuild.

`make serve` runs generator/serve.py instead, which renders only what an edit changed; this hook
stays for a preview driven by MkDocs' own server.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

from generator import build
from generator.preview import Preview
from generator.publish import publish

log = logging.getLogger("mkdocs.minutebook")


_preview: Preview | None = None


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate after an edit: the edited records' pages at once, the rest in the background.

    On data errors the previous pages stay and the errors are logged.
    """
    global _preview
    start = time.perf_counter()
    if _preview is None:
        root = Path(config["config_file_path"]).parent
        settings = build.Settings(date.today(), config["site_name"], config.get("site_url") or "/")
        _preview = Preview(root / "data", Path(config["docs_dir"]), settings)
        outcome = _preview.rebuild(background=False)  # the first build shows every page
    else:
        outcome = _preview.rebuild()
    _preview.take_written()  # MkDocs finds the changed files itself (generator/serve.py uses these lists)
    for line in outcome.report.lines():
        log.warning(line)
    if outcome.report.errors:
        log.warning("data has errors: the preview shows the last good pages")
    elif outcome.first is not None:
        seconds = time.perf_counter() - start
        written = len(outcome.first.written)
        log.info("preview: %d page(s) of the edited records in %.2f s; the rest follow", written, seconds)


_search_lock = threading.Lock()


def on_post_build(config: Any, **_: Any) -> None:
    """Once MkDocs has shown the edit: generate the rest of the site in the background, then index search.

    The full pass's writes cause one more rebuild; search is indexed after that one, when no
    pass is pending, so Pagefind does not compete with the rebuild that shows the edit. Pagefind
    re-reads every page of the preview folder (the pages a dirty rebuild kept as well), so search
    reflects the last build. A failure only warns: publish/publish.py is the real build.
    """
    if _preview is not None and _preview.pending is not None:
        _preview.start_full_pass()
        return
    threading.Thread(target=_index_search, args=(Path(config["site_dir"]),), daemon=True).start()


def _index_search(site: Path) -> None:
    with _search_lock:
        if not publish.index_search(site):
            log.warning("search: Pagefind failed, so search in the preview shows the last indexed build")
