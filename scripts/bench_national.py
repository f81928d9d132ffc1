"""The national build (issue 21): synthesise, commit, build end to end in shards, then a one-record commit, cached.

Usage: python scripts/bench_national.py [--boards 31,307] [--shards 0] [--jobs 2] [--limit-gb 8]
       [--work /tmp/minutebook-national] [--reuse] [--no-cached | --cached-only]

Each size (boards; since issue 19 about 650 HTML pages a board, a record page and its history
page: 31 boards make about 20,000 pages, 307 about 200,000) runs these steps, each in processes
of its own, reaped with wait4 (wall, CPU = user + system of the process and every child it waited
for, and the peak memory of its largest process):

1. synth: scripts/synth.py writes the dataset; git: it is committed into a repository (as CI
   checks it out: history is on).
2. generator: ``python -m generator build`` (load, check, history, render, write).
3. shards: the pages split into board shards (generator/publish/shard.py; --shards 0: one per
   25,000 pages), each shard's ``mkdocs build --strict`` its own process, ``--jobs`` at a time;
   the shards combined; then the search index in shards of at most 40,000 pages
   (generator/publish/search.py, as the cached build makes its main index).
4. sizes: pages, files, site and search index on disk.
5. cached: ``python -m generator site --cache`` with an empty cache (it fills it), then one
   resolution's words change in one meeting, committed, and the cached build runs again in a
   fresh process: the one-commit-to-ready-site figure.

A process that passes --limit-gb of memory is killed, and the step says so with what it had
measured. Results are printed as they come and saved as JSON in the work folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

TODAY = "2026-11-23"
PAGES_PER_SHARD = 25_000  # about 1 GB of MkDocs' memory a shard
SAID = ("cache:", "site:", "shard", "error", "internal error", "[", "{")  # the lines of a step's output kept
GIT = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org"]


class Watch(threading.Thread):
    """Kill a process group when any process in it holds more than ``limit`` MB; note what it saw."""

    def __init__(self, pgid: int, limit: float) -> None:
        super().__init__(daemon=True)
        self.pgid, self.limit, self.done, self.killed = pgid, limit, threading.Event(), ""

    def run(self) -> None:
        """Poll every process's resident memory twice a second."""
        while not self.done.wait(0.5):
            for pid, name, mb in group_memory(self.pgid):
                if mb > self.limit:
                    self.killed = f"{name} (pid {pid}) held {mb:,.0f} MB, over the {self.limit:,.0f} MB limit"
                    os.killpg(self.pgid, signal.SIGKILL)
                    return


def group_memory(pgid: int) -> list[tuple[int, str, float]]:
    """(pid, name, resident MB) of every process in the group ``pgid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:
                continue
            pages = int(Path(f"/proc/{entry}/statm").read_text().split()[1])
        except (OSError, ValueError, IndexError):
            continue
        found.append((int(entry), stat.split("(", 1)[1].rsplit(")", 1)[0], pages * os.sysconf("SC_PAGE_SIZE") / 2**20))
    return found


def run(command: list[str], cwd: Path, limit_mb: float) -> dict:
    """Run ``command``; wall, CPU and peak memory (its largest process), its last output, and why it failed."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    watch = Watch(proc.pid, limit_mb)
    watch.start()
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    watch.done.set()
    code = os.waitstatus_to_exitcode(status)
    result = {
        "wall": time.perf_counter() - start,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "tail": [line for line in out.decode(errors="replace").splitlines() if line.startswith(SAID)][-6:],
    }
    if code:
        why = watch.killed or (f"killed by signal {-code}" if code < 0 else f"exit status {code}")
        result["failed"] = f"{' '.join(command[:4])}...: {why}"
    return result


def total(parts: list[dict]) -> dict:
    """Several processes of one step, one after another: summed times, the largest peak, any failure."""
    out = {"wall": sum(p["wall"] for p in parts), "cpu": sum(p["cpu"] for p in parts)}
    out["peak_mb"] = max(p["peak_mb"] for p in parts)
    failed = [p["failed"] for p in parts if "failed" in p]
    return out | ({"failed": failed[0]} if failed else {})


def shard_prepare(work: Path, count: int, into: Path) -> None:
    """In a child process: plan the shards of ``work``/content and write their folders; print their configs."""
    import yaml

    from generator.publish import shard

    config = yaml.safe_load((work / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = (work / "content").resolve()
    if count <= 0:
        pages = sum(1 for _ in docs.rglob("*.md"))
        count = max(2, -(-pages // PAGES_PER_SHARD))
    shutil.rmtree(into, ignore_errors=True)
    configs = [shard.prepare(s, docs, into, config, work) for s in shard.plan(docs, count)]
    print(json.dumps([str(c) for c in configs]))


def shard_finish(configs: list[str], fresh: Path, jobs: int) -> None:
    """In a child process: combine the shards' sites into ``fresh`` (shard 0 last), then index search in shards."""
    from generator.publish import search, shard

    built = [Path(c).parent / "site" for c in configs]
    shard.combine(built[1:] + built[:1], fresh)
    pages = {p.relative_to(fresh).as_posix(): "" for p in fresh.rglob("*.html")}
    _, indexed = search.index(fresh, pages, search.SearchState(), lambda _: False, jobs)
    print(json.dumps({"search_processes": indexed.processes, "indexed": len(pages)}))


def step_shards(work: Path, jobs: int, count: int, limit: float) -> dict:
    """Plan and link, MkDocs per shard (``jobs`` at once), combine and index: each measured."""
    here = [sys.executable, str(Path(__file__).resolve())]
    prep = run([*here, "--prepare", str(work), str(count), str(work / "shards")], work, limit)
    if "failed" in prep:
        return {"plan and link": prep, "failed": prep["failed"]}
    configs = json.loads(prep["tail"][-1])
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        mk = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f"]
        shards = list(pool.map(lambda c: run([*mk, c], work, limit), configs))
    mk_wall = time.perf_counter() - start
    fresh = work / "site-sharded"
    shutil.rmtree(fresh, ignore_errors=True)
    fin = run([*here, "--finish", str(fresh), str(jobs), *configs], work, limit)
    shutil.rmtree(work / "shards", ignore_errors=True)
    mkdocs = total(shards) | {"wall": mk_wall, "shards": len(configs), "each": shards}
    result = {"plan and link": prep, "mkdocs (shards)": mkdocs, "combine + search": fin}
    failed = [s["failed"] for s in (prep, mkdocs, fin) if "failed" in s]
    return result | ({"failed": failed[0]} if failed else {})


def sizes(site: Path, docs: Path) -> dict:
    """Pages, files and MB of the built site, its search index and the generated Markdown."""
    files = [p for p in site.rglob("*") if p.is_file()]
    index = [p for p in files if p.relative_to(site).parts[0] == "pagefind"]
    return {
        "html_pages": sum(p.suffix == ".html" for p in files),
        "files": len(files),
        "site_mb": sum(p.stat().st_size for p in files) / 2**20,
        "search_mb": sum(p.stat().st_size for p in index) / 2**20,
        "search_files": len(index),
        "markdown_pages": sum(1 for _ in docs.rglob("*.md")),
        "docs_mb": sum(p.stat().st_size for p in docs.rglob("*") if p.is_file()) / 2**20,
    }


def measure(boards: int, work: Path, args: argparse.Namespace) -> dict:
    """Every step at ``boards`` boards, printed as it ends."""
    import bench

    limit, py = args.limit_gb * 1024, sys.executable
    r: dict = {"boards": boards}

    def done(name: str, value: dict) -> None:
        r[name] = value
        show(name, value)
        (work.parent / f"national-b{boards}.json").write_text(json.dumps(r, indent=1), encoding="utf-8")

    if not (args.reuse and (work / ".git").is_dir()):
        bench.scratch(work)
        done(
            "synth",
            run([py, str(ROOT / "scripts" / "synth.py"), str(work / "data"), "--boards", str(boards)], work, limit),
        )
        commit = [run([*GIT, "init", "-q"], work, limit), run([*GIT, "add", "-A"], work, limit)]
        commit.append(run([*GIT, "commit", "-qm", "synthetic data"], work, limit))
        done("git", total(commit))
    if not args.cached_only:
        gen = [py, "-m", "generator", "build", "--today", TODAY]
        done("generator", run(gen, work, limit))
        if "failed" in r["generator"]:
            return r
        done("shards", step_shards(work, args.jobs, args.shards, limit))
        if (work / "site-sharded").is_dir():
            done("sizes", sizes(work / "site-sharded", work / "content"))
            shutil.rmtree(work / "site-sharded", ignore_errors=True)
    if not args.no_cached:
        cached(work, r, done, limit)
    return r


def cached(work: Path, r: dict, done: Callable[[str, dict], None], limit: float) -> None:
    """The cached build: filled from an empty cache, then after a one-record commit (the figure)."""
    import bench

    command = [sys.executable, "-m", "generator", "site", "--today", TODAY, "--cache", "cache", "--out", "site"]
    shutil.rmtree(work / "cache", ignore_errors=True)
    done("cached, empty cache", run(command, work, limit))
    if "failed" in r["cached, empty cache"]:
        return
    edited = bench.edit_one(work / "data")
    run([*GIT, "commit", "-qam", f"Correct {edited}"], work, limit)
    done("cached, one-record commit", run(command, work, limit) | {"edited": edited})


def show(name: str, s: dict) -> None:
    """Print one step's figures."""
    if "wall" in s:
        line = f"{name:28} wall {s['wall']:8.1f} s  CPU {s['cpu']:8.1f} s  peak {s['peak_mb']:7,.0f} MB"
        print(line + (f"  FAILED: {s['failed']}" if "failed" in s else ""), flush=True)
        for said in s.get("tail", [])[-3:] if name.startswith("cached") else []:
            print(f"    {said}", flush=True)
        return
    for part, value in s.items():
        if isinstance(value, dict):
            show(f"{name}: {part}", value)
            for n, each in enumerate(value.get("each", [])):
                print(
                    f"    shard {n}: wall {each['wall']:.1f} s, CPU {each['cpu']:.1f} s, peak {each['peak_mb']:,.0f} MB"
                )
        else:
            print(f"{name}: {part} = {value:,.1f}" if isinstance(value, float) else f"{name}: {part} = {value}")
    print(f"  load average: {os.getloadavg()}", flush=True)


def main() -> None:
    """Measure each size; print the figures and the growth between sizes."""
    if sys.argv[1:2] == ["--prepare"]:
        shard_prepare(Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
        return
    if sys.argv[1:2] == ["--finish"]:
        shard_finish(sys.argv[4:], Path(sys.argv[2]), int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", default="31,307", help="comma-separated board counts (about 650 pages each)")
    parser.add_argument("--shards", type=int, default=0, help="MkDocs shards (default: one per 25,000 pages)")
    parser.add_argument("--jobs", type=int, default=2, help="MkDocs and Pagefind processes at once")
    parser.add_argument("--limit-gb", type=float, default=8.0, help="kill a process that holds more memory")
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutebook-national"))
    parser.add_argument("--reuse", action="store_true", help="reuse the committed dataset already in --work")
    parser.add_argument("--no-cached", action="store_true", help="skip the cached one-commit build")
    parser.add_argument("--cached-only", action="store_true", help="only the cached builds (steps 1 and 5)")
    args = parser.parse_args()
    results = []
    for boards in (int(b) for b in args.boards.split(",")):
        print(f"\n== {boards} boards ({time.strftime('%H:%M:%S')}); {subprocess.getoutput('uptime')}", flush=True)
        results.append(measure(boards, args.work / f"b{boards}", args))
        print(subprocess.getoutput(f"df -h {args.work}"), flush=True)
    growth(results)


def growth(results: list[dict]) -> None:
    """Each step's growth between consecutive sizes, against the growth in pages (1.00 is linear)."""
    from itertools import pairwise

    for small, big in pairwise(results):
        if "sizes" not in small or "sizes" not in big:
            continue
        pages = big["sizes"]["html_pages"] / small["sizes"]["html_pages"]
        print(f"\ngrowth {small['sizes']['html_pages']:,} -> {big['sizes']['html_pages']:,} pages (x{pages:.2f}):")
        steps = ["generator", "cached, empty cache", "cached, one-record commit"]
        parts = [(s, small[s], big[s]) for s in steps if s in small and s in big]
        parts += [
            (f"shards: {p}", small["shards"][p], big["shards"][p]) for p in small.get("shards", {}) if p != "failed"
        ]
        for name, a, b in parts:
            if isinstance(a, dict) and "wall" in a and "wall" in b:
                print(
                    f"  {name:30} wall x{b['wall'] / a['wall']:.2f}  CPU x{b['cpu'] / a['cpu']:.2f} "
                    f"(per page x{b['cpu'] / a['cpu'] / pages:.2f})  peak memory x{b['peak_mb'] / a['peak_mb']:.2f}"
                )


if __name__ == "__main__":
    main()
