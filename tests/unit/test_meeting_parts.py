"""Small parts of the meeting page, rendered from their macros."""

from __future__ import annotations

import pytest

from generator.render.env import make_env


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [(["19"], " (item 19)"), (["3", "4"], " (items 3, 4)"), ([], "")],
)
def test_a_guest_attends_some_items(numbers: list[str], expected: str) -> None:
    """Name the items a guest attended for, 'item' for one and 'items' for several."""
    parts = make_env().get_template("meeting_parts.j2").module
    assert str(parts.for_items(numbers)) == expected  # type: ignore[attr-defined]
