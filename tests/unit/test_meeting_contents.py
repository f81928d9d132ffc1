"""Issue 17: a long meeting page opens with a list of its agenda items (Material's contents sidebar is
hidden on phones), and how to take part is said on an upcoming meeting from the facts on record."""

from __future__ import annotations

import re

import pytest

from generator import build, urls
from tests.conftest import FIXTURE, ROOT, TODAY, make_dataset
from tests.unit.test_never_invent import text


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The fixture's pages as generated."""
    report, site = build.check(FIXTURE)
    assert site is not None, report.lines()
    return {rel: body for rel, body in build.generate(site, build.Settings(TODAY)) if isinstance(body, str)}


def meeting(pages: dict[str, str], board: str, day: str) -> str:
    return pages[urls.page_path(urls.meeting_url(board, day))]


def test_a_meeting_of_four_items_or_more_lists_them_at_the_top(pages: dict[str, str]) -> None:
    page = meeting(pages, "riverton-hosp", "2024-09-19")
    nav = re.search(r'<nav class="mb-contents" aria-label="Agenda items on this page">(.*?)</nav>', page, re.S)
    assert nav, "no list of items"
    assert page.index('<nav class="mb-contents"') < page.index('<h2 id="attendance"')
    links = re.findall(r'<a href="#(item-[^"]+)">', nav.group(1))
    anchors = re.findall(r'<h3 id="(item-[^"]+)">', page)
    assert links == anchors and len(links) == 4
    assert text(nav.group(1)).startswith("Agenda items on this page Chair's announcements 1. Minutes of the meeting")


def test_a_short_meeting_has_no_list_of_items(pages: dict[str, str]) -> None:
    assert '<nav class="mb-contents"' not in meeting(pages, "riverton-hwb", "2024-03-14")


UPCOMING_HOSP = """\
id: 2027-02-11
board_id: riverton-hosp
date: 2027-02-11
start_time: "18:00"
venue: Council Chamber, Riverton
items:
  - number: "1"
    title: Apologies
    kind: procedural
"""

FIVE_ACTIONS = """\
id: 2024-05-09
board_id: riverton-hwb
date: 2024-05-09
status: held
items:
  - number: "1"
    title: Action plan
    kind: information
    minutes: The board received the action plan.
    actions:
""" + "".join(f"      - {{id: x{n}, text: Action number {n} of the plan.}}\n" for n in range(1, 6))


@pytest.fixture(scope="module")
def with_upcoming(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The fixture with an upcoming meeting of the panel whose board records how to take part."""
    added = {
        "meetings/riverton-hosp/2027-02-11.yml": UPCOMING_HOSP,
        "meetings/riverton-hwb/2024-05-09.yml": FIVE_ACTIONS,
    }
    data = make_dataset(tmp_path_factory.mktemp("upcoming"), added)
    report, site = build.check(data)
    assert site is not None, report.lines()
    return {rel: body for rel, body in build.generate(site, build.Settings(TODAY)) if isinstance(body, str)}


def take_part(page: str) -> str:
    """The 'How to take part' section of a meeting page, as read."""
    start = page.index('<h2 id="how-to-take-part">')
    return text(page[start : page.index("<h2", start + 5)])


def test_an_upcoming_meeting_says_how_to_take_part_from_the_board_facts(with_upcoming: dict[str, str]) -> None:
    page = meeting(with_upcoming, "riverton-hosp", "2027-02-11")
    assert page.index('id="how-to-take-part"') < page.index('id="agenda"')
    part = take_part(page)
    assert "Meetings are open to the public. At the discretion of the Chair" in part
    assert "As printed on 11 September 2024" in part
    assert "Webcast: the board's webcasts and recordings" in part
    assert (
        "To ask about taking part: Sam Clerk, Democratic Support Officer, scrutiny@riverton.example, 01234 567891."
        in part
    )


def test_an_upcoming_meeting_without_facts_says_they_are_not_on_record(pages: dict[str, str]) -> None:
    part = take_part(meeting(pages, "riverton-hwb", "2030-01-15"))
    assert "How the public can attend, speak or ask a question is not on record for this meeting or its board." in part
    assert "No webcast is on record." in part
    assert (
        "To ask about taking part: Sam Clerk, Governance Services, governance@riverton.example, 01234 567890." in part
    )


def test_an_upcoming_meeting_without_contacts_says_whom_to_ask_is_not_on_record() -> None:
    report, site = build.check(ROOT / "tests" / "fixtures" / "scrutiny")
    assert site is not None, report.lines()
    pages = dict(build.generate(site, build.Settings(TODAY)))
    part = take_part(str(pages[urls.page_path(urls.meeting_url("westmoor-hosc", "2027-01-14"))]))
    assert part.endswith("No webcast is on record. Whom to ask about taking part is not on record."), part


def test_a_past_meeting_has_no_invitation_to_take_part(with_upcoming: dict[str, str]) -> None:
    assert 'id="how-to-take-part"' not in meeting(with_upcoming, "riverton-hosp", "2024-12-12")


def test_five_actions_or_more_are_folded_and_fewer_are_not(
    with_upcoming: dict[str, str], pages: dict[str, str]
) -> None:
    page = meeting(with_upcoming, "riverton-hwb", "2024-05-09")
    fold = re.search(r'<details class="mb-fold">\s*<summary>(.*?)</summary>(.*?)</details>', page, re.S)
    assert fold and fold.group(1) == "Show the 5 actions of this item"
    assert all(f"Action number {n} of the plan." in fold.group(2) for n in range(1, 6))
    assert '<h4 id="item-1-actions">Actions (5)</h4>' in page
    assert '<details class="mb-fold"' not in meeting(pages, "riverton-hwb", "2024-03-14")
