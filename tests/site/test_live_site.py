"""The preview server's in-memory site: after edits it renders only what changed, and matches a fresh build."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands import build as mk
from mkdocs.config import load_config

from generator import build
from generator.publish.live import LiveSite
from tests.conftest import TODAY, make_dataset, make_project

pytestmark = pytest.mark.site
URL = "http://127.0.0.1:8000/"
MEETING = "meetings/riverton-hwb/2024-03-14.md"
OLD = "Progress be reported to the Board every six months."
NEW = "Progress be reported to the Board every three months."
ADDED = "boards/extra.md"
ADDED_TEXT = "# An added page\n\nSee [the meeting](../meetings/riverton-hwb/2024-03-14.md).\n"


def served(project: Path, site: Path) -> LiveSite:
    """A live site for ``project`` built into ``site``, addressed as the preview server addresses it."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=False)
    config.site_url = URL
    live = LiveSite(config)
    live.build()
    return live


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site but the sitemap, which the preview does not refresh."""
    skip = {"sitemap.xml", "sitemap.xml.gz"}
    files = (p for p in sorted(site.rglob("*")) if p.is_file() and p.relative_to(site).as_posix() not in skip)
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in files}


def test_an_update_renders_the_changed_files_and_matches_a_fresh_build(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    docs = project / "content"
    report, result = build.build(make_dataset(project), docs, build.Settings(TODAY, site_url=URL))
    assert result is not None, report.lines()
    (docs / "notes.txt").write_text("to be removed\n", encoding="utf-8")
    live = served(project, tmp_path / "live")
    page = tmp_path / "live" / "meetings/riverton-hwb/2024-03-14/index.html"
    assert OLD in page.read_text(encoding="utf-8")

    meeting = docs / MEETING
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    about = docs / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added by hand.\n", encoding="utf-8")
    (docs / ADDED).write_text(ADDED_TEXT, encoding="utf-8")
    (docs / "notes.txt").unlink()
    rendered = live.update([MEETING, "about.md", ADDED], removed=["notes.txt"])

    assert rendered == 3
    assert NEW in page.read_text(encoding="utf-8")
    assert not (tmp_path / "live" / "notes.txt").exists()
    fresh = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "fresh"), strict=False)
    fresh.site_url = URL
    mk.build(fresh, serve_url=URL)
    assert tree(tmp_path / "live") == tree(tmp_path / "fresh")


def test_an_update_leaves_the_other_pages_alone(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    docs = project / "content"
    report, result = build.build(make_dataset(project), docs, build.Settings(TODAY, site_url=URL))
    assert result is not None, report.lines()
    live = served(project, tmp_path / "live")
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "live").rglob("*.html")}
    meeting = docs / MEETING
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")

    assert live.update([MEETING]) == 1

    touched = [p for p, stamp in before.items() if p.stat().st_mtime_ns != stamp]
    assert [p.relative_to(tmp_path / "live").as_posix() for p in touched] == ["meetings/riverton-hwb/2024-03-14/index.html"]
