"""Every indicator in the real dataset gets a chart, a summary sentence, a table and a CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest

from generator import build, urls
from generator.render import render_site
from generator.render.indicator_view import csv_files, indicator_csv
from tests.conftest import FIXTURE, ROOT, TODAY


@pytest.fixture(scope="module")
def real() -> tuple[object, dict[str, str]]:
    """The real dataset's site and its rendered pages."""
    report, site = build.check(ROOT / "data")
    assert site is not None, report.lines()
    return site, render_site(site, TODAY, "Minutebook", "https://example.org/")


def test_every_indicator_has_chart_sentence_table_and_csv(real: tuple) -> None:
    site, pages = real
    files = dict(csv_files(site))
    for iid, indicator in site.indicators.items():
        page = pages[urls.page_path(urls.indicator_url(iid))]
        svg = re.search(r"<svg [^>]*class=\"mb-chart\".*?</svg>", page, re.S)
        assert svg, iid
        assert len(svg.group(0).encode()) < 30_000, iid
        summary = re.search(r'<p class="mb-lede mb-summary">(.+?)</p>', page).group(1)
        assert summary.endswith(".") and summary in svg.group(0), iid  # the sentence is the chart's description
        assert "<caption>" in page and "every value on record" in page, iid
        table = list(csv.reader(io.StringIO(files[urls.indicator_csv_path(iid)])))
        assert table[0][1] == "period" and len(table) == len(site.values(iid)) + 1, indicator.id


def test_pages_render_identically_twice(real: tuple) -> None:
    site, pages = real
    assert render_site(site, TODAY, "Minutebook", "https://example.org/") == pages


def test_overview_has_a_judgement_word_per_row(real: tuple) -> None:
    site, pages = real
    overview = pages[urls.page_path(urls.index_url("indicators"))]
    rows = overview.count('<tr><th scope="row">')
    assert rows == sum(len(i.board_ids) for i in site.indicators.values())
    assert overview.count("mb-judge--") >= 3 * rows


def test_csv_is_escaped_against_formulas() -> None:
    _, site = build.check(FIXTURE)
    indicator = next(iter(site.indicators.values()))
    row = site.values(indicator.id)[0].model_copy(update={"note": "=HYPERLINK(\"x\")"})
    text = indicator_csv(indicator, [row])
    assert "'=HYPERLINK" in text
