"""One case per rule: a single mistake in the valid fixture dataset, and its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURE, check_lines, make_dataset

MEETING = "meetings/riverton-hwb/2024-03-14.yml"
BOARD = "boards/riverton-hwb.yml"
CSV = "indicators/riverton-smoking.csv"
STRATEGY = "strategies/riverton-jhws.yml"
DOCUMENT = "documents/riverton-hwb-2024-06-20-pack.yml"
INDICATOR = "indicators/riverton-smoking.yml"
SCREEN = "indicators/riverton-screening.csv"
SCREEN_YML = "indicators/riverton-screening.yml"
MASH = "indicators/riverton-mash-costs.csv"
SAB = "indicators/riverton-sab-feel-safe.csv"
LATER = "meetings/riverton-hwb/2024-06-20.yml"
BOB = "people/bob-member.yml"
LONG_MEETING = "2024-01-01-" + "x" * 30
DOTTED_I = "\u0130"  # 'İ', which lower-cases to two characters


def fixture_text(rel: str) -> str:
    """The text of a file of the valid fixture dataset."""
    return (FIXTURE / rel).read_text(encoding="utf-8")


def edit(rel: str, old: str, new: str) -> dict[str, str]:
    """Replace ``old`` (which must occur) by ``new`` in a fixture file."""
    text = fixture_text(rel)
    assert old in text, old
    return {rel: text.replace(old, new, 1)}


def refs_to(path: str, noun: str, rid: str, *wheres: str) -> list[str]:
    """The lines saying that a record is in a file with errors, at each of ``wheres`` that refers to it."""
    return [f"{where}: {noun} '{rid}' is defined in {path}, which has errors (fix them first)" for where in wheres]


# A mistake in a record's file is also reported where the record is referred to, once per referring file.
REFS_TO_BOARD = refs_to(
    BOARD,
    "board",
    "riverton-hwb",
    "boards/riverton-sab.yml:6: reports_to_ids[0]",
    "indicators/riverton-feel-safe.yml:10: board_ids[0]",
    "indicators/riverton-mash-costs.yml:8: board_ids[0]",
    "indicators/riverton-sab-feel-safe.yml:9: board_ids[0]",
    "indicators/riverton-screening.yml:10: board_ids[0]",
    "indicators/riverton-smoking.yml:10: board_ids[0]",
    f"{MEETING}:2: board_id",
    "meetings/riverton-hwb/2024-06-20.yml:2: board_id",
    "meetings/riverton-hwb/2030-01-15.yml:2: board_id",
    "people/ann-chair.yml:8: interests[0].board_id",
    f"{STRATEGY}:3: board_ids[0]",
)
REFS_TO_BOB = refs_to(
    BOB, "person", "bob-member", f"{BOARD}:24: memberships[1].person_id", f"{MEETING}:11: attendance[1].person_id"
)
REFS_TO_MEETING = refs_to(MEETING, "meeting", "riverton-hwb/2024-03-14", f"{STRATEGY}:8: adopted_by")

CASES: list[tuple[str, dict, list[str]]] = [
    (
        "yaml_syntax",
        {"people/x.yml": "id: x\nname: Dr: Who\n"},
        ["people/x.yml:2:9: YAML syntax error: mapping values are not allowed here (quote text that contains ': ')"],
    ),
    (
        "duplicate_key",
        {"people/x.yml": "id: x\nname: A\nname: B\n"},
        ["people/x.yml:3: duplicate key 'name' (the first is on line 2; keep one)"],
    ),
    (
        "yaml_tag",
        {"people/x.yml": "id: x\nname: !!python/object:os.system ls\n"},
        ["people/x.yml:2: YAML tags such as '!!python/object:os.system' are not allowed (remove the tag)"],
    ),
    (
        "yaml_alias",
        {"people/x.yml": "id: x\nname: &a A\naliases: [*a]\n"},
        ["people/x.yml:3: YAML aliases ('*a') are not allowed (write the value out in full)"],
    ),
    ("empty_file", {"people/x.yml": ""}, ["people/x.yml:1: the file is empty (a record needs at least an 'id')"]),
    (
        "list_not_mapping",
        {"people/x.yml": "- id: x\n"},
        ["people/x.yml:1: expected a mapping (key: value lines) at the top of the file, found a list"],
    ),
    ("required_missing", {"people/x.yml": "id: x\n"}, ["people/x.yml:1: name: required field is missing"]),
    (
        "unknown_field",
        edit(MEETING, "    title: Apologies for absence\n", "    titel: Apologies for absence\n"),
        [f"{MEETING}:27: items[0].titel: unknown field 'titel' (did you mean 'title'?)", *REFS_TO_MEETING],
    ),
    (
        "enum",
        edit(MEETING, "outcome: approved", "outcome: aproved"),
        [
            f"{MEETING}:49: items[1].resolutions[0].outcome: 'aproved' is not one of: approved, agreed, noted, endorsed, "
            "deferred, rejected, appointed, elected, recommended, requested, other (did you mean 'approved'?)",
            *REFS_TO_MEETING,
        ],
    ),
    (
        "impossible_date",
        edit(BOARD, "start: 2023-05-01\n  - person_id: bob", "start: 2023-04-31\n  - person_id: bob"),
        [f"{BOARD}:23: memberships[0].start: '2023-04-31' is not a real date: April 2023 has 30 days", *REFS_TO_BOARD],
    ),
    (
        "date_format",
        edit(BOARD, "start: 2023-05-01\n  - person_id: bob", "start: 01/05/2023\n  - person_id: bob"),
        [
            f"{BOARD}:23: memberships[0].start: '01/05/2023' is not a date (write dates as YYYY-MM-DD, e.g. 2017-07-10)",
            *REFS_TO_BOARD,
        ],
    ),
    (
        "end_before_start",
        edit(BOARD, "end: 2024-12-31", "end: 2022-12-31"),
        [f"{BOARD}:30: memberships[2].end: 2022-12-31 is before start 2023-05-01", *REFS_TO_BOARD],
    ),
    (
        "id_not_file_name",
        edit("people/eve-officer.yml", "id: eve-officer", "id: eve-officers"),
        [
            *refs_to("people/eve-officer.yml", "person", "eve-officer", f"{MEETING}:16: attendance[3].person_id"),
            "people/eve-officer.yml:1: id: 'eve-officers' does not match the file name 'eve-officer' (rename the file or fix the id)",
        ],
    ),
    (
        "reserved_board_id",
        {"boards/meetings.yml": fixture_text("boards/riverton-sab.yml").replace("id: riverton-sab", "id: meetings")},
        [
            "boards/meetings.yml:1: id: 'meetings' is taken by the site: calendars/meetings.ics is the calendar of "
            "every board's meetings (choose another id)"
        ],
    ),
    (
        "bad_id",
        {"people/Bad Id.yml": "id: Bad Id\nname: A\n"},
        [
            "people/Bad Id.yml:1: id: 'Bad Id' is not a valid id (use lowercase letters, digits and hyphens, e.g. 'coventry-hwb')"
        ],
    ),
    (
        "meeting_folder",
        {
            "meetings/riverton-sab/2024-01-01.yml": "id: 2024-01-01\nboard_id: riverton-hwb\ndate: 2024-01-01\nstatus: held\n"
        },
        [
            "meetings/riverton-sab/2024-01-01.yml:2: board_id: 'riverton-hwb' does not match the folder 'riverton-sab' "
            "(meetings live in data/meetings/<board-id>/)"
        ],
    ),
    (
        "unknown_person",
        edit(MEETING, "owners: [{person_id: bob-member}]", "owners: [{person_id: bob-membr}]"),
        [
            f"{MEETING}:58: items[1].actions[0].owners[0].person_id: unknown person 'bob-membr' (did you mean 'bob-member'?)"
        ],
    ),
    (
        "not_a_member",
        edit(MEETING, "person_id: eve-officer\n    status: officer", "person_id: eve-officer\n    status: present"),
        [
            f"{MEETING}:16: attendance[3].person_id: 'eve-officer' was not a member of riverton-hwb on 2024-03-14 "
            "(add a membership covering that date, or record them as substitute, officer, observer or guest)"
        ],
    ),
    (
        "membership_ended",
        {
            MEETING: fixture_text(MEETING).replace(
                "person_id: dee-sub\n    status: substitute\n    replacing_ids: [cy-member]\n",
                "person_id: cy-member\n    status: present\n",
            ),
            BOARD: fixture_text(BOARD).replace("end: 2024-12-31", "end: 2024-01-31"),
        },
        [
            f"{MEETING}:13: attendance[2].person_id: 'cy-member' was not a member of riverton-hwb on 2024-03-14 "
            "(add a membership covering that date, or record them as substitute, officer, observer or guest)"
        ],
    ),
    (
        "bad_time",
        edit(MEETING, 'start_time: "14:00"', 'start_time: "2pm"'),
        [f"{MEETING}:4: start_time: '2pm' is not a time (write times as 24-hour HH:MM, e.g. 14:00)", *REFS_TO_MEETING],
    ),
    (
        "end_time_before_start",
        edit(MEETING, 'end_time: "15:30"', 'end_time: "13:30"'),
        [f"{MEETING}:5: end_time: 13:30 is before start_time 14:00", *REFS_TO_MEETING],
    ),
    (
        "yes_no",
        edit(BOARD, "voting: no", "voting: maybe"),
        [f"{BOARD}:26: memberships[1].voting: 'maybe' is not yes or no", *REFS_TO_BOARD],
    ),
    (
        "vacant_with_person",
        edit(BOARD, "  - vacant: yes\n", "  - vacant: yes\n    person_id: ann-chair\n"),
        [f"{BOARD}:32: memberships[3].person_id: a vacant seat cannot have a person_id", *REFS_TO_BOARD],
    ),
    (
        "seat_without_person",
        edit(BOARD, "  - vacant: yes\n", "  - vacant: no\n"),
        [f"{BOARD}:31: memberships[3].person_id: give a person_id, or write 'vacant: yes'", *REFS_TO_BOARD],
    ),
    (
        "duplicate_action",
        edit(MEETING, "id: a2", "id: a1"),
        [f"{MEETING}:66: items[1].actions[1].id: action id 'a1' is used twice in this meeting"],
    ),
    (
        "duplicate_minute",
        {
            MEETING: fixture_text(MEETING)
            .replace('    minute: "1/24"\n', '    minute: "4/24"\n')
            .replace(
                "    minutes: Apologies were received from Dr Member.\n",
                "    resolutions:\n      - parts: [{text: Noted.}]\n        outcome: noted\n",
            )
        },
        [
            f"{MEETING}:45: items[1].resolutions[0].suffix: a second resolution under minute '4/24' needs its own suffix (e.g. suffix: b)"
        ],
    ),
    (
        "unknown_decision",
        edit(
            "strategies/riverton-jhws.yml",
            "adopted_by: riverton-hwb/2024-03-14/4-24",
            "adopted_by: riverton-hwb/2024-03-14/4",
        ),
        [
            "strategies/riverton-jhws.yml:8: adopted_by: unknown decision 'riverton-hwb/2024-03-14/4' (did you mean 'riverton-hwb/2024-03-14/4-24'?)"
        ],
    ),
    (
        "unknown_priority",
        edit(MEETING, "riverton-jhws/smoke-free", "riverton-jhws/smokefree"),
        [
            f"{MEETING}:61: items[1].actions[0].priority_ids: unknown priority 'riverton-jhws/smokefree' (did you mean 'riverton-jhws/smoke-free'?)"
        ],
    ),
    (
        "declaration_item",
        edit(MEETING, 'item: "4"', 'item: "5"'),
        [f"{MEETING}:21: declarations[0].item: no item or minute numbered '5' in this meeting"],
    ),
    (
        "replacing_without_substitute",
        edit(MEETING, "status: substitute", "status: guest"),
        [
            f"{MEETING}:15: attendance[2].replacing_ids: only a substitute replaces someone (set status: substitute)",
            *REFS_TO_MEETING,
        ],
    ),
    (
        "resolution_without_minute",
        edit(MEETING, '  - number: "4"\n    minute: "4/24"\n', "  - time: 14.10\n"),
        [
            f"{MEETING}:21: declarations[0].item: no item or minute numbered '4' in this meeting",
            f"{MEETING}:42: items[1].resolutions[0].minute: a resolution needs a minute number: give it a minute, "
            "or its item a minute or a number",
            f"{STRATEGY}:8: adopted_by: unknown decision 'riverton-hwb/2024-03-14/4-24' "
            "(did you mean 'riverton-hosp/2024-07-18/1-24'?)",
        ],
    ),
    (
        "exempt_paragraph",
        edit(MEETING, "    kind: procedural\n", '    kind: procedural\n    exempt_paragraph: "3"\n'),
        [f"{MEETING}:29: items[0].exempt_paragraph: only an exempt item has one (add 'exempt: yes')", *REFS_TO_MEETING],
    ),
    (
        "bad_url",
        edit(BOARD, "website: https://riverton.example/hwb", "website: javascript:alert(1)"),
        [
            f"{BOARD}:18: website: 'javascript:alert(1)' is not a web address (it must start with https:// or http://)",
            *REFS_TO_BOARD,
        ],
    ),
    (
        "pages_reversed",
        edit(MEETING, 'pages: "3-20"', 'pages: "20-3"'),
        [f"{MEETING}:35: items[1].pages: '20-3' is not a page range: 3 comes before 20", *REFS_TO_MEETING],
    ),
    (
        "former_id_in_use",
        edit("people/dee-sub.yml", "id: dee-sub\n", "id: dee-sub\nformer_ids: [eve-officer]\n"),
        ["people/dee-sub.yml:2: former_ids[0]: 'eve-officer' is still the id of another record"],
    ),
    (
        "needs_one_part",
        edit(
            MEETING,
            '        parts:\n          - label: "(1)"\n            text: The Joint Health and Wellbeing Strategy 2024-2027 be approved.\n          - label: "(2)"\n            text: Progress be reported to the Board every six months.\n',
            "        parts: []\n",
        ),
        [f"{MEETING}:44: items[1].resolutions[0].parts: needs at least one entry", *REFS_TO_MEETING],
    ),
    (
        "csv_not_number",
        edit(CSV, "18.2,16.1", "n/a,16.1"),
        [f"{CSV}:2: value: 'n/a' is not a number (leave the cell empty and give a reason in 'note')"],
    ),
    (
        "csv_empty_without_note",
        edit(CSV, ",suppressed: survey not run", ","),
        [f"{CSV}:6: value: is empty (give the reason in 'note', e.g. 'suppressed: fewer than 5')"],
    ),
    (
        "csv_ci_order",
        edit(CSV, "18.2,16.1,20.3", "18.2,20.3,16.1"),
        [f"{CSV}:2: upper_ci: 16.1 is below lower_ci 20.3"],
    ),
    (
        "csv_limits_need_their_level",
        edit(CSV, "18.2,16.1,20.3,95", "18.2,16.1,20.3,"),
        [f"{CSV}:2: ci_level: is empty (say whether the printed limits are 95 or 99.8 per cent limits)"],
    ),
    (
        "csv_level_without_limits",
        edit(CSV, "2022,England,E92000001,12.7,12.6,12.8,95", "2022,England,E92000001,12.7,,,95"),
        [f"{CSV}:5: ci_level: is given, but there are no printed limits"],
    ),
    (
        "csv_limits_come_in_pairs",
        edit(CSV, "18.2,16.1,20.3,95", "18.2,16.1,,95"),
        [f"{CSV}:2: upper_ci: is empty but lower_ci is given (give both limits or neither)"],
    ),
    (
        "csv_value_outside_its_interval",
        edit(CSV, "18.2,16.1,20.3,95", "21.2,16.1,20.3,95"),
        [f"{CSV}:2: value: 21.2 is outside its confidence interval 16.1 to 20.3"],
    ),
    (
        "csv_level_is_95_or_99_8",
        edit(CSV, "18.2,16.1,20.3,95", "18.2,16.1,20.3,90"),
        [f"{CSV}:2: ci_level: '90' is not one of: 95, 99.8"],
    ),
    (
        "csv_category_needs_its_dimension",
        edit(SCREEN, "2023,Riverton,sex,Female", "2023,Riverton,,Female"),
        [
            f"{SCREEN}:8: dimension: is empty, but category 'Female' needs one (name what the table breaks down by, e.g. 'sex')"
        ],
    ),
    (
        "csv_row_type_needs_a_category",
        edit(MASH, ",Riverton,post,,Total MASH staff,total", ",Riverton,post,,,total"),
        [f"{MASH}:6: row_type: 'total' needs a category (the row's label as printed, e.g. 'Total')"],
    ),
    (
        "csv_row_type_is_item_subtotal_or_total",
        edit(MASH, "Total council posts,subtotal", "Total council posts,sub-total"),
        [f"{MASH}:4: row_type: 'sub-total' is not one of: item, subtotal, total (did you mean 'subtotal'?)"],
    ),
    (
        "csv_period_may_be_empty_only_with_a_note",
        edit(MASH, "Team manager,item,52000,The table prints no period", "Team manager,item,52000,"),
        [f"{MASH}:2: period: is empty (write the period as printed, or say in 'note' that the pack prints none)"],
    ),
    (
        "csv_duplicate_breakdown_row",
        {
            MASH: fixture_text(MASH)
            + ",Riverton,post,Council posts,Team manager,item,51000,The table prints no period\n"
        },
        [
            f"{MASH}:7: duplicate row: area 'Riverton', dimension 'post', group 'Council posts', category 'Team manager' "
            "and note 'The table prints no period' are already on line 2 (keep one of the two rows)"
        ],
    ),
    (
        "csv_qualified_value_keeps_its_printed_form",
        edit(SAB, "73,approximately,about 73%", "73,approximately,"),
        [f"{SAB}:3: printed: is empty (copy the value as printed, e.g. 'over 500' for 'approximately')"],
    ),
    (
        "csv_qualified_value_needs_its_number",
        edit(SAB, "73,approximately,about 73%", ",approximately,about 73%"),
        [f"{SAB}:3: value: is empty, but qualifier 'approximately' needs its number (5 for '<5')"],
    ),
    (
        "csv_suppressed_value_is_empty",
        edit(SAB, "73,approximately,about 73%", "73,suppressed,"),
        [f"{SAB}:3: value: 73 is given, but the qualifier says it is suppressed (leave it empty)"],
    ),
    (
        "csv_qualifier_is_one_of",
        edit(SAB, "73,approximately,about 73%", "73,approx,about 73%"),
        [
            f"{SAB}:3: qualifier: 'approx' is not one of: less-than, at-most, more-than, at-least, approximately, "
            "range, suppressed (did you mean 'approximately'?)"
        ],
    ),
    (
        "csv_range_needs_its_upper_end",
        edit(SAB, "73,approximately,about 73%", "73,range,73-75%"),
        [f"{SAB}:3: value_upper: is empty (a range needs its upper end: 58 for '51-58%')"],
    ),
    (
        "indicator_id_reserved_for_a_page",
        {
            "indicators/methods.yml": fixture_text(INDICATOR).replace("id: riverton-smoking", "id: methods"),
            "indicators/methods.csv": fixture_text(CSV),
        },
        [
            "indicators/methods.csv:1: indicator 'methods' is defined in indicators/methods.yml, which has errors "
            "(fix them first)",
            "indicators/methods.yml:1: id: 'methods' is the address of a page about all indicators (choose another id)",
        ],
    ),
    (
        "rating_against_a_comparator_names_it",
        edit(SCREEN_YML, "kind: status", "kind: comparator"),
        [
            f"{SCREEN}:1: indicator 'riverton-screening' is defined in {SCREEN_YML}, which has errors (fix them first)",
            f"{SCREEN_YML}:20: ratings[0].against: is empty (name the area the report compares with, e.g. 'England')",
        ],
    ),
    (
        "csv_unknown_column",
        edit(CSV, "lower_ci", "lower_cl"),
        [
            f"{CSV}:1: unknown column 'lower_cl'; expected some of: period, area, area_code, dimension, group, category, "
            "row_type, value, qualifier, printed, value_upper, lower_ci, upper_ci, ci_level, count, denominator, "
            "standard_population, target, note, source_pages, source_line (did you mean 'lower_ci'?)"
        ],
    ),
    ("csv_missing_column", {CSV: "period,value\n2021,1\n"}, [f"{CSV}:1: missing column 'area'"]),
    (
        "csv_row_width",
        edit(CSV, "2021,England,E92000001,13.0,12.9,13.1,95,,,", "2021,England,13.0"),
        [f"{CSV}:3: row has 3 cells but the header has 10"],
    ),
    (
        "values_without_indicator",
        {"indicators/orphan.csv": "period,area,value\n2021,X,1\n"},
        ["indicators/orphan.csv:1: values without an indicator: add data/indicators/orphan.yml"],
    ),
    (
        "indicator_without_values",
        {CSV: None},
        ["indicators/riverton-smoking.yml:1: id: no values file: add data/indicators/riverton-smoking.csv"],
    ),
    (
        "not_utf8",
        {"people/x.yml": "id: x\nname: Caf\xe9\n".encode("latin-1")},
        ["people/x.yml:2: the file is not UTF-8 text (byte 0xe9; it looks like Windows-1252); save it as UTF-8"],
    ),
    ("binary", {"people/x.yml": b"\x89PNG\x00\x00"}, ["people/x.yml: the file is binary, not text"]),
    (
        "wrong_folder",
        {"person/x.yml": "id: x\nname: A\n"},
        [
            "person/x.yml: 'person' is not a record folder; expected one of: organisations, boards, people, documents, "
            "meetings, strategies, indicators, plans, work-programmes (did you mean 'people'?)"
        ],
    ),
    (
        "yaml_ending",
        {"people/x.yaml": "id: x\nname: A\n"},
        ["people/x.yaml: records use the .yml ending (rename the file)"],
    ),
    (
        "tabs",
        {"people/x.yml": "id: x\nname:\tA\naliases:\n\t- B\n"},
        [
            "people/x.yml:2:6: YAML syntax error: found character '\\t' that cannot start any token (indent with spaces, not tabs)"
        ],
    ),
    # --- limits: every input is bounded (the data-format reference lists them) ---
    (
        "id_too_long",
        edit(BOARD, "person_id: bob-member", "person_id: " + "b" * 101),
        [
            f"{BOARD}:24: memberships[1].person_id: is 101 characters long, over the limit of 100 for an id "
            "(ids are short names such as 'coventry-hwb')",
            *REFS_TO_BOARD,
        ],
    ),
    (
        "meeting_id_too_long",
        {
            f"meetings/riverton-hwb/{LONG_MEETING}.yml": f"id: {LONG_MEETING}\nboard_id: riverton-hwb\n"
            "date: 2024-01-01\nstatus: held\n"
        },
        [
            f"meetings/riverton-hwb/{LONG_MEETING}.yml:1: id: is 41 characters long, over the limit of 40 for a meeting id "
            "(the meeting's date, with -2 for a second meeting that day)"
        ],
    ),
    (
        "minute_too_long",
        edit(MEETING, 'minute: "1/24"', f'minute: "{"1/" * 17}"'),
        [
            f"{MEETING}:26: items[0].minute: is 34 characters long, over the limit of 32 for a minute number "
            "(the number as printed, e.g. '23/13'; words belong in the title)",
            *REFS_TO_MEETING,
        ],
    ),
    (
        "minute_longer_in_web_address",
        edit(MEETING, 'minute: "1/24"', 'minute: "' + DOTTED_I * 20 + '"'),
        [
            f"{MEETING}:26: items[0].minute: becomes '{'-'.join('i' * 20)}' (39 characters) in the decision's web address, "
            "over the limit of 32 for a minute number (the number as printed, e.g. '23/13'; words belong in the title)",
            *REFS_TO_MEETING,
        ],
    ),
    (
        "suffix_too_long",
        edit(
            MEETING,
            '      - preamble: "RESOLVED that:"\n',
            '      - preamble: "RESOLVED that:"\n        suffix: abcdefghi\n',
        ),
        [
            f"{MEETING}:44: items[1].resolutions[0].suffix: is 9 characters long, over the limit of 8 for a suffix "
            "(a letter such as 'b')",
            *REFS_TO_MEETING,
        ],
    ),
    (
        "text_too_long",
        edit(BOB, "name: Bob Member", "name: " + "B" * 1_001),
        [
            *REFS_TO_BOB,
            f"{BOB}:2: name: is 1,001 characters long, over the limit of 1,000 for this field "
            "(names and titles are short; longer text belongs in a note)",
        ],
    ),
    (
        "long_text_too_long",
        edit(MEETING, "text: Progress be reported", "text: " + "P" * 20_000 + " be reported"),
        [
            f"{MEETING}:48: items[1].resolutions[0].parts[1].text: is 20,043 characters long, over the limit of 20,000 "
            "for this field (split it up, or cite the document that holds it in full)",
            *REFS_TO_MEETING,
        ],
    ),
    (
        "url_too_long",
        edit(BOARD, "website: https://riverton.example/hwb", "website: https://riverton.example/" + "h" * 2_000),
        [
            f"{BOARD}:18: website: is 2,025 characters long, over the limit of 2,000 for a web address "
            "(link to a shorter address of the same page)",
            *REFS_TO_BOARD,
        ],
    ),
    (
        "date_too_long",
        edit(BOARD, "end: 2024-12-31", "end: " + "2" * 1_001),
        [
            f"{BOARD}:30: memberships[2].end: is 1,001 characters long, over the limit of 1,000 for this field "
            "(check that this is the value you meant)",
            *REFS_TO_BOARD,
        ],
    ),
    (
        "csv_cell_too_long",
        edit(CSV, ",suppressed: survey not run", "," + "s" * 1_001),
        [f"{CSV}:6: note: is 1,001 characters long, over the limit of 1,000 for a cell (shorten it)"],
    ),
    # --- spreadsheet habits ---
    (
        "csv_semicolons",
        {CSV: "period;area;value\n2021;Riverton;18.2\n"},
        [
            f"{CSV}:1: the header has one column 'period;area;value': the file looks semicolon-separated; "
            "save it as CSV (comma delimited)"
        ],
    ),
    (
        "csv_tabs",
        {CSV: "period\tarea\tvalue\n2021\tRiverton\t18.2\n"},
        [
            f"{CSV}:1: the header has one column 'period\\tarea\\tvalue': the file looks tab-separated; "
            "save it as CSV (comma delimited)"
        ],
    ),
    (
        "csv_empty_column_name",
        edit(CSV, "note,source_line\n", "note,source_line,\n"),
        [f"{CSV}:1: column 11 of the header is empty (name the column, or delete it)"],
    ),
    (
        "csv_duplicate_row",
        {CSV: fixture_text(CSV) + "2021,Riverton,E00000001,18.3,,,,,,\n"},
        [f"{CSV}:7: duplicate row: period '2021' and area 'Riverton' are already on line 2 (keep one of the two rows)"],
    ),
    (
        "csv_duplicate_row_with_note",
        {CSV: fixture_text(CSV) + "2023,Riverton,E00000001,,,,,,suppressed: survey not run,\n"},
        [
            f"{CSV}:7: duplicate row: period '2023', area 'Riverton' and note 'suppressed: survey not run' are already on "
            "line 6 (keep one of the two rows)"
        ],
    ),
    # --- a reference to a record whose file has errors says where it is ---
    (
        "ref_to_person_that_fails_validation",
        edit(BOB, "name:", "nam:"),
        [*REFS_TO_BOB, f"{BOB}:2: nam: unknown field 'nam' (did you mean 'name'?)"],
    ),
    (
        "ref_to_person_that_does_not_load",
        {BOB: fixture_text(BOB) + "x: [\n"},
        [*REFS_TO_BOB, f"{BOB}:8:1: YAML syntax error: expected the node content, but found '<stream end>'"],
    ),
    (
        "ref_to_board_with_errors",
        edit(BOARD, "short_name:", "short_nam:"),
        [f"{BOARD}:4: short_nam: unknown field 'short_nam' (did you mean 'short_name'?)", *REFS_TO_BOARD],
    ),
    (
        "ref_to_document_with_errors",
        {DOCUMENT: fixture_text(DOCUMENT).replace("kind: agenda-pack", "kind: pack")},
        [
            f"{BOARD}:33: source.document_id: document 'riverton-hwb-2024-06-20-pack' is defined in {DOCUMENT}, "
            "which has errors (fix them first)",
            f"{DOCUMENT}:3: kind: 'pack' is not one of: agenda-pack, agenda, minutes, report, strategy, plan, presentation, "
            "other",
            *[
                f"indicators/riverton-{name}.yml:{line}: source.document_id: document 'riverton-hwb-2024-06-20-pack' is "
                f"defined in {DOCUMENT}, which has errors (fix them first)"
                for name, line in (("feel-safe", 12), ("mash-costs", 10), ("sab-feel-safe", 11), ("screening", 13))
            ],
            "indicators/riverton-smoking.yml:12: source.document_id: document 'riverton-hwb-2024-06-20-pack' is defined in "
            f"{DOCUMENT}, which has errors (fix them first)",
        ],
    ),
    (
        "rating_cites_a_document",
        edit(
            SCREEN_YML,
            '  - printed: "↑"\n    kind: status\n    period: "2023"\n    source: {document_id: riverton-hwb-2024-06-20-pack',
            '  - printed: "↑"\n    kind: status\n    period: "2023"\n    source: {document_id: riverton-pack',
        ),
        [
            f"{SCREEN_YML}:23: ratings[0].source.document_id: unknown document 'riverton-pack' "
            "(did you mean 'riverton-hwb-2024-06-20-pack'?)"
        ],
    ),
    (
        "ref_to_strategy_with_errors",
        edit(STRATEGY, "status: adopted", "status: adoptd"),
        [
            *refs_to(STRATEGY, "strategy", "riverton-jhws", f"{MEETING}:50: items[1].resolutions[0].strategy_ids[0]"),
            f"{STRATEGY}:7: status: 'adoptd' is not one of: draft, consultation, adopted, refreshed, superseded "
            "(did you mean 'adopted'?)",
        ],
    ),
    (
        "ref_to_indicator_with_errors",
        edit(INDICATOR, "value_type:", "value_typ:"),
        [
            f"{CSV}:1: indicator 'riverton-smoking' is defined in {INDICATOR}, which has errors (fix them first)",
            f"{INDICATOR}:5: value_typ: unknown field 'value_typ' (did you mean 'value_type'?)",
            f"{MEETING}:51: items[1].resolutions[0].indicator_ids[0]: indicator 'riverton-smoking' is defined in "
            f"{INDICATOR}, which has errors (fix them first)",
            f"{STRATEGY}:13: priorities[0].indicator_ids[0]: indicator 'riverton-smoking' is defined in {INDICATOR}, "
            "which has errors (fix them first)",
        ],
    ),
    (
        "ref_to_meeting_with_errors",
        edit(LATER, "status: cancelled", "status: canceled"),
        [
            f"{DOCUMENT}:4: meeting_id: meeting 'riverton-hwb/2024-06-20' is defined in {LATER}, which has errors "
            "(fix them first)",
            f"{LATER}:4: status: 'canceled' is not one of: scheduled, held, cancelled, postponed (did you mean 'cancelled'?)",
        ],
    ),
    (
        "adopted_by_decision_of_meeting_with_errors",
        edit(MEETING, "status: held", "status: hld"),
        [
            f"{MEETING}:7: status: 'hld' is not one of: scheduled, held, cancelled, postponed (did you mean 'held'?)",
            f"{STRATEGY}:8: adopted_by: meeting 'riverton-hwb/2024-03-14' is defined in {MEETING}, which has errors "
            "(fix them first)",
        ],
    ),
    (
        "adopted_by_decision_of_board_with_errors",
        {
            **edit(STRATEGY, "board_ids: [riverton-hwb]", "board_ids: [riverton-sab]"),
            **edit(BOARD, "short_name:", "short_nam:"),
        },
        [
            f"{BOARD}:4: short_nam: unknown field 'short_nam' (did you mean 'short_name'?)",
            *[line for line in REFS_TO_BOARD if not line.startswith(STRATEGY)],
            *refs_to(BOARD, "board", "riverton-hwb", f"{STRATEGY}:8: adopted_by"),
        ],
    ),
    (
        "priority_of_strategy_with_errors",
        {
            **edit(STRATEGY, "status: adopted", "status: adoptd"),
            **edit(MEETING, "        strategy_ids: [riverton-jhws]\n", ""),
        },
        [
            *refs_to(STRATEGY, "strategy", "riverton-jhws", f"{MEETING}:60: items[1].actions[0].priority_ids"),
            f"{STRATEGY}:7: status: 'adoptd' is not one of: draft, consultation, adopted, refreshed, superseded "
            "(did you mean 'adopted'?)",
        ],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule_reports_exact_message(tmp_path: Path, name: str, files: dict, expected: list[str]) -> None:
    """Each mistake yields exactly its message, and nothing else."""
    data = make_dataset(tmp_path, files)
    assert check_lines(data) == expected


def test_fixture_dataset_is_valid() -> None:
    """The fixture dataset itself has no problems."""
    assert check_lines(FIXTURE) == []


def test_shared_alias_is_a_warning_and_strict_makes_it_fatal(tmp_path: Path) -> None:
    """A name two people share is a warning; the build goes on unless --strict."""
    from tests.conftest import run_cli

    data = make_dataset(tmp_path, {"people/dee-sub.yml": fixture_text("people/dee-sub.yml") + "aliases: [A Chair]\n"})
    expected = "warning: people/dee-sub.yml:5: aliases[0]: 'A Chair' is also a name of 'ann-chair' (add a distinguishing alias)"
    assert check_lines(data) == [expected]
    normal = run_cli("--data", str(data), "check")
    strict = run_cli("--data", str(data), "--strict", "check")
    assert normal.returncode == 0 and strict.returncode == 1
    assert strict.stdout.replace(str(data) + "/", "").splitlines() == [
        expected,
        "warning: 1 warning in 1 file.",
    ]
