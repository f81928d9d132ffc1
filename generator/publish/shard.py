"""Build the site in shards by board, in parallel, and combine them into one site.

The generator writes every page into the docs folder as usual. Sharding then splits the
MkDocs step, which is most of the time: each shard is a folder of hard links to its files,
with its own MkDocs configuration (the project's, with absolute paths), built by its own
`mkdocs build --strict` process, so shards can run side by side here or as separate jobs of
a CI matrix. Shard 0 holds the site-wide pages (indexes, people, strategies, indicators,
hand-written pages) and files (feeds, data package); every board's pages and files (board
page, meetings, decisions, registers, their JSON) go whole to one shard, spread to balance.

Every shard has the same nav: the nav's pages are present in a board shard as stubs, so
MkDocs renders the board's pages exactly as in a single build, and the stubs' output is
replaced by shard 0's when the shards are combined (shard 0 is copied last). Links between
pages are relative and already resolve in the combined folder. The sitemap is the generator's
own file (MkDocs writes none), built by shard 0 like any other. Each shard's pages are indexed
for search by the shard's own Pagefind process, and the indexes searched as one (publish/stages.py,
which runs the steps, in one process or as separate jobs).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import urls

STUB = "---\ntitle: Stub\nsearch:\n  exclude: true\n---\n\nThis page is built by shard 0.\n"


def stub(page: Path) -> str:
    """A stub of a nav page that keeps its title: a nav entry without a title is named by its page's heading."""
    if page.is_file():
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                title = json.dumps(line[2:].strip(), ensure_ascii=True)  # JSON is YAML: the title stays literal
                return STUB.replace("title: Stub", f"title: {title}")
    return STUB


@dataclass
class Shard:
    """One independently built part of the site."""

    number: int
    boards: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # paths relative to the docs folder
    seconds: float = 0.0


def nav_pages(config: dict[str, Any]) -> list[str]:
    """Every Markdown file the nav names."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str) and node.endswith(".md"):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(config.get("nav", []))
    return found


def plan(docs: Path, count: int) -> list[Shard]:
    """``count`` shards: shard 0 holds the site-wide pages and files, and boards are spread over all.

    Each board goes, largest first, to the shard with the least work so far; a page counts 1 and
    any other file (a JSON twin, a CSV) 0.1, about what MkDocs spends on each.
    """
    shards = [Shard(n) for n in range(max(1, count))]
    by_board: dict[str, list[str]] = {}
    for rel in docs_files(docs):
        board = urls.board_of_path(rel)
        if board is None:
            shards[0].files.append(rel)
        else:
            by_board.setdefault(board, []).append(rel)
    for board, files in sorted(by_board.items(), key=lambda item: (-_work(item[1]), item[0])):
        lightest = min(shards, key=lambda shard: (_work(shard.files), shard.number))
        lightest.boards.append(board)
        lightest.files.extend(files)
    return [shard for shard in shards if shard.files]


def docs_files(docs: Path) -> list[str]:
    """Every file of the docs folder that MkDocs builds, relative and sorted (dot-folders aside, as MkDocs does)."""
    found = []
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in Path(rel).parts):
            found.append(rel)
    return found


def _work(files: list[str]) -> float:
    return sum(1.0 if rel.endswith(".md") else 0.1 for rel in files)


def prepare(shard: Shard, docs: Path, work: Path, config: dict[str, Any], root: Path) -> Path:
    """The shard's docs folder (hard links) and configuration file; return the configuration's path."""
    folder = work / f"shard-{shard.number}"
    shutil.rmtree(folder, ignore_errors=True)
    shard_docs = folder / "docs"
    for rel in shard.files:
        target = shard_docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        _link(docs / rel, target)
    if shard.number:  # shard 0 has the nav's real pages; the others get stubs
        for rel in nav_pages(config):
            if not (shard_docs / rel).exists():
                (shard_docs / rel).parent.mkdir(parents=True, exist_ok=True)
                (shard_docs / rel).write_text(stub(docs / rel), encoding="utf-8")
    own = dict(config)
    own["docs_dir"] = str(shard_docs)
    own["site_dir"] = str(folder / "site")
    theme = dict(own.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    own["theme"] = theme
    own.pop("hooks", None)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(own, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: copy instead
        shutil.copy2(source, target)


def build_shard(shard: Shard, config: Path) -> int:
    """Run `mkdocs build --strict` for one shard, quietly unless it fails; return its status."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    shard.seconds = time.perf_counter() - start
    if result.returncode:
        print(f"shard {shard.number} ({', '.join(shard.boards) or 'site-wide pages'}) failed:", file=sys.stderr)
        print((result.stdout + result.stderr).strip(), file=sys.stderr)
    return result.returncode


def combine(built: list[Path], into: Path) -> None:
    """Move every shard's output into one folder.

    The last folder wins where two hold the same file, so ``built`` must end with shard 0's
    output: the board shards' copies of the nav's pages are stubs, and shard 0 has the real ones.
    """
    for site in built:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                target = into / path.relative_to(site)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
