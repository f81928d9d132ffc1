"""The benchmark's synthetic dataset validates, is deterministic, and the site's lookups match a full scan."""

from __future__ import annotations

import sys
from pathlib import Path

from generator import build
from generator.site import queries as ctx

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import synth

SMALL = synth.Size(boards=2, years=1, meetings=2, items=4, resolutions=2, people=5, indicators=2, periods=3)


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_small_synthetic_dataset_validates_without_warnings(tmp_path: Path) -> None:
    """Two boards of synthetic records pass every check."""
    synth.synthesise(tmp_path / "data", SMALL)
    report, site = build.check(tmp_path / "data")
    assert report.lines() == []
    assert site is not None
    assert len(site.boards) == 2
    assert len(site.decisions) == 2 * 2 * 2


def test_synthesis_is_deterministic(tmp_path: Path) -> None:
    """The same size and seed write the same bytes."""
    synth.synthesise(tmp_path / "a", SMALL)
    synth.synthesise(tmp_path / "b", SMALL)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")


def test_lookups_agree_with_a_scan_of_every_meeting(tmp_path: Path) -> None:
    """Meetings attended, items presented and a meeting's decisions equal what a full scan finds."""
    synth.synthesise(tmp_path / "data", SMALL)
    _, site = build.check(tmp_path / "data")
    assert site is not None
    for pid in site.people:
        scanned = [m for m in site.meetings.values() if any(a.person_id == pid for a in m.attendance)]
        assert site.attended(pid) == scanned
        presented = [(m, i) for m in site.meetings.values() for i in m.items if pid in i.presenter_ids]
        assert ctx.presented_by(site, pid) == sorted(presented, key=lambda p: (p[0].date, p[0].board_id))
    for meeting in site.meetings.values():
        scanned = {id(d.resolution): d for d in site.decisions.values() if d.meeting is meeting}
        assert ctx.decisions_of_meeting(site, meeting) == scanned
    assert any(site.attended(pid) for pid in site.people)
