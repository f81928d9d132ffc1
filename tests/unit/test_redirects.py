"""Renamed, re-dated, renumbered and moved records keep every URL they published (one redirect map)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import build
from tests.conftest import TODAY, check_lines, fixture_text, make_dataset

BOARD = "riverton-hwb"
NEW_BOARD = "riverton-board"
DOC = "riverton-hwb-2024-06-20-pack"


def sub(path: Path, old: str, new: str) -> None:
    """Replace text in one file of a dataset, failing if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def publish(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Build the fixture once with a ledger; return (a copy of its data to edit, the docs, the ledger)."""
    ledger = tmp_path / "published-urls.txt"
    data = make_dataset(tmp_path / "first")
    report, result = build.build(data, tmp_path / "docs", build.Settings(TODAY, ledger=ledger, new_ledger=True))
    assert result is not None, report.lines()
    edited = tmp_path / "second" / "data"
    shutil.copytree(data, edited)
    return edited, tmp_path / "docs", ledger


def rebuild(data: Path, docs: Path, ledger: Path) -> list[str]:
    """Build the edited data against the ledger; return the diagnostics with the data folder left out."""
    report, _ = build.build(data, docs, build.Settings(TODAY, ledger=ledger))
    return [line.replace(str(data) + "/", "").replace(str(ledger), "published-urls.txt") for line in report.lines()]


def rename_board(data: Path, keep_former: bool = True) -> None:
    """Rename riverton-hwb to riverton-board everywhere, keeping the old id in former_ids."""
    for path in sorted(data.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace(f"{BOARD}]", f"{NEW_BOARD}]").replace(f"board_id: {BOARD}\n", f"board_id: {NEW_BOARD}\n")
        )
    sub(data / "strategies/riverton-jhws.yml", f"adopted_by: {BOARD}/", f"adopted_by: {NEW_BOARD}/")
    sub(data / f"documents/{DOC}.yml", f"meeting_id: {BOARD}/", f"meeting_id: {NEW_BOARD}/")
    board = data / f"boards/{BOARD}.yml"
    former = "[riverton-health-board, riverton-hwb]" if keep_former else "[riverton-health-board]"
    sub(board, f"id: {BOARD}\nformer_ids: [riverton-health-board]", f"id: {NEW_BOARD}\nformer_ids: {former}")
    board.rename(data / f"boards/{NEW_BOARD}.yml")
    (data / "meetings" / BOARD).rename(data / "meetings" / NEW_BOARD)


def redate_meeting(data: Path, board: str = BOARD, keep_former: bool = True) -> None:
    """Correct the date of the 2024-03-14 meeting to 2024-03-15, keeping the old id in former_ids."""
    path = data / f"meetings/{board}/2024-03-14.yml"
    former = "former_ids: ['2024-03-14']\n" if keep_former else ""
    sub(path, "id: 2024-03-14\n", f"id: 2024-03-15\n{former}")
    sub(path, "date: 2024-03-14", "date: 2024-03-15")
    path.rename(path.with_name("2024-03-15.yml"))
    sub(data / "strategies/riverton-jhws.yml", "/2024-03-14/", "/2024-03-15/")


def renumber_minute(data: Path, board: str = BOARD, meeting: str = "2024-03-14", former: bool = True) -> None:
    """Correct minute 4/24 to 5/24, keeping the old number in former_minutes."""
    path = data / f"meetings/{board}/{meeting}.yml"
    sub(path, 'minute: "4/24"', 'minute: "5/24"')
    sub(path, "resolution: 4/24\n        priority_ids", "resolution: 5/24\n        priority_ids")
    if former:
        sub(
            path,
            '    resolutions:\n      - preamble: "RESOLVED that:"',
            '    resolutions:\n      - former_minutes: ["4/24"]\n        preamble: "RESOLVED that:"',
        )
    sub(data / "strategies/riverton-jhws.yml", f"/{meeting}/4-24", f"/{meeting}/5-24")


def rename_document(data: Path) -> None:
    """Rename the agenda pack's id, keeping the old id in former_ids."""
    for path in sorted(data.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"document_id: {DOC}", "document_id: pack-2024-06-20"))
    path = data / f"documents/{DOC}.yml"
    sub(path, f"id: {DOC}\n", f"id: pack-2024-06-20\nformer_ids: [{DOC}]\n")
    path.rename(data / "documents/pack-2024-06-20.yml")


def redirect_of(docs: Path, rel: str) -> str:
    """The target of the redirect stub written at ``rel`` (a Markdown file of docs)."""
    text = (docs / rel).read_text(encoding="utf-8")
    start = text.index('"redirect": "') + len('"redirect": "')
    return text[start : text.index('"', start)]


def test_renamed_board_keeps_every_url_under_it(tmp_path: Path) -> None:
    """Its meetings, decisions, registers, overview, feeds, calendar and JSON twins all keep working."""
    data, docs, ledger = publish(tmp_path)
    rename_board(data)
    assert rebuild(data, docs, ledger) == []
    stubs = {
        "boards/riverton-hwb.md": "../../boards/riverton-board/",
        "boards/riverton-hwb/indicators.md": "../../../boards/riverton-board/indicators/",
        "meetings/riverton-hwb.md": "../../meetings/riverton-board/",
        "meetings/riverton-hwb/2024-03-14.md": "../../../meetings/riverton-board/2024-03-14/",
        "decisions/riverton-hwb.md": "../../decisions/riverton-board/",
        "decisions/riverton-hwb/2024.md": "../../../decisions/riverton-board/2024/",
        "decisions/riverton-hwb/2024-03-14/4-24.md": "../../../../decisions/riverton-board/2024-03-14/4-24/",
        "boards/riverton-health-board.md": "../../boards/riverton-board/",
        "meetings/riverton-health-board/2030-01-15.md": "../../../meetings/riverton-board/2030-01-15/",
    }
    assert {rel: redirect_of(docs, rel) for rel in stubs} == stubs
    for old, new in [
        ("feeds/decisions/riverton-hwb.xml", "feeds/decisions/riverton-board.xml"),
        ("feeds/meetings/riverton-hwb.xml", "feeds/meetings/riverton-board.xml"),
        ("calendars/riverton-hwb.ics", "calendars/riverton-board.ics"),
        ("boards/riverton-hwb.json", "boards/riverton-board.json"),
        ("meetings/riverton-hwb/2024-03-14.json", "meetings/riverton-board/2024-03-14.json"),
        ("decisions/riverton-hwb/2024-03-14/4-24.json", "decisions/riverton-board/2024-03-14/4-24.json"),
    ]:
        assert (docs / old).read_bytes() == (docs / new).read_bytes(), old


def test_redated_meeting_keeps_its_page_and_its_decisions(tmp_path: Path) -> None:
    """A meeting's former_ids are its earlier dates: the old page and its decisions redirect."""
    data, docs, ledger = publish(tmp_path)
    redate_meeting(data)
    assert rebuild(data, docs, ledger) == []
    assert redirect_of(docs, "meetings/riverton-hwb/2024-03-14.md") == "../../../meetings/riverton-hwb/2024-03-15/"
    assert (
        redirect_of(docs, "decisions/riverton-hwb/2024-03-14/4-24.md")
        == "../../../../decisions/riverton-hwb/2024-03-15/4-24/"
    )
    old, new = docs / "meetings/riverton-hwb/2024-03-14.json", docs / "meetings/riverton-hwb/2024-03-15.json"
    assert old.read_bytes() == new.read_bytes()


def test_corrected_minute_keeps_the_decision_url(tmp_path: Path) -> None:
    """former_minutes on a resolution keeps the URL published under the wrong minute number."""
    data, docs, ledger = publish(tmp_path)
    renumber_minute(data)
    assert rebuild(data, docs, ledger) == []
    assert (
        redirect_of(docs, "decisions/riverton-hwb/2024-03-14/4-24.md")
        == "../../../../decisions/riverton-hwb/2024-03-14/5-24/"
    )


def test_renamed_document_redirects(tmp_path: Path) -> None:
    """A document's former_ids redirect like every other kind's."""
    data, docs, ledger = publish(tmp_path)
    rename_document(data)
    assert rebuild(data, docs, ledger) == []
    assert redirect_of(docs, f"documents/{DOC}.md") == "../../documents/pack-2024-06-20/"


def test_everything_at_once_keeps_every_published_url(tmp_path: Path) -> None:
    """Board renamed, meeting re-dated, minute corrected and document renamed in one edit."""
    data, docs, ledger = publish(tmp_path)
    rename_board(data)
    redate_meeting(data, NEW_BOARD)
    renumber_minute(data, NEW_BOARD, "2024-03-15")
    rename_document(data)
    assert rebuild(data, docs, ledger) == []
    target = "../../../../decisions/riverton-board/2024-03-15/5-24/"
    assert redirect_of(docs, "decisions/riverton-hwb/2024-03-14/4-24.md") == target


def test_moved_record_keeps_the_urls_it_can(tmp_path: Path) -> None:
    """moved_from: a board recorded as a document; its pages lead to the document, its JSON is served again."""
    data, docs, ledger = publish(tmp_path)
    (data / "boards/riverton-sab.yml").unlink()
    (data / "documents/riverton-sab-terms.yml").write_text(
        "id: riverton-sab-terms\ntitle: Riverton SAB terms of reference\nkind: other\n"
        "moved_from: [boards/riverton-sab, /boards/riverton-sab/members/]\n",
        encoding="utf-8",
    )
    assert rebuild(data, docs, ledger) == []
    page = "../../documents/riverton-sab-terms/"
    assert redirect_of(docs, "boards/riverton-sab.md") == page
    assert redirect_of(docs, "meetings/riverton-sab.md") == page  # no counterpart: the record's page
    assert redirect_of(docs, "decisions/riverton-sab.md") == page
    assert redirect_of(docs, "boards/riverton-sab/members.md") == "../" + page
    assert (docs / "boards/riverton-sab.json").read_bytes() == (docs / "documents/riverton-sab-terms.json").read_bytes()
    assert not (docs / "feeds/decisions/riverton-sab.xml").exists()  # a document has no feed to serve there


def test_redirect_stubs_and_copies_are_written_by_the_generator_and_removed_with_the_claim(tmp_path: Path) -> None:
    """Taking a former id out again removes its redirect pages and copies like any other generated file."""
    data, docs, ledger = publish(tmp_path)
    rename_board(data)
    assert rebuild(data, docs, ledger) == []
    assert (docs / "feeds/decisions/riverton-hwb.xml").exists()
    sub(
        data / f"boards/{NEW_BOARD}.yml",
        "former_ids: [riverton-health-board, riverton-hwb]",
        "former_ids: [riverton-health-board]",
    )
    lines = rebuild(data, docs, ledger)
    assert lines and all("no board has the id 'riverton-hwb' now" in line for line in lines)
    assert (docs / "feeds/decisions/riverton-hwb.xml").exists()  # nothing is written while errors remain
    report, result = build.build(data, docs, build.Settings(TODAY))  # without the ledger that holds the promise
    assert result is not None, report.lines()
    assert not (docs / "feeds/decisions/riverton-hwb.xml").exists()
    assert not (docs / "boards/riverton-hwb.md").exists()


MEETING = "meetings/riverton-hwb/2024-03-14.yml"
CLASHES: list[tuple[str, dict[str, tuple[str, str]], list[str]]] = [
    (
        "two_boards_claim_one_former_id",
        {"boards/riverton-sab.yml": ("id: riverton-sab\n", "id: riverton-sab\nformer_ids: [riverton-health-board]\n")},
        [
            "boards/riverton-sab.yml:2: former_ids[0]: 'riverton-health-board' is also claimed by board 'riverton-hwb' "
            "(an old address can lead to one record only)"
        ],
    ),
    (
        "former_id_of_a_live_meeting",
        {"meetings/riverton-hwb/2030-01-15.yml": ("id: 2030-01-15\n", "id: 2030-01-15\nformer_ids: [2024-03-14]\n")},
        [
            "meetings/riverton-hwb/2030-01-15.yml:2: former_ids[0]: '2024-03-14' is still the id of another meeting of riverton-hwb"
        ],
    ),
    (
        "own_id_as_former_id",
        {"meetings/riverton-hwb/2030-01-15.yml": ("id: 2030-01-15\n", "id: 2030-01-15\nformer_ids: [2030-01-15]\n")},
        [
            "meetings/riverton-hwb/2030-01-15.yml:2: former_ids[0]: '2030-01-15' is this record's own id (list only earlier ones)"
        ],
    ),
    (
        "own_minute_as_former_minute",
        {
            MEETING: (
                '      - preamble: "RESOLVED that:"',
                '      - former_minutes: ["4/24"]\n        preamble: "RESOLVED that:"',
            )
        },
        [
            f"{MEETING}:43: items[1].resolutions[0].former_minutes[0]: '4/24' is this resolution's own minute (list only earlier ones)"
        ],
    ),
    (
        "former_minute_of_another_resolution",
        {
            MEETING: (
                "    minutes: Apologies were received from Dr Member.\n",
                "    minutes: Apologies were received from Dr Member.\n    resolutions:\n      - former_minutes: ['4/24']\n"
                "        parts: [{text: Apologies were noted.}]\n        outcome: noted\n",
            )
        },
        [
            f"{MEETING}:31: items[0].resolutions[0].former_minutes[0]: '4/24' is still the minute of another resolution of this meeting"
        ],
    ),
    (
        "moved_from_unknown_kind",
        {"people/eve-officer.yml": ("id: eve-officer\n", "id: eve-officer\nmoved_from: [board/old-board]\n")},
        [
            "people/eve-officer.yml:2: moved_from[0]: 'board' is not a kind of record; expected one of: "
            "organisations, boards, people, documents, meetings, strategies, indicators, plans, work-programmes "
            "(did you mean 'boards'?)"
        ],
    ),
    (
        "moved_from_same_kind",
        {"people/eve-officer.yml": ("id: eve-officer\n", "id: eve-officer\nmoved_from: [people/eve-clerk]\n")},
        [
            "people/eve-officer.yml:2: moved_from[0]: 'people/eve-clerk' is a person like this record: "
            "add 'eve-clerk' to former_ids instead"
        ],
    ),
    (
        "moved_from_a_live_record",
        {"people/eve-officer.yml": ("id: eve-officer\n", "id: eve-officer\nmoved_from: [boards/riverton-sab]\n")},
        [
            "people/eve-officer.yml:2: moved_from[0]: 'boards/riverton-sab' is still a record: "
            "a record can move only from an id that no record has now"
        ],
    ),
    (
        "moved_from_a_meeting_without_its_board",
        {"people/eve-officer.yml": ("id: eve-officer\n", "id: eve-officer\nmoved_from: [meetings/2024-01-01]\n")},
        [
            "people/eve-officer.yml:2: moved_from[0]: 'meetings/2024-01-01' does not name a meeting: "
            "write meetings/<board>/<id>"
        ],
    ),
    (
        "moved_from_claimed_by_former_ids",
        {
            "people/eve-officer.yml": (
                "id: eve-officer\n",
                "id: eve-officer\nmoved_from: [boards/riverton-health-board]\n",
            )
        },
        [
            "people/eve-officer.yml:2: moved_from[0]: 'boards/riverton-health-board' is also claimed by board 'riverton-hwb' "
            "(an old address can lead to one record only)"
        ],
    ),
    (
        "moved_from_not_an_address",
        {"people/eve-officer.yml": ("id: eve-officer\n", "id: eve-officer\nmoved_from: [Boards/Old Board]\n")},
        [
            # A refused field makes the person's file invalid, so the meeting that names her says where she is defined.
            "meetings/riverton-hwb/2024-03-14.yml:16: attendance[3].person_id: person 'eve-officer' is defined in "
            "people/eve-officer.yml, which has errors (fix them first)",
            "people/eve-officer.yml:2: moved_from[0]: 'Boards/Old Board' is neither a kind and id ('boards/coventry-hwb') "
            "nor an old page address ('/boards/coventry-hwb/')",
        ],
    ),
]


@pytest.mark.parametrize(("name", "edits", "expected"), CLASHES, ids=[c[0] for c in CLASHES])
def test_a_clash_in_the_map_is_reported_at_the_claim(
    tmp_path: Path, name: str, edits: dict, expected: list[str]
) -> None:
    """Two records claiming one old address, or an old address still in use, is a path:line error of `check`."""
    files = {}
    for rel, (old, new) in edits.items():
        text = fixture_text(rel)
        assert old in text, old
        files[rel] = text.replace(old, new, 1)
    assert check_lines(make_dataset(tmp_path, files)) == expected


@pytest.mark.parametrize(
    ("moved_from", "expected"),
    [
        (
            "/people/a-z/a/",
            "'/people/a-z/a/' is the address of a page or file that exists now, so it cannot lead elsewhere",
        ),
        (
            "/boards/riverton-health-board/",
            "'/boards/riverton-health-board/' is also claimed by {data}/boards/riverton-hwb.yml:2 "
            "(an old address can lead to one record only)",
        ),
    ],
)
def test_an_old_page_address_in_use_is_reported_by_the_build(tmp_path: Path, moved_from: str, expected: str) -> None:
    """Clashes the generated files reveal are reported at the claim too, and nothing is written."""
    person = fixture_text("people/eve-officer.yml").replace(
        "id: eve-officer\n", f"id: eve-officer\nmoved_from: ['{moved_from}']\n"
    )
    data = make_dataset(tmp_path, {"people/eve-officer.yml": person})
    report, result = build.build(data, tmp_path / "docs", build.Settings(TODAY))
    assert result is None
    assert report.lines() == [f"{data}/people/eve-officer.yml:2: moved_from[0]: " + expected.format(data=data)]


SAB_MEETING = """id: 2024-05-01
board_id: riverton-sab
date: 2024-05-01
status: held
items:
  - number: "1"
    title: Annual report
    resolutions:
      - parts: [{text: The annual report be noted.}]
        outcome: noted
"""


def test_meeting_filed_under_the_wrong_board_moves_with_its_decisions(tmp_path: Path) -> None:
    """moved_from meetings/<other board>/<id>: its page, decisions and JSON follow; the emptied year is named."""
    ledger = tmp_path / "published-urls.txt"
    data = make_dataset(tmp_path / "first", {"meetings/riverton-sab/2024-05-01.yml": SAB_MEETING})
    report, result = build.build(data, tmp_path / "docs", build.Settings(TODAY, ledger=ledger, new_ledger=True))
    assert result is not None, report.lines()
    (data / "meetings/riverton-sab/2024-05-01.yml").unlink()
    moved = SAB_MEETING.replace("board_id: riverton-sab\n", "board_id: riverton-hwb\n")
    moved = moved.replace("status: held\n", "status: held\nmoved_from: [meetings/riverton-sab/2024-05-01]\n")
    (data / "meetings/riverton-hwb/2024-05-01.yml").write_text(moved, encoding="utf-8")
    year = "/decisions/riverton-sab/2024/"
    assert rebuild(data, tmp_path / "docs", ledger) == [
        f"published-urls.txt:{ledger.read_text().splitlines().index(year) + 1}: '{year}' was published before and no "
        "longer resolves (board 'riverton-sab' has no decisions in 2024 now: restore them, or add "
        "'/decisions/riverton-sab/2024/' to moved_from of the record that replaces it)"
    ]
    sub(data / "meetings/riverton-hwb/2024-05-01.yml", "2024-05-01]", "2024-05-01, /decisions/riverton-sab/2024/]")
    docs = tmp_path / "docs"
    assert rebuild(data, docs, ledger) == []
    assert redirect_of(docs, "meetings/riverton-sab/2024-05-01.md") == "../../../meetings/riverton-hwb/2024-05-01/"
    assert (
        redirect_of(docs, "decisions/riverton-sab/2024-05-01/1.md")
        == "../../../../decisions/riverton-hwb/2024-05-01/1/"
    )
    assert redirect_of(docs, "decisions/riverton-sab/2024.md") == "../../../meetings/riverton-hwb/2024-05-01/"
    old, new = docs / "meetings/riverton-sab/2024-05-01.json", docs / "meetings/riverton-hwb/2024-05-01.json"
    assert old.read_bytes() == new.read_bytes()
    url = "/decisions/riverton-sab/2024-05-01/9/"  # the hint follows the meeting to its new board
    with ledger.open("a", encoding="utf-8") as handle:
        handle.write(url + "\n")
    assert rebuild(data, docs, ledger) == [
        f"published-urls.txt:{ledger.read_text().splitlines().index(url) + 1}: '{url}' was published before and no "
        "longer resolves (meeting 'riverton-hwb/2024-05-01' has no decision '9' now: add former_minutes: ['9'] to "
        "the resolution it became (now minute '1', in data/meetings/riverton-hwb/2024-05-01.yml))"
    ]


def test_a_board_that_is_really_an_organisation_moves_and_keeps_its_addresses(tmp_path: Path) -> None:
    """Issue 15's migration: a body recorded as a board only so it could own something becomes an organisation."""
    data, docs, ledger = publish(tmp_path)
    (data / "boards/riverton-sab.yml").unlink()
    (data / "organisations/riverton-sab.yml").write_text(
        "id: riverton-sab\nname: Riverton Safeguarding Adults Partnership\nkind: partnership\n"
        "moved_from: [boards/riverton-sab]\n",
        encoding="utf-8",
    )
    assert rebuild(data, docs, ledger) == []
    assert redirect_of(docs, "boards/riverton-sab.md") == "../../organisations/riverton-sab/"
    assert redirect_of(docs, "meetings/riverton-sab.md") == "../../organisations/riverton-sab/"
    assert (docs / "boards/riverton-sab.json").read_bytes() == (docs / "organisations/riverton-sab.json").read_bytes()
