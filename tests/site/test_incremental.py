"""A cached build (`site --cache`) gives the clean build's bytes after any series of edits, and never trusts a bad cache.

Each build runs in a fresh process, as in CI. The project folder holds its own copy of the
generator package, so a template can be changed as a developer would change it. After each step
the cached build's content/ and site/ are compared, byte for byte, with a clean build of the same
data and code in another folder. Search is the one planned difference: the cached site keeps its
main index and adds a delta index of the pages changed since (publish/search.py); the test checks
the delta holds exactly the changed pages and the main index's entries for them are hidden.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, ROOT, TODAY, make_project

pytestmark = pytest.mark.site
MEETING = "data/meetings/riverton-hwb/2024-03-14.yml"
SCRUTINY = ROOT / "tests" / "fixtures" / "scrutiny"  # the follow-up fixture: plans, recommendations, organisations


def project_with_code(tmp_path: Path, data: Path = FIXTURE) -> Path:
    """A project folder with the fixture ``data`` and its own copy of the generator and the pins."""
    project = make_project(tmp_path)
    shutil.copytree(data, project / "data")
    shutil.copytree(ROOT / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "requirements.txt", project / "requirements.txt")
    return project


def generator(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` with the project's own code, in the project."""
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", *args, "--today", TODAY.isoformat()]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)


def cached(project: Path) -> str:
    """A cached build of the project (fresh process); its report."""
    result = generator(project, "site", "--cache", "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def clean(project: Path, where: Path) -> Path:
    """A clean build of the same data, code and hand-written pages in ``where``; the project folder there."""
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    for name in ("data", "generator", "overrides", "mkdocs.yml", "requirements.txt", ".git"):
        source = project / name
        if not source.exists():  # .git: only a project whose records are committed (history on)
            continue
        (shutil.copytree if source.is_dir() else shutil.copy)(source, where / name)
    manifest = json.loads((project / "content" / ".minutebook-manifest.json").read_text(encoding="utf-8"))
    for path in (project / "content").rglob("*"):
        rel = path.relative_to(project / "content").as_posix()
        if path.is_file() and rel not in manifest and not rel.startswith("."):
            (where / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, where / "content" / rel)
    result = generator(where, "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return where


def tree(folder: Path, skip: str = "") -> dict[str, bytes]:
    """Every file under ``folder`` (but the lock and what starts with ``skip``) by relative path."""
    return {
        rel: path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and (rel := path.relative_to(folder).as_posix()) != ".minutebook.lock"
        and not (skip and rel.startswith(skip))
    }


def differences(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    """The paths whose bytes differ, or that only one side has."""
    return sorted(rel for rel in one.keys() | other.keys() if one.get(rel) != other.get(rel))


def assert_same_as_clean(project: Path, tmp_path: Path) -> None:
    """The cached build's docs folder and site equal a clean build's; its search finds each page once, as it is."""
    reference = clean(project, tmp_path / "clean")
    assert differences(tree(project / "content"), tree(reference / "content")) == []
    assert differences(tree(project / "site", "pagefind/"), tree(reference / "site", "pagefind/")) == []
    check_search(project / "site", reference / "site")


def fragments(bundle: Path) -> dict[str, dict[str, object]]:
    """The pages of a Pagefind index: id -> its fragment (url, content, meta)."""
    found = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        found[path.stem] = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
    return found


def check_search(site: Path, reference: Path) -> None:
    """Searching the main index minus its hidden entries, plus the delta, covers exactly the clean index's pages."""
    merge = json.loads((site / "pagefind" / "merge.json").read_text(encoding="utf-8"))
    pages = {i: f for i, f in fragments(site / "pagefind").items() if i not in merge["hidden"]}
    for extra in merge["indexes"]:
        pages.update(fragments(site / "pagefind" / extra))
    shown = sorted(found(f) for f in pages.values())
    wanted = sorted(found(f) for f in fragments(reference / "pagefind").values())
    assert shown == wanted
    if not merge["indexes"]:  # no delta: the whole search bundle is the clean build's, but for hashed names
        assert stable(tree(site / "pagefind")) == stable(tree(reference / "pagefind"))


def found(fragment: dict[str, object]) -> tuple[str, ...]:
    """What a search shows of a page: its address, text, filters (kind, boards, year) and metadata."""
    keys = ("url", "content", "filters", "meta")
    return tuple(json.dumps(fragment.get(key), sort_keys=True, ensure_ascii=False) for key in keys)


def stable(files: dict[str, bytes]) -> dict[str, object]:
    """A search bundle's files, those whose names Pagefind hashes afresh on every run (its filter and metadata
    indexes, pagefind/pagefind#638, and the entry file that names them) counted by kind, the rest by bytes."""
    unstable = [rel for rel in files if rel.startswith("filter/") or rel.endswith(".pf_meta")]
    kinds = sorted(rel.split("/")[0] if "/" in rel else rel.rsplit(".", 1)[-1] for rel in unstable)
    skip = {*unstable, "pagefind-entry.json"}
    return {"kinds": kinds, **{rel: data for rel, data in files.items() if rel not in skip}}


def replace_in(project: Path, rel: str, old: str, new: str) -> None:
    """Edit a data or code file as a person would."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def rename_person(project: Path, old: str, new: str) -> None:
    """Give a person a new id everywhere, keeping the old one as a former id (its pages redirect)."""
    for path in sorted((project / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")
    person = project / "data" / "people" / f"{new}.yml"
    (project / "data" / "people" / f"{old}.yml").rename(person)
    person.write_text(person.read_text(encoding="utf-8") + f"former_ids: [{old}]\n", encoding="utf-8")


def test_a_series_of_edits_gives_the_clean_build_byte_for_byte(tmp_path: Path) -> None:
    project = project_with_code(tmp_path)
    cached(project)
    assert_same_as_clean(project, tmp_path)
    report = cached(project)  # nothing changed: every unit and page reused
    assert "0 rendered" in report and "0 copied" in report
    assert_same_as_clean(project, tmp_path)
    replace_in(project, MEETING, "every six months", "every three months")  # a record's words
    report = cached(project)
    assert "0 pages in the delta" not in report
    assert "1 shared values reused" in report  # its decision cites an indicator: the states are not computed again
    assert_same_as_clean(project, tmp_path)
    replace_in(
        project, "data/indicators/riverton-smoking.csv", "2022,Riverton,E00000001,17.0", "2022,Riverton,E00000001,17.4"
    )
    assert "0 shared values reused" in cached(project)  # an indicator's value: the states are computed again
    assert_same_as_clean(project, tmp_path)
    person = "id: fay-new\nname: Fay New\nposts:\n  - title: Analyst\n    organisation: Riverton CCG\n"
    (project / "data" / "people" / "fay-new.yml").write_text(person, encoding="utf-8")  # a record added
    cached(project)
    assert_same_as_clean(project, tmp_path)
    rename_person(project, "eve-officer", "eve-clerk")  # a record renamed: redirects from the old pages
    cached(project)
    assert_same_as_clean(project, tmp_path)
    (project / "data" / "people" / "fay-new.yml").unlink()  # a record deleted
    cached(project)
    assert_same_as_clean(project, tmp_path)
    templates = project / "generator" / "render" / "templates"
    replace_in(project, "generator/render/templates/person.j2", "<h2", '<h2 class="mb-person-h"')  # a template
    assert (templates / "person.j2").read_text(encoding="utf-8").count("mb-person-h")
    assert "stale" in cached(project)
    assert_same_as_clean(project, tmp_path)
    (project / "overrides" / "main.html").write_text(
        (project / "overrides" / "main.html").read_text(encoding="utf-8") + "\n{# a theme change #}\n",
        encoding="utf-8",
    )
    assert "every page" in cached(project)  # the theme changed: every page is rendered again
    assert_same_as_clean(project, tmp_path)


def test_edits_to_an_organisation_a_plan_and_a_recommendation_give_the_clean_build(tmp_path: Path) -> None:
    """Follow-up pages read organisations, plans and recommendations through lookups the tracker replays."""
    project = project_with_code(tmp_path, SCRUTINY)
    cached(project)
    assert_same_as_clean(project, tmp_path)
    replace_in(  # an organisation's name: its page, the index, and every page that names an addressee or owner
        project,
        "data/organisations/westmoor-hospitals.yml",
        "name: Westmoor Hospitals NHS Trust",
        "name: Westmoor and Vale Hospitals NHS Trust",
    )
    report = cached(project)
    assert re.search(r"units reused, [1-9]\d* rendered \(0 volatile\)", report), report  # every read replayed
    assert_same_as_clean(project, tmp_path)
    replace_in(  # a plan's printed status: its page, the plans index, the meetings it was put to
        project, "data/plans/westmoor-hospitals-urgent-care-plan.yml", "printed_status: DRAFT", "printed_status: FINAL"
    )
    cached(project)
    assert_same_as_clean(project, tmp_path)
    replace_in(  # a recommendation's response: its page, its meeting, the addressee's page, the index and the feed
        project,
        "data/meetings/westmoor-hosc/2026-03-12.yml",
        "will publish waiting times on its website",
        "will publish waiting times on its own website",
    )
    cached(project)
    assert_same_as_clean(project, tmp_path)


def test_a_corrupted_cache_or_site_file_is_rebuilt_never_served(tmp_path: Path) -> None:
    project = project_with_code(tmp_path)
    cached(project)
    stores = sorted(path for path in (project / "cache").rglob("*") if path.is_file())
    assert stores, "the cached build kept no cache files"
    for path in stores:  # one byte flipped near the end of every cache file: the checksum no longer holds
        data = bytearray(path.read_bytes())
        data[-1] ^= 0xFF
        path.write_bytes(bytes(data))
    page = project / "site" / "people" / "eve-officer" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>tampered</p></body>"))  # a published file changed
    replace_in(project, MEETING, "every six months", "every three months")
    report = cached(project)
    assert "corrupted (its checksum does not match)" in report
    assert b"tampered" not in page.read_bytes()
    assert_same_as_clean(project, tmp_path)
