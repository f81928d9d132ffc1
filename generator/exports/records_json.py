"""A JSON twin of every record page, at urls.json_url(page), built from the export tables (tables.py says which)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

from generator import urls
from generator.exports.tables import EXPORTS, Table, TableMaker, all_tables, table_makers
from generator.records.registry import KINDS
from generator.site.graph import Site


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO text."""
    return value.isoformat() if isinstance(value, date) else value


def _row(row: dict[str, Any], site_url: str) -> dict[str, Any]:
    out = {k: plain(v) for k, v in row.items()}
    if out.get("url") is not None:
        out["url"] = site_url + out["url"]
    return out


def dump(data: Any) -> bytes:
    """Stable, readable JSON bytes."""
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def _children(tables: dict[str, Table], makers: list[TableMaker]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    index: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    links = sorted({(child, column) for maker in makers for _, child, column in maker.twins or ()})
    for child, column in links:
        for row in tables[child].rows:
            index[(child, column, str(row[column]))].append(row)
    return index


def record_json_files(site: Site, site_url: str) -> dict[str, bytes]:
    """One JSON file per record page, beside it: each twin table's rows, and what a kind makes otherwise."""
    makers = table_makers()
    tables = {t.name: t for t in all_tables(site)}
    index = _children(tables, makers)
    files: dict[str, bytes] = {}
    for maker in makers:
        if maker.twins is None:
            continue
        for row in tables[maker.name].rows:
            data = _row(row, site_url)
            data["kind"] = maker.name
            if row.get("withdrawn") is None:
                for key, child, column in maker.twins:
                    data[key] = [_row(r, site_url) for r in index.get((child, column, row["id"]), [])]
            files[urls.json_url(row["url"])] = dump(data)
    for kind in KINDS:
        extra = EXPORTS.of(kind).files
        if extra is not None:
            files.update(extra(site, site_url))
    return files


def document_twins(site: Site, site_url: str) -> dict[str, bytes]:
    """The JSON twin of every document page (documents have no table in the data package)."""
    files: dict[str, bytes] = {}
    for doc in sorted(site.documents.values(), key=lambda d: d.id):
        page = urls.document_url(doc.id)
        data = {
            "id": doc.id,
            "kind": "documents",
            "title": doc.title,
            "document_kind": doc.kind,
            "meeting_id": doc.meeting_id,
            "published": plain(doc.published),
            "dated": plain(doc.dated),
            "in_pack": doc.in_pack,
            "status": doc.status,
            "page_count": doc.page_count,
            "source_url": doc.url,
            "url": site_url + page,
        }
        if doc.withdrawn:
            data = {
                "id": doc.id,
                "kind": "documents",
                "title": doc.title,
                "url": site_url + page,
                "withdrawn": doc.withdrawn.date.isoformat(),
                "withdrawn_reason": doc.withdrawn.reason,
            }
        files[urls.json_url(page)] = dump(data)
    return files
