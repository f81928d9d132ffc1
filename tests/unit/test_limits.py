"""Limits: the longest ids and minute numbers make paths every common file system accepts; the reference lists them."""

from __future__ import annotations

from pathlib import Path

from generator import build, urls
from generator.records.fields import MAX_ID, MAX_MEETING_ID, MAX_MINUTE, MAX_SUFFIX
from generator.records.meeting import Item, Meeting
from generator.render.reference import LIMITS, reference_html
from generator.render.reference_fields import field_docs
from tests.conftest import TODAY, check_lines, make_dataset

BOARD = "b" * MAX_ID
MEETING = "2024-01-01-" + "m" * (MAX_MEETING_ID - len("2024-01-01-"))
PERSON = "p" * MAX_ID
LONGEST = {
    f"boards/{BOARD}.yml": f"id: {BOARD}\nname: Long\nshort_name: L\nkind: committee\nauthority: A\n"
    f"memberships:\n  - person_id: {PERSON}\n",
    f"people/{PERSON}.yml": f"id: {PERSON}\nname: Long Person\n",
    f"meetings/{BOARD}/{MEETING}.yml": f"id: {MEETING}\nboard_id: {BOARD}\ndate: 2024-01-01\nstatus: held\n"
    f'items:\n  - minute: "{"9" * MAX_MINUTE}"\n    title: T\n    resolutions:\n'
    f"      - parts: [{{text: x}}]\n        outcome: noted\n        suffix: {'s' * MAX_SUFFIX}\n",
}


def site_path(rel: str) -> str:
    """Where the generated file ``rel`` (relative to docs) ends up inside site/."""
    return urls.url_of_path(rel).lstrip("/") + "index.html" if rel.endswith(".md") else rel


def test_longest_allowed_values_make_paths_within_the_documented_budget(tmp_path: Path) -> None:
    """Records with every id and minute number at its limit build, and no path or name exceeds the budget."""
    data = make_dataset(tmp_path, LONGEST)
    assert check_lines(data) == []
    _, site = build.check(data)
    assert site is not None
    paths = [rel for rel, _ in build.generate(site, build.Settings(TODAY))]
    assert max(len(site_path(rel)) for rel in paths) == urls.LONGEST_PATH
    assert max(len(rel) for rel in paths) <= urls.LONGEST_PATH
    assert max(len(part.encode()) for rel in paths for part in site_path(rel).split("/")) == urls.LONGEST_NAME
    docs = tmp_path / "docs"
    report, result = build.build(data, docs, build.Settings(TODAY))
    assert result is not None and not report.errors


def test_reference_page_lists_every_limit() -> None:
    """Each limit appears on the data-format reference with its number, so staff can look it up."""
    html = reference_html()
    assert '<h2 id="limits">Limits</h2>' in html
    for what, limit, _ in LIMITS:
        assert f"<td>{what}</td><td>{limit}</td>" in html


def test_types_on_the_reference_show_limits_for_required_fields_too() -> None:
    """A required field's type keeps its name and limit (pydantic moves them out of its annotation)."""
    types = {doc.name: doc.type for doc in field_docs(Meeting)}
    assert types["date"] == "date, YYYY-MM-DD"
    assert types["id"] == "id: lowercase letters, digits and hyphens, at most 40 characters"
    assert types["status"] == "one of the values below"
    assert {doc.name: doc.type for doc in field_docs(Item)}["title"] == "text, at most 1,000 characters"
