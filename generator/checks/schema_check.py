"""Check parsed data against the JSON Schema and explain each violation in place."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path as FsPath
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from generator.checks.problems import Problem
from generator.parse.source import Parsed, Path

__all__ = ["SCHEMA_PATH", "schema", "schema_problems"]

SCHEMA_PATH = FsPath(__file__).parent.parent / "schema" / "criteria.schema.json"


@cache
def schema() -> dict[str, Any]:
    """The criteria JSON Schema."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def schema_problems(parsed: Parsed) -> Iterator[Problem]:
    """Every schema violation in ``parsed``, located and explained."""
    validator = Draft202012Validator(schema())
    for error in validator.iter_errors(parsed.data):
        yield from _explain(parsed, error)


def _explain(parsed: Parsed, error: ValidationError) -> Iterator[Problem]:
    path: Path = tuple(error.absolute_path)
    rules: Any = error.schema
    instance: Any = error.instance
    expected: Any = error.validator_value
    kind = error.validator
    if "propertyNames" in error.schema_path:
        return  # rules.py reports every text key that is not a listed language
    if rules is False:
        return  # only self-check criteria forbid keys; rules.py says why, with a hint
    if kind == "additionalProperties" and "properties" in rules:
        allowed = sorted(rules["properties"])
        for key in sorted(set(instance) - set(allowed)):
            yield parsed.at((*path, key), _unknown_key(key, allowed, path), key=True)
    elif kind == "required":
        known = set(rules.get("properties", {}))
        # A rule that only adds required keys (scored criteria) knows no keys: no typo check.
        typos = [k for k in instance if k not in known] if known else []
        for key in expected:
            # A misspelt key is already reported as unknown, with this key suggested.
            if key not in instance and not difflib.get_close_matches(key, typos, n=1):
                yield parsed.at(path, f"{_where(path)}missing required key '{key}'")
    elif kind == "type":
        yield parsed.at(path, _type_message(parsed, path, error))
    else:
        explain: Callable[[Any], str] = _MESSAGES.get(str(kind), _plain)
        yield parsed.at(path, f"{_where(path)}{explain(error)}")


def _where(path: Path) -> str:
    if not path:
        return ""
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return f"{text}: "


def _unknown_key(key: str, allowed: list[str], path: Path) -> str:
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
    return f"{_where(path)}unknown key '{key}'; {hint}"


def _describe(value: Any) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text",
             list: "a list", dict: "a mapping", type(None): "nothing (null)"}
    return names.get(type(value), type(value).__name__)


def _type_message(parsed: Parsed, path: Path, error: ValidationError) -> str:
    expected: Any = error.validator_value
    rules: Any = error.schema
    found = _describe(error.instance)
    plain = parsed.plain.get(path)
    if "propertyNames" in rules:
        want = "a mapping from language to text, e.g. {zh: 公司资质, en: Company credentials}"
    else:
        want = {"string": "text", "number": "a number", "integer": "a whole number",
                "boolean": "true or false", "array": "a list", "object": "a mapping"}.get(
            str(expected), str(expected))
    message = f"{_where(path)}expected {want}, found {found}"
    if expected == "string" and plain:
        message += f"; unquoted {plain} is read as {found}: write it in quotes, \"{plain}\""
    elif expected == "boolean" and isinstance(error.instance, str):
        message += "; write true or false"
    return message


def _plain(error: ValidationError) -> str:
    return str(error.message)


def _enum(error: ValidationError) -> str:
    values: Any = error.validator_value
    allowed = [str(v) for v in values]
    close = difflib.get_close_matches(str(error.instance), allowed, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"'{error.instance}' is not allowed; {hint}choose one of: {', '.join(allowed)}"


_MESSAGES: dict[str, Callable[[Any], str]] = {
    "pattern": lambda e: (
        f"'{e.instance}' does not have the expected form ({e.schema.get('description') or e.validator_value})"
    ),
    "const": lambda e: f"must be {e.validator_value!r}",
    "minItems": lambda e: f"needs at least {e.validator_value} entr{'y' if e.validator_value == 1 else 'ies'}",
    "maxItems": lambda e: (f"has {len(e.instance)} entries; the limit is {e.validator_value} (pages, printed forms "
                           "and the workbook must stay usable): remove some, or split them"),
    "minProperties": lambda e: "must not be empty",
    "minLength": lambda e: "must not be empty",
    "maxLength": lambda e: (f"is longer than {e.validator_value} characters ({len(e.instance):,}); shorten it "
                            "(pages, sheets and exports repeat it)"),
    "exclusiveMinimum": lambda e: f"must be greater than {e.validator_value}, found {e.instance}",
    "minimum": lambda e: f"must be at least {e.validator_value}, found {e.instance}",
    "maximum": lambda e: f"must be at most {e.validator_value}, found {e.instance}",
    "uniqueItems": lambda e: "contains the same entry twice",
    "enum": _enum,
}
