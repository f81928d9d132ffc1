"""Turn raw records into models, translating every failure into a diagnostic."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import urls
from generator.ingest.load import RawData, RawRecord
from generator.ingest.load_csv import RawTable
from generator.records.common import Located, Origin, TopLevel
from generator.records.dataset import Models
from generator.records.diagnostics import Report, format_loc
from generator.records.registry import KIND, Rows
from generator.records.suggest import did_you_mean

Loc = tuple[str | int, ...]

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
            models.broken[(record.kind, record.key)] = record.path
            continue
        if cache is not None:
            cache[record.path] = (record, model)
        models[record.kind][record.key] = model
    for stem, table in sorted(raw.tables.items()):
        hit = cache.get(table.path) if cache is not None else None
        if hit is not None and hit[0] is table:
            rows = hit[1]
        else:
            rows, failed = validate_table(table, report)
            if cache is not None and not failed:
                cache[table.path] = (table, rows)
        models.rows[table.kind][stem] = rows
    models.broken.update(raw.unreadable)
    return models


def validate_table(table: RawTable, report: Report) -> tuple[list[Located], bool]:
    """Validate every row of a CSV companion: the valid rows, and whether any row was wrong."""
    spec = KIND[table.kind].rows
    assert spec is not None, f"{table.kind} has no CSV companion"  # load reads .csv files only for kinds with one
    rows: list[Located] = []
    failed = _duplicate_rows(table, spec, report)
    for line, row in table.rows:
        try:
            value = spec.model.model_validate(row)
        except ValidationError as exc:
            failed = True
            for loc, message in translate(exc, spec.model, row):
                report.error(table.path, line, ".".join(str(p) for p in loc), message)
            continue
        assert isinstance(value, Located)
        value.place(Origin(table.path, {(): line}))
        rows.append(value)
    return rows, failed


def _duplicate_rows(table: RawTable, spec: Rows, report: Report) -> bool:
    """Report every row that names the same value as an earlier row (the row key); True if any does."""
    first: dict[tuple[str, ...], int] = {}
    found = False
    for line, row in table.rows:
        key = tuple(row.get(column, "") for column in spec.row_key)
        if not any(key):
            continue  # a row naming nothing (no period, area or note) has its own error
        earlier = first.setdefault(key, line)
        if earlier != line:
            found = True
            named = [f"{column} '{value}'" for column, value in zip(spec.row_key, key, strict=True) if value]
            said = ", ".join(named[:-1]) + f" and {named[-1]}" if len(named) > 1 else named[0]
            verb = "are" if len(named) > 1 else "is"
            message = f"duplicate row: {said} {verb} already on line {earlier} (keep one of the two rows)"
            report.error(table.path, line, "", message)
    return found


def validate_record(record: RawRecord, report: Report) -> TopLevel | None:
    """Validate one raw record against its kind's model; the model remembers where it was read."""
    kind = KIND[record.kind]
    try:
        model = kind.model.model_validate(record.data)
    except ValidationError as exc:
        for loc, message in translate(exc, kind.model, record.data):
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
    taken = urls.RESERVED_IDS.get(kind.name, {}).get(model.id)
    if taken:
        report.error(
            record.path, record.line(("id",)), "id", f"'{model.id}' is taken by the site: {taken} (choose another id)"
        )
        return None
    parent = getattr(model, kind.parent_field) if kind.parent_field else None
    if kind.parent and parent != record.folder:
        report.error(
            record.path,
            record.line((kind.parent_field,)),
            kind.parent_field or "",
            f"'{parent}' does not match the folder '{record.folder}' "
            f"({kind.plural} live in data/{kind.name}/<{KIND[kind.parent].singular}-id>/)",
        )
        return None
    model.place(record.origin())
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
            renamed = getattr(_model_at(cls, loc[:-1]), "renamed", {}).get(str(loc[-1]))
            hint = did_you_mean(str(loc[-1]), known)
            message = f"unknown field '{loc[-1]}'" + (f" ({renamed})" if renamed else hint)
            if hint and not renamed:
                suggested.add((*loc[:-1], hint.split("'")[1]))
        elif kind in ("list_type", "tuple_type"):
            message = "expected a list (lines starting with '- ')"
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            shape = getattr(_model_at(cls, loc), "shape", None)
            message = "expected a mapping (key: value lines)" + (f" ({shape})" if shape else "")
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
    model = _model_at(cls, loc)
    return list(model.model_fields) if model is not None else []


def _model_at(cls: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model found by following ``loc`` from ``cls``, if any."""
    model: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if info is None:
            return None
        model = _inner_model(info.annotation)
        if model is None:
            return None
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


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
