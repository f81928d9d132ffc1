"""Dates the standards can trust: sitemap lastmod, Atom updated and published, iCalendar stamps, from history."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest

from generator import build
from generator.exports.sitemap import sitemap_files
from generator.site.graph import Site
from tests.conftest import TODAY
from tests.gitrepo import Repo, git, scripted
from tests.site.standards import sitemap_problems
from tests.unit.test_history import DECISION_4, DECISION_5, MOVED, generated, read

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "https://minutebook.example.org/"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """The scripted repository."""
    return scripted(tmp_path_factory.mktemp("outputs") / "repo")


@pytest.fixture(scope="module")
def files(repo: Repo) -> dict[str, str | bytes]:
    """Every generated file at the newest commit."""
    return generated(read(repo.data))


def at(repo: Repo, name: str, into: Path) -> Site:
    """The site as of the commit named ``name``, read from a clone checked out there."""
    git(repo.root.parent, "clone", "-q", str(repo.root), str(into))
    git(into, "checkout", "-q", repo.commits[name])
    return read(into / "data")


def lastmods(sitemap: bytes) -> dict[str, str | None]:
    """Each URL of a sitemap and its lastmod (None when left out)."""
    root = ET.fromstring(sitemap)
    return {u.findtext(f"{SITEMAP}loc", "")[len(SITE_URL) :]: u.findtext(f"{SITEMAP}lastmod") for u in root}


def test_sitemap_lastmod_is_each_page_s_true_last_change(files: dict[str, str | bytes]) -> None:
    dates = lastmods(files["sitemap.xml"])  # type: ignore[arg-type]
    assert dates[DECISION_4] == dates[DECISION_4 + "history/"] == "2024-04-02T09:30:00Z"
    assert dates[DECISION_5] == "2024-06-21T11:00:00Z"
    assert dates["meetings/riverton-hwb/2024-03-14/"] == "2024-06-25T12:00:00Z"
    assert dates["boards/riverton-hwb/"] == "2024-07-08T16:20:00Z"
    assert dates["changes/"] == "2024-07-10T09:00:00Z"
    assert dates[""] is None and dates["decisions/"] is None  # pages gathering many records: no one change dates them
    assert not [url for url, day in dates.items() if day and day.startswith(("2030", TODAY.isoformat()))]
    assert "meetings/riverton-hwb/2030-01-15/" not in dates  # a redirect is not a page to index
    assert files["robots.txt"] == b"User-agent: *\nAllow: /\n\nSitemap: https://minutebook.example.org/sitemap.xml\n"


def test_atom_updated_is_the_last_change_and_published_the_first_appearance(files: dict[str, str | bytes]) -> None:
    feed = ET.fromstring(files["feeds/decisions/riverton-hwb.xml"])  # type: ignore[arg-type]
    entries = {e.findtext(f"{ATOM}id", "")[len(SITE_URL) :]: e for e in feed.iter(f"{ATOM}entry")}
    assert entries[DECISION_4].findtext(f"{ATOM}updated") == "2024-04-02T09:30:00Z"
    assert entries[DECISION_4].findtext(f"{ATOM}published") == "2024-03-20T10:00:00Z"
    assert feed.findtext(f"{ATOM}updated") == "2024-06-25T12:00:00Z"  # the newest entry's: the decision added


def test_the_change_feed_has_one_entry_per_change(files: dict[str, str | bytes]) -> None:
    feed = ET.fromstring(files["feeds/changes.xml"])  # type: ignore[arg-type]
    first = next(feed.iter(f"{ATOM}entry"))
    assert first.findtext(f"{ATOM}title") == "Moved: Riverton HWB, 22 January 2030"
    assert first.findtext(f"{ATOM}updated") == first.findtext(f"{ATOM}published") == "2024-07-10T09:00:00Z"
    assert first.findtext(f"{ATOM}id", "").startswith(SITE_URL + MOVED + "history/#change-")
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert "Membership change: Riverton Health and Wellbeing Board" in titles
    assert "New decision: Pharmaceutical Needs Assessment (Riverton HWB, 14 March 2024)" in titles


def test_an_empty_feed_is_dated_by_the_newest_change_not_a_placeholder(repo: Repo) -> None:
    site = read(repo.data, build.Settings(TODAY.replace(year=2040)))
    feed = ET.fromstring(generated(site, build.Settings(TODAY.replace(year=2040)))["feeds/upcoming.xml"])  # type: ignore[arg-type]
    assert list(feed.iter(f"{ATOM}entry")) == [] and feed.findtext(f"{ATOM}updated") == "2024-07-10T09:00:00Z"


def test_a_moved_meeting_updates_in_calendar_apps(files: dict[str, str | bytes]) -> None:
    calendar = icalendar.Calendar.from_ical(files["calendars/riverton-hwb.ics"])
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    moved = events["riverton-hwb/2030-01-15@minutebook.example.org"]  # the same UID as before the move
    assert moved.decoded("DTSTART").isoformat() == "2030-01-22T10:00:00+00:00"
    assert str(moved["SEQUENCE"]) == "1"
    assert moved.decoded("LAST-MODIFIED").isoformat() == "2024-07-10T09:00:00+00:00"
    held = events["riverton-hwb/2024-03-14@minutebook.example.org"]
    assert str(held["SEQUENCE"]) == "0"  # minutes corrected, attendance moved: not a new version of the event
    assert held.decoded("LAST-MODIFIED").isoformat() == "2024-03-20T10:00:00+00:00"
    assert {e.decoded("DTSTAMP").isoformat() for e in events.values()} == {"2024-07-10T09:00:00+00:00"}


# Correcting a minute of decision 4/24 changes these files, and nothing else. Each is there because
# its visible content depends on the decision, or because it dates or lists the change.
CORRECTION = {
    # the decision: its page (text, last changed, citation) and its history (the JSON and CSV hold no minutes)
    "decisions/riverton-hwb/2024-03-14/4-24.md",
    "decisions/riverton-hwb/2024-03-14/4-24/history.md",
    # the meeting whose file holds it shows every minute: its page and its history
    "meetings/riverton-hwb/2024-03-14.md",
    "meetings/riverton-hwb/2024-03-14/history.md",
    # what lists or dates the change
    "changes/index.md",
    "feeds/changes.xml",
    "sitemap.xml",
    "feeds/decisions.xml",
    "feeds/decisions/riverton-hwb.xml",
    "feeds/decisions/riverton-health-board.xml",  # the same feed, served again at the board's former id
    "feeds/meetings/riverton-hwb.xml",
    "feeds/meetings/riverton-health-board.xml",
}


def test_a_correction_changes_only_its_record_and_what_shows_it(repo: Repo, tmp_path: Path) -> None:
    before = generated(at(repo, "publish", tmp_path / "before"))
    after = generated(at(repo, "typo", tmp_path / "after"))
    assert sorted(before) == sorted(after)
    assert {rel for rel in after if before[rel] != after[rel]} == CORRECTION
    assert lastmods(after["sitemap.xml"])[DECISION_4] == "2024-04-02T09:30:00Z"  # type: ignore[arg-type]
    assert lastmods(after["sitemap.xml"])[DECISION_5] == "2024-03-20T10:00:00Z"  # type: ignore[arg-type]


def test_past_the_protocol_s_limit_the_sitemap_becomes_an_index_of_valid_parts(repo: Repo, tmp_path: Path) -> None:
    site = read(repo.data)
    written = build.generate(site, build.Settings(TODAY))
    pages = [rel for rel, text in written if rel.endswith(".md") and '"redirect": ' not in str(text)]  # no stubs
    files = sitemap_files(site, SITE_URL, pages, [], limit=40)
    parts = sorted(rel for rel in files if rel.startswith("sitemaps/"))
    assert len(parts) > 1 and ET.fromstring(files["sitemap.xml"]).tag == f"{SITEMAP}sitemapindex"
    for rel, data in files.items():
        if rel.endswith(".xml"):
            (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / rel).write_bytes(data)
            assert sitemap_problems(tmp_path / rel) == [], rel
    listed = [loc for rel in parts for loc in lastmods(files[rel])]
    assert len(listed) == len(set(listed)) == len(lastmods(generated(site)["sitemap.xml"]))  # type: ignore[arg-type]
