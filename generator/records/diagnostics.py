"""Diagnostics: what is wrong, where, and how to fix it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


class DataError(Exception):
    """Raised inside the loader with a message that becomes a diagnostic (``also``: more in the same file)."""

    def __init__(self, message: str, line: int = 0, column: int = 0, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.field = field
        self.also: list[DataError] = []

    def every(self) -> list[DataError]:
        """This error and the others found in the same file."""
        return [self, *self.also]


def format_loc(loc: tuple[str | int, ...]) -> str:
    """Render ('items', 3, 'title') as 'items[3].title'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file: ``path:line: field: message``."""

    path: str
    line: int = 0
    field: str = ""
    message: str = ""
    severity: str = dataclasses.field(default="error", compare=False)
    column: int = dataclasses.field(default=0, compare=False)

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        text = _one_line(text)
        return f"warning: {text}" if self.severity == "warning" else text


def _one_line(text: str) -> str:
    """Escape line breaks, bidi overrides and other invisible characters so a diagnostic is one honest line."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


@dataclass
class Report:
    """All diagnostics of one run."""

    items: list[Diagnostic] = dataclasses.field(default_factory=list)

    def error(self, path: str, line: int, fld: str, message: str) -> None:
        """Record an error."""
        self.items.append(Diagnostic(path, line, fld, message))

    def warning(self, path: str, line: int, fld: str, message: str) -> None:
        """Record a warning."""
        self.items.append(Diagnostic(path, line, fld, message, severity="warning"))

    @property
    def errors(self) -> list[Diagnostic]:
        """Errors, sorted by path and line."""
        return sorted(d for d in self.items if d.severity == "error")

    @property
    def warnings(self) -> list[Diagnostic]:
        """Warnings, sorted by path and line."""
        return sorted(d for d in self.items if d.severity == "warning")

    def failed(self, strict: bool = False) -> bool:
        """True when the run must stop (warnings count with ``strict``)."""
        return bool(self.errors or (strict and self.warnings))

    def lines(self) -> list[str]:
        """Every diagnostic as printed, errors then warnings."""
        return [str(d) for d in self.errors + self.warnings]

    def summary(self, wrote: bool = False) -> str:
        """One closing line that counts what was found."""
        errors, warnings = len(self.errors), len(self.warnings)
        files = f" in {_plural(len({d.path for d in self.items}), 'file')}"
        if errors:
            counted = _plural(errors, "error") + (f", {_plural(warnings, 'warning')}" if warnings else "")
            return f"error: {counted}{files}; nothing was written."
        if warnings:
            return f"warning: {_plural(warnings, 'warning')}{files}." + (
                "" if wrote else " Nothing was written (--strict)."
            )
        return "ok: no problems found."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
