"""Measure search over one Pagefind index against one index per shard, searched as one (issue 21).

Usage: python scripts/bench_search_shards.py --boards 15 [--shards 2,4] [--work DIR] [--keep]

Synthesises ``--boards`` boards (scripts/synth.py, about 326 pages each), generates the pages,
builds them once with `mkdocs build --strict`, then indexes the same HTML two ways, each in a
hard-linked copy of the site: one Pagefind process over every page (as `make site`), and, for each
shard count, one Pagefind process per shard over that shard's own pages (``shard.plan`` and
``stages.own_pages``, as `make shard-build` does; the shard builds' pages are byte-for-byte the
single build's, tests/site/test_shards.py), listed in pagefind/merge.json. For each it reports the
indexing processes' wall and CPU time and peak memory (wait4), the index on disk, and what a
reader fetches in Chromium before the first result (scripts/bench_search.py). Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def measured(command: list[str], cwd: Path | None = None) -> dict[str, float]:
    """Run ``command``; its wall and CPU seconds (user + system, children included) and peak memory (MB)."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        sys.exit(f"failed: {' '.join(command)}\n{err.decode()}")
    wall = time.perf_counter() - start
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def copy_site(site: Path, to: Path) -> Path:
    """A hard-linked copy of ``site`` without its search index."""
    shutil.rmtree(to, ignore_errors=True)
    subprocess.run(["cp", "-al", str(site), str(to)], check=True)
    shutil.rmtree(to / "pagefind", ignore_errors=True)
    return to


def index_pages(site: Path, dests: list[str], out: Path) -> dict[str, float]:
    """Pagefind over the pages ``dests`` of ``site`` only, into ``out``; measured."""
    from generator.publish import publish

    links = site.parent / f"{site.name}.links"
    shutil.rmtree(links, ignore_errors=True)
    for dest in dests:
        (links / dest).parent.mkdir(parents=True, exist_ok=True)
        os.link(site / dest, links / dest)
    result = measured([*publish.pagefind_command(links), "--output-path", str(out.resolve())])
    shutil.rmtree(links)
    return result | {"pages": len(dests)}


def variant(site: Path, docs: Path, config: dict, count: int) -> dict:
    """Index a copy of ``site`` in ``count`` shard indexes (1: one index of every page); measure it."""
    from bench_search import pagefind_sizes, search_fetch

    from generator.publish import search, shard, stages

    copy = copy_site(site, site.parent / f"site-{count}")
    everything = stages.own_pages(shard.Shard(0), copy, config)
    shards = shard.plan(docs, count) if count > 1 else [shard.Shard(0)]
    theirs = {s.number: stages.own_pages(s, copy, config) for s in shards if s.number}
    taken = {dest for dests in theirs.values() for dest in dests}
    theirs[0] = [dest for dest in everything if dest not in taken]
    runs = [index_pages(copy, theirs[n], copy / stages.bundle(n)) for n in sorted(theirs)]
    merge = {"indexes": [f"shard-{n}/" for n in sorted(theirs) if n], "hidden": []}
    (copy / search.BUNDLE / search.MERGE).write_text(json.dumps(merge) + "\n", encoding="utf-8")
    sizes = pagefind_sizes(copy)
    fetch = search_fetch(copy)
    shutil.rmtree(copy)
    return {"indexes": count, "runs": runs, "sizes": sizes, "fetch": fetch}


def main() -> None:
    """Synthesise, build once, index the pages in one and in several indexes; print JSON."""
    import synth
    import yaml
    from bench import TODAY, scratch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=15)
    parser.add_argument("--shards", default="2,4")
    parser.add_argument("--work", type=Path, default=ROOT / "bench-search-shards")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    data, project = args.work / "data", scratch(args.work / "project")
    synth.synthesise(data, synth.Size(boards=args.boards))
    py, docs, site = sys.executable, project / "content", project / "site"
    generate = [py, "-m", "generator", "--data", str(data), "--no-history", "build", "--docs", str(docs)]
    generated = measured([*generate, "--today", TODAY], cwd=project)
    build = [py, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    mkdocs = measured(build, cwd=project)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    counts = [1, *(int(n) for n in args.shards.split(","))]
    results = [variant(site, docs, config, count) for count in counts]
    pages = sum(1 for _ in docs.rglob("*.md"))
    summary = {"boards": args.boards, "pages": pages, "generate": generated, "mkdocs": mkdocs}
    print(json.dumps(summary | {"search": results}))
    if not args.keep:
        shutil.rmtree(args.work)


if __name__ == "__main__":
    main()
