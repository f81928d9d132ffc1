"""Turn raw records into models, translating every failure into a diagnostic."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Report, format_loc
from generator.load import RawData, RawRecord, RawTable
from generator.models import (
    KINDS,
    REQUIRED_COLUMNS,
    ROW_KEY,
    Board,
    Document,
    Indicator,
    IndicatorValue,
    Meeting,
    Person,
    Strategy,
    TopLevel,
)
from generator.suggest import did_you_mean

Loc = tuple[str | int, ...]


@dataclass
class Models:
    """Every valid record, by kind, with where it came from."""

    boards: dict[str, Board] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)  # key: <board>/<id>
    strategies: dict[str, Strategy] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    values: dict[str, list[IndicatorValue]] = field(default_factory=dict)
    origin: dict[int, RawRecord] = field(default_factory=dict)  # id(model) -> raw
    value_lines: dict[int, tuple[str, int]] = field(default_factory=dict)
    # Records whose file has errors, by (kind, key) ('values' for an indicator's CSV), with the
    # file's path: a reference to one says where it is, rather than calling it unknown.
    broken: dict[tuple[str, str], str] = field(default_factory=dict)


# Valid models from an earlier run in the same process, by file: reused while the file's
# raw record is the very object the load cache handed out again (the file is unchanged).
ModelCache = dict[str, tuple[object, Any]]


def validate_all(raw: RawData, report: Report, cache: ModelCache | None = None) -> Models:
    """Validate every raw record and table; collect all diagnostics."""
    models = Models()
    for record in raw.records:
        hit = cache.get(record.path) if cache is not None else None
        model = hit[1] if hit is not None and hit[0] is record else validate_record(record, report)
        if model is None:
            key = f"{record.folder}/{record.stem}" if record.kind == "meetings" else record.stem
            models.broken[(record.kind, key)] = record.path
            continue
        if cache is not None:
            cache[record.path] = (record, model)
        key = f"{record.folder}/{model.id}" if record.kind == "meetings" else model.id
        getattr(models, record.kind)[key] = model
        models.origin[id(model)] = record
    for stem, table in sorted(raw.tables.items()):
        hit = cache.get(table.path) if cache is not None else None
        if hit is not None and hit[0] is table:
            rows = hit[1]
        else:
            rows, failed = _validate_table(table, report)
            if cache is not None and not failed:
                cache[table.path] = (table, rows)
        for line, value in rows:
            models.value_lines[id(value)] = (table.path, line)
        models.values[stem] = [value for _, value in rows]
    models.broken.update(raw.unreadable)
    return models


def _validate_table(table: RawTable, report: Report) -> tuple[list[tuple[int, IndicatorValue]], bool]:
    """Validate every row of an indicator CSV: the valid rows, and whether any row was wrong."""
    rows: list[tuple[int, IndicatorValue]] = []
    failed = _duplicate_rows(table, report)
    for line, row in table.rows:
        try:
            rows.append((line, IndicatorValue.model_validate(row)))
        except ValidationError as exc:
            failed = True
            for loc, message in translate(exc, IndicatorValue, row):
                report.error(table.path, line, ".".join(str(p) for p in loc), message)
    return rows, failed


def _duplicate_rows(table: RawTable, report: Report) -> bool:
    """Report every row that names the same value as an earlier row (ROW_KEY); True if any does."""
    first: dict[tuple[str, ...], int] = {}
    found = False
    for line, row in table.rows:
        if not all(row.get(column) for column in ROW_KEY if column in REQUIRED_COLUMNS):
            continue  # a row without a period or an area has its own error
        key = tuple(row.get(column, "") for column in ROW_KEY)
        earlier = first.setdefault(key, line)
        if earlier != line:
            found = True
            named = [f"{column} '{value}'" for column, value in zip(ROW_KEY, key, strict=True) if value]
            said = ", ".join(named[:-1]) + f" and {named[-1]}"
            message = f"duplicate row: {said} are already on line {earlier} (keep one of the two rows)"
            report.error(table.path, line, "", message)
    return found


def validate_record(record: RawRecord, report: Report) -> TopLevel | None:
    """Validate one raw record against its kind's model."""
    cls = KINDS[record.kind]
    try:
        model = cls.model_validate(record.data)
    except ValidationError as exc:
        for loc, message in translate(exc, cls, record.data):
            report.error(record.path, record.line(loc), format_loc(loc), message)
        return None
    if model.id != record.stem:
        report.error(
            record.path,
            record.line(("id",)),
            "id",
            f"'{model.id}' does not match the file name '{record.stem}' (rename the file or fix the id)",
        )
        return None
    if isinstance(model, Meeting) and model.board_id != record.folder:
        report.error(
            record.path,
            record.line(("board_id",)),
            "board_id",
            f"'{model.board_id}' does not match the folder '{record.folder}' "
            "(meetings live in data/meetings/<board-id>/)",
        )
        return None
    return model


def translate(exc: ValidationError, cls: type[BaseModel], data: Any) -> list[tuple[Loc, str]]:
    """Turn pydantic's errors into (location, plain-English message) pairs."""
    found: list[tuple[Loc, str]] = []
    suggested: set[Loc] = set()
    for err in exc.errors(include_url=False):
        loc = _clean_loc(err["loc"], data)
        message = err["msg"]
        kind = err["type"]
        if kind == "minutebook" and message.startswith("@"):
            _, fld, message = message.split("@", 2)
            loc = (*loc, fld)
        elif kind == "missing":
            message = "required field is missing"
        elif kind == "extra_forbidden":
            known = _fields_at(cls, loc[:-1])
            hint = did_you_mean(str(loc[-1]), known)
            message = f"unknown field '{loc[-1]}'{hint}"
            if hint:
                suggested.add((*loc[:-1], hint.split("'")[1]))
        elif kind in ("list_type", "tuple_type"):
            message = "expected a list (lines starting with '- ')"
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            message = "expected a mapping (key: value lines)"
        elif kind == "too_short":
            message = "needs at least one entry"
        found.append((loc, message))
    # A misspelt required field is one mistake: keep 'unknown field' (with its hint) only.
    return [(loc, msg) for loc, msg in found if not (msg == "required field is missing" and loc in suggested)]


def _clean_loc(loc: tuple[Any, ...], data: Any) -> Loc:
    """Drop pydantic's internal steps (union branch names) from a location."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(part, int) and isinstance(node, list):
            out.append(part)
            node = node[part] if part < len(node) else None
        elif isinstance(part, str) and (isinstance(node, dict) or node is None):
            if isinstance(node, dict) and part not in node and any(c in part for c in "[(,"):
                continue
            out.append(part)
            node = node.get(part) if isinstance(node, dict) else None
    return tuple(out)


def _fields_at(cls: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the model found by following ``loc`` from ``cls``."""
    model: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part) if isinstance(model, type) else None
        if info is None:
            return []
        model = _inner_model(info.annotation)
        if model is None:
            return []
    return list(model.model_fields)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside list[...] or X | None, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if inner:
                return inner
    return None
