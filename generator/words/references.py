"""Label references: a label or page text names another label as ``{@key}``, so one rename reaches it.

The worksheet page is called "评分表" in one place, the label ``worksheet``; the report's button
says ``去{@worksheet}打分``. An edition that rewords ``worksheet`` as 打分表 changes the button, and
every other text that names the worksheet, without touching them. A reference is resolved once per
language, after the fallback chain (``generator.words.texts``): a text borrowed from another
language names this language's label. Only a label without ``{placeholders}`` may be named (its
words are dropped into the text as they are). In a page text, references inside a code span are
shown as written. ``check`` reports an unknown key, a label with placeholders, and a cycle.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from generator.words.text_markup import map_outside_code

__all__ = ["REFERENCE", "reference_cycle", "references", "resolve_labels", "resolve_page_text"]

REFERENCE = re.compile(r"\{@([^{}]*)\}")
"""``{@key}``: the words of label ``key``. The key's characters are checked, not matched here, so
that ``{@work sheet}`` is reported as an unknown label rather than as a stray brace."""


def references(text: str) -> list[str]:
    """The label keys ``text`` names, in order."""
    return [match.group(1) for match in REFERENCE.finditer(text)]


def reference_cycle(labels: Mapping[str, str], start: str) -> tuple[str, ...] | None:
    """The keys from ``start`` back to itself if its references lead there (``a → b → a``), else None."""
    path: list[str] = []

    def walk(key: str) -> bool:
        if key == start and path:
            return True
        if key in path or key not in labels:
            return False
        path.append(key)
        if any(walk(other) for other in references(labels[key])):
            return True
        path.pop()
        return False

    return (*path, start) if walk(start) else None


def _substitute(text: str, words: Callable[[str], str | None]) -> str:
    def one(match: re.Match[str]) -> str:
        found = words(match.group(1))
        return match.group() if found is None else found

    return REFERENCE.sub(one, text)


def resolve_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """``labels`` with every reference replaced by the words it names. A reference ``check`` would
    refuse (unknown key, cycle) is left as written: a model built without ``check`` still renders."""
    done: dict[str, str] = {}

    def words(key: str, seen: tuple[str, ...] = ()) -> str | None:
        if key in done:
            return done[key]
        if key not in labels or key in seen:
            return None
        done[key] = _substitute(labels[key], lambda other: words(other, (*seen, key)))
        return done[key]

    return {key: words(key) or "" for key in labels}  # in the order of ``labels``


def resolve_page_text(text: str, labels: Mapping[str, str]) -> str:
    """The page text ``text`` with the references outside its code spans replaced by ``labels``' words."""
    return map_outside_code(text, lambda part: _substitute(part, labels.get))
