"""Build the static site with MkDocs beside the old one, index it with Pagefind, and swap only on success."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

# What Pagefind leaves out of the search index, besides everything outside data-pagefind-body
# (header, nav, footer; see overrides/main.html): follow and download links, "cite this
# decision" (the title and address again), "up" breadcrumbs, links to other meetings, and the
# rows of listing pages (each row has its own page, and a listing that matched every query
# would cost a reader its whole text in downloads before the first result).
PAGEFIND_EXCLUDE = (
    ".mb-follow",
    "#cite",
    ".mb-cite",
    ".mb-prevnext",
    ".mb-up",
    "[data-mb-listing] ul",
    "[data-mb-listing] ol",
    "[data-mb-listing] table",
)


def site_settings(config: Path) -> tuple[str, str]:
    """site_name and site_url from mkdocs.yml."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    url = str(data.get("site_url", "https://minutebook.example.org/"))
    return str(data.get("site_name", "Minutebook")), url if url.endswith("/") else url + "/"


def mkdocs_command(config: Path, out: Path) -> list[str]:
    """The ``mkdocs build --strict`` command that builds ``config`` into ``out``."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out.resolve())]


def pagefind_command(site: Path) -> list[str]:
    """The Pagefind command that indexes the built ``site`` in place (into ``site``/pagefind/).

    ``python -m pagefind`` runs the binary from the pinned ``pagefind-bin`` wheel (or the one
    named by the PAGEFIND_BINARY_PATH environment variable).
    """
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site.resolve()),
        "--exclude-selectors",
        ", ".join(PAGEFIND_EXCLUDE),
        "--quiet",
    ]


def index_search(site: Path) -> bool:
    """Run Pagefind over ``site``; say nothing on success, show its output on failure."""
    try:
        result = subprocess.run(pagefind_command(site), capture_output=True, text=True, check=False)
    except OSError as exc:
        print(f"error: could not run Pagefind: {exc}", file=sys.stderr)
        return False
    if result.returncode == 0:
        return True
    print((result.stdout + result.stderr).strip(), file=sys.stderr)
    return False


def swap(fresh: Path, out: Path) -> None:
    """Put the finished ``fresh`` folder where ``out`` was, with the old one gone only at the end."""
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    fresh.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def mkdocs_build(config: Path, out: Path) -> int:
    """Run ``mkdocs build --strict`` into ``out``.new, index it with Pagefind, then swap it into place."""
    fresh = out.with_name(out.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    failed = None
    if subprocess.run(mkdocs_command(config, fresh), check=False).returncode != 0:
        failed = "mkdocs build failed"
    elif not index_search(fresh):
        failed = "search indexing (Pagefind) failed"
    if failed:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"error: {failed}; the previous {out}/ was left as it was.", file=sys.stderr)
        return 1
    swap(fresh, out)
    return 0
