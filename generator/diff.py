"""What changed between two criteria files, by stable id (pure; ``diff_report`` formats it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.model import Criteria, Criterion, Section, Text

__all__ = ["KINDS", "Change", "Diff", "compare"]

KINDS = ("version", "languages", "scale", "added", "removed", "moved", "self_check", "weight", "knockout",
         "must_ask", "after_signing", "reworded", "sources")
"""Every kind of change, in report order."""


@dataclass(frozen=True)
class Change:
    """One change to one item."""

    kind: str
    """One of KINDS."""
    item: str
    """"criterion", "section", "scale" or "meta"."""
    id: str
    """Stable id of the item ("scale" for the scale)."""
    title: str
    """Title of the item in its file's main language ("" if it has none)."""
    old: object = None
    """Value before (a version, section id, weight, …), if the kind has one."""
    new: object = None
    """Value after."""
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """For "reworded": (field, languages whose text changed)."""


@dataclass(frozen=True)
class Diff:
    """Every change from an old criteria file to a new one."""

    old: Criteria
    new: Criteria
    changes: tuple[Change, ...]
    """In KINDS order, then in file order."""


def compare(old: Criteria, new: Criteria) -> Diff:
    """The changes from ``old`` to ``new``. Texts are compared in the languages both files have."""
    langs = tuple(lang for lang in new.meta.languages if lang in old.meta.languages)
    changes = [*_meta(old, new, langs), *_sections(old, new, langs), *_criteria(old, new, langs)]
    changes.sort(key=lambda change: KINDS.index(change.kind))  # stable: file order within a kind
    return Diff(old, new, tuple(changes))


def _title(text: Text, criteria: Criteria) -> str:
    return text(criteria.meta.languages[0])


def _langs(a: Text | None, b: Text | None, langs: Sequence[str]) -> tuple[str, ...]:
    if a is None or b is None:
        return () if a is b else tuple(langs)
    return tuple(lang for lang in langs if a(lang) != b(lang))


def _list_langs(a: Sequence[Text], b: Sequence[Text], langs: Sequence[str]) -> tuple[str, ...]:
    return tuple(lang for lang in langs if [t(lang) for t in a] != [t(lang) for t in b])


def _reworded(item: str, ident: str, title: str,
              fields: list[tuple[str, tuple[str, ...]]]) -> list[Change]:
    changed = tuple((name, langs) for name, langs in fields if langs)
    return [Change("reworded", item, ident, title, fields=changed)] if changed else []


def _meta(old: Criteria, new: Criteria, langs: Sequence[str]) -> list[Change]:
    title = _title(new.meta.title, new)
    changes = []
    if old.meta.version != new.meta.version:
        changes.append(Change("version", "meta", new.meta.id, title, old.meta.version, new.meta.version))
    if old.meta.languages != new.meta.languages:
        changes.append(Change("languages", "meta", new.meta.id, title,
                              list(old.meta.languages), list(new.meta.languages)))
    old_scores = [lv.score for lv in old.scale.levels]
    new_scores = [lv.score for lv in new.scale.levels]
    if old_scores != new_scores:
        changes.append(Change("scale", "scale", "scale", "", old_scores, new_scores))
    changes += _reworded("meta", new.meta.id, title, [
        ("title", _langs(old.meta.title, new.meta.title, langs)),
        ("description", _langs(old.meta.description, new.meta.description, langs)),
    ])
    if len(old.scale.levels) == len(new.scale.levels):  # else the scale change says it all
        changes += _reworded("scale", "scale", "", [
            (f"levels[{i}].{name}", _langs(getattr(was, name), getattr(now, name), langs))
            for i, (was, now) in enumerate(zip(old.scale.levels, new.scale.levels, strict=True))
            for name in ("label", "description")
        ])
    return changes


def _sections(old: Criteria, new: Criteria, langs: Sequence[str]) -> list[Change]:
    before = {s.id: s for s in old.sections}
    after = {s.id: s for s in new.sections}
    changes = [Change("added", "section", s.id, _title(s.title, new)) for s in new.sections if s.id not in before]
    changes += [Change("removed", "section", s.id, _title(s.title, old)) for s in old.sections if s.id not in after]
    for s in new.sections:
        if s.id in before and before[s.id].self_check != s.self_check:
            changes.append(Change("self_check", "section", s.id, _title(s.title, new),
                                  before[s.id].self_check, s.self_check))
        if s.id in before:
            changes += _reworded("section", s.id, _title(s.title, new), [
                ("title", _langs(before[s.id].title, s.title, langs)),
                ("intro", _langs(before[s.id].intro, s.intro, langs)),
            ])
    return changes


def _placed(criteria: Criteria) -> dict[str, tuple[Section, Criterion]]:
    return {c.id: (s, c) for s in criteria.sections for c in s.criteria}


def _criteria(old: Criteria, new: Criteria, langs: Sequence[str]) -> list[Change]:
    before, after = _placed(old), _placed(new)
    changes = [Change("added", "criterion", i, _title(c.title, new), new=s.id)
               for i, (s, c) in after.items() if i not in before]
    changes += [Change("removed", "criterion", i, _title(c.title, old), old=s.id)
                for i, (s, c) in before.items() if i not in after]
    for ident, (section, c) in after.items():
        if ident in before:
            changes += _criterion(before[ident], section, c, _title(c.title, new), langs)
    return changes


def _criterion(was: tuple[Section, Criterion], section: Section, c: Criterion, title: str,
               langs: Sequence[str]) -> list[Change]:
    old_section, o = was
    changes = []
    if old_section.id != section.id:
        changes.append(Change("moved", "criterion", c.id, title, old_section.id, section.id))
    if o.weight != c.weight:
        changes.append(Change("weight", "criterion", c.id, title, o.weight, c.weight))
    if o.knockout != c.knockout:
        changes.append(Change("knockout", "criterion", c.id, title, o.knockout, c.knockout))
    if o.sources != c.sources:
        changes.append(Change("sources", "criterion", c.id, title, list(o.sources), list(c.sources)))
    # The questions asked first (the file's must_ask, or the first question without it).
    if asked := _list_langs(o.must_ask_questions, c.must_ask_questions, langs):
        changes.append(Change("must_ask", "criterion", c.id, title, len(o.must_ask_questions),
                              len(c.must_ask_questions), fields=(("must_ask", asked),)))
    if checks := _list_langs(o.after_signing, c.after_signing, langs):
        changes.append(Change("after_signing", "criterion", c.id, title, len(o.after_signing),
                              len(c.after_signing), fields=(("after_signing", checks),)))

    return changes + _reworded("criterion", c.id, title, [
        ("title", _langs(o.title, c.title, langs)),
        ("why", _langs(o.why, c.why, langs)),
        ("questions", _list_langs(o.questions, c.questions, langs)),
        ("evidence", _list_langs(o.evidence, c.evidence, langs)),
        ("red_flags", _list_langs(o.red_flags, c.red_flags, langs)),
        ("levels", _list_langs([d.text for d in o.levels], [d.text for d in c.levels], langs)),
        ("weight_reason", _langs(o.weight_reason, c.weight_reason, langs)),
    ])
