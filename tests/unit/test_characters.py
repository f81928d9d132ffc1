"""One rule per class of character, the same in raw YAML, YAML escapes and CSV cells (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import escape

from generator import build
from generator.ingest.charset import CLASSES, REFUSED, refusal
from generator.render.reference import reference_html
from tests.conftest import check_lines, fixture_text, make_dataset

PERSON = "people/zed.yml"  # a new person: no other record refers to it
CSV = "indicators/riverton-smoking.csv"
PASTED = "delete it; text pasted from a PDF or Word often brings invisible characters"
BIDI = (
    "delete it; it can make the text around it display in a misleading order, "
    "and right-to-left text displays correctly without it"
)
# One character of every refused class, with what the message calls it and what it says to do.
REFUSED_CASES = [
    ("\x01", "U+0001 (a control character)", PASTED),
    ("\x0b", "U+000B (a control character)", PASTED),
    ("\x1f", "U+001F (a control character)", PASTED),
    ("\x7f", "U+007F (a control character)", PASTED),
    ("\x80", "U+0080 (a control character)", PASTED),
    ("\x85", "U+0085 (a control character)", PASTED),
    ("\x9f", "U+009F (a control character)", PASTED),
    ("\u2028", "U+2028 (a line or paragraph separator)", "use an ordinary line break"),
    ("\u2029", "U+2029 (a line or paragraph separator)", "use an ordinary line break"),
    ("\ufdd0", "U+FDD0 (a noncharacter)", "delete it; programs use it internally and it is not text"),
    ("\ufffe", "U+FFFE (a noncharacter)", "delete it; programs use it internally and it is not text"),
    ("\uffff", "U+FFFF (a noncharacter)", "delete it; programs use it internally and it is not text"),
    ("\U0001fffe", "U+1FFFE (a noncharacter)", "delete it; programs use it internally and it is not text"),
    ("\U0010ffff", "U+10FFFF (a noncharacter)", "delete it; programs use it internally and it is not text"),
    ("\u202a", "U+202A (a bidirectional formatting character)", BIDI),
    ("\u202e", "U+202E (a bidirectional formatting character)", BIDI),
    ("\u2066", "U+2066 (a bidirectional formatting character)", BIDI),
    ("\u2069", "U+2069 (a bidirectional formatting character)", BIDI),
    ("\ufeff", "U+FEFF (a byte-order mark)", "delete it; it is left over from joining files"),
]
# Kept: legitimate in names and scripts, and written literally on every page.
KEPT = ["\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\U0001f600", "\u00ad"]


def person_text() -> str:
    """A valid person file for PERSON."""
    return (
        "id: zed\nname: Ann Chair\nhonorific: Councillor\nposts:\n"
        "  - organisation: Riverton City Council\n    title: Cabinet Member for Health\n"
    )


def escaped(char: str) -> str:
    """The character as a YAML double-quoted escape."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def test_every_refused_class_is_in_the_pattern_and_nothing_kept_is() -> None:
    """The pattern refuses every code point of every refused class, and none of a kept class."""
    for char_class in CLASSES:
        for low, high in char_class.ranges:
            for code in range(low, high + 1):
                assert bool(REFUSED.fullmatch(chr(code))) == char_class.refused, (char_class.name, hex(code))
    assert not any(REFUSED.search(char) for char in KEPT)
    assert sum(1 for code in range(0x110000) if REFUSED.fullmatch(chr(code))) == 62 + 2 + 66 + 2048 + 9 + 1


@pytest.mark.parametrize(("char", "what", "advice"), REFUSED_CASES, ids=[hex(ord(c[0])) for c in REFUSED_CASES])
def test_refused_in_a_yaml_escape(tmp_path: Path, char: str, what: str, advice: str) -> None:
    """A double-quoted YAML escape that makes a refused character is reported at the field's line."""
    text = person_text().replace("name: Ann Chair", f'name: "Ann{escaped(char)} Chair"')
    assert check_lines(make_dataset(tmp_path, {PERSON: text})) == [
        f"{PERSON}:2: name: {what} at character 4 is not allowed in record text ({advice})"
    ]


@pytest.mark.parametrize(("char", "what", "advice"), REFUSED_CASES, ids=[hex(ord(c[0])) for c in REFUSED_CASES])
def test_refused_in_raw_yaml(tmp_path: Path, char: str, what: str, advice: str) -> None:
    """The same character typed into the file is reported at its line and column, whatever YAML makes of it."""
    text = person_text().replace("title: Cabinet Member", f"title: Cabinet{char} Member")
    assert check_lines(make_dataset(tmp_path, {PERSON: text})) == [
        f"{PERSON}:6:19: {what} is not allowed in record text ({advice})"
    ]


@pytest.mark.parametrize(("char", "what", "advice"), REFUSED_CASES, ids=[hex(ord(c[0])) for c in REFUSED_CASES])
def test_refused_in_a_csv_cell(tmp_path: Path, char: str, what: str, advice: str) -> None:
    """The same character in a CSV cell is reported at the row's line, naming the column."""
    text = fixture_text(CSV).replace(
        "2022,Riverton,E00000001,17.0,15.0,19.0,95,16.0,,", f"2022,Riverton,E00000001,17.0,15.0,19.0,95,16.0,a{char}b,"
    )
    assert check_lines(make_dataset(tmp_path, {CSV: text})) == [
        f"{CSV}:4: note: {what} at character 2 is not allowed in record text ({advice})"
    ]


def test_refused_in_a_key(tmp_path: Path) -> None:
    """A refused character in a key is reported as such, before the key is judged unknown."""
    text = person_text().replace("title:", '"job\\x80title":')
    assert check_lines(make_dataset(tmp_path, {PERSON: text})) == [
        f"{PERSON}:6: posts[0].job\\x80title: U+0080 (a control character) at character 4 is not allowed in record text ({PASTED})"
    ]


def test_every_refused_character_of_a_file_is_reported(tmp_path: Path) -> None:
    """Refused characters on three lines, raw and escaped, give three messages in one run."""
    text = person_text().replace("Ann Chair", "Ann\x80Chair").replace("Councillor", '"Coun\\u2028cillor"')
    text = text.replace("Riverton City Council", "Riverton\u202eCity Council")
    assert check_lines(make_dataset(tmp_path, {PERSON: text})) == [
        f"{PERSON}:2:10: U+0080 (a control character) is not allowed in record text ({PASTED})",
        f"{PERSON}:3: honorific: U+2028 (a line or paragraph separator) at character 5 is not allowed in record text "
        "(use an ordinary line break)",
        f"{PERSON}:5:27: U+202E (a bidirectional formatting character) is not allowed in record text ({BIDI})",
    ]


def test_surrogate_pair_escapes_are_read_as_one_character(tmp_path: Path) -> None:
    """JSON writes U+1F600 as "\\ud83d\\ude00"; YAML reads two halves, which the loader joins (JSON is YAML)."""
    text = (
        person_text()
        .replace("name: Ann Chair", 'name: "Ann \\ud83d\\ude00"')
        .replace("Cabinet Member for Health", '"\\ud83f\\udffe"')
    )
    data = make_dataset(tmp_path, {PERSON: text})
    assert check_lines(data) == [
        f"{PERSON}:6: posts[0].title: U+1FFFE (a noncharacter) at character 1 is not allowed in record text "
        "(delete it; programs use it internally and it is not text)"
    ]
    data.joinpath(PERSON).write_text(text.replace('"\\ud83f\\udffe"', "Cabinet"), encoding="utf-8")
    _, site = build.check(data)
    assert site is not None and site.people["zed"].name == "Ann \U0001f600"


def test_lone_surrogate_alone(tmp_path: Path) -> None:
    """A single half of a pair cannot be written in UTF-8 at all: refused, not a crash when the page is written."""
    text = person_text().replace("name: Ann Chair", 'name: "Ann \\udc00"')
    assert check_lines(make_dataset(tmp_path, {PERSON: text})) == [
        f"{PERSON}:2: name: U+DC00 (half of a UTF-16 surrogate pair) at character 5 is not allowed in record text "
        "(write the character itself, or as \\U followed by its 8 hex digits)"
    ]


@pytest.mark.parametrize("char", KEPT, ids=[hex(ord(c)) for c in KEPT])
def test_kept_characters_load_in_every_form(tmp_path: Path, char: str) -> None:
    """Direction marks, joiners and other legitimate characters pass in raw YAML, escapes and CSV cells."""
    person = person_text().replace("name: Ann Chair", f'name: "Ann{escaped(char)}Chair"')
    person = person.replace("title: Cabinet Member", f"title: Cabinet{char}Member")
    csv = fixture_text(CSV).replace(
        "2022,Riverton,E00000001,17.0,15.0,19.0,95,16.0,,", f"2022,Riverton,E00000001,17.0,15.0,19.0,95,16.0,a{char}b,"
    )
    assert check_lines(make_dataset(tmp_path, {PERSON: person, CSV: csv})) == []


def test_refusal_names_the_first_refused_character() -> None:
    """refusal() gives the position and message of the first refused character, or None."""
    assert refusal("plain text \u200d\u200e") is None
    found = refusal("ab\u202ecd\x80")
    assert found is not None
    assert found[0] == 2
    assert found[1] == f"U+202E (a bidirectional formatting character) is not allowed in record text ({BIDI})"


def test_reference_lists_every_class_and_its_decision() -> None:
    """The data-format page has one row per class, saying refused or kept and what to do."""
    html = reference_html()
    for char_class in CLASSES:
        decision = "refused" if char_class.refused else "kept"
        row = f'<tr><th scope="row">{escape(char_class.name)}</th> <td>{decision}</td> <td>{escape(char_class.advice)}</td></tr>'
        assert row in html, char_class.name
