"""MkDocs hook for `make serve`: regenerate pages from data/ before each rebuild."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from generator import build

log = logging.getLogger("mkdocs.minutebook")


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate changed pages; on data errors keep the previous pages and log why."""
    root = Path(config["config_file_path"]).parent
    settings = build.Settings(date.today(), config["site_name"], config.get("site_url") or "/")
    report, result = build.build(root / "data", Path(config["docs_dir"]), settings)
    for line in report.lines():
        log.warning(line)
    if result is None:
        log.warning("data has errors: the preview shows the last good pages")
