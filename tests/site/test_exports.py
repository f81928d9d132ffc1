"""Exports: every feed, calendar, JSON and Popolo file the build writes parses, and matches the records."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from frictionless import Package

from generator import build, urls
from generator.exports import export_site
from generator.exports.calendars import escape, fold
from generator.exports.cells import neutralise
from generator.site.graph import Site
from tests.conftest import FIXTURE, ROOT, TODAY, make_dataset

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://minutebook.example.org/"


def load(data: Path) -> Site:
    """Check a dataset and return its site; fail on any data error."""
    report, site = build.check(data)
    assert site is not None, report.lines()
    return site


def record_counts(site: Site) -> dict[str, int]:
    """Rows each CSV should hold, counted straight from the records."""
    meetings = list(site.meetings.values())
    items = [it for m in meetings for it in m.items]
    return {
        "organisations": len(site.organisations),
        "boards": len(site.boards),
        "people": len(site.people),
        "posts": sum(len(p.posts) for p in site.people.values()),
        "memberships": sum(len(b.memberships) for b in site.boards.values()),
        "meetings": len(meetings),
        "attendance": sum(len(m.attendance) for m in meetings),
        "agenda_items": len(items),
        "presenters": sum(len(it.presenters) for it in items),
        "public_speakers": sum(len(it.public_speakers) for it in items),
        "resolutions": sum(len(it.resolutions) for it in items),
        "actions": len(site.actions),
        "action_statuses": sum(len(t.action.status_history) for t in site.actions),
        "plans": len(site.plans),
        "plan_groups": sum(len(p.groups) for p in site.plans.values()),
        "recommendations": len(site.recommendations),
        "recommendation_responses": sum(len(m.rec.responses) for m in site.recommendations.values()),
        "recommendation_updates": sum(len(m.rec.updates) for m in site.recommendations.values()),
        "referrals": sum(len(it.referrals) for it in items),
        "work_programmes": len(site.work_programmes),
        "planned_items": sum(len(w.items) for w in site.work_programmes.values()),
        "strategies": len(site.strategies),
        "priorities": sum(len(s.priorities) for s in site.strategies.values()),
        "indicators": len(site.indicators),
        "indicator_values": sum(len(site.values(i)) for i in site.indicators),
    }


def read_csv(data: bytes) -> list[dict[str, str]]:
    """Rows of a CSV export."""
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def write_files(files: dict[str, bytes], into: Path) -> Path:
    """Write export files under ``into``; return it."""
    for rel, data in files.items():
        (into / rel).parent.mkdir(parents=True, exist_ok=True)
        (into / rel).write_bytes(data)
    return into


@pytest.mark.site
def test_every_feed_parses_as_atom_with_dates_from_history(fixture_site: Path) -> None:
    site = load(FIXTURE)
    former = {old for board in site.boards.values() for old in board.former_ids}
    feeds = [p for p in sorted((fixture_site / "feeds").rglob("*.xml")) if p.stem not in former]
    assert len(feeds) == 3 + 2 * len(site.boards)  # decisions, upcoming and changes, then two per board
    for old in former:  # served again at a board's former id: the same feed, whose id and self link are the new ones
        assert (fixture_site / f"feeds/decisions/{old}.xml").is_file() and (
            fixture_site / f"feeds/meetings/{old}.xml"
        ).is_file()
    for path in feeds:
        root = ET.parse(path).getroot()
        assert root.tag == f"{ATOM}feed", path
        assert root.find(f"{ATOM}id").text.endswith(path.relative_to(fixture_site).as_posix())
        ids = [e.find(f"{ATOM}id").text for e in root.iter(f"{ATOM}entry")]
        assert len(ids) == len(set(ids)), path
        assert root.find(f"{ATOM}updated").text != "2000-01-01T00:00:00Z", path  # never a placeholder
        for entry in root.iter(f"{ATOM}entry"):
            published = entry.find(f"{ATOM}published")
            assert published is None or published.text <= entry.find(f"{ATOM}updated").text, path
            assert (
                entry.find(f"{ATOM}title").text
                and entry.find(f"{ATOM}link").get("href") == entry.find(f"{ATOM}id").text
            )
    everything = ET.parse(fixture_site / urls.decisions_feed_url()).getroot()
    assert len(list(everything.iter(f"{ATOM}entry"))) == len(site.decisions)
    titles = [
        e.find(f"{ATOM}title").text
        for e in ET.parse(fixture_site / "feeds/meetings/riverton-hwb.xml").getroot().iter(f"{ATOM}entry")
    ]
    assert "Riverton HWB, 20 June 2024 (CANCELLED)" in titles


def test_feeds_do_not_depend_on_the_build_date() -> None:
    site = load(FIXTURE)
    one = export_site(site, TODAY, "Minutebook", SITE_URL)
    other = export_site(site, date(2031, 5, 6), "Minutebook", SITE_URL)
    changed = sorted(path for path in one if one[path] != other[path])
    # Only what is upcoming depends on the date, and the governance table (figures 'as of' the build date:
    # overdue actions, minutes awaiting approval), which the data package's zip holds too; without history
    # (here) feeds with no entries are dated by the build (the change feed, and the feeds of a board with no
    # meetings); with history they are not (tests/unit/test_history.py).
    assert changed == sorted(
        [
            urls.changes_feed_url(),
            urls.csv_url("governance"),
            urls.data_zip_url(),
            urls.decisions_feed_url("riverton-sab"),
            urls.meetings_feed_url("riverton-sab"),
            urls.upcoming_feed_url(),
        ]
    )


@pytest.mark.site
def test_every_calendar_parses_and_marks_cancelled_meetings(fixture_site: Path) -> None:
    site = load(FIXTURE)
    former = {old for board in site.boards.values() for old in board.former_ids}  # copies: see test_redirects
    paths = [p for p in sorted((fixture_site / "calendars").glob("*.ics")) if p.stem not in former]
    assert len(paths) == 1 + len(site.boards)
    for path in paths:
        raw = path.read_bytes()
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), path
        assert b"\n" not in raw.replace(b"\r\n", b""), path
        cal = icalendar.Calendar.from_ical(raw)
        assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
        uids = [str(ev["UID"]) for ev in cal.walk("VEVENT")]
        assert len(uids) == len(set(uids))
    events = {
        str(ev["UID"]): ev
        for ev in icalendar.Calendar.from_ical((fixture_site / urls.calendar_url()).read_bytes()).walk("VEVENT")
    }
    assert len(events) == len(site.meetings)
    cancelled = events["riverton-hwb/2024-06-20@minutebook.example.org"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    held = events["riverton-hwb/2024-03-14@minutebook.example.org"]
    start = held.decoded("DTSTART")
    assert (start.hour, start.utcoffset().total_seconds()) == (14, 0)  # 14:00 GMT in March
    assert str(held["LOCATION"]) == "Committee Room 1, Council House, Riverton"
    assert str(held["URL"]) == SITE_URL + "meetings/riverton-hwb/2024-03-14/"


def test_calendar_text_is_escaped_and_folded_on_character_boundaries() -> None:
    assert escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    folded = fold("SUMMARY:" + "é" * 60)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "é" * 60


@pytest.mark.site
def test_every_json_file_parses_and_each_record_page_links_its_twin(fixture_site: Path) -> None:
    paths = sorted(p for p in fixture_site.rglob("*.json") if "search" not in p.parts)
    for path in paths:
        json.loads(path.read_text(encoding="utf-8"))
    board = json.loads((fixture_site / urls.json_url(urls.board_url("riverton-hwb"))).read_text())
    assert board["id"] == "riverton-hwb" and len(board["meetings"]) == 3
    for page in ("boards/riverton-hwb/", "meetings/riverton-hwb/2024-03-14/", "people/ann-chair/"):
        html = (fixture_site / page / "index.html").read_text(encoding="utf-8")
        twin = urls.relative(page, urls.json_url(page))
        assert f'href="{twin}"' in html, page
        assert (fixture_site / urls.json_url(page)).exists()
    html = (fixture_site / "boards/riverton-hwb/index.html").read_text(encoding="utf-8")
    follow = urls.follow_url("riverton-hwb")
    assert f'href="{urls.relative("boards/riverton-hwb/", follow)}"' in html  # the board's follow page offers its files
    html = (fixture_site / follow / "index.html").read_text(encoding="utf-8")
    for target in (urls.calendar_url("riverton-hwb"), urls.meetings_feed_url("riverton-hwb")):
        assert f'href="{urls.relative(follow, target)}"' in html


@pytest.mark.site
def test_popolo_counts_match_the_records(fixture_site: Path) -> None:
    site = load(FIXTURE)
    popolo = json.loads((fixture_site / urls.popolo_url()).read_text(encoding="utf-8"))
    assert len(popolo["persons"]) == len(site.people)
    assert len(popolo["organizations"]) == len(site.boards) + len(site.organisations)
    assert len(popolo["memberships"]) == sum(1 for b in site.boards.values() for m in b.memberships if m.person_id)
    assert len(popolo["events"]) == len(site.meetings)
    people = {p["id"] for p in popolo["persons"]}
    orgs = {o["id"] for o in popolo["organizations"]}
    assert all(m["person_id"] in people and m["organization_id"] in orgs for m in popolo["memberships"])


@pytest.mark.site
def test_data_package_is_valid_and_round_trips_into_the_record_counts(fixture_site: Path) -> None:
    report = Package(str(fixture_site / urls.datapackage_url())).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "message"])
    counts = record_counts(load(FIXTURE))
    found = {name: len(read_csv((fixture_site / urls.csv_url(name)).read_bytes())) for name in counts}
    assert found == counts
    with zipfile.ZipFile(fixture_site / urls.data_zip_url()) as archive:
        for name in counts:
            assert archive.read(f"minutebook-data/{name}.csv") == (fixture_site / urls.csv_url(name)).read_bytes()


@pytest.mark.site
def test_data_package_validation_catches_a_broken_foreign_key(fixture_site: Path, tmp_path: Path) -> None:
    for path in (fixture_site / "data").glob("*.*"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    rows = (tmp_path / "attendance.csv").read_text(encoding="utf-8").replace(",ann-chair,", ",nobody,", 1)
    (tmp_path / "attendance.csv").write_text(rows, encoding="utf-8")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}


@pytest.mark.site
def validated_package(site: Site, folder: Path) -> tuple[dict, dict[str, int]]:
    """The site's exports, written to ``folder``: the data package validates and each table has a row per record."""
    files = export_site(site, TODAY, "Minutebook", SITE_URL)
    write_files(files, folder)
    report = Package(str(folder / urls.datapackage_url())).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "message"])[:5]
    counts = record_counts(site)
    assert {name: len(read_csv(files[urls.csv_url(name)])) for name in counts} == counts
    return files, counts


def test_real_dataset_exports_validate_and_count(tmp_path: Path) -> None:
    site = load(ROOT / "data")
    files, counts = validated_package(site, tmp_path)
    assert len(site.decisions) == counts["resolutions"]


HOSTILE_PERSON = """id: bob-member
name: Bob Member
honorific: Dr
posts:
  - organisation: "@SUM(A1:A9)"
    title: '=HYPERLINK("http://evil.example/","click")'
aliases: [B Member]
"""
SCRIPT = '<script>alert("x")</script> & more'


def hostile_site(tmp_path: Path) -> Site:
    """The fixture with formula-like cells and a script tag in an item title."""
    meeting = (FIXTURE / "meetings/riverton-hwb/2024-03-14.yml").read_text(encoding="utf-8")
    meeting = meeting.replace("title: Joint Health and Wellbeing Strategy 2024-2027", f"title: '{SCRIPT}'")
    meeting = meeting.replace("venue: Committee Room 1, Council House, Riverton", 'venue: "-2+3 Room"')
    data = make_dataset(
        tmp_path, {"people/bob-member.yml": HOSTILE_PERSON, "meetings/riverton-hwb/2024-03-14.yml": meeting}
    )
    return load(data)


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    files = export_site(hostile_site(tmp_path), TODAY, "Minutebook", SITE_URL)
    bob = next(r for r in read_csv(files[urls.csv_url("posts")]) if r["person_id"] == "bob-member")
    assert bob["title"] == "'" + '=HYPERLINK("http://evil.example/","click")'
    assert bob["organisation"] == "'@SUM(A1:A9)"
    venues = {r["venue"] for r in read_csv(files[urls.csv_url("meetings")])}
    assert "'-2+3 Room" in venues
    for name in record_counts(load(FIXTURE)):
        for row in read_csv(files[urls.csv_url(name)]):
            assert not any(v.startswith(("=", "+", "@")) for v in row.values()), (name, row)
    assert neutralise("-1") == "'-1" and neutralise("plain") == "plain"


def test_script_in_a_record_stays_inert_in_feeds_and_json(tmp_path: Path) -> None:
    files = export_site(hostile_site(tmp_path), TODAY, "Minutebook", SITE_URL)
    feed = files[urls.decisions_feed_url()]
    assert b"<script" not in feed
    titles = [e.find(f"{ATOM}title").text for e in ET.fromstring(feed).iter(f"{ATOM}entry")]
    assert f"{SCRIPT} (Riverton HWB)" in titles
    meeting = json.loads(files[urls.json_url(urls.meeting_url("riverton-hwb", "2024-03-14"))])
    assert SCRIPT in [item["title"] for item in meeting["agenda_items"]]


@pytest.mark.site
def test_sitemap_lastmod_is_never_a_record_date_nor_the_build_date(fixture_site: Path) -> None:
    """Dates come from git history (tests/unit/test_history_outputs.py checks which), or are left out."""
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = ET.parse(fixture_site / urls.sitemap_url()).getroot()
    lastmod = {u.find(f"{ns}loc").text: getattr(u.find(f"{ns}lastmod"), "text", None) for u in root}
    assert lastmod[SITE_URL + "meetings/riverton-hwb/2024-03-14/"] != "2024-03-14"
    assert lastmod[SITE_URL] is None  # the home page gathers many records: no one change dates it
    # The fixture's build date (TODAY) is also a day its files were committed, so "not that day" cannot
    # be the test: every lastmod given must be the time of a commit of the repository holding the data.
    log = subprocess.run(["git", "log", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
    commits = {datetime.fromtimestamp(int(t), UTC).strftime("%Y-%m-%dT%H:%M:%SZ") for t in log.stdout.split()}
    given = {day for day in lastmod.values() if day}
    assert given and given <= commits
    assert not (fixture_site / "sitemap-records.xml").exists()


@pytest.mark.parametrize("name", ["boards", "resolutions"])
@pytest.mark.site
def test_index_pages_link_the_csv_download(fixture_site: Path, name: str) -> None:
    page = {"boards": "boards/", "resolutions": "decisions/"}[name]
    html = (fixture_site / page / "index.html").read_text(encoding="utf-8")
    assert f'href="{urls.relative(page, urls.csv_url(name))}"' in html


SCRUTINY = ROOT / "tests" / "fixtures" / "scrutiny"


def test_scrutiny_exports_validate_and_carry_the_follow_up_records(tmp_path: Path) -> None:
    """The scrutiny fixture's data package validates and holds every follow-up record; Popolo has motions."""
    site = load(SCRUTINY)
    files, counts = validated_package(site, tmp_path)
    assert counts["recommendations"] == 3 and counts["referrals"] == 2 and counts["plans"] == 2
    motions = json.loads(files[urls.popolo_url()])["motions"]
    assert sorted(m["classification"] for m in motions) == [
        "call-in",
        "recommendation",
        "recommendation",
        "recommendation",
        "referral",
    ]
    made = site.recommendations["westmoor-hosc/2026-03-12/3-26/a"]
    twin = json.loads(files[urls.json_url(made.url)])
    assert twin["to"] == "organisation:westmoor-hospitals" and twin["latest_outcome"] == "accepted"
    assert [r["printed"] for r in twin["responses"]] == [made.rec.responses[0].printed]
    assert [u["printed"] for u in twin["updates"]] == [u.printed for u in made.rec.updates]
    feed = ET.fromstring(files[urls.recommendations_feed_url("westmoor-hosc")])
    assert len(feed.findall(f"{ATOM}entry")) == 3


def test_scrutiny_feeds_do_not_depend_on_the_build_date() -> None:
    """A recommendation's entry says what the record says; only the upcoming feed follows the date."""
    site = load(SCRUTINY)
    one = export_site(site, TODAY, "Minutebook", SITE_URL)
    other = export_site(site, date(2026, 4, 1), "Minutebook", SITE_URL)  # before a response fell due
    changed = sorted(path for path in one if one[path] != other[path] and path.endswith(".xml"))
    # Without history (here) the change feed has no entries and is dated by the build (test_history.py has it with).
    dated = {urls.upcoming_feed_url(), urls.changes_feed_url()}
    assert [path for path in changed if path not in dated] == []
