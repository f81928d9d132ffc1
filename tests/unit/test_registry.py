"""The registry of record kinds: every kind is complete in every stage, and its facts hold together."""

from __future__ import annotations

import pathspec
import pytest
import yaml

import generator.exports
import generator.render  # noqa: F401  (registers the page handlers)
from generator import skeleton, urls
from generator.exports.tables import EXPORTS
from generator.records.common import TopLevel
from generator.records.registry import KIND, KINDS, Handlers, Kind, MissingHandlerError
from generator.render.pages import PAGES
from generator.site.checks import CHECKS
from generator.site.history.units import UNITS
from tests.conftest import ROOT

STAGES: list[Handlers] = [urls.PAGE_URLS, CHECKS, PAGES, EXPORTS, skeleton.SKELETONS, UNITS]


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.stage)
def test_every_kind_has_a_handler_in_every_stage(stage: Handlers) -> None:
    assert stage.missing() == []
    for kind in KINDS:
        stage.of(kind)


def test_a_kind_without_a_fitting_handler_is_named() -> None:
    """A kind with a parent, no template and no specific handlers has no page and no skeleton."""
    stray = Kind("stray-things", "stray-thing", "stray things", TopLevel, "id", parent="boards", parent_field="id")
    assert PAGES.missing((stray,)) == ["stray-things"]
    assert skeleton.SKELETONS.missing((stray,)) == ["stray-things"]
    assert EXPORTS.missing((stray,)) == [] and urls.PAGE_URLS.missing((stray,)) == []
    with pytest.raises(MissingHandlerError, match="render: kind 'stray-things' has no handler"):
        PAGES.of(stray)


def test_specific_handlers_belong_to_registered_kinds() -> None:
    with pytest.raises(MissingHandlerError, match="'venues' is not a registered kind"):
        Handlers("test", lambda kind: None).register("venues", object())


def test_kind_facts_hold_together() -> None:
    assert len({k.name for k in KINDS}) == len({k.singular for k in KINDS}) == len(KINDS)
    rows = [k.rows.name for k in KINDS if k.rows]
    assert len(set(rows)) == len(rows)
    for kind in KINDS:
        assert kind.title_field in kind.model.model_fields, kind.name
        assert kind.parent is None or (kind.parent in KIND and kind.parent_field in kind.model.model_fields)
        assert kind.former_ids and kind.withdrawals  # every kind today; the flags follow the model's fields
        assert (ROOT / "generator" / "render" / "templates" / PAGES.of(kind).template).is_file()


def test_places_say_where_records_live() -> None:
    assert [k.place for k in KINDS] == [
        "data/organisations/<id>.yml",
        "data/boards/<id>.yml",
        "data/people/<id>.yml",
        "data/documents/<id>.yml",
        "data/meetings/<board-id>/<yyyy-mm-dd>.yml",
        "data/strategies/<id>.yml",
        "data/indicators/<id>.yml",
        "data/plans/<id>.yml",
        "data/work-programmes/<id>.yml",
    ]


def not_in_nav() -> pathspec.GitIgnoreSpec:
    """mkdocs.yml's not_in_nav, read as MkDocs reads it."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return pathspec.GitIgnoreSpec.from_lines(config["not_in_nav"].splitlines())


def test_record_pages_of_every_kind_stay_out_of_the_nav_without_listing_them() -> None:
    spec = not_in_nav()
    for kind in [*KINDS, Kind("venues", "venue", "venues", TopLevel, "id")]:
        page = urls.page_path(f"{kind.name}/x/")
        assert spec.match_file(page), page
    assert not spec.match_file("guide/publishing.md")  # a hand-written page missing from the nav is reported
    assert not spec.match_file("about.md")


def test_every_hand_written_page_outside_guide_is_in_the_nav() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = str(config["nav"])
    for page in (ROOT / "content").glob("*.md"):
        assert page.name in nav or not_in_nav().match_file(page.name), page.name
