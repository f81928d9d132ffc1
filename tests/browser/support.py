"""Serve a built site on 127.0.0.1 and run axe-core in a Playwright page."""

from __future__ import annotations

import fnmatch
import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import axe_playwright_python
from playwright.sync_api import Page, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run"]
AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
SITE_URL = "https://minutebook.example.org/"  # mkdocs.yml's site_url, from which the 404 page loads everything
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging every request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        """Stay silent."""


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on a free port of 127.0.0.1 and yield its base URL ('http://127.0.0.1:N/')."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def as_deployed(page: Page, base: str) -> None:
    """Answer requests for SITE_URL from the site served at ``base``, as if it were deployed there.

    The 404 page links its styles, scripts and pages from site_url (it is served at any depth,
    from any folder); without this, its assets would be fetched from the unreachable real host and
    axe would audit an unstyled page.
    """

    def local(route: Route) -> None:
        route.fulfill(response=page.request.get(base + route.request.url[len(SITE_URL) :]))

    page.route(f"{SITE_URL}**", local)


def axe_violations(page: Page) -> list[str]:
    """Run axe-core's WCAG 2.0/2.1/2.2 A and AA rules on ``page``; one line per failing node."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    lines = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"{violation['id']}: {target}: {violation['help']} ({node.get('failureSummary', '')})")
    return lines


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site as a site-relative URL ('', 'boards/x/', '404.html')."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


KINDS = {
    "home": "",
    "boards-index": "boards/",
    "board": "boards/*/",
    "organisations-index": "organisations/",
    "organisation": "organisations/*/",
    "board-indicators": "boards/*/indicators/",
    "board-follow": "boards/*/follow/",
    "meetings-index": "meetings/",
    "meetings-board": "meetings/*/",
    "meeting": "meetings/*/*/",
    "meeting-as-run": "meetings/riverton-hosp/2024-09-19/",  # issue 15: notice, replaced, exempt, public speakers
    "decisions-index": "decisions/",
    "decisions-board": "decisions/*/",
    "decisions-year": "decisions/*/*/",
    "decision": "decisions/*/*/*/",
    "people-index": "people/",
    "people-letter": "people/a-z/*/",
    "person": "people/*/",
    "strategies-index": "strategies/",
    "strategy": "strategies/*/",
    "indicators-index": "indicators/",
    "indicator": "indicators/*/",
    "governance-index": "governance/",  # issue 20: the comparison, its chart and sortable tables
    "governance-methods": "governance/methods/",
    "board-governance": "boards/riverton-hwb/governance/",  # short notice with its reason, actions
    "document": "documents/*/",
    "follow": "follow/",
    "about": "about/",
    "guide": "guide/publishing/",
    "guide-meetings": "guide/meetings/",
    "data-format": "reference/data-format/",
    "search": "search/",
    "404": "404.html",
}


def is_redirect(site: Path, url: str) -> bool:
    """Whether the page at ``url`` is a redirect stub (a meta refresh to a renamed record)."""
    path = site / url if url.endswith(".html") else site / url / "index.html"
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind of ``site`` (the first in sorted order that is not a redirect)."""
    pages = [url for url in site_pages(site) if not is_redirect(site, url)]
    chosen = {}
    for kind, pattern in KINDS.items():
        depth = pattern.count("/")
        for url in pages:
            if url.count("/") == depth and fnmatch.fnmatchcase(url, pattern):
                chosen[kind] = url
                break
    return chosen
