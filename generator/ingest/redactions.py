"""Read data/redactions.yml into checked entries, reporting every problem at its line."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from generator.ingest.load import REDACTIONS, read_text
from generator.ingest.validate import translate
from generator.ingest.yamlpos import load_yaml
from generator.records.common import Origin
from generator.records.diagnostics import DataError, Report, format_loc
from generator.records.redaction import Redaction

EXAMPLE = "- record: /people/jane-doe/ (then field, commits and reason)"


def shown_path(data: Path) -> str:
    """The redaction list's path as messages print it."""
    try:
        base = data.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        base = str(data)
    return REDACTIONS if base == "." else f"{base}/{REDACTIONS}"


def load_redactions(data: Path, report: Report) -> list[Redaction]:
    """The entries of the redaction list (none when there is no list); problems go to ``report``."""
    path = data / REDACTIONS
    if not path.is_file():
        return []
    shown = shown_path(data)
    try:
        entries, lines = load_yaml(read_text(path))
    except DataError as exc:
        report.error(shown, exc.line, exc.field, exc.message)
        return []
    if entries is None:
        return []
    if not isinstance(entries, list):
        report.error(shown, 1, "", f"expected a list of redactions, one starting with '- ' each ({EXAMPLE})")
        return []
    found = []
    for i, entry in enumerate(entries):
        origin = Origin(shown, {loc[1:]: line for loc, line in lines.items() if loc[:1] == (i,)})
        try:
            redaction = Redaction.model_validate(entry)
        except ValidationError as exc:
            for loc, message in translate(exc, Redaction, entry):
                report.error(shown, origin.line(loc), format_loc((i, *loc)), message)
            continue
        redaction.place(origin)
        redaction.number(i)
        found.append(redaction)
    return found
