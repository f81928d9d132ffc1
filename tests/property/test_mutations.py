"""Random mutations of the fixture dataset: a clean list of `path:line` errors or a whole build, never a traceback."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import build
from generator.output.lock import LOCK
from tests.conftest import FIXTURE, TODAY, run_cli

FILES = sorted(p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*") if p.is_file())
TEXTS = {rel: (FIXTURE / rel).read_text(encoding="utf-8") for rel in FILES}
# path[:line[:column]]: message  — the path is a file in the data folder.
DIAGNOSTIC = re.compile(r"^(warning: )?(?P<path>[^\n:]+\.(yml|yaml|csv))(:\d+){0,2}: \S[^\n]*$")
SCALAR = re.compile(r"^(\s*-?\s*[a-z_]+: ?)(.*)$")
SWAPS = ["[a, b]", "{a: b}", "''", "yes", "12", "- x", "2024-02-30", "null", "~", "|", ">-", "&a x", "*a", "!!str x"]

Mutation = Callable[[list[str]], list[str]]


def _scalar_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if SCALAR.match(line)] or [0]


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, Mutation]:
    """One named edit to the lines of a file."""
    kind = draw(st.sampled_from(["delete_key", "random_text", "duplicate", "truncate", "swap_type", "csv_cell"]))
    pick = draw(st.integers(min_value=0, max_value=10_000))
    text = draw(st.text(max_size=24))
    swap = draw(st.sampled_from(SWAPS))

    def apply(lines: list[str]) -> list[str]:
        scalars = _scalar_lines(lines)
        i = scalars[pick % len(scalars)]
        if kind == "delete_key":
            return lines[:i] + lines[i + 1 :]
        if kind == "duplicate":
            j = pick % len(lines)
            return lines[: j + 1] + lines[j:]
        if kind == "truncate":
            joined = "\n".join(lines)
            return joined[: pick % (len(joined) + 1)].split("\n")
        if kind == "csv_cell":
            j = pick % len(lines)
            cells = lines[j].split(",")
            cells[pick % len(cells)] = text.replace("\n", " ")
            return [*lines[:j], ",".join(cells), *lines[j + 1 :]]
        match = SCALAR.match(lines[i])
        head = match.group(1) if match else ""
        value = text if kind == "random_text" else swap
        return [*lines[:i], head + value, *lines[i + 1 :]]

    return kind, apply


@st.composite
def mutated_dataset(draw: st.DrawFn) -> dict[str, str | None]:
    """One to three mutations of the fixture files (None deletes a file)."""
    files: dict[str, str | None] = {}
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        rel = draw(st.sampled_from(FILES))
        current = files.get(rel, TEXTS[rel])
        if current is None:
            continue
        if draw(st.integers(min_value=0, max_value=19)) == 0:
            files[rel] = None
            continue
        _, apply = draw(mutation())
        files[rel] = "\n".join(apply(current.split("\n")))
    return files


def write_dataset(root: Path, files: dict[str, str | None]) -> Path:
    """The fixture dataset under ``root``/data with ``files`` applied."""
    data = root / "data"
    shutil.copytree(FIXTURE, data)
    for rel, text in files.items():
        if text is None:
            (data / rel).unlink()
        else:
            (data / rel).write_text(text, encoding="utf-8")
    return data


def assert_clean(lines: list[str], data: Path) -> None:
    """Every diagnostic is one `path:line: message` line about a file in the dataset."""
    assert lines
    for line in lines:
        match = DIAGNOSTIC.match(line)
        assert match, f"not a clean diagnostic: {line!r}"
        assert Path(match.group("path")).resolve().is_relative_to(data.resolve()), line


@pytest.mark.slow  # hundreds of mutated datasets
@settings(
    max_examples=80,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_dataset())
def test_mutation_gives_errors_or_a_whole_build(files: dict[str, str | None]) -> None:
    """check() never raises; on errors nothing is written, otherwise every generated file is written."""
    with tempfile.TemporaryDirectory() as tmp:
        data = write_dataset(Path(tmp), files)
        docs = Path(tmp) / "docs"
        docs.mkdir()
        report, result = build.build(data, docs, build.Settings(TODAY))
        if report.errors:
            assert result is None
            assert_clean(report.lines(), data)
            assert [p.name for p in docs.iterdir() if p.name != LOCK] == [], "a failed build must write nothing"
            return
        _, site = build.check(data)
        assert site is not None and result is not None
        expected = {rel for rel, _ in build.generate(site, build.Settings(TODAY))}
        written = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file() and p.name[0] != "."}
        assert expected <= written


def test_cli_reports_mutations_with_exit_1(tmp_path: Path) -> None:
    """The command line meets several broken files at once with exit 1 and clean lines, not exit 3."""
    person = TEXTS["people/ann-chair.yml"]
    files: dict[str, str | None] = {
        "people/ann-chair.yml": person.replace("name: Ann Chair", "name: [Ann\x01, {x: y}]"),
        "boards/riverton-hwb.yml": TEXTS["boards/riverton-hwb.yml"][:400],
        "indicators/riverton-smoking.csv": TEXTS["indicators/riverton-smoking.csv"].replace("18.2", "=1+1"),
        "strategies/riverton-jhws.yml": TEXTS["strategies/riverton-jhws.yml"].replace("title:", "title: [", 1),
        "documents/riverton-hwb-2024-06-20-pack.yml": None,
    }
    data = write_dataset(tmp_path, files)
    result = run_cli("--data", str(data), "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("error: ") and lines[-1].endswith("nothing was written.")
    assert_clean(lines[:-1], data)
    assert len(lines) > 4
