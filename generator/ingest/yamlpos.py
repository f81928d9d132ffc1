"""Read YAML so that every scalar stays a string and remembers its line.

PyYAML's ``safe_load`` turns ``no`` into False, ``0123`` into 83 and
``2017-07-10`` into a date, and silently keeps the last of two duplicate keys.
This loader composes the node tree with ``BaseLoader`` (no type resolution, no
object construction), refuses tags, aliases and duplicate keys, and returns
plain dicts, lists and strings plus a map from each field's path to its line.

Speed: a clean file is read from libyaml's event stream (C, about ten times faster
than the pure-Python composer) by a small non-recursive builder. Anything unusual
(a tag, an anchor or alias, a duplicate key, deep nesting, a syntax error, a control
character) falls back to the pure-Python path, which alone words the diagnostics, so
every message is the same whichever path read the file.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.records.diagnostics import DataError

try:
    from yaml._yaml import CParser as _CParser

    CParser: type[Any] | None = _CParser
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml; source builds may not
    CParser = None

Loc = tuple[str | int, ...]
Lines = dict[Loc, int]

PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
# Text where libyaml is more lenient than PyYAML's own reader, so only the checked path may judge it:
# tabs, a byte-order mark past the start, '#' right after a block-scalar indicator, and '?' on a
# line after an opening bracket or brace (found by a review with mutated fixture files).
LENIENT_IN_LIBYAML = re.compile(r"\t|\ufeff|[|>][-+0-9]*#|[\[{][^\n]*\?")
# JSON writes a character beyond U+FFFF as two escapes ("\ud83d\ude00"); YAML reads each as half a
# character. Joined here, so JSON-style YAML means what JSON means; a lone half stays, and is refused.
SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
MAX_NODES = 200_000
MAX_DEPTH = 100
# Each place in a file, shared by every file that has it (a meeting's ("items", 3, "title") is in most):
# bounded by the shapes of the records, not their number.
LOCS: dict[Loc, Loc] = {}


class _Loader(yaml.BaseLoader):
    """BaseLoader that refuses aliases (``*name``, 'billion laughs') and deep nesting (stack overflow)."""

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event: Any = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs leave it untyped
            raise DataError(
                f"YAML aliases ('*{event.anchor}') are not allowed (write the value out in full)",
                event.start_mark.line + 1,
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            line = self.peek_event().start_mark.line + 1  # type: ignore[no-untyped-call]
            raise DataError(f"values are nested more than {MAX_DEPTH} levels deep (flatten the record)", line)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def load_yaml(text: str) -> tuple[Any, Lines]:
    """Parse ``text``; return (data, lines) or raise DataError."""
    fast = _load_fast(text)
    return fast if fast is not None else _load_checked(text)


class _UnusualError(Exception):
    """The fast path met something only the checked path may judge."""


def _load_fast(text: str) -> tuple[Any, Lines] | None:
    """Read a clean file through libyaml's events; None when the checked path must decide."""
    if CParser is None or yaml.reader.Reader.NON_PRINTABLE.search(text) or LENIENT_IN_LIBYAML.search(text):
        return None
    parser = CParser(text)
    try:
        return _build(parser)
    except (_UnusualError, yaml.YAMLError):
        return None
    finally:
        parser.dispose()


def _build(parser: Any) -> tuple[Any, Lines]:
    """Turn one document's events into plain data and lines, with an explicit stack (no recursion)."""
    lines: Lines = {}
    root: list[Any] = []
    # Each frame: (container, loc, pending key or None, pending key line) for mappings; (list, loc) for sequences.
    stack: list[list[Any]] = [[root, (), None, 0]]
    nodes = 0
    documents = 0
    while True:
        event = parser.get_event()
        if event is None or isinstance(event, StreamEndEvent):
            break
        if isinstance(event, (StreamStartEvent, DocumentEndEvent)):
            continue
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _UnusualError
            continue
        if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            stack.pop()
            continue
        if isinstance(event, AliasEvent) or event.anchor is not None or event.tag is not None:
            raise _UnusualError
        frame = stack[-1]
        container, loc = frame[0], frame[1]
        line = event.start_mark.line + 1
        is_mapping = isinstance(container, dict)
        if is_mapping and frame[2] is None:  # this event is a key
            if not isinstance(event, ScalarEvent) or event.value in container or (*loc, event.value) in lines:
                raise _UnusualError
            frame[2], frame[3] = event.value, line
            continue
        nodes += 1
        if nodes > MAX_NODES or len(stack) > MAX_DEPTH:
            raise _UnusualError
        here = (*loc, frame[2]) if is_mapping else (*loc, len(container)) if container is not root else ()
        here = LOCS.setdefault(here, here)  # one tuple per place for every file: a third of a record's memory
        lines[here] = line
        if isinstance(event, ScalarEvent):
            value: Any = event.value
        else:
            value = {} if isinstance(event, MappingStartEvent) else []
            stack.append([value, here, None, 0])
        if is_mapping:
            lines[here] = frame[3]
            if not (value == "" and isinstance(event, ScalarEvent) and not event.style):
                container[frame[2]] = value
            frame[2] = None
        else:
            container.append(value)
    if not root:
        raise _UnusualError
    return root[0], lines


def _load_checked(text: str) -> tuple[Any, Lines]:
    """The pure-Python path: composes with BaseLoader and words every problem as a DataError."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # PyYAML checks every character up front
        line = text[: exc.position].count("\n") + 1
        raise DataError(
            f"the file contains the control character U+{exc.character:04X}, which YAML does not allow (delete it)",
            line,
        ) from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        raise DataError(f"YAML syntax error: {exc.problem}{_yaml_hint(exc)}", line, column) from None
    except yaml.YAMLError as exc:
        raise DataError(f"YAML syntax error: {exc}") from None
    finally:
        loader.dispose()
    if node is None:
        raise DataError("the file is empty (a record needs at least an 'id')", 1)
    lines: Lines = {}
    counter = [0]
    return _walk(node, (), lines, counter), lines


def _join_pairs(text: str) -> str:
    """Join each surrogate pair a YAML escape made into the one character it stands for."""
    return SURROGATE_PAIR.sub(lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text)


def _yaml_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "mapping values are not allowed" in problem:
        return " (quote text that contains ': ')"
    if "found character '\\t'" in problem:
        return " (indent with spaces, not tabs)"
    if "could not find expected ':'" in problem:
        return " (each line needs 'key: value', or quote text that runs over lines)"
    return ""


def _walk(node: Node, loc: Loc, lines: Lines, counter: list[int]) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise DataError(f"the file has more than {MAX_NODES:,} values; split it up", node.start_mark.line + 1)
    lines[loc] = node.start_mark.line + 1
    if node.tag not in PLAIN_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise DataError(f"YAML tags such as '{tag}' are not allowed (remove the tag)", node.start_mark.line + 1)
    if isinstance(node, ScalarNode):
        return _join_pairs(node.value)
    if isinstance(node, SequenceNode):
        return [_walk(child, (*loc, i), lines, counter) for i, child in enumerate(node.value)]
    if isinstance(node, MappingNode):
        return _walk_mapping(node, loc, lines, counter)
    raise DataError("unsupported YAML node", node.start_mark.line + 1)  # pragma: no cover


def _walk_mapping(node: MappingNode, loc: Loc, lines: Lines, counter: list[int]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise DataError("a key must be plain text", key_node.start_mark.line + 1)
        key = _join_pairs(key_node.value)
        line = key_node.start_mark.line + 1
        if key in result or (*loc, key) in lines:
            first = lines[(*loc, key)]
            raise DataError(f"duplicate key '{key}' (the first is on line {first}; keep one)", line)
        value = _walk(value_node, (*loc, key), lines, counter)
        lines[(*loc, key)] = line
        if value == "" and isinstance(value_node, ScalarNode) and not value_node.style:
            continue  # 'key:' with nothing after it means 'not given'
        result[key] = value
    return result
