"""Adding a record kind takes four files: its model, its registry entry, its template and a fixture record.

The project is copied into a temporary tree, a throwaway kind ('venues') is added with
exactly those four files, and the site is built: the kind has its pages, its exports (a CSV in the
data package, a JSON twin of each page, a JSON Schema), its section on the data-format page and
its skeleton, with no other file touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, HAND_WRITTEN, ROOT, TODAY

pytestmark = pytest.mark.site

MODEL = '''"""Venues: data/venues/<id>.yml."""

from __future__ import annotations

from generator.records.common import F, TopLevel
from generator.records.fields import Ref, Text, Url


class Venue(TopLevel):
    """A place where boards meet: data/venues/<id>.yml."""

    name: Text = F("Name as published.", "Riverton Council House")
    sector: Text | None = F("Sector as printed.", "local government", default=None)
    website: Url | None = F("Its own website.", default=None)
    board_ids: list[Ref] = F("Boards that meet there.", ["riverton-hwb"], default=[])
'''
REGISTRY_IMPORT = "from generator.records.venue import Venue\n"
REGISTRY_ENTRY = '    Kind("venues", "venue", "venues", Venue, "name"),\n'
TEMPLATE = """{% import "macros.j2" as m with context %}
<div class="mb-page">
<h1>{{ record.name }}</h1>
<dl class="mb-facts">
{% if record.sector %}<dt>Sector</dt>
<dd>{{ record.sector }}</dd>{% endif %}
{% for board_id in record.board_ids %}<dt>Board</dt>
<dd><a href="{{ L.board(board_id) }}">{{ site.boards[board_id].name }}</a></dd>{% endfor %}
</dl>
{{ m.notes(record.notes) }}
</div>
"""
RECORD = """id: riverton-council
name: Riverton <Borough> Council
sector: local government
board_ids: [riverton-hwb]
"""


def add_kind(project: Path) -> list[Path]:
    """Add the throwaway kind's four files to a copy of the project; return them."""
    model = project / "generator/records/venue.py"
    model.write_text(MODEL, encoding="utf-8")
    registry = project / "generator/records/registry.py"
    text = registry.read_text(encoding="utf-8")
    text = text.replace(
        "from generator.records.person import Person\n",
        "from generator.records.person import Person\n" + REGISTRY_IMPORT,
    )
    marker = "\n)\nKIND: dict[str, Kind]"
    assert marker in text
    registry.write_text(text.replace(marker, "\n" + REGISTRY_ENTRY.rstrip("\n") + marker, 1), encoding="utf-8")
    template = project / "generator/render/templates/venue.j2"
    template.write_text(TEMPLATE, encoding="utf-8")
    record = project / "data/venues/riverton-council.yml"
    record.parent.mkdir(parents=True)
    record.write_text(RECORD, encoding="utf-8")
    return [model, registry, template, record]


def copy_project(tmp_path: Path) -> Path:
    """The generator, the site configuration, the hand-written pages and the fixture data, in a new tree."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(FIXTURE, project / "data")
    (project / "content").mkdir()
    for name in HAND_WRITTEN:
        source = ROOT / "content" / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / "content" / name)
    return project


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The copied project with the new kind, built into site/."""
    project = copy_project(tmp_path_factory.mktemp("new-kind"))
    git = [p.relative_to(project).as_posix() for p in add_kind(project)]
    assert git == [
        "generator/records/venue.py",
        "generator/records/registry.py",
        "generator/render/templates/venue.j2",
        "data/venues/riverton-council.yml",
    ]
    result = run(project, "site", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_the_new_kind_has_its_page(built: Path) -> None:
    page = (built / "site/venues/riverton-council/index.html").read_text(encoding="utf-8")
    assert "Riverton &lt;Borough&gt; Council" in page and "<Borough>" not in page
    assert "../../boards/riverton-hwb/" in page


def test_the_new_kind_has_its_exports(built: Path) -> None:
    package = json.loads((built / "site/data/datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "venues")
    columns = [f["name"] for f in resource["schema"]["fields"]]
    assert columns == ["id", "name", "sector", "website", "board_ids", "url", "withdrawn", "withdrawn_reason"]
    assert resource["schema"]["fields"][2]["description"] == "Sector as printed."
    table = (built / "site/data/venues.csv").read_text(encoding="utf-8")
    assert table.splitlines()[1].startswith(
        "riverton-council,Riverton <Borough> Council,local government,,riverton-hwb,"
    )
    twin = json.loads((built / "site/venues/riverton-council.json").read_text(encoding="utf-8"))
    assert twin["kind"] == "venues" and twin["board_ids"] == "riverton-hwb"
    schema = json.loads((built / "site/schemas/venue.schema.json").read_text(encoding="utf-8"))
    assert "board_ids" in schema["properties"]


def test_the_reference_page_describes_the_new_kind(built: Path) -> None:
    page = (built / "site/reference/data-format/index.html").read_text(encoding="utf-8")
    assert 'id="venue"' in page and "Venue: data/venues/&lt;id&gt;.yml" in page
    assert "Boards that meet there." in page


def test_the_new_kind_is_checked_and_has_a_skeleton(built: Path) -> None:
    (built / "data/venues/bad.yml").write_text(
        "id: bad\nname: Bad\nboard_ids: [riverton-hbw]\n", encoding="utf-8"
    )
    result = run(built, "check")
    assert (
        "data/venues/bad.yml:3: board_ids[0]: unknown board 'riverton-hbw' (did you mean 'riverton-hwb'?)"
        in result.stdout
    )
    (built / "data/venues/bad.yml").unlink()
    result = run(built, "new", "venue", "--id", "riverton-nhs")
    assert result.returncode == 0, result.stderr
    assert run(built, "check").returncode == 0
