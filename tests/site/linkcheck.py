"""Check that every internal link, asset and #fragment of a built site resolves."""

from __future__ import annotations

import html.parser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRS = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src")}
EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "//")


class _PageParser(html.parser.HTMLParser):
    """Collect the ids (anchors) and link targets of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record ids, named anchors and link targets."""
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif (tag, name) in LINK_ATTRS:
                self.links.append(value)


def parse(path: Path) -> _PageParser:
    """Parse one HTML file."""
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_url(site: Path, path: Path) -> str:
    """The absolute URL path ('/boards/x/') that serves an HTML file of ``site``."""
    rel = path.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def target_file(site: Path, url_path: str) -> Path | None:
    """The file that serves ``url_path`` (a directory serves its index.html), or None."""
    candidate = site / unquote(url_path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> list[str]:
    """Every internal link of ``site`` whose file or #fragment is missing, as 'page: link: reason'."""
    parsed = {path: parse(path) for path in sorted(site.rglob("*.html"))}
    problems = []
    for path, page in parsed.items():
        base = page_url(site, path)
        for link in page.links:
            if not link or link.lower().startswith(EXTERNAL):
                continue
            parts = urlsplit(urljoin(base, link))
            target = target_file(site, parts.path)
            where = f"{path.relative_to(site).as_posix()}: {link}"
            if target is None:
                problems.append(f"{where}: no file serves {parts.path}")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: {target.relative_to(site).as_posix()} has no id '{parts.fragment}'")
    return problems
