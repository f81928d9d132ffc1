"""Index pages are split by board, year and letter: exact partitions, bounded sizes, no URL clashes."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

from generator import build, urls
from generator.records.person import Person
from generator.render.env import make_env
from generator.render.indexes import index_pages
from generator.render.pages import Page, Renderer, record_pages
from generator.site import queries as ctx
from generator.site.graph import Site
from tests.conftest import TODAY, fixture_text, make_dataset

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import synth

# Three years of six meetings with three resolutions each: 18 decisions per board and year.
SIZE = synth.Size(boards=2, years=3, people=8, indicators=3, periods=4)
DECISION_LINK = re.compile(r'href="(?:\.\./)*(decisions/[^/"]+/[^/"]+/[^/"]+/)"')


def synthetic(tmp_path: Path, boards: int) -> Site:
    """A checked synthetic site of ``boards`` boards."""
    data = tmp_path / f"data-{boards}"
    synth.synthesise(data, synth.Size(**{**vars(SIZE), "boards": boards}))
    report, site = build.check(data)
    assert site is not None, report.lines()
    return site


def indexes(site: Site) -> dict[str, Page]:
    """Every index page of ``site`` by URL."""
    renderer = Renderer(site, make_env(), TODAY, "Minutebook", "https://example.org/")
    return {page.url: page for page in index_pages(renderer)}


def size(page: Page) -> int:
    """Bytes of a page's title, description and body (the generated Markdown less its fixed front matter)."""
    return len((page.title + page.description + page.body).encode())


@pytest.fixture(scope="module")
def two_boards(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, dict[str, Page]]:
    """The two-board synthetic site and its index pages."""
    site = synthetic(tmp_path_factory.mktemp("synth"), 2)
    return site, indexes(site)


def test_every_decision_is_on_exactly_one_board_year_page(two_boards: tuple[Site, dict[str, Page]]) -> None:
    """Each decision is listed on the page of its own board and year, and on no other year page."""
    site, pages = two_boards
    listed: dict[str, list[str]] = {}
    for board_id in site.boards:
        for year in ctx.decisions_by_year(site, board_id):
            page = pages[urls.decisions_year_url(board_id, year)]
            for key in DECISION_LINK.findall(page.body):
                listed.setdefault(key, []).append(urls.decisions_year_url(board_id, year))
    assert sorted(listed) == sorted(d.url for d in site.decisions.values())
    for decision in site.decisions.values():
        assert listed[decision.url] == [urls.decisions_year_url(decision.board.id, decision.meeting.date.year)]


def test_register_counts_match_the_year_pages(two_boards: tuple[Site, dict[str, Page]]) -> None:
    """The landing's count per board, and a board's count per year, equal the rows of the year pages."""
    site, pages = two_boards
    landing = pages[urls.index_url("decisions")].body
    total = 0
    for board_id in site.boards:
        years = ctx.decisions_by_year(site, board_id)
        on_year_pages = {y: len(DECISION_LINK.findall(pages[urls.decisions_year_url(board_id, y)].body)) for y in years}
        assert re.search(rf'<tr id="board-{board_id}">.*?<td>(\d+)</td>', landing, re.S).group(1) == str(
            sum(on_year_pages.values())
        )
        register = pages[urls.board_decisions_url(board_id)].body
        for year, count in on_year_pages.items():
            assert re.search(rf">{year}</a></th>\s*<td>{count}</td>", register), (board_id, year)
        total += sum(on_year_pages.values())
    assert total == len(site.decisions)
    assert f"{len(site.decisions)} decisions of 2 boards" in landing


def test_year_pages_link_the_years_either_side(two_boards: tuple[Site, dict[str, Page]]) -> None:
    """A middle year links back a year and forward a year; the landing links each board's newest year."""
    site, pages = two_boards
    board_id = sorted(site.boards)[0]
    years = list(ctx.decisions_by_year(site, board_id))
    assert len(years) == 3
    middle = urls.decisions_year_url(board_id, years[1])
    body = pages[middle].body
    assert f'href="{urls.relative(middle, urls.decisions_year_url(board_id, years[2]))}" rel="prev"' in body
    assert f'href="{urls.relative(middle, urls.decisions_year_url(board_id, years[0]))}" rel="next"' in body
    landing = urls.index_url("decisions")
    assert urls.relative(landing, urls.decisions_year_url(board_id, years[0])) in pages[landing].body


def test_largest_index_page_does_not_grow_with_the_number_of_boards(
    tmp_path: Path, two_boards: tuple[Site, dict[str, Page]]
) -> None:
    """Tripling the boards leaves the largest index page within 1.2 times its size (it was 3 times before)."""
    _, small = two_boards
    large = indexes(synthetic(tmp_path, 6))
    largest_small = max(small.values(), key=size)
    largest_large = max(large.values(), key=size)
    assert size(largest_large) <= 1.2 * size(largest_small), (largest_small.url, largest_large.url)
    assert len(large) > 2 * len(small) - 40  # the per-board pages were made (26 letter pages are fixed)


def test_people_are_partitioned_by_letter(two_boards: tuple[Site, dict[str, Page]]) -> None:
    """Each person is linked from exactly one letter page, the one for their surname."""
    site, pages = two_boards
    for person in site.people.values():
        link = urls.person_url(person.id)
        holding = [url for url, page in pages.items() if url.startswith(urls.PEOPLE_LETTERS) and link in page.body]
        assert holding == [urls.people_letter_url(ctx.letter_of(person))]


@pytest.mark.parametrize(
    ("name", "letter"),
    [("Ann Chair", "c"), ("Angela O'Boyle", "o"), ("Niamh Ó Dálaigh", "d"), ("Seán Ó Dálaigh-Éire", "d"),
     ("Jo Émond", "e"), ("Lars Øvergaard", "other"), ("Kim 3M", "m"), ("X ---", "other")],
)  # fmt: skip
def test_letter_of_folds_accents_and_skips_punctuation(name: str, letter: str) -> None:
    """A surname's first letter decides its page; accents fold to A-Z, other scripts go to 'other'."""
    assert ctx.letter_of(Person(id="x", name=name)) == letter


def test_new_index_urls_cannot_take_a_record_url(tmp_path: Path) -> None:
    """Person ids 'a' and 'a-z' and a meeting id that is a bare year leave every page its own file."""
    meeting = fixture_text("meetings/riverton-hwb/2024-03-14.yml").replace("id: 2024-03-14", "id: '2023'")
    meeting = (
        meeting.replace("date: 2024-03-14", "date: 2023-05-04").replace('"4/24"', '"9/23"').replace("4/24", "9/23")
    )
    person = "id: {id}\nname: {name}\n"
    data = make_dataset(
        tmp_path,
        {
            "meetings/riverton-hwb/2023.yml": meeting,
            "people/a.yml": person.format(id="a", name="Ada Alpha"),
            "people/a-z.yml": person.format(id="a-z", name="Zed Zulu"),
        },
    )
    report, site = build.check(data)
    assert site is not None, report.lines()
    renderer = Renderer(site, make_env(), date(2026, 1, 1), "Minutebook", "https://example.org/")
    paths = [urls.page_path(page.url) for page in [*index_pages(renderer), *record_pages(renderer)]]
    assert len(paths) == len(set(paths))
    for path in (
        "people/a.md",
        "people/a-z.md",
        "people/a-z/a.md",
        "people/a-z/z.md",
        "meetings/riverton-hwb.md",
        "meetings/riverton-hwb/2023.md",
        "decisions/riverton-hwb.md",
        "decisions/riverton-hwb/2023.md",
        "decisions/riverton-hwb/2023/9-23.md",
    ):
        assert path in paths, path


def test_board_page_lists_recent_meetings_and_its_decision_years(two_boards: tuple[Site, dict[str, Page]]) -> None:
    """A board page shows its latest meetings and links each year of its decisions register."""
    site, _ = two_boards
    renderer = Renderer(site, make_env(), TODAY, "Minutebook", "https://example.org/")
    board_id = sorted(site.boards)[0]
    page = next(p for p in record_pages(renderer) if p.url == urls.board_url(board_id))
    section = page.body.split('id="past-meetings"')[1].split("</ul>")[0]
    assert section.count("<li>") == 10 < len(site.meetings_by_board[board_id])
    assert urls.relative(page.url, urls.board_meetings_url(board_id)) in page.body
    for year in ctx.decisions_by_year(site, board_id):
        assert urls.relative(page.url, urls.decisions_year_url(board_id, year)) in page.body
