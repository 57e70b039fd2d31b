"""Check parsed data against the JSON Schema and explain each violation in place."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators

from generator.checks.paths import shown_path
from generator.checks.text_keys import LANGUAGE_PATTERN, YAML11_WORDS, comma_key
from generator.parse.source import Parsed, Path
from generator.problems import Problem
from generator.root import PACKAGE
from generator.words.messages import Msg

__all__ = ["SCHEMA_PATH", "ecma_search", "schema", "schema_problems", "site_url_problem"]

SCHEMA_PATH = PACKAGE / "schema" / "criteria.schema.json"


@cache
def schema() -> dict[str, Any]:
    """The criteria JSON Schema."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@cache
def _python_pattern(pattern: str) -> re.Pattern[str]:
    # In a JSON Schema (ECMA-262) pattern "$" matches only at the very end; in Python also before
    # a final line feed, so "^[a-z]+$" would take an id, version or site_url ending in "\n".
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


def ecma_search(pattern: str, text: str) -> bool:
    """Whether ``text`` matches the schema ``pattern`` as JSON Schema means it ("$" is the very end)."""
    return _python_pattern(pattern).search(text) is not None


def _pattern_keyword(validator: Any, pattern: str, instance: Any, _schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not ecma_search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern_keyword})  # type: ignore[no-untyped-call]
"""The 2020-12 validator, with ``pattern`` read as JSON Schema reads it."""


def site_url_problem(url: str, where: str) -> Msg | None:
    """What is wrong with ``url`` as the site's public address (as meta.site_url), or None."""
    rules = schema()["$defs"]["meta"]["properties"]["site_url"]
    if len(url) <= rules["maxLength"] and ecma_search(rules["pattern"], url):
        return None
    return Msg.of("bad_form", where=where, value=url, form=rules["description"])


def schema_problems(parsed: Parsed) -> Iterator[Problem]:
    """Every schema violation in ``parsed``, located and explained."""
    validator = _Validator(schema())
    for error in validator.iter_errors(parsed.data):
        yield from _explain(parsed, error)


def _explain(parsed: Parsed, error: ValidationError) -> Iterator[Problem]:
    path: Path = tuple(error.absolute_path)
    rules: Any = error.schema
    instance: Any = error.instance
    expected: Any = error.validator_value
    kind = error.validator
    where = _where(parsed, path)
    if "propertyNames" in error.schema_path:
        return  # rules.py reports every text key that is not a listed language
    if rules is False:
        return  # only self-check criteria forbid keys; rules.py says why, with a hint
    if kind == "type" and comma_key(parsed, path):
        return  # rules.py explains the comma that made this key
    if kind == "additionalProperties" and "properties" in rules:
        allowed = sorted(rules["properties"])
        for key in sorted(set(instance) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1)
            yield parsed.at((*path, key), "unknown_key_close" if close else "unknown_key", on_key=True,
                            where=where, key=key, close=close[0] if close else "", allowed=", ".join(allowed))
    elif kind == "required":
        known = set(rules.get("properties", {}))
        # A rule that only adds required keys (scored criteria) knows no keys: no typo check.
        typos = [k for k in instance if k not in known] if known else []
        for key in expected:
            # A misspelt key is already reported as unknown, with this key suggested.
            if key not in instance and not difflib.get_close_matches(key, typos, n=1):
                yield parsed.at(path, "missing_key", where=where, key=key)
    elif kind == "type":
        yield Problem(parsed.file, *parsed.place(path), _type_message(parsed, path, error, where))
    elif kind == "anyOf" and path[-1:] in (("primary",), ("accent",)):
        yield Problem(parsed.file, *parsed.place(path), replace_where(_colour(error), where))
    else:
        explain: Callable[[Any], Msg] = _MESSAGES.get(str(kind), _plain)
        yield Problem(parsed.file, *parsed.place(path), replace_where(explain(error), where))


def _where(parsed: Parsed, path: Path) -> str:
    return f"{shown_path(parsed.data, path)}: " if path else ""


def replace_where(what: Msg, where: str) -> Msg:
    """``what`` with its ``where`` placeholder filled in."""
    return Msg(what.key, tuple(sorted([*what.values, ("where", where)])))


_FOUND = MappingProxyType({bool: "found_bool", int: "found_number", float: "found_number", str: "found_text",
          list: "found_list", dict: "found_mapping", type(None): "found_null"})
_WANT = MappingProxyType({"string": "want_string", "number": "want_number", "integer": "want_integer",
         "boolean": "want_boolean", "array": "want_array", "object": "want_object"})


def _describe(value: Any) -> Msg | str:
    key = _FOUND.get(type(value))
    return Msg.of(key) if key else type(value).__name__


def _type_message(parsed: Parsed, path: Path, error: ValidationError, where: str) -> Msg:
    expected: Any = error.validator_value
    rules: Any = error.schema
    found = _describe(error.instance)
    plain = parsed.plain.get(path)
    if expected == ["boolean", "object"]:  # knockout: true, false or {below: n}
        expected = "boolean"
        # Text here is a yes/no meant as true/false: ask for that, as for any true/false key.
        want: Msg | str = Msg.of("want_boolean" if isinstance(error.instance, str) else "want_knockout")
    else:
        want = Msg.of("want_text_map") if "propertyNames" in rules else (
            Msg.of(_WANT[str(expected)]) if str(expected) in _WANT else str(expected))
    if expected == "string" and plain:
        return Msg.of("wrong_type_quote", where=where, want=want, found=found, plain=plain)
    if expected == "boolean" and isinstance(error.instance, str):
        word = YAML11_WORDS.get(str(plain).lower()) if plain else None
        if word:  # an unquoted yes/no: one hint, the word this file means
            return Msg.of("wrong_type_yes", where=where, want=want, found=found, word=word)
        return Msg.of("wrong_type_bool", where=where, want=want, found=found)
    return Msg.of("wrong_type", where=where, want=want, found=found)


def _plain(error: ValidationError) -> Msg:
    return Msg.of("schema_other", what=error.message)


def _enum(error: ValidationError) -> Msg:
    values: Any = error.validator_value
    allowed = [str(v) for v in values]
    close = difflib.get_close_matches(str(error.instance), allowed, n=1)
    if close:
        return Msg.of("enum_close", value=error.instance, close=close[0], allowed=", ".join(allowed))
    return Msg.of("enum", value=error.instance, allowed=", ".join(allowed))


def _colour(error: ValidationError) -> Msg:
    """A colour that is neither a palette name nor #RRGGBB: the closest name, or how to write hex."""
    choices: Any = error.validator_value
    names: list[str] = choices[0]["enum"]
    value = str(error.instance)
    if value.startswith("#"):
        return Msg.of("colour_hex", value=value)
    close = difflib.get_close_matches(value, names, n=1)
    if close:
        return Msg.of("colour_close", value=value, close=close[0], allowed=", ".join(names))
    return Msg.of("colour_name", value=value, allowed=", ".join(names))


def _pattern(error: ValidationError) -> Msg:
    value = str(error.instance)
    if error.validator_value == LANGUAGE_PATTERN:
        fixed = value.replace("_", "-")
        if ecma_search(LANGUAGE_PATTERN, fixed):
            return Msg.of("bad_language_code", value=value, fixed=fixed)
        return Msg.of("bad_language", value=value)
    if list(error.absolute_path)[-1:] == ["logo"]:
        return Msg.of("logo_name", logo=value)
    rules: Any = error.schema
    return Msg.of("bad_form", value=value, form=rules.get("description") or error.validator_value)


def _count(key_one: str, key: str) -> Callable[[ValidationError], Msg]:
    return lambda e: Msg.of(key_one if e.validator_value == 1 else key, limit=e.validator_value)


_MESSAGES: Mapping[str, Callable[[Any], Msg]] = MappingProxyType({
    "pattern": _pattern,
    "const": lambda e: Msg.of("must_be", value=repr(e.validator_value)),
    "minItems": _count("min_items_one", "min_items"),
    "maxItems": lambda e: Msg.of("max_items", count=len(e.instance), limit=e.validator_value),
    "minProperties": lambda e: Msg.of("not_empty"),
    "minLength": lambda e: Msg.of("not_empty"),
    "maxLength": lambda e: Msg.of("too_long", limit=e.validator_value, length=f"{len(e.instance):,}"),
    "exclusiveMinimum": lambda e: Msg.of("greater_than", limit=e.validator_value, value=e.instance),
    "minimum": lambda e: Msg.of("at_least", limit=e.validator_value, value=e.instance),
    "maximum": lambda e: Msg.of("at_most", limit=e.validator_value, value=e.instance),
    "uniqueItems": lambda e: Msg.of("unique_items"),
    "enum": _enum,
})
