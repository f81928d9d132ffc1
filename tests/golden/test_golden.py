"""Golden test: the generated Markdown for the fixture dataset, file by file.

A diff here is reviewed like code. After an intended change, run `make golden`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import build
from tests.conftest import FIXTURE, TODAY

EXPECTED = Path(__file__).parent / "expected"


def generated() -> dict[str, bytes]:
    """Every generated file of the fixture dataset."""
    report, site = build.check(FIXTURE)
    assert site is not None, report.lines()
    files = build.generate(site, build.Settings(TODAY))
    return {rel: content.encode() if isinstance(content, str) else content for rel, content in files}


def test_generated_tree_matches_golden(request: pytest.FixtureRequest) -> None:
    """The generated tree equals tests/golden/expected exactly."""
    files = generated()
    if request.config.getoption("--update-golden"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for rel, data in files.items():
            (EXPECTED / rel).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / rel).write_bytes(data)
    on_disk = {p.relative_to(EXPECTED).as_posix(): p.read_bytes() for p in EXPECTED.rglob("*") if p.is_file()}
    assert sorted(on_disk) == sorted(files), "generated file list differs from the golden list (run make golden)"
    for rel, data in files.items():
        if rel.endswith(".zip"):
            assert data == on_disk[rel], f"{rel} differs from its golden copy (run make golden)"
        else:
            assert data.decode() == on_disk[rel].decode(), f"{rel} differs from its golden copy (run make golden)"


def test_generation_is_deterministic() -> None:
    """Two runs produce byte-identical output."""
    assert generated() == generated()
