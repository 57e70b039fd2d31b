"""Every value of a criteria file as a flat ``{place: value}`` table, walked by the JSON Schema.

The walk follows the schema, not a list of known keys, so a key added to the schema is
compared without any change here. Items are keyed by what identifies them (``id``, a
release's ``version``, a label table's language), other list entries by their number
counted from 1; criteria are keyed by id alone (the section they are in is a value of
their own, ``section``), so a criterion moved between sections is one item.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from generator.checks.schema_check import schema
from generator.model import Criteria
from generator.render.exports import criteria_data

__all__ = ["ITEMS", "LOGO_FILE", "SCORE_KEY", "Leaf", "Place", "field_name", "flatten", "item_of"]

Place = tuple[str | int, ...]
"""Keys, item ids and (for lists without ids) 1-based numbers, from the top of the file."""

ITEMS = MappingProxyType({("sections",): "section", ("criteria",): "criterion", ("meta", "sources"): "source",
         ("changelog",): "release", ("labels",): "labels"})
"""Places whose entries are items, each keyed by its id, and the item kind."""
SCORE_KEY = "score={}"
"""How a level is keyed: by its score, e.g. ``levels[score=3].label``."""
LOGO_FILE = "logo image"
"""Pseudo-key under meta.branding.logo: the image's content, which can change while its name stays."""


@dataclass(frozen=True)
class Leaf:
    """One value of the file."""

    value: object
    """Text, number, true/false, or a tuple of words (a list of plain values)."""
    language: str | None = None
    """For one language of a localised text: that language."""


def flatten(criteria: Criteria) -> dict[Place, Leaf]:
    """Every value of ``criteria``, by place."""
    data = criteria_data(criteria)
    for section in data["sections"]:
        for criterion in section["criteria"]:
            criterion["section"] = section["id"]  # where it is, as a value of its own
            if isinstance(criterion.get("knockout"), dict):  # one value, as written: true → {below: 2}
                criterion["knockout"] = f"{{below: {criterion['knockout']['below']}}}"
    criteria_list = [c for s in data["sections"] for c in s.pop("criteria")]
    table: dict[Place, Leaf] = {}
    root = _resolve(schema())
    for key, value in data.items():
        _walk(table, (key,), value, root["properties"][key])
    item = _resolve(root["$defs"]["criterion"])
    for criterion in criteria_list:
        _walk(table, ("criteria", criterion["id"]), criterion, item)
    branding = criteria.meta.branding
    if branding is not None and branding.logo is not None and branding.logo.data:
        digest = hashlib.sha256(branding.logo.data).hexdigest()[:16]
        table["meta", "branding", "logo", LOGO_FILE] = Leaf(f"sha256 {digest}")
    return table


def _resolve(node: Any) -> Any:
    """``node`` with ``$ref`` followed and ``allOf`` parts merged."""
    defs = schema()["$defs"]
    while isinstance(node, dict) and "$ref" in node:
        node = {**defs[node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    if isinstance(node, dict) and "allOf" in node:
        merged = {k: v for k, v in node.items() if k != "allOf"}
        for part in node["allOf"]:
            merged = {**_resolve(part), **merged}
        node = merged
    return node


def _is_text(node: Any) -> bool:
    """A localised text: a mapping from language (``propertyNames``) to a string."""
    return isinstance(node, dict) and "propertyNames" in node and "properties" not in node \
        and node.get("additionalProperties", {}).get("type") == "string"


def _branch(node: Any, value: Any) -> Any:
    """Of a ``oneOf`` (one value or a list of them, e.g. check_who), the branch ``value`` is written in."""
    options = [_resolve(option) for option in node.get("oneOf", [])] if isinstance(node, dict) else []
    for option in options:
        if isinstance(value, list) == (option.get("type") == "array"):
            return option
    return node


def _walk(table: dict[Place, Leaf], place: Place, value: Any, node: Any) -> None:
    node = _branch(_resolve(node), value)
    if isinstance(value, dict):
        text = _is_text(node)
        for key, item in value.items():
            if text:
                table[(*place, key)] = Leaf(item, key)
            else:
                _walk(table, (*place, key), item, _child(node, key))
    elif isinstance(value, list):
        items = _resolve(node.get("items", {}))
        if all(not isinstance(v, dict | list) for v in value) and not _is_text(items):
            table[place] = Leaf(tuple(value))
            return
        for number, item in enumerate(value, start=1):
            _walk(table, (*place, _item_key(place, item, number)), item, items)
    else:
        table[place] = Leaf(value)


def _child(node: Any, key: str) -> Any:
    properties = node.get("properties", {}) if isinstance(node, dict) else {}
    if key in properties:
        return properties[key]
    extra = node.get("additionalProperties", {}) if isinstance(node, dict) else {}
    return extra if isinstance(extra, dict) else {}


def _item_key(place: Place, item: Any, number: int) -> str | int:
    if place in ITEMS and isinstance(item, dict):
        return str(item.get("id", item.get("version", number)))
    if place[-1:] == ("levels",) and isinstance(item, dict) and "score" in item:
        # Levels are compared by score, not by position: scales of different lengths line up.
        return SCORE_KEY.format(item["score"])
    return number


def item_of(place: Place) -> tuple[str, str, Place] | None:
    """(item kind, id, place inside the item) for places inside an item, else None."""
    for prefix, kind in ITEMS.items():
        if place[: len(prefix)] == prefix and len(place) > len(prefix):
            return kind, str(place[len(prefix)]), place[len(prefix) + 1:]
    return None


def field_name(place: Place) -> str:
    """A place inside an item as written for people: ``levels[2].text`` (numbers from 1)."""
    return "".join(f"[{step}]" if isinstance(step, int) or step.startswith(SCORE_KEY[:6]) else f".{step}"
                   for step in place).lstrip(".")
