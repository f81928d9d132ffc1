"""URLs are derived from ids only; published URLs keep working (ledger, redirects, tombstones)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator import build, urls
from tests.conftest import TODAY, fixture_text, make_dataset


def settings(ledger: Path, new: bool = False) -> build.Settings:
    """Build settings with a ledger (``new`` starts it)."""
    return build.Settings(TODAY, ledger=ledger, new_ledger=new)


def test_urls_come_from_ids() -> None:
    """Every kind has one URL scheme, and minute numbers are made URL-safe."""
    assert urls.board_url("coventry-hwb") == "boards/coventry-hwb/"
    assert urls.meeting_url("coventry-hwb", "2017-07-10") == "meetings/coventry-hwb/2017-07-10/"
    assert urls.decision_key("warwickshire-hwb", "2013-09-25", "6(i)") == "warwickshire-hwb/2013-09-25/6-i"
    assert urls.decision_url(urls.decision_key("b", "2013-01-01", "23/13", "b")) == "decisions/b/2013-01-01/23-13-b/"
    assert urls.page_path("people/") == "people/index.md"
    assert urls.page_path("people/x/") == "people/x.md"
    assert urls.url_of_path("people/x.md") == "/people/x/"
    assert urls.relative("decisions/b/d/m/", "people/x/") == "../../../../people/x/"


def test_ledger_records_new_urls_and_fails_when_one_disappears(tmp_path: Path) -> None:
    """A published URL that no longer resolves stops the build, naming the ledger line."""
    ledger = tmp_path / "published-urls.txt"
    data = make_dataset(tmp_path / "a")
    report, result = build.build(data, tmp_path / "docs", settings(ledger, new=True))
    assert result is not None and report.errors == []
    assert "/people/eve-officer/" in ledger.read_text().splitlines()
    data = make_dataset(tmp_path / "b", {"people/eve-officer.yml": None})
    meeting = (data / "meetings/riverton-hwb/2024-03-14.yml").read_text()
    (data / "meetings/riverton-hwb/2024-03-14.yml").write_text(
        meeting.replace(
            "  - person_id: eve-officer\n    status: officer\n    capacity: Democratic Services Officer\n", ""
        )
    )
    report, result = build.build(data, tmp_path / "docs", settings(ledger))
    assert result is None
    assert report.lines() == [
        f"{ledger}:{ledger.read_text().splitlines().index(url) + 1}: '{url}' was published before and no longer resolves "
        "(no person has the id 'eve-officer' now: add 'eve-officer' to former_ids of the person it became, "
        "or restore data/people/eve-officer.yml and mark it withdrawn)"
        for url in ("/people/eve-officer/", "/people/eve-officer/history/")  # its history page was published too
    ]


def test_renamed_record_redirects_from_its_old_url(tmp_path: Path) -> None:
    """Adding the old id to former_ids keeps the old URL alive as a redirect."""
    ledger = tmp_path / "published-urls.txt"
    ledger.write_text("/people/eve-officer/\n")
    person = fixture_text("people/eve-officer.yml").replace(
        "id: eve-officer", "id: eve-clerk\nformer_ids: [eve-officer]"
    )
    data = make_dataset(tmp_path, {"people/eve-officer.yml": None, "people/eve-clerk.yml": person})
    meeting = (data / "meetings/riverton-hwb/2024-03-14.yml").read_text().replace("eve-officer", "eve-clerk")
    (data / "meetings/riverton-hwb/2024-03-14.yml").write_text(meeting)
    report, result = build.build(data, tmp_path / "docs", settings(ledger))
    assert report.errors == [] and result is not None
    page = (tmp_path / "docs" / "people" / "eve-officer.md").read_text()
    assert '"redirect": "../../people/eve-clerk/"' in page


def test_withdrawn_record_keeps_a_page_saying_why(tmp_path: Path) -> None:
    """A withdrawn record's page says when and why."""
    person = fixture_text("people/eve-officer.yml") + "withdrawn: {date: 2025-01-02, reason: Published in error.}\n"
    data = make_dataset(tmp_path, {"people/eve-officer.yml": person})
    report, result = build.build(data, tmp_path / "docs", build.Settings(date(2026, 1, 1)))
    assert result is not None, report.lines()
    page = (tmp_path / "docs" / "people" / "eve-officer.md").read_text()
    assert "This record was withdrawn on Thursday 2 January 2025." in page
    assert "Reason: Published in error." in page


def test_every_url_that_hangs_under_a_record_has_its_pattern() -> None:
    """The redirect map reads a URL's ids back through urls.match; each URL function's output is recognised."""
    cases = [
        (urls.board_url("b"), "boards", "page", {"boards": "b"}),
        (urls.board_indicators_url("b"), "boards", "indicators", {"boards": "b"}),
        (urls.board_meetings_url("b"), "boards", "meetings", {"boards": "b"}),
        (urls.board_decisions_url("b"), "boards", "decisions", {"boards": "b"}),
        (urls.decisions_year_url("b", 2024), "boards", "decisions-year", {"boards": "b", "year": "2024"}),
        (urls.decisions_feed_url("b"), "boards", "decisions-feed", {"boards": "b"}),
        (urls.meetings_feed_url("b"), "boards", "meetings-feed", {"boards": "b"}),
        (urls.calendar_url("b"), "boards", "calendar", {"boards": "b"}),
        (urls.json_url(urls.board_url("b")), "boards", "json", {"boards": "b"}),
        (urls.meeting_url("b", "2024-03-14"), "meetings", "page", {"boards": "b", "meetings": "2024-03-14"}),
        (urls.json_url(urls.meeting_url("b", "2024")), "meetings", "json", {"boards": "b", "meetings": "2024"}),
        (
            urls.decision_url(urls.decision_key("b", "2024-03-14", "4/24", "b")),
            "decisions",
            "page",
            {"boards": "b", "meetings": "2024-03-14", "decisions": "4-24-b"},
        ),
        (urls.person_url("p"), "people", "page", {"people": "p"}),
        (urls.json_url(urls.strategy_url("s")), "strategies", "json", {"strategies": "s"}),
        (urls.indicator_csv_url("i"), "indicators", "csv", {"indicators": "i"}),
        (urls.document_url("d"), "documents", "page", {"documents": "d"}),
    ]
    for url, kind, role, values in cases:
        found = urls.match(url)
        assert found is not None, url
        assert (found[0].kind, found[0].role, found[1]) == (kind, role, values), url
    for site_wide in (
        urls.index_url("people"),
        urls.decisions_feed_url(),
        urls.upcoming_feed_url(),
        urls.csv_url("boards"),
    ):
        assert urls.match(site_wide) is None, site_wide
