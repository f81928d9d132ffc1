"""Issue 17, "never invent": each rule on a dataset built to tempt it (tests/unit/tempting.py).

The pages are read as a reader sees them: tags removed, entities decoded, white space collapsed.
"""

from __future__ import annotations

import html
import re

import pytest

from generator import urls
from generator.site.thresholds import MIN_MEETINGS_FOR_RATE
from tests.unit import tempting


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The tempting dataset's generated pages, by path."""
    return tempting.generate(tmp_path_factory.mktemp("tempting"))


INLINE = r"</?(?:a|span|strong|em|abbr|code|time)\b[^>]*>"


def text(markup: str) -> str:
    """Markup as a reader sees it: inline tags vanish, block tags part words."""
    words = re.sub(r"<[^>]+>", " ", re.sub(INLINE, "", markup))
    return re.sub(r"\s+", " ", html.unescape(words)).strip()


def raw(pages: dict[str, str], url: str) -> str:
    """The generated page at ``url``."""
    return pages[urls.page_path(url)]


def read(pages: dict[str, str], url: str) -> str:
    """The body of the page at ``url`` (not its front matter) as a reader sees it."""
    return text(raw(pages, url).split("\n---\n", 1)[1])


def members_rows(pages: dict[str, str]) -> dict[str, str]:
    """The Members table of the partnership board: member name -> the row as read."""
    board = raw(pages, urls.board_url("riverton-pb"))
    return table_rows(board, "Members of")


def table_rows(page: str, caption: str) -> dict[str, str]:
    """The rows of the table whose caption starts with ``caption``: row header -> the row as read."""
    start = re.search(r"<caption[^>]*>" + re.escape(caption), page)
    assert start, caption
    table = page[start.start() : page.index("</table>", start.start())]
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", table, re.S)
    return {text(row.split("</th>")[0]): text(row) for row in rows}


def test_voting_is_shown_only_where_recorded_in_every_member_row(pages: dict[str, str]) -> None:
    rows = members_rows(pages)
    assert rows, "no member rows"
    recorded = {"Pam Chair": "Yes"}
    for name, row in rows.items():
        cells = row.split(" ")
        assert ("Yes" in cells) == (recorded.get(name) == "Yes"), row
        if name not in recorded:
            assert "Not recorded" in row and "Yes" not in cells and "No" not in cells, row
    assert "Cole Coopted" in rows and "Co-opted member" in rows["Cole Coopted"]


def test_substitutes_and_one_meeting_people_are_not_members_with_an_open_ended_since(pages: dict[str, str]) -> None:
    rows = members_rows(pages)
    for visitor in ("Nell Sub", "Tom Temp", "Uma Visitor"):
        assert visitor not in rows, f"{visitor} listed as a member"
    board = read(pages, urls.board_url("riverton-pb"))
    assert "Named substitutes Nell Sub, named substitute for Rae Replaced (dates not recorded)" in board
    # a seat without a start: the meetings that show the person, never "since" or "on record from" alone
    assert rows["Oli Once"].endswith("Listed at one meeting on record: 6 Sep 2023"), rows["Oli Once"]
    cole = rows["Cole Coopted"]
    assert cole.endswith("Listed at 3 meetings on record, 11 Jan 2023 to 7 Jun 2023"), cole
    assert rows["Rae Replaced"].endswith("1 May 2022"), rows["Rae Replaced"]


def attendance_row(pages: dict[str, str], person: str) -> str:
    """The person's attendance row for the partnership board, as read."""
    return table_rows(raw(pages, urls.person_url(person)), "Attendance")["Riverton PB"]


def test_attendance_counts_below_the_threshold_and_a_rate_at_it(pages: dict[str, str]) -> None:
    assert MIN_MEETINGS_FOR_RATE == 5
    assert attendance_row(pages, "oli-once") == "Riverton PB 6 Sep 2023 attended 1 of 1 meetings on record 0 0 0"
    assert attendance_row(pages, "cole-coopted") == (
        "Riverton PB 11 Jan 2023 to 6 Sep 2023 attended 2 of 5 meetings on record (40%) 1 0 2"
    )
    assert attendance_row(pages, "pam-chair") == (
        "Riverton PB 11 Jan 2023 to 6 Sep 2023 attended 5 of 5 meetings on record (100%) 0 0 0"
    )
    assert attendance_row(pages, "nell-sub") == (
        "Riverton PB No meeting on record no meeting with attendance on record while a member 0 0 0"
    )  # a named substitute holds no seat: never 'attended 0 of 0'
    page = read(pages, urls.person_url("oli-once"))
    assert "%" not in page[page.index("Attendance") :]
    assert (
        "Below 5 meetings a figure is given as a count, never a rate: with fewer than 5 meetings one meeting moves "
        "a rate by 20 points or more, so a percentage would suggest a precision the record does not have." in page
    )


def test_a_temporarily_replaced_member_is_not_counted_absent(pages: dict[str, str]) -> None:
    # present 3; replaced without a substitute once, by Tom once; never absent
    assert attendance_row(pages, "rae-replaced") == (
        "Riverton PB 11 Jan 2023 to 6 Sep 2023 attended 3 of 5 meetings on record (60%) 0 2 0"
    )


def test_members_are_as_of_the_latest_meeting_recording_attendance_in_plain_words(pages: dict[str, str]) -> None:
    board = read(pages, urls.board_url("riverton-pb"))
    assert (
        "Members on Wednesday 6 September 2023, the date of its latest meeting whose attendance is on record "
        "(that meeting's page). Later meetings on record do not list who attended." in board
    )
    old = read(pages, urls.board_url("riverton-old"))
    assert "No meeting of this board records who attended, so the members on any date are not on record." in old


def test_purpose_and_members_are_each_dated(pages: dict[str, str]) -> None:
    board = read(pages, urls.board_url("riverton-pb"))
    purpose = board[board.index("Purpose") : board.index("Members")]
    assert "As printed on 1 April 2013" in purpose
    assert "Members on Wednesday 6 September 2023" in board
    assert "The purpose above is as printed in 2013; the members below are as of 2023." in board


def test_a_past_meeting_is_never_scheduled(pages: dict[str, str]) -> None:
    url = urls.meeting_url("riverton-old", "2014-03-04")
    for page in (url, urls.board_url("riverton-old"), urls.board_meetings_url("riverton-old")):
        seen = read(pages, page)
        for word in ("Scheduled", "scheduled", "Upcoming", "Set for this date"):
            assert word not in seen, (page, word)
    assert "Status Date passed; not recorded whether it was held" in read(pages, url)
    assert "EventScheduled" not in raw(pages, url)  # nor in the page's schema.org data
    index = raw(pages, urls.index_url("meetings"))
    assert "4 Mar 2014" not in text(index[: index.index('id="by-board"')])  # not among upcoming meetings


def test_an_agenda_without_minutes_says_each_outcome_is_not_on_record(pages: dict[str, str]) -> None:
    page = read(pages, urls.meeting_url("riverton-old", "2014-03-04"))
    for title, nxt in (("1. Apologies for absence", "2. Future"), ("2. Future of the forum", "Cite this meeting")):
        item = page[page.index(title) : page.index(nxt)]
        assert "Outcome not on record: the minutes of this meeting are not on record." in item, item
    held = read(pages, urls.meeting_url("riverton-old", "2013-11-05"))
    assert "Outcome not on record" not in held
    upcoming = read(pages, urls.meeting_url("riverton-hwb", "2030-01-15"))
    assert "Outcome not on record" not in upcoming


def test_the_meetings_index_says_when_a_record_ends_never_next_none(pages: dict[str, str]) -> None:
    page = raw(pages, urls.index_url("meetings"))
    row = text(page[page.index('id="board-riverton-old"') :].split("</tr>")[0])
    assert "None" not in row, row
    assert row.endswith("Record ends 4 Mar 2014"), row
    assert '<th scope="col">Next, or end of record</th>' in page
    assert "None" not in text(page[page.index("<table") : page.index("</table>")])
