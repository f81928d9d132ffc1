"""Build the static site with MkDocs beside the old one, index it with Pagefind, and swap only on success.

Each build works in its own folder beside the site (``site.new-<pid>-<random>``), removed when
it ends, even on failure; folders left by a build that was killed are removed by the next one.
The swap exchanges the two folders in one step, so ``site/`` is always a whole site.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.output.spool import running

# What Pagefind leaves out of the search index, besides everything outside data-pagefind-body
# (header, nav, footer; see overrides/main.html): follow and download links, "last changed", "cite this
# decision" (the title and address again), "up" breadcrumbs, links to other meetings, and the
# rows of listing pages (each row has its own page, and a listing that matched every query
# would cost a reader its whole text in downloads before the first result).
PAGEFIND_EXCLUDE = (
    ".mb-follow",
    ".mb-changed",
    "#cite",
    ".mb-cite",
    ".mb-prevnext",
    ".mb-up",
    ".mb-anchor",  # a part's "#" link: for copying its address, not words of the record
    "[data-mb-listing] ul",
    "[data-mb-listing] ol",
    "[data-mb-listing] table",
)


def site_settings(config: Path) -> tuple[str, str]:
    """site_name and site_url from mkdocs.yml."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    url = str(data.get("site_url", "https://minutebook.example.org/"))
    return str(data.get("site_name", "Minutebook")), url if url.endswith("/") else url + "/"


def commit_url(config: Path) -> str | None:
    """The web address of a commit, from mkdocs.yml's ``extra: history: commit_url`` (None when not set)."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    extra = data.get("extra") or {}
    history = extra.get("history") if isinstance(extra, dict) else None
    url = history.get("commit_url") if isinstance(history, dict) else None
    return None if url is None else str(url)


# The domains reserved for examples (RFC 2606): a site published under one cannot be reached.
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")


def example_address(site_url: str) -> bool:
    """Whether ``site_url`` is on a domain reserved for examples (the one mkdocs.yml ships with)."""
    host = (urlsplit(site_url).hostname or "").lower()
    return host.endswith(".example") or any(host == d or host.endswith("." + d) for d in EXAMPLE_DOMAINS)


def address_problem(config: Path) -> str | None:
    """What is wrong with the site's address in ``config``, or None: canonical links, citations and feeds use it."""
    site_url = site_settings(config)[1]
    if not example_address(site_url):
        return None
    return (
        f"{config.name}: site_url: '{site_url}' is an example address, and every canonical link, citation and "
        f"feed of the site points at it (set site_url in {config.name} to the address the site is published at, "
        "such as its GitHub Pages address https://<owner>.github.io/<repository>/)"
    )


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
        # search.js reads pagefind/merge.json (search.py): here, one index and nothing to merge.
        (site / "pagefind" / "merge.json").write_text('{"indexes":[],"hidden":[]}\n', encoding="utf-8")
        return True
    print((result.stdout + result.stderr).strip(), file=sys.stderr)
    return False


def scratch(out: Path, kind: str) -> Path:
    """Make a working folder of this build beside ``out``, named ``<out>.<kind>-<pid>-<random>``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{out.name}.{kind}-{os.getpid()}-", dir=out.parent))


def remove_stale(out: Path) -> None:
    """Remove working folders beside ``out`` whose build has ended without removing them (it was killed)."""
    pattern = re.compile(rf"{re.escape(out.name)}\.(?:new|old|shards)(?:-(\d+)-\w+)?")
    for path in sorted(out.parent.iterdir()) if out.parent.is_dir() else []:
        found = pattern.fullmatch(path.name)
        if found and path.is_dir() and not running(found[1]):  # no pid: an earlier version's
            shutil.rmtree(path, ignore_errors=True)


def swap(fresh: Path, out: Path, remove: Callable[[Path], object] = shutil.rmtree) -> None:
    """Put the finished ``fresh`` folder where ``out`` is, in one step, then remove the old site.

    On Linux the two folders are exchanged atomically (renameat2 with RENAME_EXCHANGE), so a
    reader, a web server or an upload always finds a whole site at ``out``, old or new; and
    ``out`` stays a real folder, not a link. Elsewhere (macOS, or a file system without the
    exchange) the old site is renamed aside and the new one renamed in: ``out`` is missing for
    the moment between two renames. ``remove`` removes the old site once the new one is in place.
    """
    if not out.exists():
        fresh.rename(out)
    elif exchange(fresh, out):
        remove(fresh)
    else:
        old = scratch(out, "old")
        out.rename(old / "site")
        fresh.rename(out)
        shutil.rmtree(old)


RENAME_EXCHANGE = 2  # from <linux/fs.h>
AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Exchange two paths atomically with Linux's renameat2; False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if sys.platform == "linux" else None
    if renameat2 is None:  # not Linux, or a C library older than glibc 2.28
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EPERM, errno.EOPNOTSUPP):  # kernel, file system or sandbox
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def mkdocs_build(config: Path, out: Path) -> int:
    """Run ``mkdocs build --strict`` into a working folder, index it with Pagefind, then swap it into ``out``."""
    remove_stale(out)
    fresh = scratch(out, "new")
    try:
        failed = None
        if subprocess.run(mkdocs_command(config, fresh), check=False).returncode != 0:
            failed = "mkdocs build failed"
        elif not index_search(fresh):
            failed = "search indexing (Pagefind) failed"
        if failed:
            print(f"error: {failed}; the previous {out}/ was left as it was.", file=sys.stderr)
            return 1
        swap(fresh, out)
        return 0
    finally:  # also on an exception or Ctrl-C
        shutil.rmtree(fresh, ignore_errors=True)
