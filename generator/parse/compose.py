"""Compose a YAML text into a node tree, turning every way that can fail into a located problem.

The text is read by libyaml (PyYAML's C parser: some 30 times faster than a
pure-Python parser on our files) as a stream of events, and this module builds
the node tree from those events itself, iteratively. That lets it:

- resolve plain scalars by the YAML 1.2 core schema (``no``, ``yes`` and ``off``
  stay text; PyYAML's own resolver would follow YAML 1.1),
- bound nesting depth and the number of nodes *while* reading, so neither ten
  thousand ``[`` nor an 8 MiB file of tiny values costs more than a moment,
- bound the text that aliases repeat (each alias adds the characters of what it names),
- report aliases to undefined anchors, and more than one document, in place.

Characters YAML forbids are reported where they are, and a ``%YAML 1.1``
directive (which asks for YAML 1.1 rules) is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.parse.characters import forbidden_character
from generator.parse.yaml_errors import syntax_message, typing_slips
from generator.problems import InputError, Problem, problem
from generator.words.messages import Msg

__all__ = ["MAX_ALIAS_CHARS", "MAX_DEPTH", "MAX_NODES", "compose", "line_col", "resolve"]

MAX_DEPTH = 40
"""Deepest nesting of lists and mappings accepted (a criteria file needs 8); keeps the
recursive value builder far from Python's recursion limit."""
MAX_NODES = 600_000
"""Most YAML nodes (keys, values, lists, mappings) read from one file. Real criteria files
have about 120 per criterion, 35 bytes each: 8 MiB of them is some 250,000."""
MAX_ALIAS_CHARS = 1_000_000
"""Most characters of text that aliases may repeat in one file, all aliases together. The node
cap does not see this: one long text anchored once and aliased thousands of times is a few
nodes but would fill every page, sheet and export with gigabytes."""
_OLD_YAML = re.compile(r"^%YAML[ \t]+1\.[01]\b", re.M)
_TAG = "tag:yaml.org,2002:"

# The YAML 1.2 core schema, for plain (unquoted, untagged) scalars.
_CORE = (
    ("null", re.compile(r"~|null|Null|NULL|")),
    ("bool", re.compile(r"true|True|TRUE|false|False|FALSE")),
    ("int", re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")),
    ("float", re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")),
)


_MAYBE_NOT_TEXT = frozenset("~nNtTfF0123456789+-.")


def resolve(text: str) -> str:
    """The YAML 1.2 core-schema tag of a plain scalar."""
    if text and text[0] not in _MAYBE_NOT_TEXT:
        return _TAG + "str"
    return _TAG + next((name for name, pattern in _CORE if pattern.fullmatch(text)), "str")


def compose(text: str, file: str) -> Node | None:
    """The YAML node tree of ``text``; InputError with the place of any syntax error."""
    old = _OLD_YAML.search(text)
    if old:
        raise InputError([problem(file, *line_col(text, old.start()), "old_yaml", directive=old.group())])
    if not text.strip():
        return None
    slips = typing_slips(text)
    try:
        root = _Composer(file).run(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError as exc:
        if slips and isinstance(exc, yaml.MarkedYAMLError):  # the slip is the cause; the parser names it later
            raise InputError([Problem(file, line, col, advice) for line, col, advice in slips]) from None
        raise _syntax_error(exc, text, file) from None
    inside = text_lines(root)  # a line inside a multi-line text may well hold "Excel：" or a 全角空格
    slips = [(line, col, advice) for line, col, advice in slips if line not in inside]
    if slips:
        raise InputError([Problem(file, line, col, advice) for line, col, advice in slips])
    return root


def _syntax_error(exc: yaml.YAMLError, text: str, file: str) -> InputError:
    """The located problem for an error of the parser."""
    if isinstance(exc, yaml.reader.ReaderError):
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        what = forbidden_character(char) or Msg.of("char_plain", char=repr(char))
        # libyaml counts UTF-8 bytes, not characters.
        offset = len(text.encode("utf-8")[: exc.position].decode("utf-8", errors="ignore"))
        return InputError([problem(file, *line_col(text, offset), "bad_character", what=what)])
    if isinstance(exc, yaml.MarkedYAMLError):
        line, col, advice = syntax_message(exc, text)
        if "nesting depth" in str(exc.problem):  # libyaml's own limit on flow nesting, met while reading ahead
            advice = Msg.of("too_deep", limit=MAX_DEPTH)
        return InputError([Problem(file, line, col, advice)])
    return InputError([problem(file, 1, 1, "yaml_error", what=exc)])


def text_lines(root: Node | None) -> set[int]:
    """1-based lines inside a text that spans several lines (all but its first line)."""
    lines: set[int] = set()
    stack = [root] if root is not None else []
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:  # aliases share nodes
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            end = node.end_mark.line - (node.end_mark.column == 0)  # a block text ends at the next line's start
            lines.update(range(node.start_mark.line + 2, end + 2))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(item for pair in node.value for item in pair)
    return lines


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of character ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


class _Composer:
    """Builds nodes from parser events with an explicit stack (no recursion)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.anchors: dict[str, Node] = {}
        self.stack: list[Node] = []
        self.root: Node | None = None
        self.nodes = 0
        self.chars: dict[int, int] = {}
        """Characters of text in each finished node (by id), aliases counted in full."""
        self.repeated = 0
        """Characters of text added by the aliases read so far."""

    def fail(self, event: Event, message: str, **values: object) -> InputError:
        mark = event.start_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return InputError([problem(self.file, line, col, message, **values)])

    def run(self, events: Iterator[Event]) -> Node | None:
        for event in events:
            if isinstance(event, DocumentStartEvent) and self.root is not None:
                raise self.fail(event, "two_documents")
            if isinstance(event, MappingEndEvent | SequenceEndEvent):
                self._finish(self.stack.pop())
            elif isinstance(event, AliasEvent):
                if event.anchor not in self.anchors:
                    raise self.fail(event, "unknown_alias", anchor=event.anchor)
                self._repeat(event, self.anchors[event.anchor])
                self._add(event, self.anchors[event.anchor])
            elif isinstance(event, ScalarEvent | MappingStartEvent | SequenceStartEvent):
                self._add(event, self._node(event))
            elif isinstance(event, StreamEndEvent):
                break
        return self.root

    def _node(self, event: Any) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(event, "too_many_nodes", limit=MAX_NODES)
        start, end = event.start_mark, event.end_mark
        if isinstance(event, ScalarEvent):
            plain = event.tag is None and event.implicit[0]
            tag = resolve(event.value) if plain else (event.tag if event.tag not in (None, "!") else _TAG + "str")
            node = ScalarNode(tag, event.value, start, end, style=None if plain else (event.style or "plain"))
            self.chars[id(node)] = len(event.value)
            return node
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event, "too_deep", limit=MAX_DEPTH)
        kind = "map" if isinstance(event, MappingStartEvent) else "seq"
        tag = event.tag if event.tag not in (None, "!") else _TAG + kind
        node_class = MappingNode if kind == "map" else SequenceNode
        return node_class(tag, [], start, end, flow_style=event.flow_style)

    def _add(self, event: Any, node: Node) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None and not isinstance(event, AliasEvent):
            self.anchors[anchor] = node  # a later anchor of the same name wins, as YAML 1.2 says
        if not self.stack:
            self.root = node
        else:
            parent = self.stack[-1]
            if isinstance(parent, SequenceNode):
                parent.value.append(node)
            elif parent.value and len(parent.value[-1]) == 1:
                parent.value[-1] = (parent.value[-1][0], node)
            else:
                parent.value.append((node,))
        if isinstance(event, MappingStartEvent | SequenceStartEvent):
            self.stack.append(node)

    def _finish(self, node: Node) -> None:
        """Record the text size of a finished list or mapping (an unfinished one it holds, an
        alias to its own ancestor, counts 0: the value builder refuses that nesting)."""
        children = node.value if isinstance(node, SequenceNode) else [n for pair in node.value for n in pair]
        self.chars[id(node)] = sum(self.chars.get(id(child), 0) for child in children)

    def _repeat(self, event: AliasEvent, node: Node) -> None:
        self.repeated += self.chars.get(id(node), 0)
        if self.repeated > MAX_ALIAS_CHARS:
            raise self.fail(event, "alias_too_long", limit=f"{MAX_ALIAS_CHARS:,}", anchor=event.anchor)
