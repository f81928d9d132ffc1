"""Which characters record text may hold: one decision per class, applied to every loaded string.

A character that no honest record needs and that some format downstream misreads (YAML front
matter, XML feeds, a browser's text direction) is refused at load time with its code point,
whether it was typed, written as a YAML escape (``"\\x80"``) or sits in a CSV cell. Everything
else is kept, and each output escapes what its format needs (front matter is ASCII JSON,
pages are HTML-escaped). The reference page prints ``CLASSES`` as its table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.records.diagnostics import DataError, format_loc

PASTED = "delete it; text pasted from a PDF or Word often brings invisible characters"
BIDI = (
    "delete it; it can make the text around it display in a misleading order, "
    "and right-to-left text displays correctly without it"
)


@dataclass(frozen=True)
class CharClass:
    """A class of characters, whether it is refused, and what to tell the person who typed one."""

    name: str
    ranges: tuple[tuple[int, int], ...]
    refused: bool
    what: str  # how a message names one, e.g. "a control character"
    advice: str  # refused: the hint; kept: why it is kept


NONCHARACTERS = ((0xFDD0, 0xFDEF), *((plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF) for plane in range(17)))
CLASSES: tuple[CharClass, ...] = (
    CharClass(
        "C0 control characters except tab and line break (U+0000 to U+001F), and DEL (U+007F)",
        ((0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x7F)),
        True,
        "a control character",
        PASTED,
    ),
    CharClass(
        "C1 control characters (U+0080 to U+009F), including U+0085 (next line)",
        ((0x80, 0x9F),),
        True,
        "a control character",
        PASTED,
    ),
    CharClass(
        "Line and paragraph separators (U+2028, U+2029)",
        ((0x2028, 0x2029),),
        True,
        "a line or paragraph separator",
        "use an ordinary line break",
    ),
    CharClass(
        "Noncharacters (U+FDD0 to U+FDEF, and the last two code points of every plane: U+FFFE, U+FFFF, "
        "U+1FFFE ... U+10FFFF)",
        NONCHARACTERS,
        True,
        "a noncharacter",
        "delete it; programs use it internally and it is not text",
    ),
    CharClass(
        "Lone surrogates (U+D800 to U+DFFF): half of a pair such as \\ud83d\\ude00, which JSON writes for one "
        "character beyond U+FFFF (a whole pair in a YAML escape is read as that character)",
        ((0xD800, 0xDFFF),),
        True,
        "half of a UTF-16 surrogate pair",
        "write the character itself, or as \\U followed by its 8 hex digits",
    ),
    CharClass(
        "Bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069)",
        ((0x202A, 0x202E), (0x2066, 0x2069)),
        True,
        "a bidirectional formatting character",
        BIDI,
    ),
    CharClass(
        "Byte-order mark inside the text (U+FEFF; one at the very start of a file is ignored)",
        ((0xFEFF, 0xFEFF),),
        True,
        "a byte-order mark",
        "delete it; it is left over from joining files",
    ),
    CharClass(
        "Tab, line feed and carriage return",
        ((0x09, 0x0A), (0x0D, 0x0D)),
        False,
        "",
        "ordinary white space; a line break stays a line break",
    ),
    CharClass(
        "Direction marks: left-to-right mark, right-to-left mark, Arabic letter mark (U+200E, U+200F, U+061C)",
        ((0x200E, 0x200F), (0x061C, 0x061C)),
        False,
        "",
        "needed in names and phrases that mix left-to-right and right-to-left scripts; "
        "each affects only the characters beside it",
    ),
    CharClass(
        "Zero-width space, non-joiner and joiner, word joiner (U+200B to U+200D, U+2060)",
        ((0x200B, 0x200D), (0x2060, 0x2060)),
        False,
        "",
        "needed to spell words in scripts such as Persian and Hindi, and in emoji",
    ),
    CharClass(
        "Every other character (letters, punctuation, symbols, emoji, soft hyphens, private use)",
        (),
        False,
        "",
        "shown as written; every page, feed and export escapes what its format needs",
    ),
)


def _pattern() -> re.Pattern[str]:
    """One character class of every refused range, built from CLASSES so the two cannot disagree."""
    parts = [f"\\U{low:08x}-\\U{high:08x}" for c in CLASSES if c.refused for low, high in c.ranges]
    return re.compile("[" + "".join(parts) + "]")


REFUSED = _pattern()
BY_CODE = {code: c for c in CLASSES if c.refused for low, high in c.ranges for code in range(low, high + 1)}


def describe(text: str, index: int) -> str:
    """Name the refused character at ``index`` of ``text`` and say what to do about it."""
    char = text[index]
    char_class = BY_CODE[ord(char)]
    return f"U+{ord(char):04X} ({char_class.what}) is not allowed in record text ({char_class.advice})"


def refusal(text: str) -> tuple[int, str] | None:
    """The index and message of the first refused character in ``text``, or None."""
    found = REFUSED.search(text)
    return None if found is None else (found.start(), describe(text, found.start()))


def in_value(text: str) -> str | None:
    """The message for a loaded value (a scalar, key or cell) holding a refused character, or None."""
    found = refusal(text)
    if found is None:
        return None
    index, message = found
    return message.replace(") is not allowed", f") at character {index + 1} is not allowed", 1)


def raw_refusals(text: str) -> list[DataError]:
    """One error per line of a file's raw text that holds a refused character (line and column exact)."""
    errors: list[DataError] = []
    last_line = 0
    for found in REFUSED.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        if line == last_line:
            continue
        last_line = line
        column = found.start() - text.rfind("\n", 0, found.start())
        errors.append(DataError(describe(text, found.start()), line, column))
    return errors


def blank_out(text: str) -> str:
    """``text`` with refused characters replaced by U+FFFD, so it parses with its lines unchanged."""
    return REFUSED.sub("\ufffd", text)


def value_refusals(data: Any, lines: dict[tuple[str | int, ...], int]) -> list[DataError]:
    """One error per key or string value of parsed YAML that holds a refused character."""
    errors: list[DataError] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:  # no recursion: the loader bounds depth, but this need not rely on it
        loc, value = stack.pop()
        if isinstance(value, str):
            message = in_value(value)
            if message:
                errors.append(DataError(message, _line(lines, loc), field=format_loc(loc)))
        elif isinstance(value, dict):
            for key, inner in value.items():
                message = in_value(key)
                if message:
                    errors.append(DataError(message, _line(lines, (*loc, key)), field=format_loc((*loc, key))))
                stack.append(((*loc, key), inner))
        elif isinstance(value, list):
            stack.extend(((*loc, i), inner) for i, inner in enumerate(value))
    return errors


def _line(lines: dict[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 0
