"""Organisations: their rules, their pages, their exports; and the shared parts BodyRef and DatedText."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator import build
from generator.exports.popolo import popolo
from generator.records.common import BodyRef, DatedText
from generator.render import render_site
from generator.site.graph import Site
from tests.conftest import FIXTURE, TODAY, check_lines, make_dataset

SITE_URL = "https://minutebook.example.org/"


def fixture_site() -> Site:
    report, site = build.check(FIXTURE)
    assert site is not None, report.lines()
    return site


def page(pages: dict[str, str], path: str) -> str:
    """A generated page's body, without its front matter."""
    return pages[path].split("\n---\n", 1)[-1]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(fixture_site(), TODAY, "Minutebook", SITE_URL)


def test_a_body_names_exactly_one_thing() -> None:
    assert BodyRef.model_validate({"organisation_id": "riverton-ccg"}).kind == "organisations"
    assert BodyRef.model_validate({"name": "Riverton Carers Centre"}).ref is None
    with pytest.raises(ValidationError, match="give one of organisation_id, board_id, person_id or name"):
        BodyRef.model_validate({})
    with pytest.raises(ValidationError, match=r"give only one of .* \(found organisation_id too\)"):
        BodyRef.model_validate({"organisation_id": "a", "board_id": "b"})


def test_dated_text_keeps_its_date() -> None:
    text = DatedText.model_validate({"text": "Open to the public.", "date": "2014-11-19"})
    assert text.date == date(2014, 11, 19)
    assert DatedText.model_validate({"text": "Undated."}).date is None


ORG = "organisations/riverton-city-council-cabinet.yml"
CCG = "organisations/riverton-ccg.yml"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {ORG: "id: riverton-city-council-cabinet\nname: Cabinet\nparent_id: riverton-city-councl\n"},
            [
                f"{ORG}:3: parent_id: unknown organisation 'riverton-city-councl' "
                "(did you mean 'riverton-city-council'?)"
            ],
        ),
        (
            {ORG: "id: riverton-city-council-cabinet\nname: Cabinet\nparent_id: riverton-city-council-cabinet\n"},
            [f"{ORG}:3: parent_id: an organisation cannot be its own parent"],
        ),
        (
            {ORG: "id: riverton-city-council-cabinet\nname: Cabinet\nkind: cabinet\n"},
            [
                f"{ORG}:3: kind: 'cabinet' is not one of: council, council-executive, nhs-trust, nhs-foundation-trust, "
                "clinical-commissioning-group, integrated-care-board, nhs-england, government-agency, "
                "government-department, regulator, healthwatch, police, fire, voluntary, university, company, "
                "partnership, other"
            ],
        ),
        (
            {"organisations/riverton-icb.yml": "id: riverton-icb\nname: ICB\npredecessor_ids: [riverton-ccg]\n"},
            [
                f"{CCG}:10: successor_ids[0]: 'riverton-icb' already lists 'riverton-ccg' in its predecessor_ids "
                "(record the link on one side only; the other page shows it)"
            ],
        ),
        (
            {
                ORG: "id: riverton-city-council-cabinet\nname: Cabinet\nparent_id: riverton-icb\n",
                "organisations/riverton-icb.yml": "id: riverton-icb\nname: ICB\nparent_id: riverton-city-council-cabinet\n",
            },
            [
                f"{ORG}:3: parent_id: parents go round in a circle: "
                "riverton-city-council-cabinet -> riverton-icb -> riverton-city-council-cabinet"
            ],
        ),
        (
            {
                ORG: "id: riverton-city-council-cabinet\nname: Cabinet\nnames:\n  - name: Old\n    start: 2020-01-01\n"
                "    end: 2019-01-01\n"
            },
            [f"{ORG}:6: names[0].end: 2019-01-01 is before start 2020-01-01"],
        ),
        (
            {
                "boards/riverton-sab.yml": "id: riverton-sab\nname: SAB\nshort_name: SAB\nkind: committee\n"
                "authority: X\norganisation_id: riverton-council\n"
            },
            [
                "boards/riverton-sab.yml:6: organisation_id: unknown organisation 'riverton-council' "
                "(did you mean 'riverton-city-council'?)"
            ],
        ),
    ],
    ids=["unknown_parent", "own_parent", "unknown_kind", "both_sides", "parent_loop", "name_dates", "board_org"],
)
def test_organisation_rules(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    lines = check_lines(make_dataset(tmp_path, files))
    assert [line for line in lines if not line.startswith("error:")] == expected


def test_the_organisation_page_shows_its_kind_relations_and_boards(pages: dict[str, str]) -> None:
    council = page(pages, "organisations/riverton-city-council.md")
    assert '<h1 id="title">Riverton City Council</h1>' in council
    assert "<dd>Council</dd>" in council
    assert (
        'Includes <a href="../../organisations/riverton-city-council-cabinet/">Cabinet (Riverton City Council)</a>'
        in council
    )
    assert '<a href="../../boards/riverton-hwb/">Riverton Health and Wellbeing Board</a>' in council
    assert "Also written in the papers as: RCC." in council
    ccg = page(pages, "organisations/riverton-ccg.md")
    assert '<h2 id="former-names">Former names</h2>' in ccg
    assert "NHS Riverton North Clinical Commissioning Group (Riverton North CCG): 1 Apr 2013 to 31 Mar 2018" in ccg
    assert (
        'Replaced by <a href="../../organisations/riverton-icb/">NHS Riverton and District Integrated Care Board</a>'
        in ccg
    )
    assert "No board on record belongs to NHS Riverton Clinical Commissioning Group." in ccg
    icb = page(pages, "organisations/riverton-icb.md")
    assert (
        'Took over from <a href="../../organisations/riverton-ccg/">NHS Riverton Clinical Commissioning Group</a>'
        in icb
    )
    assert "<dt>Established</dt>\n<dd>1 July 2022</dd>" in icb


def test_an_organisation_of_unknown_kind_says_so(tmp_path: Path) -> None:
    data = make_dataset(tmp_path, {ORG: "id: riverton-city-council-cabinet\nname: Cabinet\n"})
    report, site = build.check(data)
    assert site is not None, report.lines()
    text = page(render_site(site, TODAY, "Minutebook", SITE_URL), "organisations/riverton-city-council-cabinet.md")
    assert "<dt>Kind</dt>\n<dd>Kind not recorded</dd>" in text


def test_the_index_lists_organisations_by_the_name_readers_see(pages: dict[str, str]) -> None:
    index = page(pages, "organisations/index.md")
    rows = [line for line in index.splitlines() if line.startswith('<th scope="row">')]
    assert [row.split('">', 2)[2].split("</a>")[0] for row in rows] == [
        "Cabinet (Riverton City Council)",
        "NHS Riverton and District Integrated Care Board",
        "NHS Riverton Clinical Commissioning Group",
        "Riverton City Council",
    ]


def test_popolo_carries_organisations_with_their_classification() -> None:
    found = {o["id"]: o for o in popolo(fixture_site(), SITE_URL)["organizations"]}
    cabinet = found["organisations/riverton-city-council-cabinet"]
    assert cabinet["classification"] == "council-executive"
    assert cabinet["parent_id"] == "organisations/riverton-city-council"
    ccg = found["organisations/riverton-ccg"]
    assert ccg["dissolution_date"] == "2022-06-30"
    assert ccg["other_names"][0] == {
        "name": "NHS Riverton North Clinical Commissioning Group",
        "start_date": "2013-04-01",
        "end_date": "2018-03-31",
    }
    assert found["riverton-hwb"]["parent_id"] == "organisations/riverton-city-council"
    assert found["riverton-sab"]["parent_id"] == "riverton-hwb"  # no organisation: the board it reports to
