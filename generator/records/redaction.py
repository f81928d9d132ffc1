"""The redaction list: data/redactions.yml, text that history must never show again.

Each entry names a page's record, one of its fields, the commits whose versions of that field
must be withheld, and why. History pages, the change feed and citations honour it
(site/history/redact.py); the record's current data is edited as usual.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, PrivateAttr, WithJsonSchema

from generator.records.common import F, Located
from generator.records.fields import Text, _text, fail

COMMIT_RE = re.compile(r"^[0-9a-f]{7,40}$")
FIELD_RE = re.compile(r"^[a-z_]+(?:\.[a-z_]+)*$")


def parse_commit(value: Any) -> str:
    """Accept a commit id: 7 to 40 hexadecimal characters, as git and the history pages show them."""
    text = _text(value, "a commit id").strip().lower()
    if not COMMIT_RE.fullmatch(text):
        raise fail(f"'{text}' is not a commit id (copy the 7-character id shown on the record's history page)")
    return text


def parse_field(value: Any) -> str:
    """Accept a field path: names joined by dots, as the history page labels them ('items.minutes')."""
    text = _text(value, "a field name").strip()
    if not FIELD_RE.fullmatch(text):
        raise fail(f"'{text}' is not a field name (write field names joined by dots, e.g. attendance or items.minutes)")
    return text


def parse_address(value: Any) -> str:
    """Accept a page address as the site shows it ('/decisions/b/2024-03-14/5/'), kept without its slashes."""
    text = _text(value, "a page address").strip()
    if not re.fullmatch(r"/?(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*/?", text):
        raise fail(f"'{text}' is not a page address (copy it from the address bar, e.g. /people/jane-doe/)")
    return text.strip("/") + "/"


CommitId = Annotated[
    str, BeforeValidator(parse_commit), WithJsonSchema({"type": "string", "pattern": COMMIT_RE.pattern})
]
FieldPath = Annotated[
    str, BeforeValidator(parse_field), WithJsonSchema({"type": "string", "pattern": FIELD_RE.pattern})
]
Address = Annotated[str, BeforeValidator(parse_address), WithJsonSchema({"type": "string"})]


class Redaction(Located):
    """One entry of data/redactions.yml."""

    record: Address = F("The page of the record, as in the address bar without the site.", "/people/jane-doe/")
    field: FieldPath = F("The field whose old text is withheld; a list or group withholds all of it.", "attendance")
    commits: list[CommitId] = F(
        "The commits whose version of the field is withheld (shown on the record's history page).",
        ["3f2a9c1"],
        min_length=1,
    )
    reason: Text = F("Why, in plain English; readers see it in place of the text.", "Safeguarding")

    _index: int = PrivateAttr(default=0)  # its place in the list: messages name it ([2].commits[0])

    @property
    def index(self) -> int:
        """The entry's place in the list, counting from 0."""
        return self._index

    def number(self, index: int) -> None:
        """Remember the entry's place in the list."""
        self._index = index

    @property
    def fields(self) -> tuple[str, ...]:
        """The field path as names: ('items', 'minutes')."""
        return tuple(self.field.split("."))
