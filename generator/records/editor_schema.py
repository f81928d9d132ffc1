"""JSON Schema fragments of the field types, for the schemas editors use (records/fields.py uses them).

Each says what its parser accepts, as an editor reads the file (YAML 1.2: an unquoted 12 is a
number, true is a boolean). The parsers read every scalar as text, so where they accept any text,
numbers and booleans pass too; tests/unit/test_schema_agreement.py checks that schema and parser
give the same verdict on every field of every fixture record.
"""

from __future__ import annotations

from typing import Any

SCALAR = ["string", "number", "boolean"]
NON_BLANK = "\\S"  # at least one character that is not white space ('must not be empty')
YES_NO = "^([Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"
PAGES_LOOSE = "^ *[0-9][0-9 ]*(- *[0-9][0-9 ]*)?$"  # parse_pages removes spaces first
NUMBER = "^\\s*-?\\d+(\\.\\d+)?\\s*$"  # what parse_number reads, around its strip()
DUE_AS_DATE = "^\\d{4}-\\d{1,2}-\\d{1,2}$"  # what parse_due reads as a date (then it must be a real one)


def text_schema(limit: int, **more: Any) -> dict[str, Any]:
    """Non-blank text of at most ``limit`` characters (any number or yes/no an editor sees is text too)."""
    return {"type": SCALAR, "minLength": 1, "maxLength": limit, "pattern": NON_BLANK, **more}
