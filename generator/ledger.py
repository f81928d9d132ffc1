"""The committed ledger of every URL ever published: none may stop resolving."""

from __future__ import annotations

import os
from pathlib import Path

from generator.diagnostics import Report

HEADER = "# Every URL ever published. Never remove a line: see CONTRIBUTING.md.\n"


def read_ledger(path: Path) -> list[tuple[int, str]]:
    """(line number, URL) for each URL in the ledger; '#' comments and blank lines ignored."""
    if not path.exists():
        return []
    lines = enumerate((line.strip() for line in path.read_text(encoding="utf-8").splitlines()), start=1)
    return [(number, line) for number, line in lines if line and not line.startswith("#")]


def check_ledger(path: Path, published: set[str], report: Report) -> list[str]:
    """Report ledger URLs that no longer resolve; return the URLs new to the ledger."""
    known = read_ledger(path)
    for number, url in known:
        if url not in published:
            report.error(
                str(path),
                number,
                "",
                f"'{url}' was published before and no longer resolves "
                "(restore the record, add its old id to former_ids, or mark it withdrawn)",
            )
    return sorted(published - {url for _, url in known})


def extend_ledger(path: Path, new: list[str]) -> None:
    """Append newly published URLs to the ledger."""
    if not new:
        return
    old = (
        path.read_bytes()
        if path.exists()
        else b"# Every URL ever published. Never remove a line: see CONTRIBUTING.md.\n"
    )
    # Written whole and renamed into place: a build killed here leaves the old ledger, never half a line.
    # The temporary file has a fixed name, so one a kill leaves behind is replaced by the next build.
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(old + "".join(url + "\n" for url in new).encode("utf-8"))
    os.replace(temporary, path)
