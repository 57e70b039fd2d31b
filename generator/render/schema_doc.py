"""Walk the criteria JSON Schema into reference rows, so the reference page is never written twice."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

__all__ = ["LOCALISED", "Row", "schema_rows"]

LOCALISED = MappingProxyType({"text": "localised text", "texts": "list of localised texts"})
"""Definitions shown as one row (their shape is explained once on the page)."""


@dataclass(frozen=True)
class Row:
    """One key of the criteria file."""

    path: str
    """Dotted path; ``[]`` marks list entries, ``<language>``/``<key>`` free keys."""
    kind: str
    """What the value is, e.g. "string", "list", "localised text"."""
    required: bool
    """True if the key must be present (when its parent is)."""
    rules: tuple[str, ...]
    """Constraints: pattern, allowed values, bounds."""
    description: str
    """The schema's description (English)."""


def schema_rows(schema: dict[str, Any]) -> list[Row]:
    """Every key the schema allows, in schema order, depth first."""
    rows: list[Row] = []
    _children(schema, schema, "", rows)
    return rows


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """Follow ``$ref`` and merge ``allOf``; return the merged node and the definition name, if any."""
    merged: dict[str, Any] = {}
    name: str | None = None
    for part in [node, *node.get("allOf", [])]:
        if "$ref" in part:
            name = part["$ref"].rsplit("/", 1)[-1]
            target, _ = _resolve(root["$defs"][name], root)
            merged = {**target, **merged}
        merged.update({k: v for k, v in part.items() if k not in ("$ref", "allOf")})
    return merged, name


def _walk(node: dict[str, Any], root: dict[str, Any], path: str, required: bool, rows: list[Row]) -> None:
    resolved, name = _resolve(node, root)
    if name is not None and name in LOCALISED:
        # Show only what this key adds to the shared text shape, which the page explains once.
        shared = root["$defs"][name]
        own = {k: v for k, v in resolved.items() if shared.get(k) != v}
        rows.append(Row(path, LOCALISED[name], required, _rules(own), str(own.get("description", ""))))
        return
    rows.append(Row(path, _kind(resolved, root), required, _rules(resolved), str(resolved.get("description", ""))))
    _children(resolved, root, path, rows)


def _children(node: dict[str, Any], root: dict[str, Any], path: str, rows: list[Row]) -> None:
    required = set(node.get("required", []))
    for key, child in node.get("properties", {}).items():
        _walk(child, root, f"{path}.{key}" if path else key, key in required, rows)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        language = "{2,3}" in str(node.get("propertyNames", {}).get("pattern", ""))
        _walk(extra, root, f"{path}.<{'language' if language else 'key'}>", False, rows)
    items = node.get("items")
    if isinstance(items, dict):
        _children(_resolve(items, root)[0], root, f"{path}[]", rows)


def _kind(node: dict[str, Any], root: dict[str, Any]) -> str:
    if "const" in node:
        return f"always {node['const']}"
    if "enum" in node:
        return "one of"
    if "anyOf" in node:  # a colour: a palette name or #RRGGBB
        return " or ".join(_kind(one, root) for one in node["anyOf"])
    if isinstance(node.get("type"), list):
        return " or ".join(_kind({**node, "type": one}, root) for one in node["type"])
    kind = str(node.get("type", "any"))
    names = {"string": "text", "number": "number", "integer": "whole number", "boolean": "true/false",
             "object": "mapping", "array": "list"}
    if kind == "array" and isinstance(node.get("items"), dict):
        items, name = _resolve(node["items"], root)
        inner = LOCALISED.get(name or "") or names.get(str(items.get("type")), "entries")
        return f"list of {inner}" if inner != "mapping" else "list of mappings"
    return names.get(kind, kind)


_BOUNDS = (("minimum", "≥ {}"), ("exclusiveMinimum", "> {}"), ("maximum", "≤ {}"),
           ("minItems", "at least {} entr{y|ies}"), ("maxItems", "at most {} entr{y|ies}"),
           ("minLength", "at least {} character{|s}"), ("maxLength", "at most {} character{|s}"),
           ("minProperties", "at least {} key{|s}"))


def _bound(text: str, value: Any) -> str:
    head, _, rest = text.partition("{}")
    if "{" not in rest:
        return f"{head}{value}{rest}"
    stem, _, forms = rest.partition("{")
    one, _, many = forms.rstrip("}").partition("|")
    return f"{head}{value}{stem}{one if value == 1 else many}"


def _rules(node: dict[str, Any]) -> tuple[str, ...]:
    if "anyOf" in node:
        return tuple(rule for one in node["anyOf"] for rule in _rules(one))
    rules = [f"pattern {node['pattern']}"] if "pattern" in node else []
    if "enum" in node:
        rules.append(", ".join(str(v) for v in node["enum"]))
    rules += [_bound(text, node[key]) for key, text in _BOUNDS if key in node]
    if node.get("uniqueItems"):
        rules.append("no duplicates")
    if "propertyNames" in node:
        rules.append(f"keys: pattern {node['propertyNames'].get('pattern', '')}")
    return tuple(rules)
