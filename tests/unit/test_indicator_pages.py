"""Every indicator in the real dataset gets a chart, a summary sentence, a table and a CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest

from generator import build, urls
from generator.exports.indicator_csv import indicator_csv, indicator_csv_files
from generator.render import render_site
from generator.site import stats
from tests.conftest import FIXTURE, ROOT, TODAY


@pytest.fixture(scope="module")
def real() -> tuple[object, dict[str, str]]:
    """The real dataset's site and its rendered pages."""
    report, site = build.check(ROOT / "data")
    assert site is not None, report.lines()
    return site, render_site(site, TODAY, "Minutebook", "https://example.org/")


def test_every_indicator_has_chart_sentence_table_and_csv(real: tuple) -> None:
    site, pages = real
    files = {rel: data.decode() for rel, data in indicator_csv_files(site).items()}
    for iid, indicator in site.indicators.items():
        page = pages[urls.page_path(urls.indicator_url(iid))]
        svg = re.search(r"<svg [^>]*class=\"mb-chart\".*?</svg>", page, re.S)
        summary = re.search(r'<p class="mb-lede mb-summary">(.+?)</p>', page).group(1)
        assert summary.endswith("."), iid
        if stats.breakdown(indicator, site.values(iid)):  # several figures in the latest period: no headline
            assert "<p>Nothing is compared: these figures break one period down; none of them is the figure.</p>" in (
                page
            ), iid
        if stats.broken_down(indicator, site.values(iid)):  # a breakdown is its table: no chart of one row a period
            assert svg is None and "mb-figure" not in page, iid
        else:
            assert svg, iid
            assert len(svg.group(0).encode()) < 30_000, iid
            assert summary in svg.group(0), iid  # the sentence is the chart's description
        assert "<caption>" in page and "every value on record" in page, iid
        table = list(csv.reader(io.StringIO(files[urls.indicator_csv_path(iid)])))
        assert table[0][1] == "period" and len(table) == len(site.values(iid)) + 1, indicator.id


def test_pages_render_identically_twice(real: tuple) -> None:
    site, pages = real
    assert render_site(site, TODAY, "Minutebook", "https://example.org/") == pages


def test_each_board_overview_has_a_judgement_word_per_row(real: tuple) -> None:
    site, pages = real
    total = 0
    for board_id in site.boards:
        overview = pages.get(urls.page_path(urls.board_indicators_url(board_id)), "")
        rows = overview.count('<tr><th scope="row">')
        assert rows == sum(board_id in i.board_ids for i in site.indicators.values()), board_id
        assert overview.count("mb-judge--") >= 3 * rows
        total += rows
    assert total == sum(len(i.board_ids) for i in site.indicators.values()) > 0


def test_indicators_landing_has_one_row_per_board_not_per_indicator(real: tuple) -> None:
    site, pages = real
    landing = pages[urls.page_path(urls.index_url("indicators"))]
    watching = [b for b in site.boards if any(b in i.board_ids for i in site.indicators.values())]
    assert landing.count('<tr id="board-') == len(watching)
    for board_id in watching:
        assert f'href="{urls.relative(urls.index_url("indicators"), urls.board_indicators_url(board_id))}"' in landing


def test_csv_is_escaped_against_formulas() -> None:
    _, site = build.check(FIXTURE)
    indicator = next(iter(site.indicators.values()))
    row = site.values(indicator.id)[0].model_copy(update={"note": '=HYPERLINK("x")'})
    text = indicator_csv(indicator, [row]).decode()
    assert "'=HYPERLINK" in text
