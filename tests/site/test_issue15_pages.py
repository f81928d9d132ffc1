"""Every case of issue 15 in the fixture dataset reads right on its page of the built site (HTML).

Three organisations and their relations, a renamed board, a person whose post changed, an exempt item,
a temporary replacement, an unnumbered item, members of the public who spoke, minutes approved at a later
meeting, a past meeting without minutes; and the board's dated text, quorum, schedule and members.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.site


def page(site: Path, url: str) -> str:
    """The article of a built page as plain text: tags removed, white space collapsed."""
    raw = (site / url / "index.html").read_text(encoding="utf-8")
    article = raw[raw.index("<article") : raw.index("</article>")]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", article))).strip()


def raw(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def has(text: str, *phrases: str) -> None:
    for phrase in phrases:
        assert re.sub(r"\s+", " ", phrase) in text, phrase


def test_organisations_with_their_kinds_relations_posts_and_presenters(fixture_site: Path) -> None:
    has(
        page(fixture_site, "organisations"),
        "Cabinet (Riverton City Council) Council executive",
        "NHS Riverton Clinical Commissioning Group Clinical commissioning group",
        "Riverton City Council Council 2",  # two boards belong to it
    )
    has(
        page(fixture_site, "organisations/riverton-city-council"),
        "Kind Council",
        "Includes Cabinet (Riverton City Council)",
        "Riverton Health Overview and Scrutiny Panel",
        "Riverton Health and Wellbeing Board",
        "Councillor Hal Chair : Councillor",
        "Riverton Joint Health and Wellbeing Strategy 2024-2027",
    )
    has(
        page(fixture_site, "organisations/riverton-ccg"),
        "Ended 30 June 2022",
        "NHS Riverton North Clinical Commissioning Group (Riverton North CCG): 1 Apr 2013 to 31 Mar 2018",
        "Replaced by NHS Riverton and District Integrated Care Board",
        "Cy Member : Chief Officer, 1 Apr 2019 to 30 Jun 2022",
    )
    icb = page(fixture_site, "organisations/riverton-icb")
    has(
        icb,
        "Established 1 July 2022",
        "Took over from NHS Riverton Clinical Commissioning Group",
        "Cy Member : Chief Executive, from 1 Jul 2022",
        "Proposed closure of the Riverton Walk-in Centre ( Cy Member , Chief Executive; "
        "Representatives of the integrated care board)",
    )
    assert "Kind not recorded" not in icb


def test_a_person_whose_post_changed(fixture_site: Path) -> None:
    has(
        page(fixture_site, "people/cy-member"),
        "Chief Officer, NHS Riverton Clinical Commissioning Group (1 Apr 2019 to 30 Jun 2022)",
        "Chief Executive, NHS Riverton and District Integrated Care Board (from 1 Jul 2022)",
    )


def test_a_renamed_board_shows_the_name_in_force_at_each_meeting(fixture_site: Path) -> None:
    board = page(fixture_site, "boards/riverton-hosp")
    has(
        board,
        "Health scrutiny committee of Riverton City Council",
        "Formerly Riverton Health Scrutiny Committee (Riverton HSC), until 31 Aug 2024.",
        "Thursday 18 July 2024 (as Riverton Health Scrutiny Committee)",
    )
    july = page(fixture_site, "meetings/riverton-hosp/2024-07-18")
    has(july, "Riverton Health Scrutiny Committee: meeting, 18 July 2024")
    has(july, "Board Riverton Health Scrutiny Committee (now Riverton Health Overview and Scrutiny Panel)")
    has(page(fixture_site, "meetings/riverton-hosp/2024-09-19"), "Riverton Health Overview and Scrutiny Panel: meeting")
    assert "<title>Riverton HSC, 18 July 2024" in raw(fixture_site, "meetings/riverton-hosp/2024-07-18")


def test_the_board_page_dates_its_text_and_says_when_members_are_on_record(fixture_site: Path) -> None:
    has(
        page(fixture_site, "boards/riverton-hosp"),
        "Purpose Scrutinises health services for the people of Riverton",
        "As printed on 11 September 2024",
        "Members on Thursday 19 September 2024, the date of its latest meeting whose attendance is on record",
        "Councillor Hal Chair Chair Yes 18 May 2023",
        "Councillor Ivy Member Member Not recorded On record from 18 Jul 2024",
        "Councillor Lee Sub Named substitute for Councillor Kim Member Not recorded 19 Sep 2024",
        "Quorum The minimum number of appointed members required to be in attendance to hold the meeting is 3.",
        "Meets The panel will have 6 scheduled meetings per year",
        "31 September 2025 No meeting on record for this date Note on the source: Printed as '31 September'",
        "Sam Clerk, Democratic Support Officer. Email: scrutiny@riverton.example. Telephone: 01234 567891",
        "Webcasts and recordings of its meetings",
    )
    has(page(fixture_site, "boards/riverton-hwb"), "Terms of reference", "Date not recorded")


def test_the_meeting_page_shows_how_it_ran(fixture_site: Path) -> None:
    text = page(fixture_site, "meetings/riverton-hosp/2024-09-19")
    has(
        text,
        "Status Held",
        "Agenda Agenda dated Wednesday 11 September 2024 (Director of Law and Governance)",
        "Minutes Put for approval at the meeting of 12 December 2024 ; approval not on record",
        "Recording Watch the recording",
        "Taking part This meeting is open to the public and will be webcast. As printed on 11 September 2024",
        "Members present: 2 (and 1 substitute). Quorum, as stated on 11 September 2024: The minimum number of "
        "appointed members required to be in attendance to hold the meeting is 3. The minutes record the meeting "
        "as quorate.",
        "Councillor Lee Sub (in place of Councillor Kim Member )",
        "Councillor Kim Member (replaced for this meeting by Councillor Lee Sub )",
        "Replaced for this meeting, no substitute named (1) Councillor Jo Member",
        "Observers (1) Gus Observer , Healthwatch Riverton",
        "Paper: Review of the Riverton Walk-in Centre (referred to; not in the pack)",
    )
    assert "draft" not in text.lower()


def test_items_unnumbered_exempt_and_with_public_speakers(fixture_site: Path) -> None:
    source = raw(fixture_site, "meetings/riverton-hosp/2024-09-19")
    assert '<h3 id="item-p1">Chair&#39;s announcements</h3>' in source  # no number, anchored by its place
    has(
        page(fixture_site, "meetings/riverton-hosp/2024-09-19"),
        "Community equipment contract For decision. Taken in private: Information relating to the financial or "
        "business affairs of any particular person (Schedule 12A, paragraph 3).",
        "Members of the public who spoke: 2 members of the public (Two residents spoke against the closure.); "
        "a member of the public, for Riverton Carers Centre.",
        "Presented by Cy Member , Chief Executive ( NHS Riverton and District Integrated Care Board ); "
        "Representatives of the integrated care board ( NHS Riverton and District Integrated Care Board ).",
    )


def test_minutes_approved_at_a_later_meeting_link_both_ways(fixture_site: Path) -> None:
    has(
        page(fixture_site, "meetings/riverton-hosp/2024-07-18"),
        "Minutes Approved as a correct record at the meeting of 19 September 2024 (minute 10/24)",
    )
    assert 'href="../../../meetings/riverton-hosp/2024-09-19/">19 September 2024</a>' in raw(
        fixture_site, "meetings/riverton-hosp/2024-07-18"
    )
    has(
        page(fixture_site, "meetings/riverton-hosp/2024-09-19"),
        "Approves the minutes of the meeting of 18 July 2024 as a correct record.",
    )


def test_past_meetings_without_minutes_are_never_scheduled(fixture_site: Path) -> None:
    has(page(fixture_site, "meetings/riverton-hosp/2024-12-12"), "Status Held; minutes not on record")
    has(page(fixture_site, "meetings/riverton-hosp/2024-12-12"), "Minutes Approval not on record")
    has(
        page(fixture_site, "meetings/riverton-hosp/2025-03-13"),
        "Status Date passed; not recorded whether it was held",
    )
    has(page(fixture_site, "meetings/riverton-hwb/2030-01-15"), "Status Upcoming")
    for url in ("meetings/riverton-hosp/2025-03-13", "boards/riverton-hosp", "meetings/riverton-hosp"):
        assert "Scheduled" not in page(fixture_site, url)


def test_the_person_page_says_from_which_meeting_a_seat_without_start_is_on_record(fixture_site: Path) -> None:
    has(
        page(fixture_site, "people/ivy-member"),
        "Riverton Health Overview and Scrutiny Panel Member On record from 18 Jul 2024 No end recorded",
    )
    assert 'On record from <a href="../../meetings/riverton-hosp/2024-07-18/">' in raw(fixture_site, "people/ivy-member")


def test_presenters_and_public_speakers_tables_carry_organisations_and_never_names(fixture_site: Path) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        with (fixture_site / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    presenters = rows("presenters")
    assert [(r["person_id"], r["role"], r["organisation_id"]) for r in presenters] == [
        ("cy-member", "Chief Executive", "riverton-icb"),
        ("", "Representatives of the integrated care board", "riverton-icb"),
    ]
    speakers = rows("public_speakers")
    assert list(speakers[0]) == ["id", "meeting_id", "item_id", "count", "note", "on_behalf_of_id", "on_behalf_of"]
    assert [(r["item_id"], r["count"], r["on_behalf_of"]) for r in speakers] == [
        ("riverton-hosp/2024-09-19/3", "2", ""),
        ("riverton-hosp/2024-09-19/3", "1", "Riverton Carers Centre"),
    ]
