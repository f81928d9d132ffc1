"""Measure search: Pagefind's files on disk, and what a reader downloads before the first result.

Usage: python scripts/bench_search.py SITE [--query "winter pressures"] [--lunr CONFIG]

SITE is a built site (python -m generator site --out SITE). The download is measured in
headless Chromium (Debian's, as in the browser tests): a fresh browser opens the home page,
types the query into the header box, and waits until its results are listed; every response
under /pagefind/ up to then is counted. Sizes are the bytes as served by a plain file server
("raw"), and as a host that gzips text would send them ("gzip"; Pagefind's index files are
already compressed, so only its JavaScript shrinks). --lunr CONFIG also builds the site with
MkDocs' built-in (lunr) search plugin on, for comparison, and reports its index, which the
reader downloads whole before any result. scripts/bench.py uses these functions for its table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERY = "winter pressures"
INDEX_SUFFIXES = (".pf_index", ".pf_fragment", ".pf_meta")


def pagefind_sizes(site: Path) -> dict[str, float]:
    """Pagefind's folder on disk in KB: the index (meta, word chunks, fragments) and the whole bundle."""
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    index = [p for p in files if p.suffix in INDEX_SUFFIXES]
    return {
        "pagefind_kb": sum(p.stat().st_size for p in files) / 1024,
        "pagefind_index_kb": sum(p.stat().st_size for p in index) / 1024,
        "pagefind_chunks": sum(p.suffix == ".pf_index" for p in index),
        "pagefind_fragments": sum(p.suffix == ".pf_fragment" for p in index),
        "pagefind_largest_kb": max((p.stat().st_size for p in index), default=0) / 1024,
    }


def gzipped_size(body: bytes) -> int:
    """What a host that gzips responses would send (already-gzipped files are sent as they are)."""
    return len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 6))


def search_fetch(site: Path, query: str = QUERY) -> dict[str, float]:
    """Bytes under /pagefind/ fetched in Chromium from focusing the search box until ``query``'s results show."""
    from playwright.sync_api import expect, sync_playwright

    from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, serve

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base)
        responses = []
        page.on("response", lambda response: responses.append(response) if "/pagefind/" in response.url else None)
        start = time.perf_counter()
        page.locator("#mb-search-input").click()
        page.keyboard.type(query, delay=60)
        status = page.locator(".md-search-result__meta")
        expect(status).to_contain_text(f"\u2018{query}\u2019", timeout=60_000)
        seconds = time.perf_counter() - start
        bodies = {response.url: response.body() for response in list(responses)}
        results = status.inner_text()
        browser.close()
    fragments = [body for url, body in bodies.items() if url.endswith(".pf_fragment")]
    return {
        "query": query,
        "results": results,
        "requests": len(bodies),
        "fetch_kb": sum(len(b) for b in bodies.values()) / 1024,
        "fetch_gz_kb": sum(gzipped_size(b) for b in bodies.values()) / 1024,
        "fetch_index_kb": sum(len(b) for url, b in bodies.items() if url.endswith(INDEX_SUFFIXES)) / 1024,
        "fetch_fragments": len(fragments),
        "seconds_to_results": seconds,
    }


def lunr_sizes(config: Path) -> dict[str, float]:
    """Build ``config`` once more with MkDocs' lunr search plugin on; its index raw and gzipped, in KB."""
    with tempfile.TemporaryDirectory() as scratch:
        lunr_config = config.with_name("mkdocs.lunr.yml")
        lunr_config.write_text(f"INHERIT: {config.name}\nplugins:\n  - search\n", encoding="utf-8")
        out = Path(scratch) / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(lunr_config), "-d", str(out)]
        subprocess.run(command, check=True, cwd=config.parent, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
        lunr_config.unlink()
        raw = (out / "search" / "search_index.json").read_bytes()
        worker = sum(p.stat().st_size for p in (out / "assets" / "javascripts" / "workers").glob("search.*.js"))
    return {
        "lunr_kb": len(raw) / 1024,
        "lunr_gz_kb": len(gzip.compress(raw, 6)) / 1024,
        "lunr_worker_kb": worker / 1024,
    }


def main() -> None:
    """Measure one built site and print the numbers as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", default=QUERY)
    parser.add_argument("--lunr", type=Path, help="the site's mkdocs.yml, to measure the built-in search too")
    args = parser.parse_args()
    result = pagefind_sizes(args.site) | search_fetch(args.site, args.query)
    if args.lunr:
        result |= lunr_sizes(args.lunr.resolve())
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
