"""One case per rule of follow-up records: a single mistake in the scrutiny fixture, and its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, check_lines, make_dataset

SCRUTINY = ROOT / "tests" / "fixtures" / "scrutiny"
MARCH = "meetings/westmoor-hosc/2026-03-12.yml"
NOVEMBER = "meetings/westmoor-hosc/2026-11-12.yml"
TRACKER = "plans/westmoor-hosc-tracker-2026.yml"
PLAN = "plans/westmoor-hospitals-urgent-care-plan.yml"
PROGRAMME = "work-programmes/westmoor-hosc-2026-27.yml"


def edit(rel: str, old: str, new: str) -> dict[str, str]:
    """Replace ``old`` (which must occur once) by ``new`` in a file of the scrutiny fixture."""
    text = (SCRUTINY / rel).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return {rel: text.replace(old, new)}


CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "status_entry_empty",
        edit(
            TRACKER,
            "      - printed: Awaiting Cabinet reconsideration\n        rag: Amber / Red\n",
            "      - date: 2026-06-18\n",
        ),
        [
            "plans/westmoor-hosc-tracker-2026.yml:42: actions[2].status_history[0]: give at least one of printed, status, rag, ratings or note"
        ],
    ),
    (
        "rag_colour_code",
        edit(TRACKER, "        rag: Red\n", "        rag: '#ff0000'\n"),
        [
            "plans/westmoor-hosc-tracker-2026.yml:36: actions[1].status_history[0].rag: '#ff0000' is a colour code, not a printed rating (write the words printed, or leave it out with a 'missing' note when only a colour survived)"
        ],
    ),
    (
        "rating_colour_code",
        edit(PLAN, "            printed: A\n", "            printed: rgb(255, 191, 0)\n"),
        [
            "plans/westmoor-hospitals-urgent-care-plan.yml:46: actions[0].status_history[0].ratings[0].printed: 'rgb(255, 191, 0)' is a colour code, not a printed rating (write the words printed, or leave it out with a 'missing' note when only a colour survived)"
        ],
    ),
    (
        "owner_id_renamed",
        edit(NOVEMBER, "    owners: [{person_id: jo-officer}]\n", "    owner_id: jo-officer\n"),
        [
            "documents/westmoor-hosc-2026-11-12-minutes.yml:4: meeting_id: meeting 'westmoor-hosc/2026-11-12' is defined in meetings/westmoor-hosc/2026-11-12.yml, which has errors (fix them first)",
            "meetings/westmoor-hosc/2026-11-12.yml:33: actions[0].owner_id: unknown field 'owner_id' (now owners: write owners: [{person_id: <id>}])",
        ],
    ),
    (
        "owner_renamed",
        edit(NOVEMBER, "    owners_printed: Scrutiny Officer\n", "    owner: Scrutiny Officer\n"),
        [
            "documents/westmoor-hosc-2026-11-12-minutes.yml:4: meeting_id: meeting 'westmoor-hosc/2026-11-12' is defined in meetings/westmoor-hosc/2026-11-12.yml, which has errors (fix them first)",
            "meetings/westmoor-hosc/2026-11-12.yml:34: actions[0].owner: unknown field 'owner' (now owners_printed, the owner exactly as printed, with owners for the bodies or people it names)",
        ],
    ),
    (
        "referral_without_body",
        edit(MARCH, "        to: {organisation_id: westmoor-cabinet}\n        to_printed: the Cabinet\n", ""),
        [
            "documents/westmoor-hosc-2026-03-12-minutes.yml:4: meeting_id: meeting 'westmoor-hosc/2026-03-12' is defined in meetings/westmoor-hosc/2026-03-12.yml, which has errors (fix them first)",
            "meetings/westmoor-hosc/2026-03-12.yml:111: items[3].referrals[0].to: a referral needs the body it went to (to, or to_printed)",
            "work-programmes/westmoor-hosc-2026-27.yml:12: items[0].origin.meeting: meeting 'westmoor-hosc/2026-03-12' is defined in meetings/westmoor-hosc/2026-03-12.yml, which has errors (fix them first)",
        ],
    ),
    (
        "referral_with_decision_maker",
        edit(MARCH, "      - kind: call-in\n", "      - kind: referral\n        to_printed: Cabinet\n"),
        [
            "documents/westmoor-hosc-2026-03-12-minutes.yml:4: meeting_id: meeting 'westmoor-hosc/2026-03-12' is defined in meetings/westmoor-hosc/2026-03-12.yml, which has errors (fix them first)",
            "meetings/westmoor-hosc/2026-03-12.yml:126: items[4].referrals[0].decision_maker: only a call-in has a decision maker and decision date (set kind: call-in)",
            "work-programmes/westmoor-hosc-2026-27.yml:12: items[0].origin.meeting: meeting 'westmoor-hosc/2026-03-12' is defined in meetings/westmoor-hosc/2026-03-12.yml, which has errors (fix them first)",
        ],
    ),
    (
        "referral_unknown_body",
        edit(
            MARCH,
            "        to: {organisation_id: westmoor-cabinet}\n",
            "        to: {organisation_id: westmoor-cabnet}\n",
        ),
        [
            "meetings/westmoor-hosc/2026-03-12.yml:112: items[3].referrals[0].to.organisation_id: unknown organisation 'westmoor-cabnet' (did you mean 'westmoor-cabinet'?)"
        ],
    ),
    (
        "origin_both",
        edit(
            PROGRAMME,
            "    origin: {meeting: 2026-03-12, minute: 6/26}\n",
            "    origin: {meeting: 2026-03-12, document_id: westmoor-ward-5-report}\n",
        ),
        [
            "work-programmes/westmoor-hosc-2026-27.yml:12: items[0].origin.document_id: give either meeting (with its minute) or document_id, not both"
        ],
    ),
    (
        "origin_neither",
        edit(PROGRAMME, "    origin: {meeting: 2026-03-12, minute: 6/26}\n", "    origin: {}\n"),
        [
            "work-programmes/westmoor-hosc-2026-27.yml:12: items[0].origin: give the meeting (with its minute) or the document_id the item came from"
        ],
    ),
    (
        "origin_minute_alone",
        edit(PROGRAMME, "    origin: {meeting: 2026-03-12, minute: 6/26}\n", "    origin: {minute: 6/26}\n"),
        [
            "work-programmes/westmoor-hosc-2026-27.yml:12: items[0].origin.meeting: a minute needs its meeting (the meeting's date)"
        ],
    ),
    (
        "origin_unknown_meeting",
        edit(
            PROGRAMME,
            "    origin: {meeting: 2026-03-12, minute: 6/26}\n",
            "    origin: {meeting: 2026-03-21, minute: 6/26}\n",
        ),
        [
            "work-programmes/westmoor-hosc-2026-27.yml:12: items[0].origin.meeting: no meeting 'westmoor-hosc/2026-03-21' on record (did you mean 'westmoor-hosc/2026-03-12'?)"
        ],
    ),
    (
        "origin_unknown_minute",
        edit(
            PROGRAMME,
            "    origin: {meeting: 2026-03-12, minute: 6/26}\n",
            "    origin: {meeting: 2026-03-12, minute: 7/26}\n",
        ),
        [
            "work-programmes/westmoor-hosc-2026-27.yml:12: items[0].origin.minute: meeting 'westmoor-hosc/2026-03-12' has no item or minute numbered '7/26' (did you mean '6/26'?)"
        ],
    ),
    (
        "heard_unknown_item",
        edit(
            PROGRAMME,
            '    heard_at: {meeting: 2026-06-18, item: "4"}\n',
            '    heard_at: {meeting: 2026-06-18, item: "6"}\n',
        ),
        [
            "work-programmes/westmoor-hosc-2026-27.yml:13: items[0].heard_at.item: meeting 'westmoor-hosc/2026-06-18' has no item or minute numbered '6'"
        ],
    ),
    (
        "target_both",
        edit(PROGRAMME, "    target_month: 2027-03\n", "    target_month: 2027-03\n    target_meeting: 2027-03-11\n"),
        [
            "work-programmes/westmoor-hosc-2026-27.yml:21: items[2].target_month: give target_meeting or target_month, not both (printed words go in target)"
        ],
    ),
    (
        "target_month_shape",
        edit(PROGRAMME, "    target_month: 2027-03\n", "    target_month: 2027-13\n"),
        [
            "work-programmes/westmoor-hosc-2026-27.yml:21: items[2].target_month: '2027-13' is not a month (write YYYY-MM, e.g. 2015-01)"
        ],
    ),
    (
        "planned_item_twice",
        edit(PROGRAMME, "  - id: dentistry\n", "  - id: winter-plan\n"),
        [
            "work-programmes/westmoor-hosc-2026-27.yml:19: items[2].id: item id 'winter-plan' is used twice in this work programme"
        ],
    ),
    (
        "recommendation_twice",
        edit(MARCH, "      - number: (b)\n", "      - number: (a)\n"),
        [
            "meetings/westmoor-hosc/2026-03-12.yml:85: items[2].recommendations_made[1].number: two recommendations of this item are numbered '(a)' (give each its own number)"
        ],
    ),
    (
        "recommendation_part_unknown",
        edit(MARCH, "        resolution_part: (b)\n", "        resolution_part: (c)\n"),
        [
            "meetings/westmoor-hosc/2026-03-12.yml:86: items[2].recommendations_made[1].resolution_part: no resolution part of this item is labelled '(c)' (did you mean '(b)'?)"
        ],
    ),
    (
        "response_by_other_body",
        edit(
            MARCH,
            "            by: {organisation_id: westmoor-hospitals}\n",
            "            by: {organisation_id: westmoor-icb}\n",
        ),
        [
            "meetings/westmoor-hosc/2026-03-12.yml:72: items[2].recommendations_made[0].responses[0].by: responded by a body the recommendation is not addressed to (add it to 'to')"
        ],
    ),
    (
        "responses_out_of_order",
        edit(
            MARCH,
            '            source: {document_id: westmoor-hospitals-response-2026-04, pages: "1"}\n',
            '            source: {document_id: westmoor-hospitals-response-2026-04, pages: "1"}\n          - date: 2026-03-20\n            outcome: noted\n',
        ),
        [
            "meetings/westmoor-hosc/2026-03-12.yml:70: items[2].recommendations_made[0].responses: responses are not in date order (list the oldest first)"
        ],
    ),
    (
        "action_unknown_recommendation",
        edit(MARCH, "        resolution: 3/26\n", "        recommendation: (c)\n"),
        [
            "meetings/westmoor-hosc/2026-03-12.yml:100: items[2].actions[0].recommendation: this item made no recommendation numbered '(c)' (did you mean '(b)'?)"
        ],
    ),
    (
        "meeting_action_with_resolution",
        edit(NOVEMBER, "    due: Ongoing\n", "    due: Ongoing\n    resolution: 14/26\n"),
        [
            "meetings/westmoor-hosc/2026-11-12.yml:36: actions[0].resolution: only an action under an agenda item has a resolution (move it to the item)"
        ],
    ),
    (
        "meeting_action_with_group",
        edit(NOVEMBER, "    due: Ongoing\n", '    due: Ongoing\n    group: "1"\n'),
        [
            "meetings/westmoor-hosc/2026-11-12.yml:36: actions[0].group: only an action of a plan belongs to a group (data/plans/)"
        ],
    ),
    (
        "declaration_unknown_minute",
        edit(
            MARCH,
            '    minute: "2/26"\n    kind: scrutiny-interest\n',
            '    minute: "2/62"\n    kind: scrutiny-interest\n',
        ),
        [
            "meetings/westmoor-hosc/2026-03-12.yml:20: declarations[0].minute: no item or minute numbered '2/62' in this meeting (did you mean '2/26'?)"
        ],
    ),
    (
        "declaration_kind",
        edit(MARCH, "    kind: party-whip\n", "    kind: whip\n"),
        [
            "documents/westmoor-hosc-2026-03-12-minutes.yml:4: meeting_id: meeting 'westmoor-hosc/2026-03-12' is defined in meetings/westmoor-hosc/2026-03-12.yml, which has errors (fix them first)",
            "meetings/westmoor-hosc/2026-03-12.yml:28: declarations[1].kind: 'whip' is not one of: disclosable-pecuniary, other-registrable, non-registrable, personal, prejudicial, scrutiny-interest, party-whip, other",
            "work-programmes/westmoor-hosc-2026-27.yml:12: items[0].origin.meeting: meeting 'westmoor-hosc/2026-03-12' is defined in meetings/westmoor-hosc/2026-03-12.yml, which has errors (fix them first)",
        ],
    ),
    (
        "plan_unknown_meeting",
        edit(TRACKER, "  - meeting: westmoor-hosc/2026-06-18\n", "  - meeting: westmoor-hosc/2026-06-19\n"),
        [
            "plans/westmoor-hosc-tracker-2026.yml:8: received_at[0].meeting: no meeting 'westmoor-hosc/2026-06-19' on record (did you mean 'westmoor-hosc/2026-06-18'?)"
        ],
    ),
    (
        "plan_unknown_item",
        edit(TRACKER, '    item: "5"\n', '    item: "9"\n'),
        [
            "plans/westmoor-hosc-tracker-2026.yml:9: received_at[0].item: meeting 'westmoor-hosc/2026-06-18' has no item or minute numbered '9'"
        ],
    ),
    (
        "plan_group_twice",
        edit(PLAN, '  - id: "1.2"\n', '  - id: "1.1"\n'),
        [
            "plans/westmoor-hospitals-urgent-care-plan.yml:24: groups[2].id: group id '1.1' is used twice in this plan",
            "plans/westmoor-hospitals-urgent-care-plan.yml:65: actions[2].group: no group of this plan has the id '1.2' (did you mean '1.1'?)",
            "plans/westmoor-hospitals-urgent-care-plan.yml:70: actions[3].group: no group of this plan has the id '1.2' (did you mean '1.1'?)",
        ],
    ),
    (
        "plan_group_anchor_clash",
        edit(PLAN, '  - id: "1.2"\n', '  - id: "1 1"\n'),
        [
            "plans/westmoor-hospitals-urgent-care-plan.yml:24: groups[2].id: group id '1 1' and '1.1' both become the anchor 'group-1-1' (tell them apart)",
            "plans/westmoor-hospitals-urgent-care-plan.yml:65: actions[2].group: no group of this plan has the id '1.2' (did you mean '1.1'?)",
            "plans/westmoor-hospitals-urgent-care-plan.yml:70: actions[3].group: no group of this plan has the id '1.2' (did you mean '1.1'?)",
        ],
    ),
    (
        "plan_group_parent_unknown",
        edit(PLAN, '    parent: "1"\n    title: Same-day', '    parent: "2"\n    title: Same-day'),
        [
            "plans/westmoor-hospitals-urgent-care-plan.yml:26: groups[2].parent: no other group of this plan has the id '2'"
        ],
    ),
    (
        "plan_action_unknown_group",
        edit(PLAN, '    group: "1.2"\n    text: Open', '    group: "1.3"\n    text: Open'),
        [
            "plans/westmoor-hospitals-urgent-care-plan.yml:65: actions[2].group: no group of this plan has the id '1.3' (did you mean '1.2'?)"
        ],
    ),
    (
        "plan_action_twice",
        edit(PLAN, "  - id: u4\n", "  - id: u3\n"),
        [
            "plans/westmoor-hospitals-urgent-care-plan.yml:31: groups[2].unaligned_cells[0].action_ids[1]: no action of this plan has the id 'u4'",
            "plans/westmoor-hospitals-urgent-care-plan.yml:68: actions[3].id: action id 'u3' is used twice in this plan",
        ],
    ),
    (
        "plan_action_with_resolution",
        edit(TRACKER, "    due: TBC\n", "    due: TBC\n    resolution: 3/26\n"),
        [
            "plans/westmoor-hosc-tracker-2026.yml:33: actions[1].resolution: only an action under an agenda item has a resolution (a plan's actions come from the plan)"
        ],
    ),
    (
        "plan_unaligned_unknown_action",
        edit(PLAN, "        action_ids: [u3, u4]\n", "        action_ids: [u3, u5]\n"),
        [
            "plans/westmoor-hospitals-urgent-care-plan.yml:31: groups[2].unaligned_cells[0].action_ids[1]: no action of this plan has the id 'u5'"
        ],
    ),
    (
        "plan_kind",
        edit(PLAN, "kind: improvement-plan\n", "kind: improvment-plan\n"),
        [
            "plans/westmoor-hospitals-urgent-care-plan.yml:4: kind: 'improvment-plan' is not one of: action-plan, business-plan, improvement-plan, tracker, other (did you mean 'improvement-plan'?)"
        ],
    ),
    (
        "response_outcome",
        edit(MARCH, "            outcome: accepted\n", "            outcome: accept\n"),
        [
            "documents/westmoor-hosc-2026-03-12-minutes.yml:4: meeting_id: meeting 'westmoor-hosc/2026-03-12' is defined in meetings/westmoor-hosc/2026-03-12.yml, which has errors (fix them first)",
            "meetings/westmoor-hosc/2026-03-12.yml:73: items[2].recommendations_made[0].responses[0].outcome: 'accept' is not one of: accepted, partly-accepted, rejected, noted, other (did you mean 'accepted'?)",
            "work-programmes/westmoor-hosc-2026-27.yml:12: items[0].origin.meeting: meeting 'westmoor-hosc/2026-03-12' is defined in meetings/westmoor-hosc/2026-03-12.yml, which has errors (fix them first)",
        ],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_follow_up_rule_reports_exact_message(tmp_path: Path, name: str, files: dict, expected: list[str]) -> None:
    """Each mistake yields exactly its message, and nothing else."""
    data = make_dataset(tmp_path, files, base=SCRUTINY)
    assert check_lines(data) == expected


def test_scrutiny_fixture_is_valid() -> None:
    """The scrutiny fixture itself has no problems."""
    assert check_lines(SCRUTINY) == []
