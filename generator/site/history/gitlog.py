"""Read the history of data/ from git: every commit in one pass of `git log`, file versions from one `git cat-file`.

Two git processes for the whole history, however many files and commits: `git log --raw` lists each
commit with the files it changed (old and new blob ids), and one long-running `git cat-file --batch`
hands over the content of each version as it is needed. Only the first-parent line is read (what
was published, in order; a merged branch counts as one change, at its merge).
"""

from __future__ import annotations

import subprocess
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

SEP = "\x1e\x1fminutebook\x1f"  # starts each commit in the log; no commit message holds it
FIELD = "\x1f\x1e"
FORMAT = f"--format={SEP}%H{FIELD}%ct{FIELD}%B{FIELD}".replace("\x1e", "%x1e").replace("\x1f", "%x1f")
SKIPPED_MODES = ("120000", "160000")  # symbolic links and submodules are never records


class GitUnavailable(Exception):
    """History cannot be read: the message says why (the build's one warning); ``public`` is what pages say."""

    def __init__(self, message: str, public: str = "git history could not be read") -> None:
        super().__init__(message)
        self.public = public


@dataclass(frozen=True)
class Commit:
    """One commit of the first-parent line."""

    sha: str
    time: int  # committer time, seconds since 1970 (UTC): when the change was published
    message: str
    seq: int = 0  # its place in the line, oldest first

    @property
    def short(self) -> str:
        """The abbreviated id people quote: 7 characters, as git shows it."""
        return self.sha[:7]

    @property
    def subject(self) -> str:
        """The first line of the message."""
        return self.message.strip().split("\n", 1)[0].strip()

    @property
    def when(self) -> datetime:
        """The commit time in UTC."""
        return datetime.fromtimestamp(self.time, UTC)


@dataclass(frozen=True)
class FileChange:
    """One file a commit changed: its path in the repository and the blob before and after (None: absent)."""

    path: str
    old: str | None
    new: str | None


@dataclass
class LogEntry:
    """A commit and the files it changed."""

    commit: Commit
    changes: list[FileChange] = field(default_factory=list)


@dataclass(frozen=True)
class Repo:
    """Where data/ sits in its repository."""

    top: Path
    prefix: str  # data/'s path inside the repository, with a trailing slash ('data/')
    head: str


def git(args: list[str], cwd: Path, stdin: str | None = None) -> str:
    """Run git with a fixed, quiet configuration; raise GitUnavailable with its message when it fails."""
    command = ["git", "-c", "core.quotePath=false", "-c", "log.showSignature=false", *args]
    try:
        result = subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, check=False, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise GitUnavailable(f"git could not be run ({exc.strerror})", "git was not available when this copy of the site was built") from None
    if result.returncode != 0:
        raise GitUnavailable(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed")
    return result.stdout


def locate(data: Path) -> Repo:
    """The repository that holds ``data``; GitUnavailable when there is none, or only a shallow copy."""
    copy = "this copy of the site was built from a copy of the data that is not a git repository"
    if not data.is_dir():
        raise GitUnavailable(f"{data} is not a folder", copy)
    try:
        out = git(["rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-toplevel", "--show-prefix"], data)
    except GitUnavailable:
        raise GitUnavailable(f"{data} is not in a git repository (an exported copy?)", copy) from None
    inside, shallow, top, prefix = (out.splitlines() + ["", "", "", ""])[:4]
    if inside != "true":
        raise GitUnavailable(f"{data} is not in a git work tree", copy)
    if shallow == "true":
        raise GitUnavailable(
            "the repository is a shallow clone (fetch the full history: git fetch --unshallow)",
            "this copy of the site was built from a shallow clone, which holds only the newest commits",
        )
    try:
        head = git(["rev-parse", "--verify", "HEAD"], data).strip()
    except GitUnavailable:
        raise GitUnavailable("the repository has no commits yet", "no commit has been made yet") from None
    return Repo(Path(top), prefix, head)


def log(repo: Repo, paths: list[str], since: str | None = None, first: int = 0) -> list[LogEntry]:
    """Every first-parent commit that changed ``paths`` (repository-relative folders), oldest first.

    With ``since`` (a commit on HEAD's first-parent line), only the commits after it, numbered from ``first``.
    """
    args = ["log", "--first-parent", "--reverse", "--diff-merges=first-parent", "--raw", "--no-renames"]
    span = f"{since}..{repo.head}" if since else repo.head
    args += ["--no-abbrev", "-z", "--no-color", FORMAT, span, "--", *[p or "." for p in paths]]
    out = git(args, repo.top)
    chunks = out.split(SEP)[1:]
    return [entry for seq, chunk in enumerate(chunks, first) if (entry := _entry(chunk, seq)) is not None]


def on_line(repo: Repo, commit: str) -> bool:
    """Whether ``commit`` is on HEAD's first-parent line (else history was rewritten since it was read)."""
    try:
        return commit in git(["rev-list", "--first-parent", repo.head], repo.top).split()
    except GitUnavailable:
        return False


def _entry(chunk: str, seq: int) -> LogEntry | None:
    """One commit's part of the log: id, time, message, then its raw file changes."""
    try:
        sha, time, rest = chunk.split(FIELD, 2)
        message, raw = rest.rsplit(FIELD, 1)
    except ValueError:
        return None
    entry = LogEntry(Commit(sha, int(time), message.strip(), seq))
    tokens = raw.lstrip("\0\n").split("\0")
    for meta, path in zip(tokens[0::2], tokens[1::2], strict=False):
        parts = meta.lstrip(":").split()
        if len(parts) < 5 or parts[0] in SKIPPED_MODES or parts[1] in SKIPPED_MODES:
            continue
        entry.changes.append(FileChange(path, _blob(parts[2]), _blob(parts[3])))
    return entry


def _blob(sha: str) -> str | None:
    """A blob id, or None for git's all-zero id of a file that is absent on that side."""
    return None if set(sha) == {"0"} else sha


class Blobs:
    """File versions by blob id, from one `git cat-file --batch` process for the whole read.

    The ids are known before the walk (the log lists them), so a thread writes them all at once and
    the walk reads each answer in turn: no round trip per file.
    """

    def __init__(self, top: Path, wanted: list[str]) -> None:
        self.process = subprocess.Popen(
            ["git", "cat-file", "--batch"], cwd=top, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.pending = list(reversed(wanted))
        self.writer = threading.Thread(target=self._ask, args=(wanted,), daemon=True)
        self.writer.start()

    def _ask(self, wanted: list[str]) -> None:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write("".join(f"{sha}\n" for sha in wanted).encode())
            self.process.stdin.close()
        except BrokenPipeError:  # git stopped early; the reader reports it
            pass

    def read(self, sha: str) -> bytes:
        """The content of the blob ``sha``, which must be the next one asked for."""
        assert self.process.stdout is not None
        expected = self.pending.pop() if self.pending else None
        header = self.process.stdout.readline().split()
        if expected != sha or len(header) != 3 or header[0].decode() != sha:
            raise GitUnavailable(f"git could not read {sha}")
        data = self.process.stdout.read(int(header[2]))
        self.process.stdout.read(1)  # the newline after each object
        return data

    def close(self) -> None:
        """End the git process."""
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.process.wait()
        self.writer.join()

    def __enter__(self) -> Blobs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
