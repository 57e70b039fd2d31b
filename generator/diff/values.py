"""The changed values of a criteria file, item by item: own kinds, rewordings, and everything else."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from generator.diff.change import Change, TextChange
from generator.diff.walk import Leaf, Place, field_name, item_of

__all__ = ["value_changes"]

_OWN_KIND: Mapping[Place, str] = MappingProxyType({
    ("meta", "version"): "version", ("meta", "languages"): "languages", ("section",): "moved",
    ("weight",): "weight", ("knockout",): "knockout", ("self_check",): "self_check", ("sources",): "sources",
})
"""Values with a kind of their own: places in the file, or fields of an item."""


_GROUPED = ("must_ask", "after_signing", "clauses")
"""Criterion lists reported as one change each: the count before and after, with every text."""


def _where(place: Place, meta_id: str) -> tuple[str, str, Place]:
    """(item kind, id, place inside the item) of any place."""
    found = item_of(place)
    if found:
        return found
    if place[:1] == ("scale",):
        return "scale", "scale", place[1:]
    return "meta", meta_id, place[1:] if place[:1] == ("meta",) else place


def _default(place: Place) -> Leaf | None:
    """What an absent true/false means: false (a section is scored, a self-check criterion no knock-out)."""
    return Leaf(False) if place[-1:] in (("self_check",), ("knockout",)) else None


def _is_score(place: Place) -> bool:
    """A level's score: the scale change reports them all at once (a criterion's follow the scale)."""
    return place[-1:] == ("score",) and (place[:2] == ("scale", "levels") or
                                          (place[:1] == ("criteria",) and place[2:3] == ("levels",)))


def _plain(leaf: Leaf | None) -> object:
    if leaf is None:
        return None
    return list(leaf.value) if isinstance(leaf.value, tuple) else leaf.value


def value_changes(before: dict[Place, Leaf], after: dict[Place, Leaf], shared: set[str],
                  titles: dict[tuple[str, str], str]) -> list[Change]:
    """Every changed value of an item on both sides (items added or removed are reported whole elsewhere)."""
    meta_id = str(after["meta", "id"].value)
    on_both = _item_ids(before) & _item_ids(after)
    texts: dict[tuple[str, str, str], list[TextChange]] = {}
    changes = []
    for place in [*after, *(p for p in before if p not in after)]:
        was, now = before.get(place, _default(place)), after.get(place, _default(place))
        item = item_of(place)
        if was == now or (item and item[:2] not in on_both) or _is_score(place):
            continue  # unchanged, inside an added or removed item, or part of the scale change
        kind, ident, inner = _where(place, meta_id)
        language = (now or was).language  # type: ignore[union-attr]
        if language is not None:
            if language in shared:
                group = str(inner[0]) if kind == "criterion" and inner[0] in _GROUPED else "reworded"
                texts.setdefault((group, kind, ident), []).append(TextChange(
                    field_name(inner[:-1]), language, str(_plain(was) or ""), str(_plain(now) or "")))
            continue
        own = _OWN_KIND.get(place) or (_OWN_KIND.get(inner) if kind in ("criterion", "section") else None)
        title = titles.get((kind, ident), "")
        fields = () if own else ((field_name(inner), ()),)
        changes.append(Change(own or "changed", kind, ident, title, _plain(was), _plain(now), fields=fields))
    for (group, kind, ident), found in texts.items():
        changes.append(_texts(group, kind, ident, titles.get((kind, ident), ""), found, (before, after)))
    return changes


def _item_ids(table: dict[Place, Leaf]) -> set[tuple[str, str]]:
    return {found[:2] for place in table if (found := item_of(place))}


def _texts(group: str, kind: str, ident: str, title: str, found: list[TextChange],
           tables: tuple[dict[Place, Leaf], dict[Place, Leaf]]) -> Change:
    fields: dict[str, list[str]] = {}
    for text in found:
        name = text.field if group == "reworded" else group
        if text.language not in fields.setdefault(name, []):
            fields[name].append(text.language)
    named = tuple((name, tuple(langs)) for name, langs in fields.items())
    if group == "reworded":
        return Change("reworded", kind, ident, title, fields=named, texts=tuple(found))
    old, new = ({p[3] for p in table if p[:3] == ("criteria", ident, group)} for table in tables)
    return Change(group, kind, ident, title, len(old), len(new), fields=named, texts=tuple(found))
