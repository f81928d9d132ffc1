"""Every published format passes its standard's own validator, on the real site and on the fixtures.

The fixture site is built from a scripted git repository (tests/gitrepo.py), so it has history, and
for a subfolder (site_url https://example.org/minutes/), so the 404 page is checked where it matters.
The schemas are stored in tests/standards/ with their sources and licences.
"""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from frictionless import Package
from jsonschema import Draft202012Validator

from generator import build, urls
from generator.site.history.titles import titles
from tests.conftest import ROOT, TODAY, make_project, run_cli
from tests.gitrepo import scripted
from tests.site.standards import (
    atom_problems,
    event_problems,
    jsonld_problems,
    page_parts,
    popolo_problems,
    sitemap_problems,
)

pytestmark = pytest.mark.site
SUBFOLDER = "https://example.org/minutes/"


def build_from(tmp_path: Path, data: Path, site_url: str | None = None) -> tuple[Path, str]:
    """Build ``data`` into a whole site (mkdocs included); return the site folder and its site_url."""
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    if site_url:
        text = config.read_text(encoding="utf-8").replace("site_url: https://minutebook.example.org/", f"site_url: {site_url}")
        config.write_text(text, encoding="utf-8")
    out = project / "site"
    result = run_cli(
        "--data", str(data), "site", "--docs", str(project / "content"), "--config", str(config),
        "--out", str(out), "--today", TODAY.isoformat(),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return out, site_url or "https://minutebook.example.org/"


@pytest.fixture(scope="module", params=["fixtures", "real"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """(site folder, site_url, data folder) of the fixture site (with history, in a subfolder) and the real site."""
    tmp = tmp_path_factory.mktemp(request.param)
    if request.param == "fixtures":
        data = scripted(tmp / "repo").data
        site, url = build_from(tmp, data, SUBFOLDER)
    else:
        data = ROOT / "data"
        site, url = build_from(tmp, data)
    return site, url, data


def test_every_feed_validates_against_the_rfc_4287_schema(built: tuple[Path, str, Path]) -> None:
    site, _, _ = built
    feeds = sorted((site / "feeds").rglob("*.xml"))
    assert (site / "feeds/changes.xml") in feeds
    assert [problem for path in feeds for problem in atom_problems(path)] == []


def test_the_one_sitemap_validates_and_lists_every_page(built: tuple[Path, str, Path]) -> None:
    site, site_url, _ = built
    assert sitemap_problems(site / "sitemap.xml") == []
    assert not (site / "sitemap-records.xml").exists() and not (site / "sitemap.xml.gz").exists()  # no second map
    assert (site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = {loc[len(site_url) :] for loc in _locs(text)}
    pages = {
        str(p.parent.relative_to(site)).replace(".", "") + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
        if "pagefind" not in p.parts and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    }
    assert listed == {p.lstrip("/") for p in pages}


def _locs(text: str) -> list[str]:
    return [part.split("</loc>")[0] for part in text.split("<loc>")[1:]]


def test_popolo_validates_against_the_popolo_schemas(built: tuple[Path, str, Path]) -> None:
    site, _, _ = built
    popolo = json.loads((site / urls.popolo_url()).read_text(encoding="utf-8"))
    assert popolo["events"] and popolo_problems(popolo) == []
    assert not any("timezone" in event for event in popolo["events"])


def test_json_ld_uses_only_schema_org_types_and_properties(built: tuple[Path, str, Path]) -> None:
    site, _, _ = built
    problems, events = [], 0
    for path in sorted(site.rglob("index.html")):
        where = str(path.relative_to(site))
        for node in page_parts(path)[0]:
            problems += jsonld_problems(node, where)
            if node.get("@type") == "Event":
                events += 1
                problems += event_problems(node, where)
    assert events and problems == []


def test_calendars_date_their_data_from_history(built: tuple[Path, str, Path]) -> None:
    site, _, _ = built
    for path in sorted((site / "calendars").glob("*.ics")):
        events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
        stamps = {e.decoded("DTSTAMP") for e in events}
        assert len(stamps) <= 1 or not any("LAST-MODIFIED" in e for e in events), path
        for event in events:
            if "LAST-MODIFIED" in event:
                assert event.decoded("LAST-MODIFIED") <= event.decoded("DTSTAMP"), path


def test_the_data_package_validates(built: tuple[Path, str, Path]) -> None:
    site, _, _ = built
    report = Package(str(site / urls.datapackage_url())).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "message"])[:5]


def test_editor_schemas_declare_their_draft_and_are_valid_schemas(built: tuple[Path, str, Path]) -> None:
    site, _, _ = built
    for path in sorted((site / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", path
        Draft202012Validator.check_schema(schema)


def test_every_record_page_links_its_json_twin_and_its_history(built: tuple[Path, str, Path]) -> None:
    site, _, data = built
    report, records = build.check(data)
    assert records is not None, report.lines()
    missing = []
    for url in titles(records):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        twin = urls.relative(url, urls.json_url(url))
        if f'href="{twin}"' not in html or not (site / urls.json_url(url)).is_file():
            missing.append(f"{url}: no link to {twin}")
        if 'href="history/"' not in html or not (site / url / "history" / "index.html").is_file():
            missing.append(f"{url}: no history")
    assert missing == []


def test_the_404_page_has_no_root_absolute_links(built: tuple[Path, str, Path]) -> None:
    """Served at any depth, from any folder: every link is absolute from site_url, and its target exists."""
    site, site_url, _ = built
    _, links = page_parts(site / "404.html")
    assert [link for link in links if link.startswith("/")] == []
    for link in links:
        if link.startswith(site_url):
            target = site / link[len(site_url) :].split("#")[0].removesuffix(".")
            assert target.is_file() or (target / "index.html").is_file(), link
        else:
            assert link.startswith("#") or link.startswith(("https://", "http://")), link
