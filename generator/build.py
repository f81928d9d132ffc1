"""The pipeline, nothing else: load, validate, link, render, write."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator import urls
from generator.exports import export_site
from generator.exports.sitemap import sitemap_files
from generator.ingest.load import FileCache, load_data
from generator.ingest.reference import read_reference
from generator.ingest.validate import ModelCache, validate_all
from generator.output.frontcheck import check_front_matter
from generator.output.ledger import check_ledger, explain, extend_ledger
from generator.output.lock import checkout_lock
from generator.output.spool import Spool, spooling
from generator.output.write import WriteResult, plan_writes, read_manifest, write_tree
from generator.records.diagnostics import Report
from generator.render import redirect_stubs, render_site_into
from generator.render.charts import ChartCache
from generator.site.checks import build_site
from generator.site.graph import Site
from generator.site.history.read import HistoryCache, read_history
from generator.site.history.record import commit_url_problem
from generator.site.redirects import copies, redirect_map
from generator.site.reuse import Content

log = logging.getLogger(__name__)


@dataclass
class Settings:
    """What a build needs besides the data."""

    today: date
    site_name: str = "Minutebook"
    site_url: str = "https://minutebook.example.org/"
    ledger: Path | None = None
    strict: bool = False
    new_ledger: bool = False  # start a ledger where there is none (never implied: see ledger.check_ledger)
    history: bool = True  # read each record's history from git (off: pages say history is not available)
    commit_url: str | None = None  # a commit's web address, with {commit} (mkdocs.yml: extra.history.commit_url)


@dataclass
class Caches:
    """What a long-running process (the preview server) keeps between builds."""

    files: FileCache = field(default_factory=dict)
    models: ModelCache = field(default_factory=dict)
    charts: ChartCache = field(default_factory=ChartCache)
    history: HistoryCache = field(default_factory=dict)


def check(data: Path, caches: Caches | None = None) -> tuple[Report, Site | None]:
    """Load and check everything; return the report and, if valid, the site."""
    report = Report()
    raw = load_data(data, report, caches.files if caches else None)
    models = validate_all(raw, report, caches.models if caches else None)
    models.reference = read_reference(data, report)
    site = build_site(models, report)
    return report, (None if report.errors else site)


def add_history(
    data: Path, site: Site, settings: Settings, report: Report, docs: Path | None = None, caches: Caches | None = None
) -> None:
    """Read the history of every record from git into ``site`` (the build warns once when there is none)."""
    problem = commit_url_problem(settings.commit_url) if settings.commit_url else None
    if problem:
        report.error("mkdocs.yml", 0, "extra.history.commit_url", problem)
    if settings.history:
        cache = caches.history if caches is not None else None
        site.history = read_history(data, site, report, settings.commit_url, docs, cache)


def generate(
    site: Site,
    settings: Settings,
    report: Report | None = None,
    charts: ChartCache | None = None,
    docs: Path | None = None,
    spool: Spool | None = None,
) -> list[tuple[str, Content]]:
    """Every generated file: pages, JSON Schemas and exports, then what keeps old URLs working, then the sitemap.

    Clashes in the redirect map go to ``report`` (they can be seen only once the files are known). The
    sitemap lists every page, the hand-written ones in ``docs`` too. With a ``spool``, pages and exports
    are staged on disk as they are made and the list holds only their digests (output/spool.py).
    """
    s = settings
    keep: Callable[[Content], Content] = spool.keep if spool is not None else lambda content: content
    pages = render_site_into(site, s.today, s.site_name, s.site_url, charts, keep)
    files: list[tuple[str, Content]] = sorted(pages.items())
    del pages
    exports = export_site(site, s.today, s.site_name, s.site_url)
    files += sorted((rel, keep(exports.pop(rel))) for rel in sorted(exports))
    by_url = {urls.url_of_file(rel): content for rel, content in files}
    moved = redirect_map(site, site.renames, set(by_url), report if report is not None else Report())
    stubs = redirect_stubs(site, s.today, s.site_name, s.site_url, {old: r.new for old, r in moved.items()})
    files += sorted(stubs.items()) + copies(moved, by_url)
    written = [rel for rel, _ in files if rel.endswith(".md") and rel not in stubs]
    return files + sorted(sitemap_files(site, s.site_url, written, hand_written_pages(docs)).items())


def hand_written_pages(docs: Path | None) -> list[str]:
    """The pages in ``docs`` (MkDocs' docs_dir) that the generator did not write, relative to it."""
    if docs is None or not docs.is_dir():
        return []
    manifest = read_manifest(docs)
    found = []
    root = str(docs)
    for folder, subfolders, names in os.walk(root):  # strings, not pathlib: 200,000 pages walk in seconds
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]  # the staging folders, .git
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        found += [prefix + name for name in names if name.endswith(".md") and not name.startswith(".")]
    return sorted(rel for rel in found if rel not in manifest)


def hand_written(docs: Path) -> set[str]:
    """URLs of pages in ``docs`` that the generator did not write."""
    return {urls.url_of_path(rel) for rel in hand_written_pages(docs)}


def build(data: Path, docs: Path, settings: Settings) -> tuple[Report, WriteResult | None]:
    """Check, then write every page; nothing is written when any check fails."""
    report, site = check(data)
    if site is None or report.failed(settings.strict):
        return report, None
    add_history(data, site, settings, report, docs)
    if report.failed(settings.strict):
        return report, None
    with spooling(docs) as spool:
        files = generate(site, settings, report, docs=docs, spool=spool)
        check_front_matter(files, docs, report)
        if report.failed(settings.strict):
            return report, None
        with checkout_lock(docs, "python -m generator build"):  # the command line holds it already
            result = _write(docs, files, settings, report, site)
    if result is None:
        return report, None
    log.info("wrote %d files, removed %d, %d unchanged", len(result.written), len(result.removed), result.unchanged)
    return report, result


def _write(
    docs: Path, files: list[tuple[str, Content]], settings: Settings, report: Report, site: Site
) -> WriteResult | None:
    """Check the targets and the ledger, then write; None if a check failed."""
    planned = plan_writes(docs, files, report)
    new_urls: list[str] = []
    if settings.ledger is not None:
        # The ledger holds page URLs (the contract with people who link to us). Every old URL of the
        # redirect map has a redirect page among them, so a URL resolves if a page or a redirect serves it.
        pages = {urls.url_of_path(rel) for rel in planned if rel.endswith(".md")}
        published = pages | hand_written(docs)
        new_urls = check_ledger(settings.ledger, published, report, lambda url: explain(site, url), settings.new_ledger)
    if report.failed(settings.strict):
        return None
    result = write_tree(docs, planned)
    if settings.ledger is not None:
        extend_ledger(settings.ledger, new_urls)
    return result
