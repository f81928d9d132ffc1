"""Every module imports only from its own stage or the stages below it (the map is in CONTRIBUTING.md).

records (with urls) < ingest < site < render | exports (siblings: neither imports the other)
< output < publish < the top level (build.py, __main__.py, skeleton.py, preview.py, serve.py, serve_hook.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"
RANK = {"records": 1, "ingest": 2, "site": 3, "render": 4, "exports": 4, "output": 5, "publish": 6, "top": 7}
SIBLINGS = {frozenset({"render", "exports"})}


def stage_of(module: str) -> str:
    """The stage of a module named like 'generator.site.graph'."""
    parts = module.split(".")
    if parts[1:2] == ["urls"]:
        return "records"  # the one place that knows URLs sits with the records: it imports nothing else
    return parts[1] if len(parts) > 1 and parts[1] in RANK else "top"


def module_name(path: Path) -> str:
    """'generator/site/graph.py' -> 'generator.site.graph'."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every generator module that ``path`` imports, anywhere in it (functions too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("generator")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            # 'from generator import urls' and 'from generator.site import graph' import modules by name
            found += [
                (node.lineno, f"{node.module}.{alias.name}")
                for alias in node.names
                if _is_module(node.module, alias.name)
            ]
            found.append((node.lineno, node.module))
    return found


def _is_module(package: str, name: str) -> bool:
    base = ROOT.joinpath(*package.split("."))
    return (base / f"{name}.py").is_file() or (base / name / "__init__.py").is_file()


def crossing(importer: str, imported: str) -> str | None:
    """Why ``importer`` may not import ``imported``, or None when the import follows the grain."""
    mine, theirs = stage_of(importer), stage_of(imported)
    if imported == "generator" or mine == theirs:
        return None
    if frozenset({mine, theirs}) in SIBLINGS:
        return f"{mine} may not import {theirs}: they are siblings"
    if RANK[theirs] > RANK[mine]:
        return f"{mine} may not import {theirs}, a later stage"
    return None


def violations(root: Path = PACKAGE) -> list[str]:
    """Every import that crosses the grain, as 'path:line: importer imports imported (why)'."""
    found = []
    for path in sorted(root.rglob("*.py")):
        importer = module_name(path)
        for line, imported in imports(path):
            why = crossing(importer, imported)
            if why:
                found.append(f"{path.relative_to(ROOT)}:{line}: {importer} imports {imported} ({why})")
    return found


def test_no_module_imports_across_the_grain() -> None:
    assert violations() == []


def test_a_crossing_import_is_named(tmp_path: Path) -> None:
    """The check finds an export that imports render, a record module that imports a later stage, and allows the rest."""
    assert (
        crossing("generator.exports.feeds", "generator.render.markup")
        == "exports may not import render: they are siblings"
    )
    assert crossing("generator.records.fields", "generator.site.graph") == "records may not import site, a later stage"
    assert crossing("generator.urls", "generator.records.registry") is None
    assert crossing("generator.site.graph", "generator.urls") is None
    assert crossing("generator.build", "generator.publish.publish") is None
    assert crossing("generator.publish.shard", "generator.build") == "publish may not import top, a later stage"


def test_every_module_belongs_to_a_stage() -> None:
    """A new folder under generator/ must be given its place in the map (here and in CONTRIBUTING.md)."""
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders <= set(RANK)
