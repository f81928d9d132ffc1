"""Measure how soon `make serve` shows an edit: save a data file, poll the served page.

Usage: python scripts/bench_serve.py --boards 15 [--work /tmp/minutebook-serve]

Synthesises a dataset (scripts/synth.py), starts `mkdocs serve --dirty` with the project's
serve configuration (the generator's preview hook) on a scratch copy of the site, waits for
the first build, then changes the words of one resolution and polls, every 50 ms, the
decision's page until the new words are served (the edited record's first pass), and the
resolutions table until the rest of the site has caught up (the full pass). Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def free_port() -> int:
    """A TCP port nobody is listening on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The body at ``url``, or '' while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(predicate, limit: float, step: float = 0.05) -> float:
    """Seconds until ``predicate()`` holds (polled every ``step``), or raise after ``limit``."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if predicate():
            return time.perf_counter() - start
        time.sleep(step)
    raise TimeoutError(f"not seen within {limit:.0f} s")


def edit_resolution(data: Path) -> tuple[str, str, str]:
    """Change one resolution's words; return (file, decision URL path, new words)."""
    meetings = sorted((data / "meetings").rglob("*.yml"))
    meeting = meetings[len(meetings) // 2]
    text = meeting.read_text(encoding="utf-8")
    found = re.search(r"text: (.*report be (?:received|approved)\.)", text)
    if found is None:
        sys.exit(f"no resolution to edit in {meeting}")
    old = found.group(1)
    minute_of = re.findall(r"minute: (\S+)", text[: found.start()])[-1]
    new = old[:-1] + " with thanks at " + time.strftime("%H%M%S") + "."
    meeting.write_text(text.replace(old, new, 1), encoding="utf-8")
    board, date = meeting.parent.name, meeting.stem
    minute = re.sub(r"[^a-z0-9]+", "-", minute_of.strip("'\"").lower()).strip("-")
    return meeting.relative_to(data).as_posix(), f"decisions/{board}/{date}/{minute}/", new


def serve_command(port: int) -> tuple[list[str], dict[str, str]]:
    """What `make serve` runs (on ``port``), and its environment, in a project folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator.serve", "-a", f"127.0.0.1:{port}"]
    return command, env


def measure_serve(project: Path, log_path: Path) -> dict:
    """Serve ``project`` (mkdocs.yml, overrides/, content/, data/) and time one edit; return the timings."""
    shutil.copy(ROOT / "mkdocs.serve.yml", project / "mkdocs.serve.yml")
    if not (project / "generator").exists():
        (project / "generator").symlink_to(ROOT / "generator")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command, env = serve_command(port)
    log = open(log_path, "w")  # noqa: SIM115 - open for the server's lifetime
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: "Minutebook" in fetch(base), limit=1800, step=0.5)
        first_build = time.perf_counter() - started
        wait_for(lambda: fetch(base + "pagefind/pagefind-entry.json") != "", limit=1800, step=0.5)
        time.sleep(2)  # search is indexed after the first build: wait until the server is idle
        edited, page, new = edit_resolution(project / "data")
        shown = wait_for(lambda: new in fetch(base + page), limit=600)
        rest = wait_for(lambda: new in fetch(base + "data/resolutions.csv"), limit=1200, step=0.25) + shown
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    return {"first_build_s": first_build, "edited": edited, "edit_shown_s": shown, "rest_of_site_s": rest}


def main() -> None:
    import synth
    from bench import scratch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutebook-serve"))
    args = parser.parse_args()
    project = scratch(args.work / "site-src")
    synth.synthesise(project / "data", synth.Size(boards=args.boards))
    result = measure_serve(project, args.work / "serve.log")
    pages = sum(1 for _ in (project / "content").rglob("*.md"))
    print(json.dumps({"boards": args.boards, "pages": pages, **result}))


if __name__ == "__main__":
    main()
