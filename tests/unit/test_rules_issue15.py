"""The rules issue 15 added, each with its exact message: pairings, schedules, approvals, presenters, posts, renames."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import check_lines, fixture_text, make_dataset

HOSP = "boards/riverton-hosp.yml"
SEPT = "meetings/riverton-hosp/2024-09-19.yml"
DEC = "meetings/riverton-hosp/2024-12-12.yml"


def edit(path: str, old: str, new: str) -> dict[str, str]:
    text = fixture_text(path)
    assert old in text, old
    return {path: text.replace(old, new, 1)}


CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "pairing_needed",
        edit(SEPT, "replacing_ids: [kim-member]", "replacing_ids: [kim-member, jo-member]"),
        [
            f"{SEPT}:23: attendance[2].replacing_pairing: 2 people in replacing_ids: say whether the papers print "
            "who replaced whom (printed or not-printed)"
        ],
    ),
    (
        "pairing_alone",
        edit(HOSP, "    substitute_for_ids: [kim-member]\n", "    substitute_for_pairing: printed\n"),
        [f"{HOSP}:59: memberships[4].substitute_for_pairing: only with substitute_for_ids"],
    ),
    (
        "schedule_unknown_meeting",
        edit(HOSP, "meeting_id: 2024-12-12", "meeting_id: 2024-12-13"),
        [
            f"{HOSP}:37: schedule.dates[2].meeting_id: no meeting '2024-12-13' of riverton-hosp is on record "
            "(did you mean '2024-12-12'?)"
        ],
    ),
    (
        "approves_unknown",
        edit(SEPT, "approves_minutes_of: [2024-07-18]", "approves_minutes_of: [2024-06-18]"),
        [
            f"{SEPT}:44: items[1].approves_minutes_of[0]: no meeting '2024-06-18' of riverton-hosp is on record "
            "(did you mean '2024-07-18'?)"
        ],
    ),
    (
        "approves_later",
        edit(SEPT, "approves_minutes_of: [2024-07-18]", "approves_minutes_of: [2024-12-12]"),
        [
            f"{SEPT}:44: items[1].approves_minutes_of[0]: '2024-12-12' is not an earlier meeting: minutes are approved "
            "at a later meeting"
        ],
    ),
    (
        "approval_without_record",
        edit(DEC, "minutes_for_approval: [2024-09-19]", "minutes_for_approval: [2024-08-01]"),
        [
            f"{DEC}:9: items[0].minutes_for_approval[0]: no meeting '2024-08-01' of riverton-hosp is on record "
            "(did you mean '2024-09-19'?)"
        ],
    ),
    (
        "presenter_empty",
        edit(
            SEPT,
            "      - role: Representatives of the integrated care board\n        organisation_id: riverton-icb\n",
            "      - {}\n",
        ),
        [f"{SEPT}:57: items[2].presenters[1].person_id: give at least one of person_id, name, role or organisation_id"],
    ),
    (
        "presenter_unknown_organisation",
        edit(
            SEPT,
            "        organisation_id: riverton-icb\n      - role",
            "        organisation_id: riverton-ib\n      - role",
        ),
        [
            f"{SEPT}:56: items[2].presenters[0].organisation_id: unknown organisation 'riverton-ib' "
            "(did you mean 'riverton-icb'?)"
        ],
    ),
    (
        "speaker_body",
        edit(SEPT, "on_behalf_of: {name: Riverton Carers Centre}", "on_behalf_of: {organisation_id: carers}"),
        [f"{SEPT}:63: items[2].public_speakers[1].on_behalf_of.organisation_id: unknown organisation 'carers'"],
    ),
    (
        "speaker_body_two",
        edit(
            SEPT,
            "on_behalf_of: {name: Riverton Carers Centre}",
            "on_behalf_of: {name: Riverton Carers Centre, board_id: riverton-hwb}",
        ),
        [
            f"{SEPT}:63: items[2].public_speakers[1].on_behalf_of.name: give only one of organisation_id, board_id, "
            "person_id or name (found board_id too)"
        ],
    ),
    (
        "exempt_reason_not_exempt",
        edit(SEPT, "    exempt: yes\n", ""),
        [f"{SEPT}:70: items[3].exempt_reason: only an exempt item has one (add 'exempt: yes')"],
    ),
    (
        "post_empty",
        edit(
            "people/hal-chair.yml",
            "  - title: Councillor\n    organisation_id: riverton-city-council\n",
            "  - start: 2020-01-01\n",
        ),
        ["people/hal-chair.yml:5: posts[0]: give a title, an organisation_id or an organisation"],
    ),
    (
        "old_person_fields",
        edit(
            "people/hal-chair.yml", "honorific: Councillor\n", "organisation: Riverton City Council\njob_title: Chair\n"
        ),
        [
            "people/hal-chair.yml:3: organisation: unknown field 'organisation' (moved to posts, a list of dated posts: "
            "write it as a post's organisation_id or organisation)",
            "people/hal-chair.yml:4: job_title: unknown field 'job_title' (moved to posts, a list of dated posts: "
            "write it as the title of a post)",
        ],
    ),
    (
        "old_replacing_id",
        edit(SEPT, "replacing_ids: [kim-member]", "replacing_id: kim-member"),
        [
            f"{SEPT}:25: attendance[2].replacing_id: unknown field 'replacing_id' (write replacing_ids: [the member's id])"
        ],
    ),
    (
        "undated_text_as_a_string",
        edit(
            HOSP,
            "purpose:\n  text: Scrutinises health services for the people of Riverton, and responds to NHS proposals "
            "for substantial changes to them.\n  date: 2024-09-11\n",
            "purpose: Scrutinises health services for the people of Riverton.\n",
        ),
        [
            f"{HOSP}:12: purpose: expected a mapping (key: value lines) (dated text: write text: and, where known, "
            "the date: of the document it comes from)"
        ],
    ),
    (
        "names_out_of_order",
        edit(HOSP, "    end: 2024-08-31\n", "    end: 2024-08-31\n  - name: Riverton Scrutiny\n    end: 2020-01-01\n"),
        [f"{HOSP}:4: names: list earlier names oldest first (each ending after the one before)"],
    ),
    (
        "item_without_number_is_fine",
        edit(
            SEPT, '  - number: "3"\n    title: Community equipment contract', "  - title: Community equipment contract"
        ),
        [],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_issue15_rule_reports_exact_message(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    """The rule's own message; where others refer to the broken record is tested in test_rules.py."""
    lines = check_lines(make_dataset(tmp_path, files))
    assert [line for line in lines if not line.startswith("error:") and "which has errors" not in line] == expected
