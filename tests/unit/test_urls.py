"""URLs are derived from ids only; published URLs keep working (ledger, redirects, tombstones)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator import build, urls
from tests.conftest import TODAY, fixture_text, make_dataset


def settings(ledger: Path) -> build.Settings:
    """Build settings with a ledger."""
    return build.Settings(TODAY, ledger=ledger)


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
    report, result = build.build(data, tmp_path / "docs", settings(ledger))
    assert result is not None and report.errors == []
    assert "/people/eve-officer/" in ledger.read_text().splitlines()
    data = make_dataset(tmp_path / "b", {"people/eve-officer.yml": None})
    meeting = (data / "meetings/riverton-hwb/2024-03-14.yml").read_text()
    (data / "meetings/riverton-hwb/2024-03-14.yml").write_text(
        meeting.replace("  - person_id: eve-officer\n    status: officer\n    capacity: Democratic Services Officer\n", "")
    )
    report, result = build.build(data, tmp_path / "docs", settings(ledger))
    line = ledger.read_text().splitlines().index("/people/eve-officer/") + 1
    assert result is None
    assert report.lines() == [
        f"{ledger}:{line}: '/people/eve-officer/' was published before and no longer resolves "
        "(restore the record, add its old id to former_ids, or mark it withdrawn)"
    ]


def test_renamed_record_redirects_from_its_old_url(tmp_path: Path) -> None:
    """Adding the old id to former_ids keeps the old URL alive as a redirect."""
    ledger = tmp_path / "published-urls.txt"
    ledger.write_text("/people/eve-officer/\n")
    person = fixture_text("people/eve-officer.yml").replace("id: eve-officer", "id: eve-clerk\nformer_ids: [eve-officer]")
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
