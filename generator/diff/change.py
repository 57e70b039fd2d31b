"""The changes ``generator diff`` reports (pure data; ``generator.diff.compare`` finds them)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KINDS", "Change", "TextChange"]

KINDS = ("version", "languages", "scale", "added", "removed", "moved", "self_check", "weight", "knockout",
         "must_ask", "after_signing", "clauses", "reworded", "sources", "changed")
"""Every kind of change, in report order."""

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
    """For "reworded", "must_ask", "after_signing", "clauses" and "changed": (field, languages whose text changed)."""
    texts: tuple[TextChange, ...] = ()
    """For "reworded", "must_ask", "after_signing" and "clauses": each text before and after; for an added
    criterion every text of it (``old`` empty)."""
    details: tuple[tuple[str, object], ...] = ()
    """For an added criterion: ("weight", w) and ("knockout", k) (none in a self-check section)."""
