"""The values frame: pandas holds the table work, SciPy the quantiles; periods one way per table; the methods page."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd

from generator import build, urls
from generator.render import render_site
from generator.render.indicator_view import METHOD_ANCHORS
from generator.site.breakdowns import display_periods
from generator.site.frame import values_frame
from generator.site.indicators import indicator_states
from tests.conftest import FIXTURE, ROOT, TODAY, make_dataset

SITE = ROOT / "generator" / "site"


def imported(path: Path) -> set[str]:
    """The top-level modules a file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_table_work_is_pandas_and_the_quantiles_are_scipy() -> None:
    for name in ("frame", "rowstats", "benchmark", "trend", "progress", "compare", "overview", "breakdowns"):
        assert "pandas" in imported(SITE / f"{name}.py"), name
    assert {"scipy", "numpy"} <= imported(SITE / "intervals.py")
    assert "scipy" in imported(SITE / "trend.py")
    source = (SITE / "intervals.py").read_text(encoding="utf-8")
    assert "sp.norm.ppf" in source and "sp.chi2.ppf" in source


def test_values_frame_holds_every_value_with_its_period_read() -> None:
    _, site = build.check(FIXTURE)
    frame = values_frame(site)
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == sum(len(site.values(i)) for i in site.indicators)
    smoking = frame[(frame["indicator"] == "riverton-smoking") & frame["own"]]
    assert list(smoking["period"]) == ["2021", "2022", "2023"]  # in time order
    assert list(smoking["ci_method"].fillna("")) == ["as printed", "as printed", ""]


def test_a_table_writes_one_kind_of_period_one_way() -> None:
    labels = display_periods(["2010-11", "2011/12", "2012-13", "31-Mar-12", "31 March 2013", "Year One"])
    assert [labels[p] for p in ("2010-11", "2011/12", "2012-13")] == ["2010/11", "2011/12", "2012/13"]
    assert [labels[p] for p in ("31-Mar-12", "31 March 2013")] == ["31 March 2012", "31 March 2013"]
    assert labels["Year One"] == "Year One"
    assert display_periods(["2010-11", "2011-12"]) == {"2010-11": "2010-11", "2011-12": "2011-12"}  # one way already


def test_a_standardised_rate_with_its_age_bands_gets_dobson_limits(tmp_path: Path) -> None:
    """The rate is PHE's testdata_1976 (see test_intervals), entered as a main row and its 18 age bands."""
    counts = [127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82]
    pops = [636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123]
    weights = [8000, *[7000] * 10, 6000, 5000, 4000, 3000, 2000, 1000, 1000]
    files = {
        "indicators/dsr.yml": (
            "id: dsr\ntitle: Mortality\nunit: per 100,000\nvalue_type: rate\nrate_type: directly-standardised\n"
            "polarity: lower-is-better\nboard_ids: [riverton-hwb]\narea: Riverton\n"
        ),
    }
    files["indicators/dsr.csv"] = "period,area,dimension,category,count,denominator,standard_population,value\n"
    files["indicators/dsr.csv"] += "2015,Riverton,,,,,,8592.1\n" + "".join(
        f"2015,Riverton,age band,band {n},{k},{p},{w},{1e5 * k / p:.1f}\n"
        for n, (k, p, w) in enumerate(zip(counts, pops, weights, strict=True))
    )
    report, site = build.check(make_dataset(tmp_path, files))
    assert site is not None, report.lines()
    head = indicator_states(site)["dsr"].headline
    assert (head["ci_method"], head["ci95"]) == ("Dobson's method", "7,991.2 to 9,225.3")


def test_every_method_an_indicator_page_links_has_its_section_on_the_methods_page() -> None:
    _, site = build.check(FIXTURE)
    pages = render_site(site, TODAY, "Minutebook", "https://example.org/")
    methods = pages[urls.page_path(urls.indicator_methods_url())]
    anchors = set(re.findall(r'id="([a-z0-9-]+)"', methods))
    assert set(METHOD_ANCHORS.values()) | {"benchmarking", "trend", "progress", "quintiles", "compare"} <= anchors
    for path, text in pages.items():
        if path.startswith("indicators/") and path.endswith(".md"):
            for anchor in re.findall(r'indicators/methods/#([a-z0-9-]+)"', text):
                assert anchor in anchors, (path, anchor)
    assert (
        "fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Basic_statistics/Rates.html" in methods
    )
