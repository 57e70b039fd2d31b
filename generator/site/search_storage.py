"""How the search index is stored for the patched search worker, which reads it back whole.

Two things an index repeats are stored once, and the worker puts them back before it builds its
index (``generator.site.search_worker.RESTORE_INDEX``), so search reads the very same documents:

- jieba's word breaks (U+200B, three bytes in UTF-8) are stored as ``STORED_BREAK`` (U+007F, one
  byte, which JSON keeps raw and page text never holds);
- an entry of a page's section names its location as ``#anchor`` when the page's own entry (its
  location without ``#``) comes before it: the page's path is not repeated in each section.

``as_read`` is the index as the worker reads it (the JavaScript does the same). ``store`` leaves
each part as it was where the worker could not read it back exactly.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["FIELDS", "STORED_BREAK", "WORD_BREAK", "as_read", "read_breaks", "store"]

WORD_BREAK = "\u200b"
"""What Material puts between the Chinese words jieba finds."""
STORED_BREAK = "\x7f"
"""How the index stores a word break: one byte in UTF-8 (U+200B takes three), written raw by JSON
(only characters below U+0020 are escaped), absent from page text."""
FIELDS = ("title", "text")
"""The fields of an entry that hold words."""


def read_breaks(value: str) -> str:
    """A stored title or text as the worker reads it: its word breaks U+200B again."""
    return value.replace(STORED_BREAK, WORD_BREAK)


def store(index: Any) -> None:
    """Store, in place, ``index``'s word breaks in one byte and its sections' locations after their page's."""
    docs = _docs(index)
    fields = [(doc, field) for doc in docs for field in FIELDS if isinstance(doc.get(field), str)]
    # A text holding that byte already: stored before, or text the worker would change. Left as it is.
    if not any(STORED_BREAK in doc[field] for doc, field in fields):
        for doc, field in fields:
            doc[field] = doc[field].replace(WORD_BREAK, STORED_BREAK)
    locations = [doc.get("location") for doc in docs]
    if not all(isinstance(location, str) for location in locations):
        return
    short = _short_locations([str(location) for location in locations])
    if _whole_locations(short) == locations:
        for doc, location in zip(docs, short, strict=True):
            doc["location"] = location


def as_read(index: Any) -> Any:
    """A copy of a stored ``index`` as the patched worker reads it (breaks and whole locations back)."""
    found = copy.deepcopy(index)
    docs = _docs(found)
    for doc in docs:
        for field in FIELDS:
            if isinstance(doc.get(field), str):
                doc[field] = read_breaks(doc[field])
    if all(isinstance(doc.get("location"), str) for doc in docs):
        for doc, location in zip(docs, _whole_locations([doc["location"] for doc in docs]), strict=True):
            doc["location"] = location
    return found


def _docs(index: Any) -> list[dict[str, Any]]:
    docs = index.get("docs") if isinstance(index, dict) else None
    return [doc for doc in docs if isinstance(doc, dict)] if isinstance(docs, list) else []


def _short_locations(locations: list[str]) -> list[str]:
    """Each section's location without its page's path when the page's entry came last before it."""
    found, page = [], ""
    for location in locations:
        path, hashed, _ = location.partition("#")
        if not hashed:
            page = location
        found.append(location[len(path):] if hashed and path == page else location)
    return found


def _whole_locations(locations: list[str]) -> list[str]:
    """What the worker makes of stored locations: ``#anchor`` after the last page's path (JavaScript alike)."""
    found, page = [], ""
    for location in locations:
        if location.startswith("#"):
            location = page + location
        elif "#" not in location:
            page = location
        found.append(location)
    return found
