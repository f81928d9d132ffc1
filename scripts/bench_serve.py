"""Measure how soon `make serve` shows an edit: save a data file, poll the served page.

Usage: python scripts/bench_serve.py --boards 3,15,61 [--work /tmp/minutebook-serve]

For each size, synthesises a dataset (scripts/synth.py), starts what `make serve` runs (the
preview server, generator/serve.py) on a scratch copy of the site, waits for the first build and
search, then changes the words of one resolution and polls, every 50 ms, the decision's page
until the new words are served (the edited record's first pass), and the resolutions table
until the rest of the site has caught up (the full pass). CPU is the server's user + system time
(from /proc) over each interval, and over its whole run with the Pagefind runs it waited for
(wait4); the load average is read when the edit is saved. Prints one JSON line per size and
deletes the scratch copy after it.
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


def serve_command(port: int, hook: bool = False) -> tuple[list[str], dict[str, str]]:
    """What `make serve` runs (on ``port``), and its environment, in a project folder.

    With ``hook``, MkDocs' own server with the preview hook (mkdocs.serve.yml), as `make serve` ran before.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    address = ["-a", f"127.0.0.1:{port}"]
    if hook:
        return [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", "mkdocs.serve.yml", *address], env
    return [sys.executable, "-m", "generator.serve", *address], env


def cpu_of(pid: int) -> float:
    """User + system seconds a running process has used so far (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_serve(project: Path, log_path: Path, hook: bool = False) -> dict:
    """Serve ``project`` (mkdocs.yml, overrides/, content/, data/) and time one edit; return the timings."""
    shutil.copy(ROOT / "mkdocs.serve.yml", project / "mkdocs.serve.yml")
    if not (project / "generator").exists():
        (project / "generator").symlink_to(ROOT / "generator")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command, env = serve_command(port, hook)
    log = open(log_path, "w")  # noqa: SIM115 - open for the server's lifetime
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: "Minutebook" in fetch(base), limit=1800, step=0.5)
        first_build = time.perf_counter() - started
        wait_for(lambda: fetch(base + "pagefind/pagefind-entry.json") != "", limit=1800, step=0.5)
        time.sleep(2)  # search is indexed after the first build: wait until the server is idle
        cpu, load = cpu_of(server.pid), os.getloadavg()[0]
        edited, page, new = edit_resolution(project / "data")
        shown = wait_for(lambda: new in fetch(base + page), limit=600)
        cpu_shown = cpu_of(server.pid) - cpu
        rest = wait_for(lambda: new in fetch(base + "data/resolutions.csv"), limit=1200, step=0.25) + shown
        cpu_rest = cpu_of(server.pid) - cpu
    finally:
        server.terminate()
        _, status, usage = os.wait4(server.pid, 0)
        server.returncode = os.waitstatus_to_exitcode(status)
        log.close()
    return {
        "first_build_s": first_build,
        "edited": edited,
        "edit_shown_s": shown,
        "edit_shown_cpu_s": cpu_shown,
        "rest_of_site_s": rest,
        "rest_of_site_cpu_s": cpu_rest,
        "load_at_edit": load,
        "server_cpu_s": usage.ru_utime + usage.ru_stime,
        "server_peak_mb": usage.ru_maxrss / 1024,
    }


def main() -> None:
    import synth
    from bench import scratch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", default="3", help="comma-separated board counts (about 326 pages each)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutebook-serve"))
    parser.add_argument("--hook", action="store_true", help="time MkDocs' own server with the preview hook instead")
    args = parser.parse_args()
    for boards in (int(n) for n in args.boards.split(",")):
        project = scratch(args.work / "site-src")
        synth.synthesise(project / "data", synth.Size(boards=boards))
        result = measure_serve(project, args.work / f"serve-{boards}.log", args.hook)
        pages = sum(1 for _ in (project / "content").rglob("*.md"))
        files = sum(1 for p in (project / "content").rglob("*") if p.is_file())
        print(json.dumps({"boards": boards, "pages": pages, "docs_files": files, **result}), flush=True)
        shutil.rmtree(project)


if __name__ == "__main__":
    main()
