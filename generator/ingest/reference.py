"""Read data/reference/: the rules governance figures are measured against (records/governance.py).

Two files, both optional: without them the figures that need a rule say 'no rule on record' (never a
default rule made up in code). Problems are reported as path:line: field: message, like any record's.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import ValidationError

from generator.ingest.load import read_text
from generator.ingest.validate import translate
from generator.ingest.yamlpos import load_yaml
from generator.records.common import Origin
from generator.records.diagnostics import DataError, Report, format_loc
from generator.records.governance import BankHoliday, GovernanceRules, Reference

FOLDER = "reference"
RULES = "governance.yml"
HOLIDAYS = "bank-holidays.csv"
FILES = (RULES, HOLIDAYS)
HOLIDAY_COLUMNS = ["date", "name"]


def read_reference(root: Path, report: Report) -> Reference:
    """The rules and bank holidays under ``root``/reference, reporting every problem."""
    folder = root / FOLDER
    rules = _rules(folder / RULES, _shown(root, RULES), report) if (folder / RULES).is_file() else None
    holidays = _holidays(folder / HOLIDAYS, _shown(root, HOLIDAYS), report) if (folder / HOLIDAYS).is_file() else []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name not in FILES and path.name != "README.md" and not path.name.startswith("."):
                report.error(
                    _shown(root, path.name), 0, "", f"unknown reference file; expected one of: {', '.join(FILES)}"
                )
    return Reference(rules, holidays)


def _shown(root: Path, name: str) -> str:
    """The file's path as messages print it."""
    try:
        return (root / FOLDER / name).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(root / FOLDER / name)


def _rules(path: Path, shown: str, report: Report) -> GovernanceRules | None:
    """The rules file as a model, or None after reporting why it cannot be one."""
    try:
        data, lines = load_yaml(read_text(path))
    except DataError as exc:
        report.error(shown, exc.line, exc.field, exc.message)
        return None
    try:
        return GovernanceRules.model_validate(data)
    except ValidationError as exc:
        origin = Origin(shown, lines)
        for loc, message in translate(exc, GovernanceRules, data):
            report.error(shown, origin.line(loc), format_loc(loc), message)
        return None


def _holidays(path: Path, shown: str, report: Report) -> list[BankHoliday]:
    """The bank holidays, one a row (date, name), each date once."""
    try:
        text = read_text(path)
    except DataError as exc:
        report.error(shown, exc.line, "", exc.message)
        return []
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0] != HOLIDAY_COLUMNS:
        report.error(shown, 1, "", f"the first line must be the header: {','.join(HOLIDAY_COLUMNS)}")
        return []
    found: list[BankHoliday] = []
    seen: dict[object, int] = {}
    for line, cells in enumerate(rows[1:], start=2):
        if not cells:
            continue
        if len(cells) != len(HOLIDAY_COLUMNS):
            report.error(shown, line, "", f"expected {len(HOLIDAY_COLUMNS)} cells (date,name), found {len(cells)}")
            continue
        try:
            holiday = BankHoliday.model_validate(dict(zip(HOLIDAY_COLUMNS, cells, strict=True)))
        except ValidationError as exc:
            for loc, message in translate(exc, BankHoliday, {}):
                report.error(shown, line, format_loc(loc), message)
            continue
        if holiday.date in seen:
            report.error(shown, line, "date", f"{holiday.date} is listed twice (also on line {seen[holiday.date]})")
            continue
        seen[holiday.date] = line
        found.append(holiday)
    return found
