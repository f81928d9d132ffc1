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
# The scrutiny fixture's golden tree holds only its follow-up pages (the rest repeats the main tree's templates).
SCRUTINY = FIXTURE.parent / "scrutiny"
EXPECTED_SCRUTINY = Path(__file__).parent / "expected-scrutiny"
FOLLOW_UP = ("recommendations/", "plans/", "work-programmes/", "meetings/westmoor-hosc/", "boards/westmoor-hosc.md")


def generated(fixture: Path = FIXTURE) -> dict[str, bytes]:
    """Every generated file of a fixture dataset."""
    report, site = build.check(fixture)
    assert site is not None, report.lines()
    files = build.generate(site, build.Settings(TODAY))
    return {rel: content.encode() if isinstance(content, str) else content for rel, content in files}


def differences(files: dict[str, bytes], on_disk: dict[str, bytes]) -> list[str]:
    """Every difference between the generated tree and the golden tree, one line per file."""
    found = [f"missing from the golden tree: {rel}" for rel in sorted(files.keys() - on_disk.keys())]
    found += [f"no longer generated: {rel}" for rel in sorted(on_disk.keys() - files.keys())]
    found += [f"differs: {rel}" for rel in sorted(files.keys() & on_disk.keys()) if files[rel] != on_disk[rel]]
    return found


def test_generated_tree_matches_golden(request: pytest.FixtureRequest) -> None:
    """The generated tree equals tests/golden/expected exactly; the failure lists every file that differs."""
    compare(request, generated(), EXPECTED)


def test_scrutiny_follow_up_pages_match_golden(request: pytest.FixtureRequest) -> None:
    """The scrutiny fixture's follow-up pages equal tests/golden/expected-scrutiny exactly."""
    files = {rel: data for rel, data in generated(SCRUTINY).items() if rel.startswith(FOLLOW_UP)}
    compare(request, files, EXPECTED_SCRUTINY)


def compare(request: pytest.FixtureRequest, files: dict[str, bytes], expected: Path) -> None:
    """Fail listing every file that differs from the golden tree ``expected`` (rewrite it with --update-golden)."""
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected, ignore_errors=True)
        for rel, data in files.items():
            (expected / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected / rel).write_bytes(data)
    on_disk = {p.relative_to(expected).as_posix(): p.read_bytes() for p in expected.rglob("*") if p.is_file()}
    found = differences(files, on_disk)
    assert not found, f"{len(found)} files differ from the golden tree (review, then make golden):\n" + "\n".join(found)


def test_differences_name_every_file() -> None:
    """A golden failure names every differing, missing and extra file, not just the first."""
    found = differences({"a.md": b"1", "b.md": b"2", "new.md": b""}, {"a.md": b"x", "b.md": b"y", "old.md": b""})
    assert found == [
        "missing from the golden tree: new.md",
        "no longer generated: old.md",
        "differs: a.md",
        "differs: b.md",
    ]


def test_generation_is_deterministic() -> None:
    """Two runs produce byte-identical output."""
    assert generated() == generated()
