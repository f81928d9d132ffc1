"""Indicator pages of the real dataset: every page answers "better or worse than England?" or says why not."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

import pytest

from generator import build, urls
from generator.exports.indicator_csv import indicator_csv, indicator_csv_files
from generator.render import render_site
from generator.site.indicators import indicator_states
from tests.conftest import FIXTURE, ROOT, TODAY

# How the real site's 220 pages answer "better or worse than England?" (issue 18; BENCHMARKS.md has the
# before and after): a computed judgement, the report's own rating against a comparator, a same-period
# comparison that cannot be tested, or an earlier period's. Before issue 18 no page answered (all 220
# said "Not compared").
ANSWERS = {"report": 26, "earlier untested": 14, "untested": 8, "earlier tested": 1}


@pytest.fixture(scope="module")
def real() -> tuple[object, dict[str, str]]:
    """The real dataset's site and its rendered pages."""
    report, site = build.check(ROOT / "data")
    assert site is not None, report.lines()
    return site, render_site(site, TODAY, "Minutebook", "https://example.org/")


def test_every_indicator_has_a_sentence_a_table_a_csv_and_its_charts(real: tuple) -> None:
    site, pages = real
    files = {rel: data.decode() for rel, data in indicator_csv_files(site).items()}
    for iid, indicator in site.indicators.items():
        page = pages[urls.page_path(urls.indicator_url(iid))]
        summary = re.search(r'<p class="mb-lede mb-summary">(.+?)</p>', page).group(1)
        assert summary.endswith((".", ".”")), iid
        assert "For “not stated”" not in summary and "For 'not stated'" not in summary, iid
        for svg in re.findall(r"<svg [^>]*class=\"mb-chart.*?</svg>", page, re.S):
            assert len(svg.encode()) < 30_000, iid
        assert "<caption id=" in page and "every value on record" in page, iid
        table = list(csv.reader(io.StringIO(files[urls.indicator_csv_path(iid)])))
        assert table[0][1] == "period" and len(table) == len(site.values(iid)) + 1, indicator.id


def test_every_page_answers_better_or_worse_or_says_why_not(real: tuple) -> None:
    site, pages = real
    states = indicator_states(site)
    assert Counter(s.answer for s in states.values() if s.answer) == ANSWERS
    for iid, state in states.items():
        page = pages[urls.page_path(urls.indicator_url(iid))]
        if state.answer:
            continue
        said = re.search(r'<h3 id="computed">Computed judgement</h3>\n<p>(.+?)</p>', page, re.S)
        assert said and said.group(1).startswith(("Not compared: ", "There is no single")), iid
        assert len(said.group(1)) > len("Not compared: ") + 20, iid  # a reason in words, not a bare label


def test_a_tested_judgement_names_its_method_and_interval(real: tuple) -> None:
    _, pages = real
    page = pages[urls.page_path(urls.indicator_url("coventry-looked-after-children-rate"))]
    assert "significantly higher than All England (60.3): the 95% interval 72.0 to 84.8 excludes it" in page
    assert "Statutory Neigh.’s 76.4 lies within the 95% interval 72.0 to 84.8" in page
    assert ">Byar&#39;s method</a>" in page


def test_the_report_s_own_rating_is_labelled_and_cited(real: tuple) -> None:
    _, pages = real
    page = pages[urls.page_path(urls.indicator_url("dudley-cp-repeat-plans"))]
    report = page.split('<h3 id="report-rating">')[1].split("<h3")[0]
    assert "The report’s own rating" in report
    assert "<q>↓</q> (the report’s key: “performance has declined or is poor”)" in report
    assert "text line 2773" in report


def test_pages_render_identically_twice(real: tuple) -> None:
    site, pages = real
    assert render_site(site, TODAY, "Minutebook", "https://example.org/") == pages


def test_each_board_overview_has_a_rating_and_a_judgement_column(real: tuple) -> None:
    site, pages = real
    total = 0
    for board_id in site.boards:
        overview = pages.get(urls.page_path(urls.board_indicators_url(board_id)), "")
        rows = overview.count('<tr>\n<th scope="row">')
        assert rows == sum(board_id in i.board_ids for i in site.indicators.values()), board_id
        if rows:
            assert "The report’s own rating</th>" in overview and "Computed judgement</th>" in overview
        assert overview.count("mb-judge--") >= 3 * rows
        total += rows
    assert total == sum(len(i.board_ids) for i in site.indicators.values()) > 0


def test_indicators_landing_has_one_row_per_board_and_the_compare_pages(real: tuple) -> None:
    site, pages = real
    landing = pages[urls.page_path(urls.index_url("indicators"))]
    watching = [b for b in site.boards if any(b in i.board_ids for i in site.indicators.values())]
    assert landing.count('<tr id="board-') == len(watching)
    for board_id in watching:
        assert f'href="{urls.relative(urls.index_url("indicators"), urls.board_indicators_url(board_id))}"' in landing
    assert f'href="{urls.relative(urls.index_url("indicators"), urls.indicator_compare_url("NI 64"))}"' in landing


def test_compare_page_ranks_the_boards_areas(real: tuple) -> None:
    _, pages = real
    page = pages[urls.page_path(urls.indicator_compare_url("NI 64"))]
    ranked = re.findall(r'<tr><td>(\d+)</td> <th scope="row"><a href="[^"]+">([^<]+)</a>', page)
    assert ranked[:2] == [("1", "Dudley"), ("2", "Warwickshire")]  # 2011/12: 9.4% and 10.8%, lower is better
    assert "England 5.6%" in page
    assert page.count('class="mb-chart mb-dots"') == 2  # two periods with both areas
    # Dudley 2012/13: 2% with limits from its counts (95%), written to one decimal as on the indicator's own page
    assert "<td>2%</td> <td>0.9 to 4.4</td>" in page
    assert "0.938599852758255" not in page and "<title>Dudley: 2 (0.9 to 4.4)</title>" in page


def test_csv_is_escaped_against_formulas() -> None:
    _, site = build.check(FIXTURE)
    indicator = site.indicators["riverton-smoking"]
    row = site.values(indicator.id)[0].model_copy(update={"note": '=HYPERLINK("x")'})
    text = indicator_csv(indicator, [row]).decode()
    assert "'=HYPERLINK" in text
