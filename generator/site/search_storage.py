"""How the search index is stored for the patched search worker, which reads it back whole.

Material writes each entry as ``{"location", "title", "text"[, "boost"]}``; most of a short entry is
those keys and what the entries before it already said. The stored index writes each entry as an
array, ``[location, title, text]`` or ``[location, title, text, boost]``, and the worker builds the
very same objects before it builds its index (``generator.site.search_worker.RESTORE_INDEX``):

- a section's location is ``#anchor`` when its page's entry (a location without ``#``) came last
  before it: the page's path is not repeated in each section;
- a section without a boost has its page's (Material gives every entry of a page the page's boost);
- a title that an earlier entry already has is that entry's number (``面谈时问这些问题`` in every
  criterion is written once);
- in titles and texts, jieba's word breaks (U+200B, three bytes in UTF-8) are ``STORED_BREAK``
  (U+007F, one byte, which JSON keeps raw and page text never holds), and a closing tag is ``>``
  alone: the worker closes the innermost tag still open (Material's texts escape ``<`` and ``>``,
  so a raw one is always part of a tag, and it keeps only nested tags without attributes).

``as_read`` is the index as the worker reads it (the JavaScript does the same). ``store`` writes this
form only when ``as_read`` gives back exactly the index Material wrote; otherwise it leaves every entry
as it was (objects, which the worker takes as they are).
"""

from __future__ import annotations

import copy
import re
from typing import Any

__all__ = ["ENTRY", "FIELDS", "STORED_BREAK", "WORD_BREAK", "as_read", "read_string", "store"]

WORD_BREAK = "\u200b"
"""What Material puts between the Chinese words jieba finds."""
STORED_BREAK = "\x7f"
"""How the index stores a word break: one byte in UTF-8 (U+200B takes three), written raw by JSON
(only characters below U+0020 are escaped), absent from page text."""
FIELDS = ("title", "text")
"""The fields of an entry that hold words."""
ENTRY = ("location", "title", "text", "boost")
"""The keys of Material's entries, in the order of a stored entry's array."""

_CLOSING_TAG = re.compile(r"</([a-z0-9]+)>")
_STORED_TAG = re.compile(r"<([a-z0-9]+)>|>")


def store(index: Any) -> None:
    """Store ``index``'s entries in place as the patched worker reads them, if it reads back the same."""
    docs = index.get("docs") if isinstance(index, dict) else None
    if not isinstance(docs, list) or not all(_storable(doc) for doc in docs):
        return
    stored = _stored_docs(docs)
    try:
        same = _read_docs(stored) == docs
    except IndexError:  # a closing tag that closes no tag: not Material's markup
        same = False
    if same:
        index["docs"] = stored


def as_read(index: Any) -> Any:
    """A copy of a stored ``index`` as the patched worker reads it (entries whole again)."""
    found = copy.deepcopy(index)
    if isinstance(found, dict) and isinstance(found.get("docs"), list):
        found["docs"] = _read_docs(found["docs"])
    return found


def read_string(value: str) -> str:
    """A stored title or text as the worker reads it: word breaks U+200B and closing tags whole again."""
    open_tags: list[str] = []

    def tag(match: re.Match[str]) -> str:
        if match.group(1):
            open_tags.append(match.group(1))
            return match.group(0)
        return f"</{open_tags.pop()}>"

    return _STORED_TAG.sub(tag, value.replace(STORED_BREAK, WORD_BREAK))


def _storable(doc: Any) -> bool:
    """Whether ``doc`` is an entry as Material writes it: string location, title and text, maybe a boost."""
    return (isinstance(doc, dict) and set(doc) <= set(ENTRY) and set(doc) >= set(ENTRY[:3])
            and all(isinstance(doc[key], str) for key in ENTRY[:3]))


def _stored_docs(docs: list[dict[str, Any]]) -> list[list[Any]]:
    """Each entry as an array without what the entries before it said (the module docstring)."""
    stored: list[list[Any]] = []
    titles: dict[str, int] = {}
    page: dict[str, Any] = {"location": ""}
    for number, doc in enumerate(docs):
        location, title = doc["location"], doc["title"]
        path, hashed, _ = location.partition("#")
        entry: list[Any] = [location[len(path):] if hashed and path == page["location"] else location,
                            _stored_string(title), _stored_string(doc["text"])]
        if title in titles and len(str(titles[title])) < len(entry[1].encode("utf-8")) + 2:  # "" in JSON
            entry[1] = titles[title]
        titles.setdefault(title, number)
        if "boost" in doc and (not hashed or page.get("boost") != doc["boost"]):
            entry.append(doc["boost"])
        if not hashed:
            page = doc
        stored.append(entry)
    return stored


def _stored_string(value: str) -> str:
    """A title or text with its word breaks and closing tags in one byte each."""
    return _CLOSING_TAG.sub(">", value.replace(WORD_BREAK, STORED_BREAK))


def _read_docs(docs: list[Any]) -> list[Any]:
    """What the worker makes of stored entries (``search_worker.RESTORE_JS`` line for line)."""
    found: list[Any] = []
    page: dict[str, Any] = {"location": ""}
    for entry in docs:
        if not isinstance(entry, list):
            found.append(entry)
            continue
        location, title, text = entry[:3]
        doc = {"location": page["location"] + location if location.startswith("#") else location,
               "title": found[title]["title"] if isinstance(title, int) else read_string(title),
               "text": read_string(text)}
        section = "#" in doc["location"]
        if len(entry) > 3:
            doc["boost"] = entry[3]
        elif section and "boost" in page:
            doc["boost"] = page["boost"]
        if not section:
            page = doc
        found.append(doc)
    return found
