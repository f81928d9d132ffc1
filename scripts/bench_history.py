"""Measure what reading history from git costs: synthetic datasets with a synthetic history of N commits.

Usage: python scripts/bench_history.py [--boards 3,15] [--commits 100,1000] [--work DIR] [--out BENCHMARKS.md]

For each size, scripts/synth.py writes the dataset; `git fast-import` then makes a repository
whose first commit holds it all and each later commit corrects one meeting (a resolution part
reworded, or an attendee moved), as staff would. A child process then times `generator check`
and reading the history (site/history: one `git log`, one `git cat-file`, every version parsed
with the project's loader, every unit compared field by field), with its own peak memory. Only
the block between the history markers in BENCHMARKS.md is rewritten.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench import run_measured  # noqa: E402
from synth import Size, synthesise  # noqa: E402

START, END = "<!-- history:start -->", "<!-- history:end -->"
EPOCH = 1_700_000_000  # the first synthetic commit; each later one is an hour after the one before


def blob(data: bytes) -> bytes:
    """A fast-import data block."""
    return b"data %d\n" % len(data) + data + b"\n"


def commit(number: int, message: str, files: dict[str, bytes]) -> bytes:
    """One fast-import commit of ``files`` (paths relative to the repository) on main."""
    head = b"commit refs/heads/main\n" + b"committer Bench <bench@example.org> %d +0000\n" % (EPOCH + 3600 * number)
    body = head + blob(message.encode())  # later commits of the stream continue the branch by themselves
    return body + b"".join(b"M 100644 inline " + path.encode() + b"\n" + blob(data) for path, data in files.items())


def correction(data: dict, rng: random.Random, n: int) -> str:
    """Correct one meeting the way staff do: reword a resolution part, or move an attendee; say which."""
    parts = [p for item in data.get("items", []) for r in item.get("resolutions", []) for p in r.get("parts", [])]
    if parts and rng.random() < 0.7:
        part = rng.choice(parts)
        part["text"] = f"{part['text'].split(' [rev')[0]} [rev {n}]"
        return "Reword a resolution part"
    members = [a for a in data.get("attendance", []) if a.get("status") in ("present", "apologies")]
    if members:
        entry = rng.choice(members)
        entry["status"] = "apologies" if entry["status"] == "present" else "present"
    return "Correct the attendance"


def make_repository(data: Path, repo: Path, commits: int, seed: int = 7) -> None:
    """A repository of ``data`` (copied into repo/data) with ``commits`` corrections after the first commit."""
    shutil.rmtree(repo, ignore_errors=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    files = (p for p in sorted(data.rglob("*")) if p.is_file())
    everything = {f"data/{p.relative_to(data).as_posix()}": p.read_bytes() for p in files}
    stream = [commit(0, "Publish every record", everything)]
    meetings = sorted(path for path in everything if path.startswith("data/meetings/"))
    rng = random.Random(seed)
    current = dict(everything)
    for n in range(1, commits + 1):
        path = rng.choice(meetings)
        record = yaml.safe_load(current[path])
        message = correction(record, rng, n)
        current[path] = yaml.safe_dump(record, sort_keys=False, allow_unicode=True).encode()
        stream.append(commit(n, f"{message} ({path.rsplit('/', 2)[-2]}, {n})", {path: current[path]}))
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True)


def cpu() -> float:
    """CPU seconds used so far by this process and the git processes it has waited for.

    CPU time rather than wall time: the bench machine is shared, and other work there stretches
    wall time but not the CPU time a step needs.
    """
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure_child(data: Path) -> None:
    """In a child process: time the check, then reading the history (CPU seconds); print JSON."""
    from datetime import date

    from generator import build
    from generator.site.history.current import current_versions
    from generator.site.history.gitlog import locate, log

    t0 = cpu()
    report, site = build.check(data)
    if site is None:
        sys.exit("\n".join(report.lines()))
    t1 = cpu()
    repo = locate(data)
    entries = log(repo, [repo.prefix])
    t2 = cpu()
    caches = build.Caches()
    build.add_history(data, site, build.Settings(date(2026, 11, 23)), report, caches=caches)
    t3 = cpu()
    history = site.history
    walk = caches.history[str(data)].walk
    known = len(current_versions(site, data))
    changes = sum(len(track.changes) for track in history.tracks.values())
    print(
        json.dumps(
            {
                "check": t1 - t0,
                "log": t2 - t1,
                "history": t3 - t2,
                "commits": len(entries),
                "files": sum(len(e.changes) for e in entries),
                "parsed": len(walk.versions) - known,
                "units": len(history.tracks),
                "changes": changes,
                "available": history.available,
            }
        )
    )


def table(rows: list[dict[str, float]]) -> str:
    """The Markdown table of the measurements."""
    columns = [
        ("synthetic boards", "boards", "{:.0f}"),
        ("commits (the first holds every file)", "commits", "{:,.0f}"),
        ("file versions in the history", "files", "{:,.0f}"),
        ("versions read and parsed (the rest are the files the check just read)", "parsed", "{:,.0f}"),
        ("units with a history (records and decisions)", "units", "{:,.0f}"),
        ("changes recorded", "changes", "{:,.0f}"),
        ("`generator check` alone (CPU s)", "check", "{:.1f}"),
        ("`git log --raw` alone (CPU s)", "log", "{:.2f}"),
        ("reading history: log, versions, comparison, wording (CPU s)", "history", "{:.1f}"),
        ("history as a share of check", "share", "{:.0%}"),
        ("ms per further commit (from the two lengths of history)", "per_commit", "{:.1f}"),
        ("peak memory of check + history (MB)", "memory", "{:.0f}"),
    ]
    head = "| measure | " + " | ".join(f"{r['pages']:,.0f} pages, {r['commits']:,.0f} commits" for r in rows) + " |"
    lines = [head, "|---|" + "---:|" * len(rows)]
    lines += [
        f"| {label} | " + " | ".join(fmt.format(r[key]) if key in r else "" for r in rows) + " |"
        for label, key, fmt in columns
    ]
    return "\n".join(lines)


def main() -> None:
    """Measure every size and commit count; rewrite the history block of BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", default="3,15")
    parser.add_argument("--commits", default="100,1000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutebook-history-bench"))
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args()
    rows = []
    for boards in (int(b) for b in args.boards.split(",")):
        data = args.work / f"data-{boards}"
        synthesise(data, Size(boards=boards))
        pages = sum(1 for _ in data.rglob("*.yml")) + sum(1 for _ in data.rglob("*.csv"))
        for commits in (int(c) for c in args.commits.split(",")):
            repo = args.work / f"repo-{boards}-{commits}"
            make_repository(data, repo, commits)
            runs = [run_measured([sys.executable, __file__, "--child", str(repo / "data")]) for _ in range(2)]
            measured = [json.loads(out.strip().splitlines()[-1]) for _, _, out in runs]
            row = min(measured, key=lambda m: m["history"])  # the quieter of two runs: the machine is shared
            row |= {"boards": boards, "memory": max(memory for _, memory, _ in runs), "data_files": pages}
            row["check"] = min(m["check"] for m in measured)
            row["pages"] = boards * 326  # scripts/bench.py: about 326 pages a board
            row["share"] = row["history"] / row["check"]
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
    for first, later in pairwise(rows):  # what one more commit costs: the difference between two lengths of history
        if first["boards"] == later["boards"]:
            later["per_commit"] = 1000 * (later["history"] - first["history"]) / (later["commits"] - first["commits"])
    text = args.out.read_text(encoding="utf-8")
    block = f"{START}\n{table(rows)}\n{END}"
    if START in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text += f"\n{block}\n"
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        measure_child(Path(sys.argv[2]))
    else:
        main()
