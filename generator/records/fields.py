"""Field types shared by every record kind.

Every value arrives from YAML or CSV as a string (see ``yamlpos``); each type
here converts that string by its declared meaning and, when it cannot, raises
a ``PydanticCustomError`` whose text is the exact message staff will read.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, WithJsonSchema
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from generator.records.editor_schema import DUE_AS_DATE, NON_BLANK, NUMBER, PAGES_LOOSE, YES_NO, text_schema
from generator.records.mdlimits import MAX_CHARS, markdown_problem
from generator.records.suggest import did_you_mean

# Limits, documented on the data-format reference page (render/reference.py reads them). Each
# comfortably fits the longest value in the real data (in brackets), and the ids and minute
# numbers that become parts of file names keep every path a build writes short enough for any
# common file system (see urls.LONGEST_PATH).
MAX_ID = 100  # (73: a scrutiny committee's board id)
MAX_MEETING_ID = 40  # (10: a date; '-2' marks a second meeting that day)
MAX_MINUTE = 32  # (5: '6(ii)')
MAX_SUFFIX = 8  # (1: 'b')
MAX_LINE = 1_000  # plain text: names, titles, places, short values (247: an action's owner)
MAX_PROSE = 20_000  # long text: notes, verbatim paragraphs, descriptions (905: a note)
MAX_URL = 2_000  # (167), about the longest address browsers accept

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
PAGES_RE = re.compile(r"^\d+(?:-\d+)?$")
URL_RE = re.compile(r"^https?://[^\s<>\"']+$")
OLD_PAGE_RE = re.compile(r"^/(?:[a-z0-9][a-z0-9-]*/)+$")
KIND_ID_RE = re.compile(r"^[a-z]+(?:/[a-z0-9]+(?:-[a-z0-9]+)*){1,2}$")
OLD_ADDRESS_PATTERN = f"^ *(?:{OLD_PAGE_RE.pattern[1:-1]}|{KIND_ID_RE.pattern[1:-1]}) *$"  # parse_old_address strips

YES = {"yes", "true"}
NO = {"no", "false"}


def slug(text: str) -> str:
    """Make a printed minute number URL-safe: '23/13' -> '23-13', '6(i)' -> '6-i' (urls.decision_key uses it)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def fail(message: str) -> PydanticCustomError:
    """Build the error pydantic reports with ``message`` as its exact text."""
    return PydanticCustomError("minutebook", message)


def fail_at(field: str, message: str) -> PydanticCustomError:
    """Build an error from a whole-record check that belongs to ``field``."""
    return PydanticCustomError("minutebook", "@{field}@{message}", {"field": field, "message": message})


def _text(value: Any, what: str, limit: int | None = MAX_LINE) -> str:
    """The value as a string; a long one is refused before any message quotes it."""
    if isinstance(value, list):
        raise fail(f"expected {what}, found a list")
    if isinstance(value, dict):
        raise fail(f"expected {what}, found a mapping")
    text = value if isinstance(value, str) else str(value)
    if limit is not None:
        too_long(text, limit, "this field", "check that this is the value you meant")
    return text


def too_long(text: str, limit: int, what: str, hint: str) -> None:
    """Refuse ``text`` when it has more than ``limit`` characters."""
    if len(text) > limit:
        raise fail(f"is {len(text):,} characters long, over the limit of {limit:,} for {what} ({hint})")


def id_parser(limit: int, what: str, hint: str) -> Any:
    """Return a parser of ids of at most ``limit`` characters."""

    def parse(value: Any) -> str:
        text = _text(value, "an id", limit=None)
        too_long(text, limit, what, hint)
        if not ID_RE.fullmatch(text):
            raise fail(f"'{text}' is not a valid id (use lowercase letters, digits and hyphens, e.g. 'coventry-hwb')")
        return text

    return parse


parse_id = id_parser(MAX_ID, "an id", "ids are short names such as 'coventry-hwb'")


def parse_date(value: Any) -> date:
    """Accept a real calendar date written YYYY-MM-DD."""
    if isinstance(value, date):
        return value
    text = _text(value, "a date")
    match = DATE_RE.fullmatch(text)
    if not match:
        raise fail(f"'{text}' is not a date (write dates as YYYY-MM-DD, e.g. 2017-07-10)")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise fail(f"'{text}' is not a real date: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise fail(f"'{text}' is not a real date: {name} {year} has {last} days")
    return date(year, month, day)


def parse_due(value: Any) -> date | str:
    """Accept a date, or free text such as 'TBC' or 'Ongoing' (never empty: leave the field out instead)."""
    text = parse_line(value)
    if re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", text):
        return parse_date(text)
    return text


def parse_time(value: Any) -> str:
    """Accept a 24-hour clock time written HH:MM."""
    text = _text(value, "a time")
    if not TIME_RE.fullmatch(text):
        raise fail(f"'{text}' is not a time (write times as 24-hour HH:MM, e.g. 14:00)")
    return text


def parse_bool(value: Any) -> bool:
    """Accept yes/no (or true/false)."""
    if isinstance(value, bool):
        return value
    text = _text(value, "yes or no")
    if text.lower() in YES:
        return True
    if text.lower() in NO:
        return False
    raise fail(f"'{text}' is not yes or no")


def parse_int(value: Any) -> int:
    """Accept a whole number."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = _text(value, "a whole number")
    if not re.fullmatch(r"^\d+$", text):
        raise fail(f"'{text}' is not a whole number")
    return int(text)


def parse_pages(value: Any) -> str:
    """Accept a page or page range as '12' or '9-22'."""
    text = _text(value, "a page range").replace(" ", "")
    if not PAGES_RE.fullmatch(text):
        raise fail(f"'{text}' is not a page or page range (write '12' or '9-22')")
    if "-" in text:
        first, last = (int(part) for part in text.split("-"))
        if last < first:
            raise fail(f"'{text}' is not a page range: {last} comes before {first}")
    return text


def parse_url(value: Any) -> str:
    """Accept an http or https address."""
    text = _text(value, "a web address", limit=None)
    too_long(text, MAX_URL, "a web address", "link to a shorter address of the same page")
    if not URL_RE.fullmatch(text):
        raise fail(f"'{text}' is not a web address (it must start with https:// or http://)")
    return text


def parse_old_address(value: Any) -> str:
    """Accept a record as <kind>/<id> (a meeting: meetings/<board>/<id>), or an old page address /a/b/."""
    text = _text(value, "an old address").strip()
    if OLD_PAGE_RE.fullmatch(text) or KIND_ID_RE.fullmatch(text):
        return text
    raise fail(
        f"'{text}' is neither a kind and id ('boards/coventry-hwb') nor an old page address ('/boards/coventry-hwb/')"
    )


def parse_text(value: Any) -> str:
    """Accept non-empty text; strip surrounding white space."""
    text = _text(value, "text", limit=None).strip()
    if not text:
        raise fail("must not be empty")
    return text


def parse_line(value: Any) -> str:
    """Accept non-empty plain text of up to MAX_LINE characters: a name, a title, a short value."""
    text = parse_text(value)
    too_long(text, MAX_LINE, "this field", "names and titles are short; longer text belongs in a note")
    return text


def parse_prose(value: Any) -> str:
    """Accept non-empty plain text of up to MAX_PROSE characters: a note or a verbatim paragraph."""
    text = parse_text(value)
    too_long(text, MAX_PROSE, "this field", "split it up, or cite the document that holds it in full")
    return text


def parse_minute(value: Any) -> str:
    """Accept a minute or item number as printed; it becomes part of a decision's web address."""
    text = parse_text(value)
    hint = "the number as printed, e.g. '23/13'; words belong in the title"
    too_long(text, MAX_MINUTE, "a minute number", hint)
    if len(slug(text)) > MAX_MINUTE:  # lower-casing can lengthen a few letters, such as 'İ'
        raise fail(
            f"becomes '{slug(text)}' ({len(slug(text))} characters) in the decision's web address, "
            f"over the limit of {MAX_MINUTE} for a minute number ({hint})"
        )
    return text


def parse_markdown(value: Any) -> str:
    """Accept Markdown text within the bounds that keep its rendering fast (mdlimits.py)."""
    text = parse_text(value)
    problem = markdown_problem(text)
    if problem:
        raise fail(problem)
    return text


Choice = str | tuple[str, str]  # a value, or a value with its meaning: ("held", "the meeting took place")


class OneOf:
    """A field type's metadata that accepts exactly one of ``options``: ``Annotated[str, OneOf('a', 'b')]``.

    Each option may carry its meaning, ``OneOf(("held", "the meeting took place"), ...)``: the data-format
    reference lists every value with it (tests/unit/test_reference.py fails when one has none).
    """

    def __init__(self, *options: Choice) -> None:
        self.options = tuple(o if isinstance(o, str) else o[0] for o in options)
        self.meanings: dict[str, str | None] = {
            o if isinstance(o, str) else o[0]: None if isinstance(o, str) else o[1] for o in options
        }
        self.json_schema: dict[str, Any] = {"type": "string", "enum": list(self.options)}  # also read by the reference

    def check(self, value: Any) -> str:
        """Accept one of the options, or say which are allowed and which was probably meant."""
        text = _text(value, "one of: " + ", ".join(self.options))
        if text in self.options:
            return text
        hint = did_you_mean(text, self.options)
        raise fail(f"'{text}' is not one of: {', '.join(self.options)}{hint}")

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_before_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return dict(self.json_schema)


def _id_type(limit: int, what: str, hint: str) -> Any:
    schema = {"type": ["string", "integer"], "pattern": ID_RE.pattern, "maxLength": limit, "minimum": 0}
    return Annotated[str, BeforeValidator(id_parser(limit, what, hint)), WithJsonSchema(schema)]


Id = _id_type(MAX_ID, "an id", "ids are short names such as 'coventry-hwb'")
Ref = Id  # a reference to another record's id; resolved in site/checks.py
MeetingId = _id_type(
    MAX_MEETING_ID, "a meeting id", "the meeting's date, with -2 for a second meeting that day"
)  # part of the paths of the meeting's decisions
Suffix = _id_type(MAX_SUFFIX, "a suffix", "a letter such as 'b'")
MinuteNumber = Annotated[
    str,
    BeforeValidator(parse_minute),
    WithJsonSchema({"type": ["string", "number"], "minLength": 1, "maxLength": MAX_MINUTE, "pattern": NON_BLANK}),
]
IsoDate = Annotated[
    date, BeforeValidator(parse_date), WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_RE.pattern})
]
DueDate = Annotated[
    date | str,
    BeforeValidator(parse_due),
    WithJsonSchema(
        text_schema(
            MAX_LINE,
            description="YYYY-MM-DD, or text such as TBC",
            anyOf=[{"format": "date"}, {"not": {"pattern": DUE_AS_DATE}}],
        )
    ),
]
Time = Annotated[str, BeforeValidator(parse_time), WithJsonSchema({"type": "string", "pattern": TIME_RE.pattern})]
YesNo = Annotated[
    bool,
    BeforeValidator(parse_bool),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "boolean"},
                {"type": "string", "enum": ["yes", "no"]},
                {"type": "string", "pattern": YES_NO},
            ]
        }
    ),
]
Count = Annotated[
    int,
    BeforeValidator(parse_int),
    WithJsonSchema(
        {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": "^\\d+$", "maxLength": MAX_LINE}]}
    ),
]
Pages = Annotated[
    str,
    BeforeValidator(parse_pages),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": PAGES_LOOSE, "maxLength": MAX_LINE},
            ]
        }
    ),
]
Url = Annotated[
    str,
    BeforeValidator(parse_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": URL_RE.pattern, "maxLength": MAX_URL}),
]
Text = Annotated[str, BeforeValidator(parse_line), WithJsonSchema(text_schema(MAX_LINE))]
LongText = Annotated[str, BeforeValidator(parse_prose), WithJsonSchema(text_schema(MAX_PROSE))]
OldAddress = Annotated[
    str,
    BeforeValidator(parse_old_address),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": f"^ *(?:{OLD_PAGE_RE.pattern[1:-1]}|{KIND_ID_RE.pattern[1:-1]}) *$",
            "maxLength": MAX_LINE,
        }
    ),
]
# Markdown is allowed only in fields of this type; raw HTML is shown as typed and unsafe links
# are removed when it is rendered (render/markup.py).
Markdown = Annotated[
    str,
    BeforeValidator(parse_markdown),
    WithJsonSchema(text_schema(MAX_CHARS, contentMediaType="text/markdown")),
]


def parse_number(value: Any) -> float:
    """Accept a plain decimal number (no commas, units or % signs)."""
    text = _text(value, "a number").strip()
    if not re.fullmatch(r"^-?\d+(?:\.\d+)?$", text):
        raise fail(f"'{text}' is not a number (leave the cell empty and give a reason in 'note')")
    return float(text)


Number = Annotated[
    float,
    BeforeValidator(parse_number),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER}]}),
]
