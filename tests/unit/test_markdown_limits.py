"""Markdown fields are bounded so rendering stays linear; what breaks a bound is a data error (issue 13, case 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markupsafe import escape

from generator.records.mdlimits import (
    MAX_BACKTICKS,
    MAX_BLOCK_CHARS,
    MAX_BLOCK_LINES,
    MAX_BRACKETS,
    MAX_CHARS,
    MAX_DEPTH,
    line_depth,
    markdown_problem,
)
from generator.render.markup import markdown_html
from generator.render.reference import reference_html
from tests.conftest import TODAY, check_lines, fixture_text, make_dataset, run_cli

MEETING = "meetings/riverton-hwb/2024-03-14.yml"
WHERE = f"{MEETING}:29: items[0].minutes"


def with_minutes(text: str) -> str:
    """The fixture meeting with ``text`` as its first item's minutes."""
    old = "    minutes: Apologies were received from Dr Member."
    return fixture_text(MEETING).replace(old, f"    minutes: {json.dumps(text)}")


CASES = [
    (
        "list_3000_deep",
        "- " * 3000 + "a",
        "line 1 of the text nests lists and block quotes 3000 deep; at most 6 levels are allowed (flatten the list, or indent it less)",
    ),
    (
        "indented_list",
        "".join("    " * i + "- a\n" for i in range(9)),
        "line 7 of the text nests lists and block quotes 7 deep; at most 6 levels are allowed (flatten the list, or indent it less)",
    ),
    (
        "quotes",
        "a\n\n" + "> " * 7 + "a",
        "line 3 of the text nests lists and block quotes 7 deep; at most 6 levels are allowed (flatten the list, or indent it less)",
    ),
    (
        "brackets_30000",
        "[" * 30_000,
        "the text is 30,000 characters long; Markdown text may be at most 20,000 (split it across items, or link to the document that holds it)",
    ),
    (
        "brackets",
        "intro\n\n" + "see [" * 51,
        "the paragraph, list or table from line 3 of the text has 51 square brackets '['; at most 50 are allowed in one "
        "(write \\[ for one that is only text, or put a blank line between paragraphs)",
    ),
    (
        "backticks",
        "`a" * 51,
        "the paragraph, list or table from line 1 of the text has 51 backticks '`'; at most 50 are allowed in one "
        "(write \\` for one that is only text, or put a blank line between paragraphs)",
    ),
    (
        "many_lines",
        "intro\n\n" + "# a\n" * 201,
        "the paragraph, list or table from line 3 of the text is 201 lines long; at most 200 lines and 5,000 characters "
        "may run without a blank line (put a blank line between paragraphs)",
    ),
    (
        "long_paragraph",
        "intro\n\n" + "word " * 1001,
        "the paragraph, list or table from line 3 of the text is 5,004 characters long; at most 200 lines and 5,000 "
        "characters may run without a blank line (put a blank line between paragraphs)",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), CASES, ids=[c[0] for c in CASES])
def test_markdown_over_a_bound_is_reported_at_the_field(tmp_path: Path, name: str, text: str, message: str) -> None:
    """Each bound gives one plain message at the field's line."""
    lines = check_lines(make_dataset(tmp_path, {MEETING: with_minutes(text)}))
    # The meeting's file has errors, so the strategy adopted at that meeting also says where it is defined.
    assert [line for line in lines if line.startswith(MEETING)] == [f"{WHERE}: {message}"]


@pytest.mark.parametrize(
    "text",
    [
        "\\[" * 500 + " \\`" * 500,  # escaped brackets and backticks are only text
        "\n\n".join(["[a](https://example.org/) " * MAX_BRACKETS] * 3),
        "\n\n".join(["`code` " * (MAX_BACKTICKS // 2)] * 3),
        "".join("    " * i + "- a\n" for i in range(MAX_DEPTH)),
        "> " * MAX_DEPTH + "quoted",
        "* * * * * * * * * *",  # a horizontal rule, not ten list markers
        "\n\n".join(["line\n" * MAX_BLOCK_LINES] * 3),
        "\n \n".join(["x" * MAX_BLOCK_CHARS] * 3 + ["y" * (MAX_CHARS - 3 * MAX_BLOCK_CHARS - 9)]),
    ],
    ids=["escaped", "links", "code", "deep_list", "deep_quote", "rule", "long_blocks", "longest"],
)
def test_markdown_within_the_bounds_is_accepted(tmp_path: Path, text: str) -> None:
    """Text at each bound, or that only looks like it is over one, is accepted."""
    assert check_lines(make_dataset(tmp_path, {MEETING: with_minutes(text)})) == []


def test_line_depth_counts_markers_and_indentation() -> None:
    """Markers on a line, and each 4 columns of indentation (a tab is 4), count one level each."""
    assert [line_depth(x) for x in ("a", "- a", "> - a", "    - a", "\t\t1. a", "* * *", "-- a", "> > > a")] == [
        0,
        1,
        2,
        2,
        3,
        0,
        0,
        3,
    ]


def test_deep_list_is_a_data_error_not_a_crash(tmp_path: Path) -> None:
    """A list nested 3,000 deep once ended the build in a RecursionError (exit 3); now exit 1 with the message."""
    data = make_dataset(tmp_path, {MEETING: with_minutes("- " * 3000 + "a")})
    result = run_cli("--data", str(data), "build", "--docs", str(tmp_path / "content"), "--today", TODAY.isoformat())
    assert result.returncode == 1, result.stdout + result.stderr
    assert "nests lists and block quotes 3000 deep" in result.stdout
    assert "internal error" not in result.stderr


def test_raw_html_in_markdown_is_shown_as_typed() -> None:
    """Markdown fields do not parse raw HTML (Python's HTML parser is quadratic on unclosed tags): it reads as text."""
    assert (
        markdown_html("<b>bold</b> and <div>x</div>") == "<p>&lt;b&gt;bold&lt;/b&gt; and &lt;div&gt;x&lt;/div&gt;</p>"
    )
    assert (
        markdown_html("<https://example.org/>")
        == '<p><a href="https://example.org/" rel="nofollow noopener">https://example.org/</a></p>'
    )


def test_reference_prints_every_bound_with_its_message() -> None:
    """The data-format page states each limit and the exact message a text just over it gets."""
    html = reference_html()
    for text in ("x" * (MAX_CHARS + 1), "> " * 7 + "a", "a\n" * 201, "[" * 51, "`" * 51):
        problem = markdown_problem(text.strip())
        assert problem and f"<code>{escape(problem)}</code>" in html, problem
    for limit in (
        f"{MAX_CHARS:,} characters",
        f"{MAX_DEPTH} levels",
        f"{MAX_BLOCK_LINES} lines and {MAX_BLOCK_CHARS:,}",
    ):
        assert limit in html


def test_measuring_a_line_takes_one_pass() -> None:
    """Runs that make a naive rule pattern backtrack exponentially ('-' * 40 + 'a': 2**40 steps) are measured at once."""
    assert [line_depth("-" * 40 + "a"), line_depth("*" * 5000 + "a"), line_depth("1" * 5000 + ". a")] == [0, 0, 1]
    assert markdown_problem(("-" * 60 + "a\n") * 50) is None


def test_markers_far_apart_are_nesting_not_a_rule() -> None:
    """'-  -  -' is a rule, but with more than two spaces between them the dashes are nested list items."""
    assert line_depth("-  -  -") == 0
    assert line_depth("-     " * 1000 + "-") == 2000  # found by bench_markdown.py --fuzz: a RecursionError
    assert markdown_problem("-     " * 1000 + "-") is not None
