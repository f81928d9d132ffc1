"""Bulk data: one CSV per table, a Frictionless Data Package descriptor, and a zip of both."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from functools import partial
from typing import Any

from generator import urls
from generator.exports.cells import write_csv
from generator.exports.tables import Table, all_tables
from generator.site.graph import Site
from generator.site.reuse import Output, Unchanged, data_of, serialised

ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed, so the zip's bytes depend on the records only


def table_csv(table: Table) -> bytes:
    """The table as CSV (exports/cells.py: the one CSV writer)."""
    names = [col.name for col in table.columns]
    return write_csv(names, ([row[name] for name in names] for row in table.rows))


def resource(table: Table) -> dict[str, Any]:
    """The Data Package resource describing one table."""
    schema: dict[str, Any] = {
        "fields": [
            {
                "name": col.name,
                "type": col.type,
                "description": col.description,
                **({"format": "default"} if col.type == "date" else {}),
            }
            for col in table.columns
        ],
        "primaryKey": table.primary_key,
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": column, "reference": {"resource": target, "fields": "id"}}
            for column, target in table.foreign_keys
        ]
    return {
        "name": table.name.replace("_", "-"),
        "title": table.title,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def descriptor(tables: list[Table]) -> dict[str, Any]:
    """The datapackage.json descriptor; foreign keys name resources by their package name."""
    resources = [resource(t) for t in tables]
    for res in resources:
        for fk in res["schema"].get("foreignKeys", []):
            fk["reference"]["resource"] = fk["reference"]["resource"].replace("_", "-")
    return {
        "profile": "tabular-data-package",
        "name": "minutebook",
        "title": "Minutebook: decisions, meetings and members of public boards",
        "description": "Every record on the site, one CSV per record kind. Cells that a spreadsheet "
        "would read as a formula start with an apostrophe.",
        "resources": resources,
    }


def package_files(site: Site) -> dict[str, Output]:
    """Every CSV, the descriptor and the zip of the package."""
    tables = all_tables(site)
    files: dict[str, Output] = {}
    for table in tables:
        path = urls.csv_url(table.name)
        names = [col.name for col in table.columns]
        files[path] = serialised(path, (names, table.rows), partial(table_csv, table))
    files[urls.datapackage_url()] = (json.dumps(descriptor(tables), indent=2, ensure_ascii=False) + "\n").encode()
    members = {path: files[path] for path in sorted(files)}
    digests = [(path, digest_of(data)) for path, data in members.items()]
    files[urls.data_zip_url()] = serialised(urls.data_zip_url(), digests, partial(package_zip, members))
    return files


def digest_of(data: Output) -> str:
    """The SHA-256 of a file's bytes, known or computed."""
    return data.digest if isinstance(data, Unchanged) else hashlib.sha256(data).hexdigest()


def package_zip(members: dict[str, Output]) -> bytes:
    """The zip of the package's files (a fixed time on every member, so its bytes depend on theirs)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in members.items():
            info = zipfile.ZipInfo("minutebook-data/" + path.removeprefix(urls.DATA), ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data_of(path, data))
    return buffer.getvalue()
