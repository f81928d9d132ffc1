"""The pipeline, nothing else: load, validate, link, render, write."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator import urls
from generator.checks import build_site
from generator.diagnostics import Report
from generator.exports import export_site
from generator.frontcheck import check_front_matter
from generator.graph import Site
from generator.ledger import check_ledger, extend_ledger
from generator.load import FileCache, load_data
from generator.render import render_site
from generator.render.indicator_view import csv_files
from generator.render.reference import json_schemas
from generator.validate import ModelCache, validate_all
from generator.write import WriteResult, plan_writes, read_manifest, write_tree

log = logging.getLogger(__name__)


@dataclass
class Settings:
    """What a build needs besides the data."""

    today: date
    site_name: str = "Minutebook"
    site_url: str = "https://minutebook.example.org/"
    ledger: Path | None = None
    strict: bool = False


@dataclass
class Caches:
    """What a long-running process (the preview server) keeps between builds."""

    files: FileCache = field(default_factory=dict)
    models: ModelCache = field(default_factory=dict)


def check(data: Path, caches: Caches | None = None) -> tuple[Report, Site | None]:
    """Load and check everything; return the report and, if valid, the site."""
    report = Report()
    raw = load_data(data, report, caches.files if caches else None)
    models = validate_all(raw, report, caches.models if caches else None)
    site = build_site(models, report)
    return report, (None if report.errors else site)


def generate(site: Site, settings: Settings) -> list[tuple[str, str | bytes]]:
    """Every generated file: Markdown pages and JSON Schemas."""
    pages = render_site(site, settings.today, settings.site_name, settings.site_url)
    files = sorted(pages.items())
    files += [(f"schemas/{name}", text) for name, text in sorted(json_schemas().items())]
    files += csv_files(site)
    files += sorted(export_site(site, settings.today, settings.site_name, settings.site_url).items())
    return files


def hand_written(docs: Path) -> set[str]:
    """URLs of pages in ``docs`` that the generator did not write."""
    manifest = read_manifest(docs)
    found = set()
    for path in docs.rglob("*.md"):
        rel = path.relative_to(docs).as_posix()
        if rel not in manifest and not any(part.startswith(".") for part in path.parts):
            found.add(urls.url_of_path(rel))
    return found


def build(data: Path, docs: Path, settings: Settings) -> tuple[Report, WriteResult | None]:
    """Check, then write every page; nothing is written when any check fails."""
    report, site = check(data)
    if site is None or report.failed(settings.strict):
        return report, None
    files = generate(site, settings)
    check_front_matter(files, docs, report)
    if report.failed(settings.strict):
        return report, None
    planned = plan_writes(docs, files, report)
    new_urls: list[str] = []
    if settings.ledger is not None:
        # The ledger holds page URLs (the contract with people who link to us).
        pages = {urls.url_of_path(rel) for rel in planned if rel.endswith(".md")}
        published = pages | hand_written(docs)
        new_urls = check_ledger(settings.ledger, published, report)
    if report.failed(settings.strict):
        return report, None
    result = write_tree(docs, planned)
    if settings.ledger is not None:
        extend_ledger(settings.ledger, new_urls)
    log.info("wrote %d files, removed %d, %d unchanged", len(result.written), len(result.removed), result.unchanged)
    return report, result
