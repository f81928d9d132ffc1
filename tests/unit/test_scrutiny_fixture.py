"""The scrutiny fixture (tests/fixtures/scrutiny): every fact of its follow-up records appears on its page.

A walker visits every field of each recommendation, referral, declaration, plan and work programme
and says what its page must show for it: record text escaped as literal text, dates in words,
choices as their words, references as links. A field the walker does not know fails the test, so
a new field must be shown somewhere (or explicitly said not to be).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from markupsafe import escape
from pydantic import BaseModel

from generator import build, urls
from generator.records.common import BodyRef, Note, Source
from generator.records.fields import slug
from generator.records.plan import PlanGroup
from generator.records.registry import kind_of_singular
from generator.records.tracker import ACTION_STATUS, Action
from generator.records.work_programme import PlannedItem
from generator.render.env import DECLARATION_KINDS, OUTCOME_WORDS, PLAN_KINDS, REFERRAL_KINDS, format_month
from generator.site import followup
from generator.site.graph import Site
from generator.site.organisations import label
from tests.conftest import ROOT, TODAY

SCRUTINY = ROOT / "tests" / "fixtures" / "scrutiny"
BOARD = "westmoor-hosc"


@pytest.fixture(scope="module")
def generated() -> tuple[Site, dict[str, str]]:
    """The scrutiny fixture checked and generated (Markdown pages by path)."""
    report, site = build.check(SCRUTINY)
    assert site is not None, report.lines()
    assert report.lines() == [] or all("warning" not in line for line in report.lines()), report.lines()
    files = build.generate(site, build.Settings(TODAY))
    return site, {rel: text for rel, text in files if isinstance(text, str)}


def page(files: dict[str, str], url: str) -> str:
    """The Markdown of the page at ``url``."""
    return files[urls.page_path(url)]


def day(value: date) -> str:
    """A date as pages write it."""
    return f"{value.day} {value:%B %Y}"


CHOICES = {
    "outcome": {**OUTCOME_WORDS},
    "status": {k: k.replace("-", " ") for k in ACTION_STATUS},
    "kind": {**PLAN_KINDS, **REFERRAL_KINDS, **DECLARATION_KINDS},
}
# Fields whose value is an id shown as an anchor or link rather than as text.
ANCHORS = {"group", "parent", "action_ids"}
PREFIX = {Action: "action-", PlannedItem: "planned-", PlanGroup: "group-"}


def shown(site: Site, model: BaseModel, where: str = "") -> Iterator[tuple[str, str]]:
    """(field path, text its page must hold) for every value of ``model``."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{where}.{name}" if where else name
        if value is None or value == [] or name in ("former_ids", "moved_from", "withdrawn"):
            continue
        if name == "id":  # a record's id is in its address; a part's names its anchor
            if type(model) in PREFIX:
                yield path, f'id="{PREFIX[type(model)]}{slug(value) if type(model) is PlanGroup else value}"'
            continue
        yield from _value(site, name, value, path)


def _value(site: Site, name: str, value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, list):
        for i, each in enumerate(value):
            yield from _value(site, name, each, f"{path}[{i}]")
    elif isinstance(value, BodyRef):
        yield path, _body(site, value)
    elif isinstance(value, Source):
        yield path, str(escape(site.documents[value.document_id].title))
    elif isinstance(value, Note):
        yield path, str(escape(value.text))
    elif isinstance(value, BaseModel):
        yield from shown(site, value, path)
    elif isinstance(value, date):
        yield path, day(value)
    elif name == "target_month":
        yield path, format_month(value)
    elif name in CHOICES and value in CHOICES[name]:
        yield path, str(escape(CHOICES[name][value]))
    elif name in ANCHORS:
        yield path, value if name == "action_ids" else f'id="{_anchor(name, value)}"'
    elif name.endswith("_id") or name.endswith("_ids"):
        yield path, _link(site, name, value)
    elif name == "meeting":  # a meeting named by <board>/<date> or by its date alone
        key = value if "/" in value else f"{BOARD}/{value}"
        yield path, urls.meeting_url(*key.split("/"))
    elif isinstance(value, str):
        yield path, str(escape(value))
    else:
        raise AssertionError(f"{path}: the test does not know how {type(value).__name__} is shown")


def _anchor(name: str, value: str) -> str:
    return "group-" + slug(value)  # a group, or a group's parent


def _body(site: Site, ref: BodyRef) -> str:
    if ref.organisation_id:
        return str(escape(label(site, site.organisations[ref.organisation_id])))
    if ref.board_id:
        return str(escape(site.boards[ref.board_id].name))
    if ref.person_id:
        return str(escape(site.people[ref.person_id].name))
    return str(escape(ref.name or ""))


def _link(site: Site, name: str, value: str) -> str:
    stem = name.removesuffix("_ids").removesuffix("_id").removeprefix("from_").removeprefix("subject_")
    kind = kind_of_singular(stem)
    assert kind is not None, name
    return urls.page_url(kind.name, value)


def missing(site: Site, text: str, model: BaseModel, skip: tuple[str, ...] = ()) -> list[str]:
    """The fields of ``model`` whose expected text is not in ``text``."""
    return [f"{path}: {want!r}" for path, want in shown(site, model) if want not in text and not path.startswith(skip)]


def test_the_fixture_covers_what_the_issue_asks(generated: tuple[Site, dict[str, str]]) -> None:
    site, _ = generated
    made = list(site.recommendations.values())
    states = {followup.response_state(m, TODAY).code for m in made}
    assert {"responded", "overdue", "awaiting"} <= states
    assert len({b.ref for m in made for b in m.rec.to}) >= 3
    assert any(m.rec.report_received for m in made)
    kinds = [
        (f.kind, f.to.ref if f.to else None) for mt in site.meetings.values() for it in mt.items for f in it.referrals
    ]
    assert ("referral", "westmoor-cabinet") in kinds and any(k == "call-in" for k, _ in kinds)
    statuses = [e for t in site.actions for e in t.action.status_history]
    assert any(e.printed and e.rag for e in statuses)
    assert any(not p.received_at for p in site.plans.values())
    assert any(p.heard for p in followup.planned(site))


def test_every_fact_of_each_recommendation_is_on_its_page(generated: tuple[Site, dict[str, str]]) -> None:
    site, files = generated
    problems = []
    for made in site.recommendations.values():
        text = page(files, made.url)
        problems += [f"{made.key}: {p}" for p in missing(site, text, made.rec)]
        problems += [f"{made.key}: state" for s in [followup.response_state(made, TODAY)] if escape(s.text) not in text]
    assert problems == []


def test_every_fact_of_each_referral_and_declaration_is_on_its_meeting_page(
    generated: tuple[Site, dict[str, str]],
) -> None:
    site, files = generated
    problems = []
    for meeting in site.meetings.values():
        text = page(files, urls.meeting_url(meeting.board_id, meeting.id))
        for item in meeting.items:
            for referral in item.referrals:
                problems += missing(site, text, referral)
        for declaration in meeting.declarations:
            problems += missing(site, text, declaration, skip=("item",))  # the item is a number, shown as such
    assert problems == []


def test_every_fact_of_each_plan_is_on_its_page(generated: tuple[Site, dict[str, str]]) -> None:
    site, files = generated
    problems = []
    for plan in site.plans.values():
        text = page(files, urls.page_url("plans", plan.id))
        problems += [f"{plan.id}: {p}" for p in missing(site, text, plan, skip=("url",))]
    assert problems == []


def test_every_fact_of_the_work_programme_is_on_its_page(generated: tuple[Site, dict[str, str]]) -> None:
    site, files = generated
    problems = []
    for programme in site.work_programmes.values():
        text = page(files, urls.page_url("work-programmes", programme.id))
        problems += [f"{programme.id}: {p}" for p in missing(site, text, programme)]
    assert problems == []


def test_response_states_read_as_the_dates_say(generated: tuple[Site, dict[str, str]]) -> None:
    _, files = generated
    key = f"{BOARD}/2026-03-12/3-26"
    assert "Response on record (accepted, 2 April 2026)" in page(files, urls.recommendation_url(f"{key}/a"))
    overdue = page(files, urls.recommendation_url(f"{key}/b"))
    assert "Response overdue: it was due by 9 April 2026; none on record." in overdue
    assert "No response on record." in overdue and "No progress update on record." in overdue
    awaiting = page(files, urls.recommendation_url(f"{BOARD}/2026-11-12/14-26/1"))
    assert "Response requested (due “within two months”); none on record yet." in awaiting
    assert "Report received</dt>\n<dd>not recorded" in awaiting


def test_the_open_index_lists_only_open_recommendations(generated: tuple[Site, dict[str, str]]) -> None:
    _, files = generated
    text = page(files, urls.index_url("recommendations"))
    assert "2 open recommendations of 3 on record" in text
    assert "3-26/b/" in text and "14-26/1/" in text and "3-26/a/" not in text


def test_the_board_and_home_pages_show_what_is_coming(generated: tuple[Site, dict[str, str]]) -> None:
    _, files = generated
    board = page(files, urls.board_url(BOARD))
    coming = board[board.index('id="coming-up"') : board.index('id="decisions"')]
    assert "Access to NHS dentistry" in coming and "Winter plan review" in coming and "March 2027" in coming
    assert "Mental health crisis services" not in coming  # heard on 18 June 2026
    assert "Ambulance handover delays" not in coming  # no date: on the work programme's page only
    home = page(files, urls.index_url("home"))
    assert "Access to NHS dentistry" in home[home.index('id="upcoming"') : home.index('id="latest-decisions"')]
    upcoming = page(files, urls.meeting_url(BOARD, "2027-01-14"))
    assert "Planned for this meeting" in upcoming and "Access to NHS dentistry" in upcoming


def test_the_heard_item_links_back_to_the_work_programme(generated: tuple[Site, dict[str, str]]) -> None:
    _, files = generated
    heard = page(files, urls.meeting_url(BOARD, "2026-06-18"))
    assert "Taken up from the work programme" in heard
    assert "work-programmes/westmoor-hosc-2026-27/#planned-mental-health-crisis" in heard


def test_a_plan_put_to_a_meeting_is_linked_and_its_actions_stay_the_plans(
    generated: tuple[Site, dict[str, str]],
) -> None:
    site, files = generated
    meeting = page(files, urls.meeting_url(BOARD, "2026-06-18"))
    assert "plans/westmoor-hosc-tracker-2026/" in meeting and 'id="action-t1"' not in meeting
    outside = page(files, urls.page_url("plans", "westmoor-hospitals-urgent-care-plan"))
    assert "Put to</dt>\n<dd>no meeting on record" in outside
    assert {t.origin for t in site.actions if t.plan} == {"plan"}


def test_the_organisation_page_lists_what_was_asked_of_it(generated: tuple[Site, dict[str, str]]) -> None:
    _, files = generated
    icb = page(files, urls.page_url("organisations", "westmoor-icb"))
    assert "Recommendations made to it" in icb and "Response overdue" in icb
    cabinet = page(files, urls.page_url("organisations", "westmoor-cabinet"))
    assert "Referral" in cabinet and "Call-in" in cabinet and "Recommendations made to it" in cabinet
