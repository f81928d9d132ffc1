"""Templates are compiled once per process, one entry per template, and an edited template is compiled again."""

from __future__ import annotations

import jinja2

from generator import build
from generator.render import COMPILED, CompiledTemplates
from generator.render.env import TEMPLATES
from tests.conftest import FIXTURE, TODAY


def test_the_cache_holds_one_entry_per_template() -> None:
    _, site = build.check(FIXTURE)
    assert site is not None
    first = build.generate(site, build.Settings(TODAY))
    size = len(COMPILED.code)
    assert build.generate(site, build.Settings(TODAY)) == first
    assert len(COMPILED.code) == size <= len(list(TEMPLATES.glob("*.j2")))


def test_an_edited_template_is_compiled_again() -> None:
    cache = CompiledTemplates()
    sources = {"page.j2": "old {{ x }}"}
    env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
    assert env.get_template("page.j2").render(x=1) == "old 1"
    sources["page.j2"] = "new {{ x }}"
    fresh = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
    assert fresh.get_template("page.j2").render(x=1) == "new 1"
    assert len(cache.code) == 1
