"""A recommendation's address follows its board and meeting when they are renamed or re-dated, and a lost one
is explained (the scrutiny fixture)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import build
from tests.conftest import ROOT, TODAY, make_dataset
from tests.unit.test_redirects import rebuild, redirect_of, sub

SCRUTINY = ROOT / "tests" / "fixtures" / "scrutiny"
MARCH = "meetings/westmoor-hosc/2026-03-12.yml"


def publish(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Build the scrutiny fixture once with a ledger; return (a copy of its data to edit, the docs, the ledger)."""
    ledger = tmp_path / "published-urls.txt"
    data = make_dataset(tmp_path / "first", base=SCRUTINY)
    report, result = build.build(data, tmp_path / "docs", build.Settings(TODAY, ledger=ledger, new_ledger=True))
    assert result is not None, report.lines()
    edited = tmp_path / "second" / "data"
    shutil.copytree(data, edited)
    return edited, tmp_path / "docs", ledger


def test_a_redated_meeting_keeps_its_recommendations_addresses(tmp_path: Path) -> None:
    data, docs, ledger = publish(tmp_path)
    path = data / MARCH
    sub(path, "id: 2026-03-12\n", "id: 2026-03-13\nformer_ids: ['2026-03-12']\n")
    sub(path, "date: 2026-03-12", "date: 2026-03-13")
    path.rename(path.with_name("2026-03-13.yml"))
    sub(data / "documents/westmoor-hosc-2026-03-12-minutes.yml", "/2026-03-12", "/2026-03-13")
    sub(data / "work-programmes/westmoor-hosc-2026-27.yml", "meeting: 2026-03-12", "meeting: 2026-03-13")
    assert rebuild(data, docs, ledger) == []
    old = "recommendations/westmoor-hosc/2026-03-12/3-26/a.md"
    assert redirect_of(docs, old) == "../../../../../recommendations/westmoor-hosc/2026-03-13/3-26/a/"


def test_a_renumbered_recommendation_is_explained(tmp_path: Path) -> None:
    data, docs, ledger = publish(tmp_path)
    sub(data / MARCH, "      - number: (a)\n", "      - number: (i)\n")
    lines = rebuild(data, docs, ledger)
    assert any(
        "'/recommendations/westmoor-hosc/2026-03-12/3-26/a/' was published before and no longer resolves "
        "(agenda item '3-26' of meeting 'westmoor-hosc/2026-03-12' has no recommendation 'a' now: "
        "restore the item's and the recommendation's numbers as they were published)" in line
        for line in lines
    ), lines
