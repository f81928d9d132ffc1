"""One CSV writer for every CSV the site serves: the same cell for the same value, formulas neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator import build, urls
from tests.conftest import TODAY, make_dataset

VALUES = """period,area,value,count,denominator,note
2021,Riverton,18.2,1234567,98765432101,
2021,England,0.00001,,,=SUM(A1:A2)
2022,Riverton,17,,,
"""


def generated(tmp_path: Path) -> dict[str, bytes]:
    """Every generated file of the fixture with the values above."""
    data = make_dataset(tmp_path, {"indicators/riverton-smoking.csv": VALUES})
    report, site = build.check(data)
    assert site is not None, report.lines()
    files = build.generate(site, build.Settings(TODAY))
    return {rel: content.encode() if isinstance(content, str) else content for rel, content in files}


def rows(data: bytes) -> list[list[str]]:
    """The rows of a CSV file."""
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def test_numbers_are_written_in_full_plain_decimals(tmp_path: Path) -> None:
    files = generated(tmp_path)
    download = rows(files[urls.indicator_csv_path("riverton-smoking")])
    table = rows(files[urls.csv_url("indicator_values")])
    package = [table[0], *(r for r in table[1:] if r[table[0].index("indicator_id")] == "riverton-smoking")]
    assert download[1][download[0].index("count")] == "1234567"
    assert download[1][download[0].index("denominator")] == "98765432101"
    assert download[2][download[0].index("value")] == "0.00001"
    assert download[3][download[0].index("value")] == "17"
    for column in ("value", "count", "denominator"):
        assert [r[download[0].index(column)] for r in download[1:]] == [
            r[package[0].index(column)] for r in package[1:]
        ], column


def test_every_csv_ends_lines_the_same_way_and_neutralises_formulas(tmp_path: Path) -> None:
    files = generated(tmp_path)
    for rel in (urls.indicator_csv_path("riverton-smoking"), urls.csv_url("indicator_values")):
        text = files[rel].decode("utf-8")
        assert text.count("\r\n") == text.count("\n") > 0, rel
        assert "'=SUM(A1:A2)" in text, rel
