"""A JSON twin of every record page, at urls.json_url(page), built from the export tables."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

from generator import urls
from generator.exports.tables import Table, all_tables
from generator.site.graph import Site

# table -> [(key in the JSON, child table, column in the child that refers to the parent)]
CHILDREN: dict[str, list[tuple[str, str, str]]] = {
    "boards": [("memberships", "memberships", "board_id"), ("meetings", "meetings", "board_id")],
    "people": [("memberships", "memberships", "person_id"), ("attendance", "attendance", "person_id")],
    "meetings": [
        ("attendance", "attendance", "meeting_id"),
        ("agenda_items", "agenda_items", "meeting_id"),
        ("resolutions", "resolutions", "meeting_id"),
        ("actions", "actions", "meeting_id"),
    ],
    "resolutions": [],
    "strategies": [("priorities", "priorities", "strategy_id")],
    "indicators": [("values", "indicator_values", "indicator_id")],
}


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


def _children(tables: dict[str, Table]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    index: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    links = sorted({(child, column) for specs in CHILDREN.values() for _, child, column in specs})
    for child, column in links:
        for row in tables[child].rows:
            index[(child, column, str(row[column]))].append(row)
    return index


def record_json_files(site: Site, site_url: str) -> dict[str, bytes]:
    """One JSON file per record page, beside it."""
    tables = {t.name: t for t in all_tables(site)}
    index = _children(tables)
    files: dict[str, bytes] = {}
    for name, specs in CHILDREN.items():
        for row in tables[name].rows:
            data = _row(row, site_url)
            data["kind"] = name
            if row.get("withdrawn") is None:
                for key, child, column in specs:
                    data[key] = [_row(r, site_url) for r in index.get((child, column, row["id"]), [])]
            files[urls.json_url(row["url"])] = dump(data)
    for doc in sorted(site.documents.values(), key=lambda d: d.id):
        page = urls.document_url(doc.id)
        data = {
            "id": doc.id,
            "kind": "documents",
            "title": doc.title,
            "document_kind": doc.kind,
            "meeting_id": doc.meeting_id,
            "published": plain(doc.published),
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
