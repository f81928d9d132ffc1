"""Time the rendering of pathological Markdown at N, 2N and 10N characters; print ratios for BENCHMARKS.md.

Usage: python scripts/bench_markdown.py [--n 2000] [--repeat 3]
       python scripts/bench_markdown.py --fuzz SECONDS [--seed N]   (random search for slow texts)

Each family builds the worst text of a given length that generator/mdlimits.py still accepts
(for example 50 unclosed '[' then filler: each scans to the end of the text), renders it with
generator.render.markup (Python-Markdown, then nh3), and keeps the fastest of --repeat runs.
Linear growth shows as ratios near 2 and 10; the square of the length would show as 4 and 100.
Up to MAX_BLOCK_CHARS (5,000) a block grows with the text, and a block's cost may grow faster than
its length, so 10N/N can exceed 10 by up to 5,000/N; from 5N to 10N only the number of blocks
grows, and 10N/5N near 2 is the linear growth. Ratios, not seconds, are the result: this shared
machine's speed varies. For contrast, the same constructs without the bounds are timed at small
sizes (column "unbounded, 2N/N"; 4 is the square of the length).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.records.mdlimits import (
    MAX_BACKTICKS,
    MAX_BLOCK_CHARS,
    MAX_BLOCK_LINES,
    MAX_BRACKETS,
    MAX_CHARS,
    MAX_DEPTH,
    markdown_problem,
)
from generator.render.markup import markdown_html

Family = Callable[[int], str]


def fill(head: str, n: int, tail: str = "", filler: str = "lorem ipsum dolor ") -> str:
    """Paragraphs as long as the bounds allow, each ``head``, ``filler``..., ``tail``: ``n`` characters in all."""
    out: list[str] = []
    left = n
    while left > 0:
        size = min(MAX_BLOCK_CHARS, left - 2 if out else left)
        words = (filler * (size // len(filler) + 2))[: max(0, size - len(head) - len(tail))]
        out.append((head + words + tail)[:size])
        left -= size + (2 if len(out) > 1 else 0)
    return "\n\n".join(out)


def blocks(unit: str, n: int, head: str = "") -> str:
    """Blocks of MAX_BLOCK_LINES lines (``head``, then copies of ``unit``), blank lines between; ``n`` characters."""
    room = MAX_BLOCK_LINES - head.count("\n")
    block = head + (unit + "\n") * (room // (unit.count("\n") + 1)) + "\n"
    text = (block * (n // len(block) + 1))[:n].rstrip()
    return text + "a" * (n - len(text))


def backtick_runs(limit: int) -> str:
    """Runs of 1, 2, 3 ... backticks, none closed (each scans ahead for a run of its own length)."""
    runs, size, used = [], 1, 0
    while used + size <= limit:
        runs.append("`" * size + " a ")
        used, size = used + size, size + 1
    return "".join(runs)


BOUNDED: dict[str, Family] = {
    "'[' never closed": lambda n: fill("[" * MAX_BRACKETS, n),
    "'[' nested, closed at the end": lambda n: fill("[" * MAX_BRACKETS, n, "]" * MAX_BRACKETS),
    "'[a](' link never closed": lambda n: fill("[a](" * MAX_BRACKETS, n),
    "'![' image never closed": lambda n: fill("![" * MAX_BRACKETS, n),
    "'[a][b]' references": lambda n: fill("[a][b] " * (MAX_BRACKETS // 2), n),
    "backtick runs never closed": lambda n: fill(backtick_runs(MAX_BACKTICKS), n),
    "headings in a paragraph": lambda n: blocks("# a", n),
    "setext underlines in a paragraph": lambda n: blocks("a\n=", n),
    "rules in a paragraph": lambda n: blocks("---", n),
    "lists nested 6 deep": lambda n: blocks("- " * MAX_DEPTH + "a", n),
    "quotes nested 6 deep": lambda n: blocks("> " * MAX_DEPTH + "a", n),
    "indented lists 6 deep": lambda n: blocks("\n".join("    " * i + "- a" for i in range(MAX_DEPTH)), n),
    "table rows": lambda n: blocks("1|2", n, head="a|b\n-|-\n"),
    "'*_' emphasis, some never closed": lambda n: fill("", n, filler="*_a_* **_b "),
    "'<a ' unclosed tags (shown as text)": lambda n: fill("", n, filler="<a "),
    "'<http://' autolinks never closed": lambda n: fill("", n, filler="<http://"),
    "'&amp;' entities": lambda n: fill("", n, filler="&amp;"),
    "'\\\\' escapes": lambda n: fill("", n, filler="\\\\"),
    "plain paragraph": lambda n: fill("", n),
}
UNBOUNDED: dict[str, Family] = {
    "'[' never closed": lambda n: "[" * n,
    "'[' nested, closed at the end": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "'[a](' link never closed": lambda n: "[a](" * (n // 4),
    "backtick runs never closed": lambda n: backtick_runs(n),
    "headings in a paragraph": lambda n: "# a\n" * (n // 4),
    "lists nested 6 deep": lambda n: "".join("  " * i + "- a\n" for i in range(n // 60)),
    "quotes nested 6 deep": lambda n: ">" * n,
    "'<a ' unclosed tags (shown as text)": lambda n: "<a " * (n // 3),
}


def seconds(text: str, repeat: int) -> float:
    """The fastest of ``repeat`` renders of ``text`` (the cache bypassed)."""
    render = markdown_html.__wrapped__
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        render(text)
        best = min(best, time.perf_counter() - start)
    return best


def bounded_rows(n: int, repeat: int) -> list[str]:
    """One table row per family: ms at N and 10N, ratios 2N/N, 10N/N and 10N/5N."""
    rows = []
    sizes = (n, 2 * n, 5 * n, 10 * n)
    for name, make in BOUNDED.items():
        texts = [make(size) for size in sizes]
        for text, size in zip(texts, sizes, strict=True):
            assert len(text) == size and markdown_problem(text) is None, (name, size, markdown_problem(text))
        base, double, half, tenfold = (seconds(text, repeat) for text in texts)
        rows.append(
            f"| {name} | {base * 1000:.1f} | {tenfold * 1000:.0f} | {double / base:.1f} | {tenfold / base:.1f} "
            f"| {tenfold / half:.1f} |"
        )
    return rows


def unbounded_ratio(name: str, n: int, repeat: int) -> str:
    """2N/N for the construct without the bounds, at a small N (some take minutes at full size)."""
    make = UNBOUNDED.get(name)
    if make is None:
        return ""
    return f"{seconds(make(2 * n), repeat) / seconds(make(n), repeat):.1f}"


PIECES = [*"[]()<>`*_#-+=!&;:|{}~\\\n '\"", "\n\n", "    ", "a", "1.", "http://", "[a]", "](", "![", "<a ", "&#"]
PIECES += ["**", "__", "> ", "- ", "---", "```", "[1]: "]


def fuzz(seconds_left: float, seed: int) -> None:
    """Render random texts of Markdown punctuation the bounds accept; print the slowest and any failure."""
    rng = random.Random(seed)
    deadline, worst, tried = time.monotonic() + seconds_left, [], 0
    while time.monotonic() < deadline:
        alphabet = rng.sample(PIECES, rng.randint(1, 6))
        weights = [rng.random() for _ in alphabet]
        text = "".join(rng.choices(alphabet, weights, k=MAX_BLOCK_CHARS))[: MAX_BLOCK_CHARS - 100].strip() or "a"
        if markdown_problem(text):
            continue
        tried += 1
        worst = sorted([*worst, (seconds(text, 1), alphabet)], reverse=True)[:5]
    print(f"{tried:,} accepted texts of up to {MAX_BLOCK_CHARS - 100:,} characters rendered; the slowest:")
    for took, alphabet in worst:
        print(f"  {took * 1000:.0f} ms, made of {alphabet!r}")


def main() -> None:
    """Print the BENCHMARKS.md table (or, with --fuzz, search for slow texts)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=MAX_CHARS // 10)
    parser.add_argument("--small", type=int, default=1_000, help="N for the unbounded column")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fuzz", type=float, default=0, help="seconds of random search instead of the table")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.fuzz:
        fuzz(args.fuzz, args.seed)
        return
    print(f"N = {args.n:,} characters (10N = {10 * args.n:,}; the limit is {MAX_CHARS:,}); fastest of {args.repeat}.\n")
    print("| family (worst text the bounds accept) | ms at N | ms at 10N | 2N/N | 10N/N | 10N/5N | unbounded, 2N/N |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row, name in zip(bounded_rows(args.n, args.repeat), BOUNDED, strict=True):
        print(row + f" {unbounded_ratio(name, args.small, args.repeat)} |")


if __name__ == "__main__":
    main()
