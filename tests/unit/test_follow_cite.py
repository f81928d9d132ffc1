"""Follow pages, citations and sources as readers can check them (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import build, urls
from generator.render import render_site
from generator.site import followup
from tests.conftest import FIXTURE, TODAY, fixture_text, make_dataset

SITE_URL = "https://minutebook.example.org/"
MINUTES = "documents/riverton-hwb-2024-03-14-minutes.yml"
MEETING = "meetings/riverton-hwb/2024-03-14.yml"
SCRUTINY = FIXTURE.parent / "scrutiny"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The fixture with the minutes of 14 March 2024 as a document (no address): item 4 cites its page 5, item 1 a line."""
    meeting = fixture_text(MEETING).replace(
        "    minutes: Apologies were received from Dr Member.\n",
        "    minutes: Apologies were received from Dr Member.\n"
        "    source: {document_id: riverton-hwb-2024-03-14-minutes, line: 40}\n",
    )
    meeting = meeting.replace(
        "        outcome: approved\n",
        "        outcome: approved\n        source: {document_id: riverton-hwb-2024-03-14-minutes, pages: '5', line: 61}\n",
    )
    minutes = (
        "id: riverton-hwb-2024-03-14-minutes\ntitle: Minutes of the Riverton HWB, 14 March 2024\n"
        "kind: minutes\nmeeting_id: riverton-hwb/2024-03-14\n"
    )
    data = make_dataset(tmp_path_factory.mktemp("follow"), {MEETING: meeting, MINUTES: minutes})
    report, site = build.check(data)
    assert site is not None, report.lines()
    return render_site(site, TODAY, "Minutebook", SITE_URL)


def body(pages: dict[str, str], url: str) -> str:
    """The text of the page at ``url``."""
    return pages[urls.page_path(url)]


FEED_LINK = re.compile(r'<a href="[^"]*(?:feeds/[^"]*\.xml|calendars/[^"]*\.ics)"')


def feed_links_outside_follow_pages(pages: dict[str, str], base: Path) -> list[str]:
    """The pages that link a feed or calendar file but are not follow pages (every board of ``base`` has one)."""
    follow = {
        urls.page_path(urls.follow_url()),
        *(urls.page_path(urls.follow_url(f.stem)) for f in (base / "boards").glob("*.yml")),
    }
    assert follow <= set(pages)
    return sorted(rel for rel, text in pages.items() if FEED_LINK.search(text) and rel not in follow)


def test_every_follow_link_leads_to_a_follow_page(pages: dict[str, str]) -> None:
    """Feed and calendar files are linked from the follow pages only; the pages that offered them link those."""
    assert feed_links_outside_follow_pages(pages, FIXTURE) == []
    for url in ("boards/riverton-hwb/", "meetings/riverton-hwb/2024-03-14/", "decisions/riverton-hwb/2024-03-14/4-24/"):
        assert urls.relative(url, urls.follow_url("riverton-hwb")) in body(pages, url), url
    for url in ("", "meetings/", "decisions/"):
        assert f'href="{urls.relative(url, urls.follow_url())}"' in body(pages, url), url


def test_a_board_follow_page_offers_each_address_to_copy(pages: dict[str, str]) -> None:
    """Each address is written out in full, with a copy button that only JavaScript shows."""
    text = body(pages, urls.follow_url("riverton-hwb"))
    for key, address in (
        ("decisions-feed", "feeds/decisions/riverton-hwb.xml"),
        ("meetings-feed", "feeds/meetings/riverton-hwb.xml"),
        ("calendar", "calendars/riverton-hwb.ics"),
    ):
        assert f'<code class="mb-address" id="{key}-address">{SITE_URL}{address}</code>' in text
        assert f'<button type="button" class="md-button mb-copy" data-mb-copy="{key}-address" hidden>Copy' in text
    for heading in ("In a feed reader", "In a calendar app", "By email"):
        assert f">{heading}</h2>" in text
    site_wide = body(pages, urls.follow_url())
    assert (
        f"{SITE_URL}feeds/decisions.xml</code>" in site_wide and f"{SITE_URL}calendars/meetings.ics</code>" in site_wide
    )
    assert '<a href="../boards/riverton-sab/follow/">Follow Riverton Safeguarding Adults Board</a>' in site_wide


def test_a_decision_citation_names_board_meeting_minute_title_source_and_address(pages: dict[str, str]) -> None:
    """The citation is text to select, with a copy button for JavaScript."""
    text = body(pages, "decisions/riverton-hwb/2024-03-14/4-24/")
    permalink = f"{SITE_URL}decisions/riverton-hwb/2024-03-14/4-24/"
    assert (
        '<p id="citation">Riverton Health and Wellbeing Board, meeting of 14 March 2024, minute 4/24: '
        "“Joint Health and Wellbeing Strategy 2024-2027”. Source: Minutes of the Riverton HWB, 14 March 2024, "
        f'page 5. Minutebook, <a href="{permalink}">{permalink}</a> '
        '(version not recorded; retrieved <span class="mb-today">on the date you read it</span>).</p>'
    ) in text
    assert (
        '<button type="button" class="md-button mb-copy" data-mb-copy="citation" hidden>Copy citation</button>' in text
    )


def test_a_meeting_citation_names_board_date_source_and_address(pages: dict[str, str]) -> None:
    """A meeting page can be cited too; with no source recorded for the meeting, the citation says so."""
    text = body(pages, "meetings/riverton-hwb/2024-03-14/")
    permalink = f"{SITE_URL}meetings/riverton-hwb/2024-03-14/"
    assert (
        '<p id="citation">Riverton Health and Wellbeing Board, meeting of 14 March 2024. '
        f'Source document not recorded. Minutebook, <a href="{permalink}">{permalink}</a> '
        '(version not recorded; retrieved <span class="mb-today">on the date you read it</span>).</p>'
    ) in text


def test_a_source_with_only_a_text_line_says_the_page_is_not_recorded(pages: dict[str, str]) -> None:
    """A line of a copy no reader can see is not shown; the page says the page is not recorded; the JSON keeps it."""
    meeting = body(pages, "meetings/riverton-hwb/2024-03-14/")
    document = (
        '<a href="../../../documents/riverton-hwb-2024-03-14-minutes/">Minutes of the Riverton HWB, 14 March 2024</a>'
    )
    assert f'<p class="mb-source">Source: {document} (page not recorded)</p>' in meeting
    assert f'<p class="mb-source">Source: {document}, page 5</p>' not in meeting  # a resolution's source is on its page
    decision = body(pages, "decisions/riverton-hwb/2024-03-14/4-24/")
    assert '<p class="mb-source">Source: <a href="../../../../documents/riverton-hwb-2024-03-14-minutes/">' in decision
    assert "line" not in re.sub(
        r"<[^>]+>", "", "".join(re.findall(r'<p class="mb-source">.*?</p>', meeting + decision))
    )


def test_a_document_page_links_its_original_or_says_it_is_not_linked(pages: dict[str, str]) -> None:
    """The original's address when recorded; otherwise a plain statement."""
    linked = body(pages, "documents/riverton-hwb-2024-06-20-pack/")
    assert (
        '<dt>Original</dt>\n<dd><a href="https://riverton.example/papers/2024-06-20.pdf">'
        "https://riverton.example/papers/2024-06-20.pdf</a></dd>"
    ) in linked
    assert "<dt>Original</dt>\n<dd>The original is not linked.</dd>" in body(
        pages, "documents/riverton-hwb-2024-03-14-minutes/"
    )


def test_recommendation_feeds_are_offered_on_follow_pages(tmp_path: Path) -> None:
    """A board's recommendations feed is linked from its follow page, not from the recommendation pages."""
    report, site = build.check(make_dataset(tmp_path, base=SCRUTINY))
    assert site is not None, report.lines()
    pages = render_site(site, TODAY, "Minutebook", SITE_URL)
    assert feed_links_outside_follow_pages(pages, SCRUTINY) == []
    boards = [b for b in site.boards if followup.recommendations_of(site, b)]
    assert boards
    for board_id in boards:
        follow = body(pages, urls.follow_url(board_id))
        assert 'id="recommendations-feed"' in follow
        assert urls.relative(urls.follow_url(board_id), urls.recommendations_feed_url(board_id)) in follow
