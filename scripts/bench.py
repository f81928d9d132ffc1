"""Measure the generator and `mkdocs build` on synthetic datasets of several sizes; write BENCHMARKS.md.

Usage: python scripts/bench.py [--boards 3,15] [--work /tmp/minutebook-bench] [--out BENCHMARKS.md] [--lunr]

Each size is synthesised by scripts/synth.py, generated into a scratch copy of the site
(mkdocs.yml, overrides/ and the hand-written pages), then built with `mkdocs build --strict`
and indexed with Pagefind; scripts/bench_search.py measures, in Chromium, what a reader
downloads before the first search result (--lunr: and the built-in search's index, to compare).
Every step runs in its own process so its peak memory (ru_maxrss from wait4) is its own.
Only the block between the bench markers in BENCHMARKS.md is rewritten.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
QUERY = "winter pressures"  # scripts/bench_search.QUERY: words on many synthetic pages
TODAY = "2026-11-23"


def run_measured(command: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Like run, but reap the child with wait4 so its own peak memory is known."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=sink)
        out = proc.stdout.read() if proc.stdout else b""
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"failed ({proc.returncode}): {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024, out.decode()


def generate_child(data: Path, docs: Path) -> None:
    """In a child process: time load+validate, render and write; print JSON."""
    from datetime import date

    from generator import build
    from generator.output.frontcheck import check_front_matter
    from generator.output.write import plan_writes, write_tree

    t0 = time.perf_counter()
    report, site = build.check(data)
    if site is None:
        sys.exit("\n".join(report.lines()))
    t1 = time.perf_counter()
    files = build.generate(site, build.Settings(date.fromisoformat(TODAY)))
    t2 = time.perf_counter()
    check_front_matter(files, docs, report)
    t2b = time.perf_counter()
    result = write_tree(docs, plan_writes(docs, files, report))
    t3 = time.perf_counter()
    written_md = [rel for rel in result.written if rel.endswith(".md")]
    print(
        json.dumps(
            {
                "load_validate": t1 - t0,
                "render": t2 - t1,
                "frontcheck": t2b - t2,
                "write": t3 - t2b,
                "files": len(files),
                "pages": sum(rel.endswith(".md") for rel, _ in files),
                "written": len(result.written),
                "written_md": len(written_md),
                "sample": written_md[:12],
            }
        )
    )


def scratch(work: Path) -> Path:
    """A scratch site: mkdocs.yml, overrides/ and only the hand-written pages of content/."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", work / "overrides")
    manifest_path = ROOT / "content" / ".minutebook-manifest.json"
    generated = set(json.loads(manifest_path.read_text())) if manifest_path.exists() else set()
    for path in (ROOT / "content").rglob("*"):
        rel = path.relative_to(ROOT / "content").as_posix()
        if path.is_file() and rel not in generated and not rel.startswith("."):
            (work / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, work / "content" / rel)
    return work


def edit_one(data: Path) -> str:
    """Change the words of one resolution in one meeting (the middle one, or the next that still has words to
    change: a repeated run edits again); return the file edited."""
    meetings = sorted((data / "meetings").rglob("*.yml"))
    for meeting in meetings[len(meetings) // 2 :] + meetings[: len(meetings) // 2]:
        text = meeting.read_text(encoding="utf-8")
        for marker in ("report be received.", "report be approved."):
            if marker in text:
                meeting.write_text(text.replace(marker, marker[:-1] + " with thanks.", 1), encoding="utf-8")
                return meeting.relative_to(data).as_posix()
    raise SystemExit(f"no resolution left to edit in {data / 'meetings'}")


def site_sizes(site: Path) -> dict[str, float]:
    """Median and largest HTML page in KB, and Pagefind's files on disk (scripts/bench_search.py)."""
    import bench_search

    pages = [p.stat().st_size for p in site.rglob("index.html")]
    return {
        "html_pages": len(pages),
        "median_kb": statistics.median(pages) / 1024,
        "largest_kb": max(pages) / 1024,
        **bench_search.pagefind_sizes(site),
    }


def measure_search(site: Path, config: Path, lunr: bool) -> dict:
    """Index ``site`` with Pagefind (timed), then measure what a reader fetches before the first result."""
    import bench_search

    from generator.publish import publish

    wall, peak, _ = run_measured(publish.pagefind_command(site))
    result = {"wall": wall, "peak_mb": peak} | bench_search.search_fetch(site, bench_search.QUERY)
    return result | (bench_search.lunr_sizes(config) if lunr else {})


def measure(boards: int, base: Path, lunr: bool = False) -> dict:
    """Synthesise ``boards`` boards, then time and size every step."""
    import synth
    from bench_serve import measure_serve

    py = sys.executable
    data, work = base / "data", scratch(base / "site-src")
    size = synth.Size(boards=boards)
    synth.synthesise(data, size)
    docs, site = work / "content", work / "site"
    here = [py, str(Path(__file__).resolve())]
    wall, gen_mb, out = run_measured([*here, "--child", str(data), str(docs)])
    gen = json.loads(out) | {"wall": wall, "peak_mb": gen_mb}
    mk_wall, mk_mb, _ = run_measured(
        [py, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml"), "-d", str(site)], cwd=work
    )
    search = measure_search(site, work / "mkdocs.yml", lunr)
    sizes = site_sizes(site)
    sharded = measure_shards(work, docs)
    edited = edit_one(data)
    e_wall, _, e_out = run_measured([*here, "--child", str(data), str(docs)])
    edit = json.loads(e_out) | {"wall": e_wall, "file": edited}
    dirty, _, _ = run_measured(
        [py, "-m", "mkdocs", "build", "--dirty", "--no-strict", "-f", str(work / "mkdocs.yml"), "-d", str(site)],
        cwd=work,
    )
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(data, work / "data")
    serve = measure_serve(work, base / "serve.log")
    return {
        "sharded": sharded,
        "serve": serve,
        "boards": boards,
        "gen": gen,
        "mkdocs": {"wall": mk_wall, "peak_mb": mk_mb, "dirty": dirty},
        "edit": edit,
        "site": sizes,
        "search": search,
    }


def measure_shards(work: Path, docs: Path) -> dict:
    """Time `python -m generator site --shards 2 --jobs 2`'s MkDocs and Pagefind part on the same pages."""
    from generator.publish import stages

    start = time.perf_counter()
    status = stages.sharded_build(work / "mkdocs.yml", docs, work / "site-sharded", 2, 2)
    seconds = time.perf_counter() - start
    if status:
        sys.exit("sharded build failed")
    shutil.rmtree(work / "site-sharded")
    return {"wall": seconds}


def table(results: list[dict]) -> list[str]:
    """The results as a Markdown table, one column per size."""
    rows = [
        ("boards (synthetic)", lambda r: f"{r['boards']}"),
        ("Markdown pages generated", lambda r: f"{r['gen']['pages']:,}"),
        ("all files generated (pages, CSV, feeds, schemas)", lambda r: f"{r['gen']['files']:,}"),
        ("generator: load + validate + link (s)", lambda r: f"{r['gen']['load_validate']:.1f}"),
        ("generator: render (s)", lambda r: f"{r['gen']['render']:.1f}"),
        ("generator: front matter read back as MkDocs reads it (s)", lambda r: f"{r['gen']['frontcheck']:.1f}"),
        ("generator: write (s)", lambda r: f"{r['gen']['write']:.1f}"),
        ("generator: whole process incl. start-up (s)", lambda r: f"{r['gen']['wall']:.1f}"),
        ("generator peak memory (MB)", lambda r: f"{r['gen']['peak_mb']:.0f}"),
        ("`mkdocs build --strict` (s)", lambda r: f"{r['mkdocs']['wall']:.1f}"),
        ("mkdocs peak memory (MB)", lambda r: f"{r['mkdocs']['peak_mb']:.0f}"),
        ("**generator / mkdocs time**", lambda r: f"**{r['gen']['wall'] / r['mkdocs']['wall']:.0%}**"),
        ("generator ms per page", lambda r: f"{1000 * r['gen']['wall'] / r['gen']['pages']:.2f}"),
        ("mkdocs ms per page", lambda r: f"{1000 * r['mkdocs']['wall'] / r['gen']['pages']:.1f}"),
        ("HTML pages built", lambda r: f"{r['site']['html_pages']:,}"),
        ("median / largest page (KB)", lambda r: f"{r['site']['median_kb']:.1f} / {r['site']['largest_kb']:.0f}"),
        ("Pagefind indexing after mkdocs (s)", lambda r: f"{r['search']['wall']:.1f}"),
        ("Pagefind peak memory (MB)", lambda r: f"{r['search']['peak_mb']:.0f}"),
        (
            "Pagefind index on disk (KB; word chunks, page fragments)",
            lambda r: (
                f"{r['site']['pagefind_index_kb']:,.0f} ({r['site']['pagefind_chunks']:,}, "
                f"{r['site']['pagefind_fragments']:,})"
            ),
        ),
        (
            f"search '{QUERY}': fetched before the first result, raw / gzip (KB)",
            lambda r: f"{r['search']['fetch_kb']:,.0f} / {r['search']['fetch_gz_kb']:,.0f}",
        ),
        (
            "of which index and fragments (KB; requests in all)",
            lambda r: f"{r['search']['fetch_index_kb']:,.0f} ({r['search']['requests']})",
        ),
        (
            "built-in (lunr) index, fetched whole: raw / gzipped (KB)",
            lambda r: (
                f"{r['search']['lunr_kb']:,.0f} / {r['search']['lunr_gz_kb']:,.0f}"
                if "lunr_kb" in r["search"]
                else "not measured"
            ),
        ),
        (
            "edit one resolution: files rewritten (pages)",
            lambda r: f"{r['edit']['written']} ({r['edit']['written_md']})",
        ),
        ("edit one resolution: generator re-run (s)", lambda r: f"{r['edit']['wall']:.1f}"),
        ("edit: `mkdocs build --dirty` after it (s)", lambda r: f"{r['mkdocs']['dirty']:.1f}"),
        ("`make serve`: first build (s)", lambda r: f"{r['serve']['first_build_s']:.0f}"),
        ("**`make serve`: edit saved → edited page served (s)**", lambda r: f"**{r['serve']['edit_shown_s']:.1f}**"),
        ("`make serve`: edit saved → rest of the site caught up (s)", lambda r: f"{r['serve']['rest_of_site_s']:.0f}"),
        ("single build: mkdocs + Pagefind (s)", lambda r: f"{r['mkdocs']['wall'] + r['search']['wall']:.1f}"),
        ("sharded build, 2 shards, 2 jobs: mkdocs + combine + Pagefind (s)", lambda r: f"{r['sharded']['wall']:.1f}"),
        (
            "**speed-up of the sharded build**",
            lambda r: f"**×{(r['mkdocs']['wall'] + r['search']['wall']) / r['sharded']['wall']:.2f}**",
        ),
    ]
    head = "| measure | " + " | ".join(f"~{r['gen']['pages']:,} pages" for r in results) + " |"
    lines = [head, "|---|" + "---:|" * len(results)]
    lines += [f"| {name} | " + " | ".join(cell(r) for r in results) + " |" for name, cell in rows]
    return lines


def growth(results: list[dict]) -> list[str]:
    """Ratios between consecutive sizes: time growth against page growth (1.00 is linear)."""
    lines = []
    for small, big in pairwise(results):
        pages = big["gen"]["pages"] / small["gen"]["pages"]

        def ratio(*keys: str, small: dict = small, big: dict = big) -> float:
            a, b = small, big
            for key in keys:
                a, b = a[key], b[key]
            return b / a

        gen, mk = ratio("gen", "wall"), ratio("mkdocs", "wall")
        lines.append(
            f"- {small['gen']['pages']:,} → {big['gen']['pages']:,} pages (×{pages:.2f}): "
            f"generator ×{gen:.2f} (per page ×{gen / pages:.2f}), mkdocs ×{mk:.2f} (per page ×{mk / pages:.2f}), "
            f"largest page ×{ratio('site', 'largest_kb'):.2f}, median page ×{ratio('site', 'median_kb'):.2f}, "
            f"Pagefind index ×{ratio('site', 'pagefind_index_kb'):.2f}, fetched before the first result "
            f"×{ratio('search', 'fetch_kb'):.2f}, peak memory generator "
            f"×{ratio('gen', 'peak_mb'):.2f} / mkdocs ×{ratio('mkdocs', 'peak_mb'):.2f}."
        )
    return lines


def report(results: list[dict], command: str) -> str:
    """The generated block of BENCHMARKS.md."""
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores (nproc), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )
    edited = ", ".join(f"`{r['edit']['file']}`" for r in results[:1])
    sample = ", ".join(f"`{p}`" for p in results[0]["edit"]["sample"])
    return "\n".join(
        [
            START,
            "",
            f"Command: {command}  ",
            f"Machine: {machine}  ",
            f"Build date passed in: {TODAY}",
            "",
            *table(results),
            "",
            "Growth between sizes (1.00 would be perfectly linear in pages):",
            "",
            *growth(results),
            "",
            f"The edit changes the words of one resolution part in one meeting (smallest size: {edited}). "
            f"Files rewritten at the smallest size: {sample}.",
            "",
            END,
        ]
    )


def write_report(path: Path, block: str) -> None:
    """Replace the generated block in ``path``, keeping the hand-written text around it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n" + START + "\n" + END + "\n"
    if START not in text:
        text += "\n" + START + "\n" + END + "\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    path.write_text(before + block + after, encoding="utf-8")


def main() -> None:
    """Measure each size and rewrite the generated block of BENCHMARKS.md."""
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        generate_child(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", default="3,15", help="comma-separated board counts (about 326 pages each)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutebook-bench"))
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--reuse", action="store_true", help="reuse sizes already measured in --work")
    parser.add_argument("--lunr", action="store_true", help="also build with the built-in search, to compare")
    args = parser.parse_args()
    results = []
    for boards in (int(b) for b in args.boards.split(",")):
        saved = args.work / f"b{boards}.json"
        if args.reuse and saved.exists():
            results.append(json.loads(saved.read_text()))
            continue
        result = measure(boards, args.work / f"b{boards}", args.lunr)
        saved.write_text(json.dumps(result))
        print(json.dumps(result), flush=True)
        results.append(result)
    lunr = " --lunr" if args.lunr else ""
    command = f"`make bench BOARDS={args.boards}` (runs `python scripts/bench.py --boards {args.boards}{lunr}`)"
    write_report(args.out, report(results, command))


if __name__ == "__main__":
    main()
