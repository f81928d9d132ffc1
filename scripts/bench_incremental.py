"""Measure a cached build (`site --cache`) against a plain one after a one-record commit; print the ratios.

Usage: python scripts/bench_incremental.py [--boards 3,15] [--work /tmp/minutebook-bench-inc]

For each size (about 326 pages a board, scripts/synth.py) two copies of a scratch site get the
same data: one is built the default way (`python -m generator site`), the other with
`--cache cache`. Then one resolution's words change in one meeting (bench.edit_one, a one-record
commit) and both build again, each in a fresh process, as a CI run with its caches restored
would. Each build's wall time and CPU time (user + system of the process and the Pagefind and
other children it waited for, from wait4) are reported; CPU time is the figure to trust on a
shared machine. Last, the two sites are compared byte for byte (pagefind/ aside: the cached
site keeps its main index and adds a delta, publish/search.py).
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

TODAY = "2026-11-23"


def timed(command: list[str], cwd: Path) -> dict[str, float | str]:
    """Run ``command`` in ``cwd``; its wall and CPU seconds, and what it printed last."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        sys.exit(f"failed: {' '.join(command)}\n{out.decode()[-3000:]}")
    lines = [line for line in out.decode().splitlines() if line.startswith(("cache:", "site:"))]
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024, "says": lines}


def build(work: Path, cached: bool) -> dict[str, float | str]:
    """One `python -m generator site` in ``work`` (with the cache folder when ``cached``)."""
    command = [sys.executable, "-m", "generator", "site", "--today", TODAY]
    return timed(command + (["--cache", "cache"] if cached else []), work)


def differing(one: Path, other: Path) -> list[str]:
    """Files of two sites (pagefind/ aside) whose bytes differ or that one lacks."""

    def files(root: Path) -> dict[str, Path]:
        found = {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
        return {rel: p for rel, p in found.items() if not rel.startswith("pagefind/") and rel != ".minutebook.lock"}

    a, b = files(one), files(other)
    return sorted(
        rel for rel in a.keys() | b.keys() if rel not in a or rel not in b or a[rel].read_bytes() != b[rel].read_bytes()
    )


def measure(boards: int, base: Path) -> dict:
    """Both ways, before and after a one-record edit, at ``boards`` boards."""
    import bench
    import synth

    data = base / "data"
    synth.synthesise(data, synth.Size(boards=boards))
    plain, cached = bench.scratch(base / "plain"), bench.scratch(base / "cached")
    for work in (plain, cached):
        shutil.copytree(data, work / "data")
    result: dict = {"boards": boards}
    result["plain first"] = build(plain, cached=False)
    result["cached first (empty cache)"] = build(cached, cached=True)
    result["cached, nothing changed"] = build(cached, cached=True)
    edited = bench.edit_one(plain / "data")
    bench.edit_one(cached / "data")
    result["edited"] = edited
    result["plain after edit"] = build(plain, cached=False)
    result["cached after edit"] = build(cached, cached=True)
    result["pages"] = sum(1 for _ in (plain / "site").rglob("index.html"))
    result["differing files"] = differing(plain / "site", cached / "site")
    return result


def show(r: dict) -> None:
    """Print one size's figures and ratios."""
    print(f"\n{r['pages']} HTML pages ({r['boards']} boards); edited {r['edited']}")
    for step in (
        "plain first",
        "cached first (empty cache)",
        "cached, nothing changed",
        "plain after edit",
        "cached after edit",
    ):
        s = r[step]
        print(f"  {step:28} wall {s['wall']:7.1f} s  CPU {s['cpu']:7.1f} s  peak {s['peak_mb']:6.0f} MB")
        for line in s["says"]:
            print(f"      {line}")
    plain, quick = r["plain after edit"], r["cached after edit"]
    wall, cpu = quick["wall"] / plain["wall"], quick["cpu"] / plain["cpu"]
    print(f"  one-record commit, cached / plain: wall {wall:.3f}, CPU {cpu:.3f}")
    print(f"  site files differing from the plain build (pagefind/ aside): {len(r['differing files'])}")


def main() -> None:
    """Measure each size; print the figures and save them as JSON in the work folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", default="3,15", help="comma-separated board counts (about 326 pages each)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutebook-bench-inc"))
    args = parser.parse_args()
    for boards in (int(b) for b in args.boards.split(",")):
        base = args.work / f"b{boards}"
        shutil.rmtree(base, ignore_errors=True)
        result = measure(boards, base)
        (args.work / f"b{boards}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        show(result)
        subprocess.run(["df", "-h", str(args.work)], check=False)


if __name__ == "__main__":
    main()
