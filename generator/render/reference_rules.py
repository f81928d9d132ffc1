"""The data-format reference's rules for all text: which characters are refused, and the bounds on Markdown.

Generated from generator/ingest/charset.py and generator/records/mdlimits.py, so the page states the rules the
loader and the models apply, with the messages they print.
"""

from __future__ import annotations

from markupsafe import escape

from generator.ingest import charset
from generator.records import mdlimits


def characters_html() -> list[str]:
    """The character classes and the decision for each, as a table."""
    rows = [
        '<h2 id="characters">Characters in record text</h2>',
        "<p>Every string of every record (YAML values and keys, whether typed or written as escapes such as "
        '<code>"\\x80"</code>, and CSV cells) is checked when it is read. A refused character is reported '
        "with its code point, as <code>path:line: field: U+0080 (a control character) at character 5 is not "
        "allowed in record text (delete it; ...)</code>, or with the line and column when it is typed into a "
        "YAML file. A kept character is shown as written on every page, feed and export.</p>",
        "<table>",
        "<caption>What happens to each class of character</caption>",
        '<thead><tr><th scope="col">Characters</th> <th scope="col">Decision</th> '
        '<th scope="col">What to do, or why they are kept</th></tr></thead><tbody>',
    ]
    for char_class in charset.CLASSES:
        decision = "refused" if char_class.refused else "kept"
        rows.append(
            f'<tr><th scope="row">{escape(char_class.name)}</th> <td>{decision}</td> '
            f"<td>{escape(char_class.advice)}</td></tr>"
        )
    rows.append("</tbody></table>")
    return rows


def markdown_html() -> list[str]:
    """The bounds on Markdown fields, each with the message that reports it."""
    m = mdlimits
    # Each bound, its limit, and a text just over it: the table prints the very message that text gets.
    bounds = [
        ("Length of the text", f"{m.MAX_CHARS:,} characters", "x" * (m.MAX_CHARS + 1)),
        (
            "Lists and block quotes inside one another",
            f"{m.MAX_DEPTH} levels (each list marker or '&gt;' at the start of a line, and each 4 spaces of indent)",
            "> " * (m.MAX_DEPTH + 1) + "a",
        ),
        (
            "A paragraph, list or table (lines with no blank line between them)",
            f"{m.MAX_BLOCK_LINES} lines and {m.MAX_BLOCK_CHARS:,} characters",
            "a\n" * (m.MAX_BLOCK_LINES + 1),
        ),
        (
            "Square brackets '[' in one paragraph, list or table (links, images, references)",
            f"{m.MAX_BRACKETS}; '\\[' is only text and does not count",
            "[" * (m.MAX_BRACKETS + 1),
        ),
        (
            "Backticks '`' in one paragraph, list or table (code)",
            f"{m.MAX_BACKTICKS}; '\\`' does not count",
            "`" * (m.MAX_BACKTICKS + 1),
        ),
    ]
    rows = [
        '<h2 id="markdown">Markdown text</h2>',
        "<p>Fields typed <em>Markdown text</em> accept Markdown: paragraphs, emphasis, lists, block quotes, "
        "tables, headings (shown one level below the page's own) and links (http, https and mailto only). "
        "Raw HTML is shown as typed, never interpreted. Every other field shows its text exactly as written, "
        "Markdown signs included. So that a page builds in time proportional to its text, each Markdown field "
        "is bounded as below; a field over a bound is reported at its line, as "
        "<code>path:line: items[0].minutes: message (what to do)</code>.</p>",
        "<table>",
        "<caption>Bounds on each Markdown field</caption>",
        '<thead><tr><th scope="col">What</th> <th scope="col">At most</th> '
        '<th scope="col">Message</th></tr></thead><tbody>',
    ]
    for what, limit, text in bounds:
        message = escape(m.markdown_problem(text.strip()) or "")
        rows.append(f'<tr><th scope="row">{what}</th> <td>{limit}</td> <td><code>{message}</code></td></tr>')
    rows.append("</tbody></table>")
    return rows
