"""What changed between two criteria files, by stable id (pure; ``diff_report`` formats it).

Every value of both files is compared (``generator.diff_walk`` walks them by the schema).
Changes a reviewer weighs on their own get their own kind (a weight, a knock-out, a moved
criterion…); a changed text is "reworded", with its old and new wording; any other value
is "changed", with its place, so no key of the file goes unreported.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff_walk import ITEMS, Leaf, Place, flatten
from generator.model import Criteria, Text

__all__ = ["KINDS", "Change", "Diff", "TextChange", "compare", "field_name"]

KINDS = ("version", "languages", "scale", "added", "removed", "moved", "self_check", "weight", "knockout",
         "must_ask", "after_signing", "reworded", "sources", "changed")
"""Every kind of change, in report order."""

_OWN_KIND: dict[Place, str] = {
    ("meta", "version"): "version", ("meta", "languages"): "languages", ("section",): "moved",
    ("weight",): "weight", ("knockout",): "knockout", ("self_check",): "self_check", ("sources",): "sources",
}
"""Values with a kind of their own: places in the file, or fields of an item."""


@dataclass(frozen=True)
class TextChange:
    """One localised text, before and after ("" where it is absent)."""

    field: str
    """Its place in the item, e.g. "title" or "questions[2]" (counted from 1)."""
    language: str
    """The language of the text."""
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """One change to one item."""

    kind: str
    """One of KINDS."""
    item: str
    """"criterion", "section", "source", "release", "labels", "scale" or "meta"."""
    id: str
    """Stable id of the item (a release's version, a label table's language; "scale" for the scale)."""
    title: str
    """Title of the item in the report's language ("" if it has none)."""
    old: object = None
    """Value before (a version, section id, weight, …), if the kind has one."""
    new: object = None
    """Value after."""
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """For "reworded", "must_ask", "after_signing" and "changed": (field, languages whose text changed)."""
    texts: tuple[TextChange, ...] = ()
    """For "reworded", "must_ask" and "after_signing": each text before and after."""
    details: tuple[tuple[str, object], ...] = ()
    """For an added criterion: ("weight", w) and ("knockout", k) (none in a self-check section)."""


@dataclass(frozen=True)
class Diff:
    """Every change from an old criteria file to a new one."""

    old: Criteria
    new: Criteria
    changes: tuple[Change, ...]
    """In KINDS order, then in file order."""


def field_name(place: Place) -> str:
    """A place inside an item as written for people: ``levels[2].text`` (numbers from 1)."""
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in place).lstrip(".")


def compare(old: Criteria, new: Criteria, lang: str | None = None) -> Diff:
    """The changes from ``old`` to ``new``. Texts are compared in the languages both files have;
    titles are in ``lang`` where the file has it, else in the file's first language."""
    before, after = flatten(old), flatten(new)
    shared = set(old.meta.languages) & set(new.meta.languages)
    titles = {**_titles(old, lang), **_titles(new, lang)}
    changes = [*_items(before, after, titles, new), *_scale(before, after)]
    changes += _values(before, after, shared, titles)
    changes.sort(key=lambda change: KINDS.index(change.kind))  # stable: file order within a kind
    return Diff(old, new, tuple(changes))


def _titles(criteria: Criteria, lang: str | None) -> dict[tuple[str, str], str]:
    def pick(text: Text) -> str:
        return text(lang) if lang in criteria.meta.languages else text(criteria.meta.languages[0])

    titles = {("meta", criteria.meta.id): pick(criteria.meta.title)}
    titles |= {("section", s.id): pick(s.title) for s in criteria.sections}
    titles |= {("criterion", c.id): pick(c.title) for c in criteria.criteria}
    titles |= {("source", s.id): pick(s.title) for s in criteria.meta.sources}
    return titles


def _item_of(place: Place) -> tuple[str, str, Place] | None:
    """(item kind, id, place inside the item) for places inside an item, else None."""
    for prefix, kind in ITEMS.items():
        if place[: len(prefix)] == prefix and len(place) > len(prefix):
            return kind, str(place[len(prefix)]), place[len(prefix) + 1:]
    return None


def _items(before: dict[Place, Leaf], after: dict[Place, Leaf], titles: dict[tuple[str, str], str],
           new: Criteria) -> list[Change]:
    old_items = {found[:2]: place for place in before if (found := _item_of(place))}
    new_items = {found[:2]: place for place in after if (found := _item_of(place))}
    changes = []
    for kind, ident in new_items:
        if (kind, ident) not in old_items:
            changes.append(_added(kind, ident, titles, after, new))
    for kind, ident in old_items:
        if (kind, ident) not in new_items:
            section = before.get(("criteria", ident, "section"))
            changes.append(Change("removed", kind, ident, titles.get((kind, ident), ""),
                                  old=section.value if section else None))
    return changes


def _added(kind: str, ident: str, titles: dict[tuple[str, str], str], after: dict[Place, Leaf],
           new: Criteria) -> Change:
    if kind != "criterion":
        return Change("added", kind, ident, titles.get((kind, ident), ""))
    criterion = next(c for c in new.criteria if c.id == ident)
    section = after["criteria", ident, "section"].value
    scored = any(c.id == ident for c in new.scored_criteria)
    details = (("weight", criterion.weight), ("knockout", criterion.knockout)) if scored else ()
    return Change("added", kind, ident, titles.get((kind, ident), ""), new=section, details=details)


def _scale(before: dict[Place, Leaf], after: dict[Place, Leaf]) -> list[Change]:
    def scores(table: dict[Place, Leaf]) -> list[object]:
        return [leaf.value for place, leaf in table.items()
                if place[:2] == ("scale", "levels") and place[3:] == ("score",)]

    old, new = scores(before), scores(after)
    return [] if old == new else [Change("scale", "scale", "scale", "", old, new)]



_GROUPED = ("must_ask", "after_signing")
"""Criterion lists reported as one change each: the count before and after, with every text."""


def _where(place: Place, meta_id: str) -> tuple[str, str, Place]:
    """(item kind, id, place inside the item) of any place."""
    found = _item_of(place)
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


def _values(before: dict[Place, Leaf], after: dict[Place, Leaf], shared: set[str],
            titles: dict[tuple[str, str], str]) -> list[Change]:
    meta_id = str(after["meta", "id"].value)
    on_both = _item_ids(before) & _item_ids(after)
    texts: dict[tuple[str, str, str], list[TextChange]] = {}
    changes = []
    for place in [*after, *(p for p in before if p not in after)]:
        was, now = before.get(place, _default(place)), after.get(place, _default(place))
        item = _item_of(place)
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
    return {found[:2] for place in table if (found := _item_of(place))}


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
