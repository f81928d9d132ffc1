"""Measure a sharded site build against a single one on the same generated pages.

Usage: python scripts/bench_shards.py PROJECT [--shards 2,4] [--jobs 2]

PROJECT is a folder with mkdocs.yml, overrides/ and a docs folder the generator has already
written (scripts/bench.py leaves one per size under its work folder, and so does
scripts/bench_serve.py). Times the single build (`mkdocs build --strict`, then Pagefind, as
`python -m generator site` does) and sharded builds (`generator.publish.stages.sharded_build`), checks
that both produced the same set of files, and prints JSON with the speed-ups.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(action) -> tuple[float, int]:
    """Seconds taken by ``action()`` and what it returned."""
    start = time.perf_counter()
    status = action()
    return time.perf_counter() - start, status


def listing(site: Path) -> set[str]:
    """Every file of a built site except the Pagefind index (its fragment names are hashes)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and "pagefind" not in p.parts}


def main() -> None:
    from generator.publish import publish, stages

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--shards", default="2,4")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    config = args.project / "mkdocs.yml"
    docs = args.project / "content"
    out = args.project / "bench-site"
    shutil.rmtree(out, ignore_errors=True)
    single, status = timed(lambda: publish.mkdocs_build(config, out))
    if status:
        sys.exit("single build failed")
    expected = listing(out)
    results = {"pages": sum(1 for _ in docs.rglob("*.md")), "single_s": round(single, 1), "sharded": []}
    for count in (int(n) for n in args.shards.split(",")):
        seconds, status = timed(lambda count=count: stages.sharded_build(config, docs, out, count, args.jobs))
        if status or listing(out) != expected:
            sys.exit(f"sharded build ({count}) failed or differs")
        results["sharded"].append(
            {"shards": count, "jobs": args.jobs, "seconds": round(seconds, 1), "speedup": round(single / seconds, 2)}
        )
    shutil.rmtree(out, ignore_errors=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
