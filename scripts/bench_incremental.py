"""Measure a cached build (`site --cache`) against a plain one after a one-record commit; print the ratios.

Usage: python scripts/bench_incremental.py [--boards 3,15] [--work /tmp/minutebook-bench-inc]
       python scripts/bench_incremental.py --project DIR [--cache cache]

For each size (about 326 pages a board, scripts/synth.py) two copies of a scratch site get the
same data, committed to git as a publisher's repository would hold it (``COMMITS`` commits, so
history is on, as in every real build): one is built the default way (`python -m generator
site`), the other with `--cache cache`. Then one resolution's words change in one meeting
(bench.edit_one), committed, and both build again, each in a fresh process, as a CI run with its
caches restored would. Each build's wall time and CPU time (user + system of the process and the
Pagefind and other children it waited for, from wait4) are reported; CPU time is the figure to
trust on a shared machine. The cached rebuild's steps are listed (``phases``). Last, the two
sites are compared byte for byte (pagefind/ aside: the cached site keeps its main index and adds
a delta, publish/search.py).

``--project DIR`` measures an existing generated project instead (scripts/bench_national.py's):
a cached build (filling the cache when it is empty), then the one-record commit and the cached
build again, with its steps; no plain build.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

TODAY = "2026-11-23"
COMMITS = 30  # the synthetic data is committed in this many commits, oldest meetings first
STEP = re.compile(r"([a-z][a-z ()]*?) ([\d.]+) s(?: \(CPU ([\d.]+) s\))?")
WHEN = "2026-11-20T10:00:00Z"


def git(repo: Path, *args: str, when: str = WHEN) -> str:
    """Run git in ``repo`` with a fixed identity and time (the two copies get the same commit ids)."""
    env = os.environ | {
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        **{
            f"GIT_{who}_{what}": value
            for who in ("AUTHOR", "COMMITTER")
            for what, value in (("NAME", "Clerk"), ("EMAIL", "clerk@example.org"), ("DATE", when))
        },
    }
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def commit_history(work: Path, commits: int = COMMITS) -> None:
    """Make ``work`` a git repository whose data/ arrived in ``commits`` commits (people and boards first)."""
    git(work, "init", "-q", "-b", "main")
    files = sorted(p.relative_to(work).as_posix() for p in (work / "data").rglob("*") if p.is_file())
    first = [f for f in files if not f.startswith("data/meetings/")]
    meetings = sorted((f for f in files if f.startswith("data/meetings/")), key=lambda f: (Path(f).name, f))
    chunk = max(1, -(-len(meetings) // max(1, commits - 1)))
    batches = [first] + [meetings[i : i + chunk] for i in range(0, len(meetings), chunk)]
    for n, batch in enumerate(batches):
        for i in range(0, len(batch), 500):
            git(work, "add", "--", *batch[i : i + 500])
        git(
            work,
            "commit",
            "-q",
            "--no-gpg-sign",
            "-m",
            f"Publish batch {n + 1}",
            when=f"2026-01-{n % 28 + 1:02d}T10:00:00Z",
        )


def commit_edit(work: Path) -> str:
    """The one-record commit: one resolution reworded (bench.edit_one), committed; the file edited."""
    import bench

    edited = bench.edit_one(work / "data")
    if (work / ".git").exists():
        git(work, "add", "-A", "data")
        git(work, "commit", "-q", "--no-gpg-sign", "-m", "Correct one resolution", when=WHEN)
    return edited


def phases(lines: list[str]) -> dict[str, list[float | None]]:
    """The steps a cached build reported (its 'cache:' and 'site:' lines): name -> [wall, CPU (None: not reported)]."""
    found: dict[str, list[float]] = {}
    for line in lines:
        if line.startswith(("cache:", "site:")):
            for part in line.split(";")[1:]:
                for name, wall, cpu in STEP.findall(part):
                    found[name.strip()] = [float(wall), float(cpu) if cpu else None]
    return found


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
    cpu = usage.ru_utime + usage.ru_stime
    return {"wall": wall, "cpu": cpu, "peak_mb": usage.ru_maxrss / 1024, "says": lines, "phases": phases(lines)}


def build(work: Path, cached: bool, cache: str = "cache") -> dict[str, float | str]:
    """One `python -m generator site` in ``work`` (with the cache folder when ``cached``)."""
    command = [sys.executable, "-m", "generator", "site", "--today", TODAY]
    return timed(command + (["--cache", cache] if cached else []), work)


def differing(one: Path, other: Path) -> list[str]:
    """Files of two sites (pagefind/ aside) whose bytes differ or that one lacks."""

    def files(root: Path) -> dict[str, Path]:
        found = {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
        return {rel: p for rel, p in found.items() if not rel.startswith("pagefind/") and rel != ".minutebook.lock"}

    a, b = files(one), files(other)
    return sorted(
        rel for rel in a.keys() | b.keys() if rel not in a or rel not in b or a[rel].read_bytes() != b[rel].read_bytes()
    )


def measure(boards: int, base: Path, quick: bool = False) -> dict:
    """Both ways, before and after a one-record edit, at ``boards`` boards."""
    import bench
    import synth

    data = base / "data"
    synth.synthesise(data, synth.Size(boards=boards))
    plain, cached = bench.scratch(base / "plain"), bench.scratch(base / "cached")
    shutil.copytree(data, plain / "data")
    commit_history(plain)
    shutil.copytree(data, cached / "data")
    shutil.copytree(plain / ".git", cached / ".git")
    shutil.rmtree(data)
    result: dict = {"boards": boards, "commits": len(git(plain, "rev-list", "HEAD").split())}
    if not quick:  # the plain site's first build only times it: the plain build after the edit is a full one too
        result["plain first"] = build(plain, cached=False)
    result["cached first (empty cache)"] = build(cached, cached=True)
    result["cached, nothing changed"] = build(cached, cached=True)
    result["edited"] = commit_edit(plain)
    commit_edit(cached)
    result["plain after edit"] = build(plain, cached=False)
    result["cached after edit"] = build(cached, cached=True)
    result["pages"] = sum(1 for _ in (plain / "site").rglob("index.html"))
    result["differing files"] = differing(plain / "site", cached / "site")
    return result


def measure_project(project: Path, cache: str) -> dict:
    """The one-record commit on an existing project: a cached build (filling ``cache`` if empty), commit, rebuild."""
    result: dict = {"project": str(project)}
    result["cached before the edit"] = build(project, cached=True, cache=cache)
    result["edited"] = commit_edit(project)
    result["cached after edit"] = build(project, cached=True, cache=cache)
    result["pages"] = sum(1 for _ in (project / "site").rglob("index.html"))
    return result


def show_steps(step: dict) -> None:
    """Print a build's steps, wall and CPU."""
    for name, (wall, cpu) in step.get("phases", {}).items():
        print(f"      {name:18} wall {wall:7.2f} s  " + (f"CPU {cpu:7.2f} s" if cpu is not None else "(wall only)"))


def show(r: dict) -> None:
    """Print one size's figures and ratios."""
    print(f"\n{r['pages']} HTML pages ({r.get('boards', r.get('project'))}); edited {r['edited']}")
    steps = [step for step in r if isinstance(r[step], dict) and "wall" in r[step]]
    for step in steps:
        s = r[step]
        print(f"  {step:28} wall {s['wall']:7.1f} s  CPU {s['cpu']:7.1f} s  peak {s['peak_mb']:6.0f} MB")
        for line in s["says"]:
            print(f"      {line}")
    show_steps(r["cached after edit"])
    if "plain after edit" not in r:
        return
    plain, quick = r["plain after edit"], r["cached after edit"]
    wall, cpu = quick["wall"] / plain["wall"], quick["cpu"] / plain["cpu"]
    print(f"  one-record commit, cached / plain: wall {wall:.3f}, CPU {cpu:.3f}")
    print(f"  site files differing from the plain build (pagefind/ aside): {len(r['differing files'])}")


def main() -> None:
    """Measure each size; print the figures and save them as JSON in the work folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", default="3,15", help="comma-separated board counts (about 326 pages each)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutebook-bench-inc"))
    parser.add_argument("--quick", action="store_true", help="leave out the plain site's first build (large sizes)")
    parser.add_argument("--project", type=Path, help="measure this generated project instead (no plain build)")
    parser.add_argument("--cache", default="cache", help="its cache folder, relative to the project")
    args = parser.parse_args()
    if args.project is not None:
        result = measure_project(args.project.resolve(), args.cache)
        (args.project / "bench-incremental.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        show(result)
        return
    for boards in (int(b) for b in args.boards.split(",")):
        base = args.work / f"b{boards}"
        shutil.rmtree(base, ignore_errors=True)
        result = measure(boards, base, args.quick)
        (args.work / f"b{boards}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        show(result)
        subprocess.run(["df", "-h", str(args.work)], check=False)


if __name__ == "__main__":
    main()
