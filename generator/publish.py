"""Build the static site with MkDocs beside the old one, and swap only on success."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml


def site_settings(config: Path) -> tuple[str, str]:
    """site_name and site_url from mkdocs.yml."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    url = str(data.get("site_url", "https://minutebook.example.org/"))
    return str(data.get("site_name", "Minutebook")), url if url.endswith("/") else url + "/"


def mkdocs_build(config: Path, out: Path) -> int:
    """Run ``mkdocs build --strict`` into ``out``.new, then swap it into place."""
    fresh = out.with_name(out.name + ".new")
    old = out.with_name(out.name + ".old")
    shutil.rmtree(fresh, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(config),
        "-d",
        str(fresh.resolve()),
    ]
    status = subprocess.run(command, check=False).returncode
    if status != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"error: mkdocs build failed; the previous {out}/ was left as it was.", file=sys.stderr)
        return 1
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    fresh.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return 0
