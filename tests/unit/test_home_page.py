"""Issue 17: the home page opens with what is happening, then the boards that meet, then bodies only mentioned."""

from __future__ import annotations

import re

import pytest

from generator import build, urls
from tests.conftest import FIXTURE, TODAY
from tests.unit.test_never_invent import text


@pytest.fixture(scope="module")
def home() -> str:
    """The fixture's home page as generated."""
    report, site = build.check(FIXTURE)
    assert site is not None, report.lines()
    pages = dict(build.generate(site, build.Settings(TODAY)))
    return str(pages[urls.page_path(urls.index_url("home"))])


def test_the_home_page_opens_with_what_is_happening(home: str) -> None:
    sections = re.findall(r'<h2 id="([^"]+)"', home)
    assert sections == ["upcoming", "latest-decisions", "open", "boards", "other-bodies", "follow"]


def test_the_home_page_says_the_span_the_record_covers(home: str) -> None:
    lede = text(re.search(r'<p class="mb-lede">(.*?)</p>', home, re.S).group(1))
    assert "The record holds decisions made in 2024, and meetings from 2024 to 2030." in lede, lede


def test_open_recommendations_and_actions_are_counted_and_linked(home: str) -> None:
    part = home[home.index('<h2 id="open"') : home.index('<h2 id="boards"')]
    assert "No recommendation to another body is open on record." in text(part)
    assert re.search(r"\d+ actions? (is|are) open by (its|their) latest update on record", text(part)), text(part)


def test_boards_without_meetings_are_a_compact_list_not_cards(home: str) -> None:
    cards = home[home.index('<h2 id="boards"') : home.index('<h2 id="other-bodies"')]
    assert "Riverton Safeguarding Adults Board" not in cards
    assert "0 meetings" not in home
    assert "Riverton Health and Wellbeing Board" in cards
    assert "None" not in text(cards)  # a board recorded by its organisation, not an authority
    assert "Riverton City Council · 4 meetings, 2024 to 2025" in text(cards), text(cards)
    others = text(home[home.index('<h2 id="other-bodies"') : home.index('<h2 id="follow"')])
    assert "No meetings of these are on record yet: Riverton Safeguarding Adults Board." in others, others
