"""One build at a time per checkout: a second build waits, saying for whom; a killed holder frees the lock."""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import build
from generator.output.lock import LOCK, waiting_message
from generator.preview import Preview
from tests.conftest import FIXTURE, ROOT, TODAY, make_dataset

HOLDER = """
import sys
from pathlib import Path
from generator.output.lock import checkout_lock
with checkout_lock(Path(sys.argv[1]), "python -m generator site"):
    print("holding", flush=True)
    sys.stdin.read()
"""
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
SINCE = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"


def hold(docs: Path) -> subprocess.Popen[str]:
    """Another process holding the lock of ``docs`` until its standard input is closed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(docs)],
        cwd=ROOT,
        env=ENV,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    return holder


def release(holder: subprocess.Popen[str]) -> None:
    """Let the holder end, which releases the lock."""
    holder.communicate(timeout=30)  # closes its standard input
    assert holder.returncode == 0


def start_build(docs: Path) -> subprocess.Popen[str]:
    """Start `python -m generator build` on the fixture data into ``docs``."""
    command = [sys.executable, "-m", "generator", "--data", str(FIXTURE), "build", "--docs", str(docs)]
    command += ["--today", TODAY.isoformat()]
    return subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(autouse=True)
def ctrl_c_as_at_a_terminal() -> Iterator[None]:
    """Ctrl-C (SIGINT) acts in the builds these tests start as at a terminal, even when the tests run as a
    background job, which starts with SIGINT ignored (a child inherits that, and Python then never raises
    KeyboardInterrupt); a handled signal is reset to its default in a child."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def wait_until(condition, timeout: float = 60.0) -> None:
    """Poll ``condition`` until it holds."""
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


def test_a_second_build_waits_saying_for_whom_then_runs(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    holder = hold(docs)
    waiting = start_build(docs)
    assert waiting.stderr is not None
    err = waiting.stderr.readline()
    time.sleep(1)
    assert waiting.poll() is None, "the second build did not wait"
    assert sorted(p.name for p in docs.iterdir()) == [LOCK], "the second build wrote while the first held the lock"
    release(holder)
    out, rest = waiting.communicate(timeout=60)
    assert waiting.returncode == 0 and rest == "", out + rest
    assert re.fullmatch(
        rf"waiting: {re.escape(str(docs))}/ is in use by python -m generator site \(pid {holder.pid}, since {SINCE}\); "
        r"this one will start when that one ends \(press Ctrl-C to stop waiting\)\n",
        err,
    ), err
    assert (docs / "index.md").exists() and (docs / LOCK).read_bytes() == b""


def test_ctrl_c_while_waiting_stops_without_writing(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    holder = hold(docs)
    try:
        waiting = start_build(docs)
        assert waiting.stderr is not None
        assert waiting.stderr.readline().startswith("waiting: ")
        waiting.send_signal(signal.SIGINT)
        out, err = waiting.communicate(timeout=60)
    finally:
        release(holder)
    assert waiting.returncode == 130, out + err
    assert err == "stopped (Ctrl-C); nothing needs cleaning up: run the command again to finish\n"
    assert sorted(p.name for p in docs.iterdir()) == [LOCK]


def test_a_killed_holder_leaves_no_lock_behind(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    holder = hold(docs)
    holder.kill()
    holder.communicate(timeout=30)
    out, err = start_build(docs).communicate(timeout=60)
    assert "waiting" not in err and "ok: no problems found." in out, out + err


def test_the_preview_waits_for_a_build_before_writing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The preview writes docs/ only while it holds the lock, and says why it waits."""
    data, docs = make_dataset(tmp_path), tmp_path / "content"
    holder = hold(docs)
    preview = Preview(data, docs, build.Settings(TODAY))
    finished = threading.Event()

    def said() -> list[str]:  # the preview's own messages (a data folder outside git also logs that history is missing)
        return [r.getMessage() for r in caplog.records if r.name == "mkdocs.minutebook"]

    thread = threading.Thread(target=lambda: (preview.rebuild(background=False), finished.set()))
    with caplog.at_level(logging.WARNING, logger="mkdocs.minutebook"):
        thread.start()
        wait_until(lambda: said())
        time.sleep(0.5)
        assert not finished.is_set() and sorted(p.name for p in docs.iterdir()) == [LOCK]
        release(holder)
        thread.join(timeout=60)
    assert finished.is_set() and (docs / "index.md").exists()
    assert re.fullmatch(
        rf"waiting: {re.escape(str(docs))}/ is in use by python -m generator site \(pid {holder.pid}, since {SINCE}\); "
        r"this one will start when that one ends \(press Ctrl-C to stop waiting\)",
        said()[0],
    )


def test_the_message_when_the_holder_has_not_named_itself_yet() -> None:
    assert waiting_message(Path("content"), {}) == (
        "waiting: content/ is in use by another build; this one will start when that one ends "
        "(press Ctrl-C to stop waiting)"
    )


RACE = """
import fcntl, os, signal, sys
from pathlib import Path
from generator.output import lock
docs = Path(sys.argv[1])
docs.mkdir()
held = os.open(docs / lock.LOCK, os.O_RDWR | os.O_CREAT)
fcntl.flock(held, fcntl.LOCK_EX)  # another build holds the lock
real, tries = fcntl.flock, []
def flock(fd, operation):
    if fd != held:
        tries.append(operation)
        if len(tries) == 2:  # the first try after the waiting message: Ctrl-C lands as the call starts,
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # so it is seen only when the call returns
            os.kill(os.getpid(), signal.SIGINT)
            try:
                return real(fd, operation)
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    return real(fd, operation)
fcntl.flock = flock
try:
    with lock.checkout_lock(docs, "test"):
        print("took the lock")
except KeyboardInterrupt:
    print("stopped")
"""


def test_ctrl_c_just_before_the_wait_starts_is_not_lost(tmp_path: Path) -> None:
    """A Ctrl-C that lands between the waiting message and the wait stops the build (a blocking flock missed it)."""
    command = [sys.executable, "-c", RACE, str(tmp_path / "content")]
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the Ctrl-C was lost: the build went on waiting for the lock")
    assert done.stdout == "stopped\n", done.stdout + done.stderr
