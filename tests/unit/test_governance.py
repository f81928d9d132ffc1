"""How each board is run (issue 20): every measure on small fixtures, the rules read from data/reference/,
the threshold between counts and rates, and the pages that show them."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator import build
from generator.records.governance import ClearDays
from generator.render import governance_words as words
from generator.render import render_site
from generator.site.clear_days import count_clear_days
from generator.site.governance import BoardGovernance, board_governance, comparison_rows
from generator.site.governance_follow import add_months
from generator.site.graph import Site
from generator.site.thresholds import MIN_MEETINGS_FOR_RATE, share
from tests.conftest import FIXTURE, ROOT, TODAY, check_lines, make_dataset

SCRUTINY = ROOT / "tests" / "fixtures" / "scrutiny"
WORKING_DAYS = ClearDays(rule="whole working days", exclude_weekends=True, exclude_bank_holidays=True)
EASTER_2014 = frozenset({date(2014, 4, 18), date(2014, 4, 21)})


def site_of(data: Path) -> Site:
    report, site = build.check(data)
    assert site is not None, report.lines()
    return site


def governance(data: Path, board_id: str, today: date = TODAY) -> BoardGovernance:
    site = site_of(data)
    return board_governance(site, site.boards[board_id], today)


def edited(data: Path, rel: str, change: object) -> None:
    """Load a YAML record, let ``change`` edit it in place, and write it back."""
    path = data / rel
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(record)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


# --- clear days -----------------------------------------------------------------------------------------


def test_clear_days_leave_out_the_weekend_and_the_bank_holidays() -> None:
    # Tue 15 Apr 2014 -> Thu 24 Apr 2014: 8 days between, of them Sat/Sun 19-20, Good Friday 18, Easter Monday 21.
    count = count_clear_days(date(2014, 4, 15), date(2014, 4, 24), WORKING_DAYS, EASTER_2014)
    assert (count.calendar, count.clear) == (8, 4)


def test_clear_days_across_a_weekend_only() -> None:
    # Wed 18 Sep 2013 -> Thu 26 Sep 2013 (the Dudley agenda): 7 days between, 5 working days.
    count = count_clear_days(date(2013, 9, 18), date(2013, 9, 26), WORKING_DAYS, frozenset({date(2013, 8, 26)}))
    assert (count.calendar, count.clear) == (7, 5)


def test_calendar_clear_days_when_the_rule_counts_every_day() -> None:
    every_day = ClearDays(rule="calendar days", exclude_weekends=False, exclude_bank_holidays=False)
    count = count_clear_days(date(2014, 4, 15), date(2014, 4, 24), every_day, EASTER_2014)
    assert count.clear == 8


def test_clear_days_are_not_counted_without_that_years_bank_holidays() -> None:
    count = count_clear_days(date(2015, 4, 1), date(2015, 4, 10), WORKING_DAYS, EASTER_2014)
    assert count.clear is None and count.missing_years == (2015,)


# --- agenda notice --------------------------------------------------------------------------------------


def test_a_meeting_at_short_notice_reads_neutrally_with_its_reason() -> None:
    g = governance(FIXTURE, "riverton-hwb")
    (row,) = g.notice
    assert (row.word, row.count.clear, row.meets) == ("published", 2, False)
    assert words.notice_row(row) == (
        "Published 11 March 2024, 2 clear days before (2 days in between); the rule asks for 5."
    )
    assert words.notice(g) == (
        "0 of 1 agendas published 5 or more clear days ahead; the rule asks for 5 (Local Government Act 1972, "
        "Part VA, section 100B(3) and (4)(a)). 1 agenda printed a reason for short notice."
    )
    assert "breach" not in words.notice(g).lower()


def test_an_agenda_date_without_a_label_is_dated_not_published() -> None:
    (row,) = governance(FIXTURE, "riverton-hosp").notice
    assert row.word == "dated" and row.meets is True


def test_a_safeguarding_board_reads_not_applicable(tmp_path: Path) -> None:
    data = make_dataset(tmp_path)
    edited(data, "boards/riverton-hwb.yml", lambda r: r.update(kind="safeguarding-adults-board"))
    g = governance(data, "riverton-hwb")
    assert g.rule is not None and not g.rule.applies and g.notice[0].days_asked is None
    assert words.notice(g) == (
        "Not applicable: Not a committee of a council (Local Government Act 1972, Part VA does not apply). "
        "1 agenda with a date on record."
    )


def test_without_reference_rules_no_notice_figure_is_made_up(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {"reference/governance.yml": None, "reference/bank-holidays.csv": None})
    g = governance(data, "riverton-hwb")
    assert g.notice == [] and words.notice(g) == "Not computed: no notice rule is on record for this kind of body."


# --- minutes --------------------------------------------------------------------------------------------


def test_minutes_never_approved_say_so_with_their_age() -> None:
    g = governance(FIXTURE, "riverton-hwb")
    (row,) = g.minutes
    assert row.approved_at is None and row.waiting_days == (TODAY - date(2024, 3, 14)).days
    assert words.minutes(g, TODAY) == (
        "Approval not on record for the minutes of 1 held meeting (as of 23 November 2026)."
    )


def test_minutes_approved_at_a_later_meeting_count_the_days() -> None:
    g = governance(FIXTURE, "riverton-hosp")
    assert g.approval_days() == [63]  # 18 Jul 2024 approved on 19 Sep 2024
    put = [r for r in g.minutes if r.put_at is not None]
    assert [r.meeting.id for r in put] == ["2024-09-19"]


# --- quorum and attendance ------------------------------------------------------------------------------


def test_quorum_is_a_computed_comparison_of_members_present() -> None:
    g = governance(FIXTURE, "riverton-hosp")
    assert [r.quorum_met for r in g.quorum_rows()] == [True, True]
    assert words.quorum(g).endswith("(a computed comparison, not the minutes' word).")


def test_a_board_with_no_recorded_attendance_reads_not_recorded(tmp_path: Path) -> None:
    data = make_dataset(tmp_path)
    edited(data, "meetings/riverton-hosp/2024-07-18.yml", lambda r: r.pop("attendance"))
    edited(data, "meetings/riverton-hosp/2024-09-19.yml", lambda r: r.pop("attendance"))
    g = governance(data, "riverton-hosp")
    assert g.seats == []
    assert words.attendance(g) == "Not recorded: no meeting's attendance is on record."
    assert words.quorum(g).endswith("not compared: no meeting's attendance is on record.")
    row = next(r for r in comparison_rows(site_of(data), TODAY) if r["board_id"] == "riverton-hosp")
    assert row["members_present"] is None and row["quorum_reached"] is None  # never a zero


# --- actions --------------------------------------------------------------------------------------------


def test_an_action_with_no_due_date_is_never_overdue(tmp_path: Path) -> None:
    g = governance(FIXTURE, "riverton-hwb")
    no_due = [t for t in g.actions.overdue if not isinstance(t.action.due, date)]
    assert g.actions.no_due_date == 1 and no_due == []
    assert [t.action.id for t in g.actions.overdue] == ["a1"]


def test_no_update_in_six_months_needs_a_dated_status(tmp_path: Path) -> None:
    def undate(record: dict) -> None:
        for item in record["items"]:
            for action in item.get("actions", []):
                for entry in action.get("status_history", []):
                    entry.pop("date", None)

    data = make_dataset(tmp_path)
    edited(data, "meetings/riverton-hwb/2024-03-14.yml", undate)
    g = governance(data, "riverton-hwb")
    assert g.actions.dated_status == 0
    assert "updates in six months: not recorded (no open action has a dated status)" in words.actions(g, TODAY)


# --- scrutiny response periods --------------------------------------------------------------------------


def _received(data: Path, when: dict[int, str]) -> None:
    """Give recommendations (by position in the first meeting's items) a received date."""

    def change(record: dict) -> None:
        made = [rec for item in record["items"] for rec in item.get("recommendations_made", [])]
        for position, day in when.items():
            made[position]["report_received"] = {"date": day}
            made[position]["responses"] = []

    edited(data, "meetings/westmoor-hosc/2026-03-12.yml", change)


def test_a_response_from_an_nhs_body_is_overdue_after_28_days(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, base=SCRUTINY)
    _received(data, {0: "2026-03-16"})
    g = governance(data, "westmoor-hosc", date(2026, 4, 14))
    trust = next(a for a in g.awaited if a.to.organisation_id == "westmoor-hospitals")
    assert trust.period is not None and trust.period.words == "28 days"
    assert trust.due == date(2026, 4, 13)
    assert trust.overdue(date(2026, 4, 14)) and not trust.overdue(date(2026, 4, 13))


def test_a_response_from_the_executive_is_overdue_after_two_months(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, base=SCRUTINY)
    edited(
        data,
        "meetings/westmoor-hosc/2026-11-12.yml",
        lambda r: [
            rec.update(report_received={"date": "2026-11-16"})
            for item in r["items"]
            for rec in item.get("recommendations_made", [])
        ],
    )
    g = governance(data, "westmoor-hosc", date(2027, 1, 17))
    cabinet = next(a for a in g.awaited if a.to.organisation_id == "westmoor-cabinet")
    assert cabinet.period is not None and cabinet.period.words == "2 months"
    assert cabinet.due == date(2027, 1, 16)
    assert cabinet.overdue(date(2027, 1, 17)) and not cabinet.overdue(date(2027, 1, 16))


def test_without_a_received_date_the_period_is_not_measured() -> None:
    g = governance(SCRUTINY, "westmoor-hosc", date(2027, 6, 1))
    icb = next(a for a in g.awaited if a.to.organisation_id == "westmoor-icb")
    assert icb.period is not None and icb.received is None and icb.due is None and not icb.overdue(date(2027, 6, 1))


def test_months_end_on_the_last_day_of_a_shorter_month() -> None:
    assert add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)


# --- threshold ------------------------------------------------------------------------------------------


def test_below_the_threshold_a_figure_is_a_count_never_a_rate() -> None:
    assert MIN_MEETINGS_FOR_RATE == 5
    assert (
        share(1, 1, 1, "agendas dated 5 or more clear days ahead") == "1 of 1 agendas dated 5 or more clear days ahead"
    )
    assert share(3, 4, 4, "members present") == "3 of 4 members present"
    assert share(4, 5, 5, "members present") == "80% (4 of 5 members present)"


def test_attendance_becomes_a_rate_at_five_meetings_with_attendance(tmp_path: Path) -> None:
    base = (FIXTURE / "meetings/riverton-hosp/2024-07-18.yml").read_text(encoding="utf-8")
    files = {}
    for day in ("2025-01-16", "2025-02-13", "2025-04-10"):
        files[f"meetings/riverton-hosp/{day}.yml"] = base.replace("2024-07-18", day)
    data = make_dataset(tmp_path, files)
    g = governance(data, "riverton-hosp")
    assert len(g.seats) == 5
    assert g.attendance_text() is not None and "%" in g.attendance_text()  # type: ignore[operator]
    four = governance(make_dataset(tmp_path / "four", dict(list(files.items())[:2])), "riverton-hosp")
    assert "%" not in (four.attendance_text() or "")


# --- the rules file -------------------------------------------------------------------------------------


def test_reference_errors_say_where(tmp_path: Path) -> None:
    rules = (FIXTURE / "reference/governance.yml").read_text(encoding="utf-8")
    broken = rules.replace("  applies: yes\n  days: 5\n", "  applies: yes\n", 1)
    data = make_dataset(
        tmp_path,
        {
            "reference/governance.yml": broken,
            "reference/bank-holidays.csv": "date,name\n2024-01-01,New Year's Day\n2024-13-01,Nonsense\n2024-01-01,Again\n",
            "reference/notes.txt": "x",
        },
    )
    lines = check_lines(data)
    assert any(
        line.startswith("reference/governance.yml:")
        and "notice_rules[0].days: a rule that applies needs its number of clear days" in line
        for line in lines
    ), lines
    assert any(line.startswith("reference/bank-holidays.csv:3: date:") for line in lines), lines
    assert "reference/bank-holidays.csv:4: date: 2024-01-01 is listed twice (also on line 2)" in lines
    assert any(line.startswith("reference/notes.txt:") and "unknown reference file" in line for line in lines)


# --- pages ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(site_of(FIXTURE), TODAY, "Minutebook", "https://minutebook.example.org/")


def test_the_comparison_page_lists_every_board_with_a_meeting(pages: dict[str, str]) -> None:
    site = site_of(FIXTURE)
    page = pages["governance/index.md"]
    with_meetings = [b for b in site.boards if site.meetings_by_board.get(b)]
    assert with_meetings and all(f'id="board-{b}"' in page for b in with_meetings)
    assert all(f'id="board-{b}"' not in page for b in site.boards if b not in with_meetings)


def test_the_board_page_and_its_detail_page_show_the_section(pages: dict[str, str]) -> None:
    board = pages["boards/riverton-hwb.md"]
    assert 'id="how-run"' in board and "boards/riverton-hwb/governance/" in board
    detail = pages["boards/riverton-hwb/governance.md"]
    assert "The meeting was called at short notice because the strategy had to be approved" in detail
    assert "governance/methods.md" in pages


def test_the_table_is_in_the_data_package_with_empty_cells_for_what_is_not_recorded(tmp_path: Path) -> None:
    from frictionless import Package

    from generator.exports import export_site

    files = export_site(site_of(FIXTURE), TODAY, "Minutebook", "https://minutebook.example.org/")
    header, *rows = csv.reader(io.StringIO(files["data/governance.csv"].decode("utf-8")))
    assert header[:3] == ["as_of", "board_id", "board"]
    hwb = next(row for row in rows if row[1] == "riverton-hwb")
    assert hwb[header.index("members_present")] == "1"
    assert hwb[header.index("quorum_reached")] == ""  # no quorum stated: empty, never 0
    assert hwb[header.index("agendas_in_time")] == "0"  # one agenda on record, at short notice: a real zero
    for path, content in files.items():
        if path.startswith("data/"):
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_bytes(content)
    report = Package(str(tmp_path / "data/datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_a_renamed_boards_old_governance_address_redirects() -> None:
    site = site_of(FIXTURE)
    files = dict(build.generate(site, build.Settings(today=TODAY)))
    stub = files["boards/riverton-health-board/governance.md"]
    assert isinstance(stub, str) and '"redirect": "../../../boards/riverton-hwb/governance/"' in stub


def test_a_member_replaced_for_the_meeting_is_neither_present_nor_absent() -> None:
    g = governance(FIXTURE, "riverton-hosp")
    row = next(r for r in g.seats if r.meeting.id == "2024-09-19")
    statuses = [a.status for a in row.meeting.attendance]
    assert "replaced" in statuses
    assert row.seats == statuses.count("present") + statuses.count("apologies") + statuses.count("absent")
