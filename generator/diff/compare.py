"""What changed between two criteria files, by stable id (pure; ``generator.diff.report`` formats it).

Every value of both files is compared (``generator.diff.walk`` walks them by the schema).
Changes a reviewer weighs on their own get their own kind (a weight, a knock-out, a moved
criterion…); a changed text is "reworded", with its old and new wording; any other value
is "changed", with its place, so no key of the file goes unreported.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff.change import KINDS, Change, TextChange
from generator.diff.values import value_changes
from generator.diff.walk import LOGO_FILE, Leaf, Place, field_name, flatten, item_of
from generator.model import Criteria, Text

__all__ = ["KINDS", "Change", "Diff", "TextChange", "compare", "field_name"]


@dataclass(frozen=True)
class Diff:
    """Every change from an old criteria file to a new one."""

    old: Criteria
    new: Criteria
    changes: tuple[Change, ...]
    """In KINDS order, then in file order."""


def compare(old: Criteria, new: Criteria, lang: str | None = None) -> Diff:
    """The changes from ``old`` to ``new``. Texts are compared in the languages both files have;
    titles are in ``lang`` where the file has it, else in the file's first language."""
    before, after = flatten(old), flatten(new)
    if _image_unknown(old) or _image_unknown(new):  # a logo file left behind (e.g. by git show): compare names only
        for table in (before, after):
            table.pop(("meta", "branding", "logo", LOGO_FILE), None)
    shared = set(old.meta.languages) & set(new.meta.languages)
    titles = {**_titles(old, lang), **_titles(new, lang)}
    changes = [*_items(before, after, titles, new), *_scale(before, after)]
    changes += value_changes(before, after, shared, titles)
    changes.sort(key=lambda change: KINDS.index(change.kind))  # stable: file order within a kind
    return Diff(old, new, tuple(changes))


def _image_unknown(criteria: Criteria) -> bool:
    """Whether ``criteria`` names a logo whose file was not there when it was loaded."""
    branding = criteria.meta.branding
    return branding is not None and branding.logo is not None and not branding.logo.data


def _titles(criteria: Criteria, lang: str | None) -> dict[tuple[str, str], str]:
    def pick(text: Text) -> str:
        return text(lang) if lang in criteria.meta.languages else text(criteria.meta.languages[0])

    titles = {("meta", criteria.meta.id): pick(criteria.meta.title)}
    titles |= {("section", s.id): pick(s.title) for s in criteria.sections}
    titles |= {("criterion", c.id): pick(c.title) for c in criteria.criteria}
    titles |= {("source", s.id): pick(s.title) for s in criteria.meta.sources}
    return titles


def _items(before: dict[Place, Leaf], after: dict[Place, Leaf], titles: dict[tuple[str, str], str],
           new: Criteria) -> list[Change]:
    old_items = {found[:2]: place for place in before if (found := item_of(place))}
    new_items = {found[:2]: place for place in after if (found := item_of(place))}
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
    knockout = criterion.knockout if criterion.knockout_below is None else f"{{below: {criterion.knockout_below}}}"
    details = (("weight", criterion.weight), ("knockout", knockout)) if scored else ()
    texts = tuple(TextChange(field_name(place[2:-1]), leaf.language, "", str(leaf.value))
                  for place, leaf in after.items() if place[:2] == ("criteria", ident) and leaf.language)
    return Change("added", kind, ident, titles.get((kind, ident), ""), new=section, texts=texts, details=details)


def _scale(before: dict[Place, Leaf], after: dict[Place, Leaf]) -> list[Change]:
    def scores(table: dict[Place, Leaf]) -> list[object]:
        return [leaf.value for place, leaf in table.items()
                if place[:2] == ("scale", "levels") and place[3:] == ("score",)]

    old, new = scores(before), scores(after)
    return [] if old == new else [Change("scale", "scale", "scale", "", old, new)]
