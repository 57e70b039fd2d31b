"""Parse a YAML file into plain data plus the position of every value.

``generator.parse.compose`` reads the node tree (libyaml, YAML 1.2 core schema) and
we build plain Python values ourselves, so that we can report *every* duplicate key (constructors
stop at the first), remember where each value and key came from, spot YAML
1.1 traps in the original scalar text, and bound the work an alias bomb can
cause.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.parse.characters import forbidden_character
from generator.parse.compose import MAX_DEPTH, compose
from generator.problems import InputError, Problem, problem

__all__ = ["MAX_DEPTH", "MAX_VALUES", "Parsed", "Path", "parse_yaml"]

Path = tuple[str | int, ...]
MAX_VALUES = 500_000
"""Upper bound on values built from one file (defeats alias "billion laughs")."""

_SCALAR_TYPES: Mapping[str, type] = MappingProxyType({
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": bool,
    "tag:yaml.org,2002:null": type(None),
    # A date is legal text here; keep what the user typed.
    "tag:yaml.org,2002:timestamp": str,
})


@dataclass
class Parsed:
    """Plain data from a YAML file with the location of each value."""

    file: str
    data: Any = None
    value_at: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, col) of the value at each path."""
    key_at: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, col) of the mapping key that introduced each path."""
    plain: dict[Path, str] = field(default_factory=dict)
    """Original text of every unquoted scalar, by path."""
    problems: list[Problem] = field(default_factory=list)
    flow_maps: set[Path] = field(default_factory=set)
    """Paths of the mappings written in flow style, ``{zh: …, en: …}``."""

    def place(self, path: Path, on_key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of ``path`` (of its key if asked and known), or of the nearest parent known."""
        table = self.key_at if on_key and path in self.key_at else self.value_at
        while path and path not in table:
            path = path[:-1]
        return table.get(path, (1, 1))

    def at(self, path: Path, message: str, /, *, on_key: bool = False, **values: object) -> Problem:
        """A problem with the message ``message`` (an id) located at ``path`` (the key if asked and known)."""
        return problem(self.file, *self.place(path, on_key), message, **values)


def parse_yaml(text: str, file: str) -> Parsed:
    """Parse ``text``; raise InputError on syntax errors, else return Parsed."""
    parsed = Parsed(file)
    root = compose(text, file)
    if root is None:
        raise InputError([problem(file, 1, 1, "empty_file")])
    builder = _Builder(parsed)
    try:
        parsed.data = builder.build(root, ())
    except _TooBig:
        raise InputError([problem(file, 1, 1, "too_many_values", limit=MAX_VALUES)]) from None
    except _TooDeep as deep:
        raise InputError([problem(file, deep.line, deep.col, "alias_too_deep", limit=MAX_DEPTH)]) from None
    return parsed


_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


def _convert(kind: type, text: str) -> Any:
    """The value of a YAML 1.2 core-schema scalar already resolved to ``kind``."""
    if kind is bool:
        if text.lower() not in {"true", "false"}:
            raise ValueError(text)
        return text.lower() == "true"
    if kind is int:
        return int(text, 8) if text.startswith("0o") else int(text, 16) if text.startswith("0x") else int(text, 10)
    if kind is float:
        special = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
        return special[text.lower()] if text.lower() in special else float(text)
    if text not in {"~", "null", "Null", "NULL", ""}:
        raise ValueError(text)
    return None


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    """Aliases nest values deeper than MAX_DEPTH, at this 1-based line and column."""

    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.line, self.col = line, col


@dataclass
class _Builder:
    parsed: Parsed
    count: int = 0

    def build(self, node: Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooBig
        if len(path) > MAX_DEPTH:
            raise _TooDeep(node.start_mark.line + 1, node.start_mark.column + 1)
        self.parsed.value_at.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, MappingNode | SequenceNode) and str(node.tag) not in _COLLECTION_TAGS:
            self.parsed.problems.append(self.parsed.at(path, "unsupported_tag", tag=node.tag))
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _scalar(self, node: ScalarNode, path: Path) -> Any:
        if node.style is None:
            self.parsed.plain[path] = node.value
        kind = _SCALAR_TYPES.get(str(node.tag))
        if kind is None:
            self.parsed.problems.append(self.parsed.at(path, "unsupported_scalar_tag", tag=node.tag))
            return node.value
        if kind is str:
            self._characters(node.value, path)
            return node.value
        try:
            value = _convert(kind, node.value)
        except ValueError:
            self.parsed.problems.append(
                self.parsed.at(path, "invalid_scalar", value=repr(node.value), kind=kind.__name__))
            return node.value
        if isinstance(value, float) and not math.isfinite(value):
            self.parsed.problems.append(self.parsed.at(path, "not_finite", value=node.value))
        return value

    def _characters(self, text: str, path: Path) -> None:
        bad = forbidden_character(text)
        if bad is not None:
            self.parsed.problems.append(self.parsed.at(path, "text_character", what=bad))

    def _mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        if node.flow_style:
            self.parsed.flow_maps.add(path)
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.parsed.problems.append(problem(
                    self.parsed.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1, "key_not_scalar"))
                continue
            key = str(key_node.value)
            if key == "<<":
                self.parsed.problems.append(self.parsed.at(path, "merge_key"))
                continue
            here = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if (bad := forbidden_character(key)) is not None:
                self.parsed.problems.append(problem(self.parsed.file, *here, "key_character", what=bad))
                continue
            if key in result:
                first = self.parsed.key_at[(*path, key)]
                self.parsed.problems.append(problem(self.parsed.file, *here, "duplicate_key", key=key, line=first[0]))
                continue
            self.parsed.key_at[(*path, key)] = here
            result[key] = self.build(value_node, (*path, key))
        return result
