"""Bounds on Markdown fields, so rendering one takes time in proportion to its length.

Python-Markdown 3.11 takes time that grows with the square of its input for several constructs
(scripts/bench_markdown.py times them): every '[' scans ahead for its ']' and a link for its ')',
every backtick run for a closing run of the same length; each heading, rule or setext underline
inside a paragraph re-scans the rest of it; each escape, entity or other inline match copies the
whole paragraph; nested lists and quotes recurse once per level (a few thousand levels overflow
Python's stack). All but the nesting happen within one block, the paragraph, list or table that
Python-Markdown splits the text into at blank lines. So: blocks are bounded in size and in the
brackets and backticks they hold, nesting is bounded per line, and a field's render time then
grows linearly with its length up to MAX_CHARS (ratios in BENCHMARKS.md). Raw HTML, which Python's
HTML parser scans the same way, is not parsed at all: render/markup.py shows it as typed.
"""

from __future__ import annotations

import re

MAX_CHARS = 20_000  # the longest Markdown text in data/ is about 4,200 characters
MAX_DEPTH = 6  # lists and block quotes inside one another
# Per block (a paragraph, list or table: lines with no blank line between them). Most of the costs
# above grow with the square of a block, not of the field, so bounding blocks bounds them all.
MAX_BLOCK_CHARS = 5_000  # the longest paragraph in data/ is about 1,600 characters
MAX_BLOCK_LINES = 200
MAX_BRACKETS = 50  # '[' not written as '\[': each opens a link, an image or a reference
MAX_BACKTICKS = 50  # '`' not written as '\`': code spans

# A line's container prefix: white space, '>' and list markers ('-', '*', '+', '1.') followed by a space.
PREFIX = re.compile(r"(?:[ ]++|>|(?:[-*+]|\d++\.)(?=[ ]))*+")  # on a line with tabs expanded
TOKENS = re.compile(r"[ ]+|>|[-*+]|\d+\.")
# Python-Markdown's test for a horizontal rule (blockprocessors.HRProcessor). Possessive quantifiers
# stand in for its atomic group: with plain ones, '-' * 40 + 'a' takes 2**40 steps to refuse.
RULE = re.compile(r"[ ]{0,3}+(?:(?:-++[ ]{0,2}+){3,}|(?:_++[ ]{0,2}+){3,}|(?:\*++[ ]{0,2}+){3,})[ ]*+")
ESCAPED_OR = {char: re.compile(r"\\.|" + re.escape(char), re.DOTALL) for char in "[`"}


def markdown_problem(text: str) -> str | None:
    """Say which bound ``text`` breaks, with what to do, or None when it renders in linear time."""
    if len(text) > MAX_CHARS:
        return (
            f"the text is {len(text):,} characters long; Markdown text may be at most {MAX_CHARS:,} "
            "(split it across items, or link to the document that holds it)"
        )
    lines = text.split("\n")
    return _depth_problem(lines) or next(filter(None, (_block_problem(*b) for b in blocks(lines))), None)


def blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """The blocks Python-Markdown splits the text into first, with the number of their first line."""
    found: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip(" \t"):
            continue
        if found and found[-1][0] + len(found[-1][1]) == number:
            found[-1][1].append(line)
        else:
            found.append((number, [line]))
    return found


def _depth_problem(lines: list[str]) -> str | None:
    for number, line in enumerate(lines, start=1):
        depth = line_depth(line)
        if depth > MAX_DEPTH:
            return (
                f"line {number} of the text nests lists and block quotes {depth} deep; "
                f"at most {MAX_DEPTH} levels are allowed (flatten the list, or indent it less)"
            )
    return None


def line_depth(line: str) -> int:
    """How deep a line can sit in lists and block quotes: its markers, plus one per 4 columns of indent."""
    line = line.expandtabs(4)
    if RULE.fullmatch(line):  # '* * *' is a rule, not three list markers
        return 0
    prefix = PREFIX.match(line)
    assert prefix is not None  # the pattern matches the empty string
    depth = 0
    for i, token in enumerate(TOKENS.findall(prefix.group())):
        if not token.isspace():
            depth += 1
        else:  # after a marker, the one space that ends it is not indentation
            depth += len(token) // 4 if i == 0 else (len(token) - 1) // 4
    return depth


def _block_problem(start: int, lines: list[str]) -> str | None:
    where = f"the paragraph, list or table from line {start} of the text"
    text = "\n".join(lines)
    if len(lines) > MAX_BLOCK_LINES or len(text) > MAX_BLOCK_CHARS:
        size = f"{len(lines):,} lines" if len(lines) > MAX_BLOCK_LINES else f"{len(text):,} characters"
        return (
            f"{where} is {size} long; at most {MAX_BLOCK_LINES} lines and {MAX_BLOCK_CHARS:,} characters "
            "may run without a blank line (put a blank line between paragraphs)"
        )
    for char, limit, what in (("[", MAX_BRACKETS, "square brackets"), ("`", MAX_BACKTICKS, "backticks")):
        count = sum(1 for found in ESCAPED_OR[char].findall(text) if found == char)
        if count > limit:
            return (
                f"{where} has {count} {what} '{char}'; at most {limit} are allowed in one "
                f"(write \\{char} for one that is only text, or put a blank line between paragraphs)"
            )
    return None
