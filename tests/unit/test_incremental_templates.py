"""The incremental MkDocs step's theme templates (404.html, sitemap.xml): rendered once, then reused.

This project's sitemap.xml template renders empty (the generator writes the sitemap), and rendering it
means making a Page of every page: a cached build with nothing new must not do it again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.output import store
from generator.publish import incremental

CONFIG = "site_name: T\nsite_url: https://example.org/\nnav: [index.md]\nplugins: []\ntheme:\n  name: mkdocs\n  custom_dir: overrides\n"


def project(tmp_path: Path, sitemap: str | None) -> Path:
    """A two-page MkDocs project; ``sitemap``: the text of an overriding sitemap.xml template, if any."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "docs" / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    if sitemap is not None:
        (tmp_path / "overrides" / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def build(root: Path, out: str, fresh: str) -> incremental.Built:
    """One incremental build from ``out`` into ``fresh``; its state saved as publish_cached saves it."""
    status, built = incremental.build(root / "mkdocs.yml", root / out, root / fresh, root / "cache", "v1")
    assert status == 0
    store.save(incremental.state_path(root / "cache"), built.key, built.state)
    return built


def test_a_template_that_rendered_empty_is_not_rendered_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, "{#- the generator writes the sitemap -#}\n")
    build(root, "site0", "site1")
    assert not (root / "site1" / "sitemap.xml").exists()  # empty: MkDocs writes nothing
    assert (root / "site1" / "404.html").is_file()

    def every_page(*args: object) -> None:
        raise AssertionError("the sitemap template was rendered again")

    monkeypatch.setattr(incremental, "_every_page", every_page)
    built = build(root, "site1", "site2")
    assert not (root / "site2" / "sitemap.xml").exists()
    assert (root / "site2" / "404.html").read_bytes() == (root / "site1" / "404.html").read_bytes()
    assert (root / "site2" / "404.html").stat().st_ino == (root / "site1" / "404.html").stat().st_ino  # linked
    assert built.full == ""


def test_a_written_sitemap_and_its_gz_are_linked_then_rendered_when_the_pages_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, None)  # MkDocs' own sitemap.xml, with its .gz
    build(root, "site0", "site1")
    made = {name: (root / "site1" / name).read_bytes() for name in ("sitemap.xml", "sitemap.xml.gz")}
    calls: list[int] = []
    real = incremental._every_page

    def counted(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "_every_page", counted)
    build(root, "site1", "site2")
    assert calls == []
    for name, body in made.items():
        assert (root / "site2" / name).read_bytes() == body
        assert (root / "site2" / name).stat().st_ino == (root / "site1" / name).stat().st_ino
    (root / "docs" / "b.md").write_text("# B\n", encoding="utf-8")  # a new page: the sitemap lists it
    build(root, "site2", "site3")
    assert calls == [1]
    assert b"/b/" in (root / "site3" / "sitemap.xml").read_bytes()
    assert (root / "site3" / "sitemap.xml.gz").stat().st_ino != (root / "site2" / "sitemap.xml.gz").stat().st_ino
