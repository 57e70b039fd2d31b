"""Keep the site's search index compact.

MkDocs' search plugin writes ``search/search_index.json`` with ``json.dumps``'
default ``ensure_ascii=True``: every Chinese character becomes a six-byte
``\\uXXXX`` escape (three bytes in UTF-8), which roughly doubles the file that
every reader of the Chinese site downloads before search works. Rewriting it
as UTF-8 changes no value, so Material's search reads exactly the same index.

jieba's word breaks (U+200B, three bytes each) also stand next to punctuation,
spaces and tags, where the index's own ``separator`` already splits words; those
are dropped, about a tenth of the Chinese index. Search reads the same words: a
text keeps its breaks unless dropping them leaves every word of it as it was
(split by the separator between tags, as Material's search worker does).

The breaks that remain are stored as one byte, ``STORED_BREAK`` (U+007F, which JSON keeps raw and
page text never holds), instead of three: the patched search worker puts U+200B back before it
indexes anything (``generator.site.search_worker``), so search reads the very same index and
shows the same results. A build whose worker could not be patched keeps U+200B.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["STORED_BREAK", "WORD_BREAK", "compact_search_index", "compact_search_index_script", "read_breaks",
           "without_doubled_breaks"]

SCRIPT_PREFIX = "var __index = "
"""How Material's offline plugin wraps the index into ``search/search_index.js``."""


def compact_search_index(text: str, store_breaks: bool = True) -> str:
    """The same JSON document, as raw UTF-8 without escapes or spaces, without doubled word breaks, and
    with ``store_breaks`` the other breaks stored as ``STORED_BREAK`` (for the patched worker only).

    Raises ``ValueError`` if ``text`` is not JSON. Key order is kept, so the
    result is as deterministic as the input.
    """
    index = json.loads(text)
    _drop_doubled_breaks(index)
    if store_breaks:
        _store_breaks(index)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def compact_search_index_script(text: str, store_breaks: bool = True) -> str:
    """``search_index.js`` (``var __index = {...}``) with its JSON compacted likewise."""
    if not text.startswith(SCRIPT_PREFIX):
        raise ValueError(f"not a search index script: starts with {text[:20]!r}")
    return SCRIPT_PREFIX + compact_search_index(text[len(SCRIPT_PREFIX):], store_breaks)


def read_breaks(value: str) -> str:
    """A stored title or text as the patched worker reads it: its word breaks U+200B again."""
    return value.replace(STORED_BREAK, WORD_BREAK)


WORD_BREAK = "\u200b"
"""What Material puts between the Chinese words jieba finds."""
STORED_BREAK = "\x7f"
"""How the index stores a word break: one byte in UTF-8 (U+200B takes three), written raw by JSON
(only characters below U+0020 are escaped), absent from page text."""
FIELDS = ("title", "text")
"""The fields of an index entry that hold words (and the worker restores)."""
_TAG = re.compile(r"(<[^>]*>)")
_BREAKS = re.compile(WORD_BREAK + "+")


def _drop_doubled_breaks(index: Any) -> None:
    """Drop, in place, the word breaks of every title and text that the separator makes redundant."""
    separator = index.get("config", {}).get("separator") if isinstance(index, dict) else None
    if not isinstance(separator, str) or not isinstance(index.get("docs"), list):
        return
    pattern = re.compile(separator)
    for doc in index["docs"]:
        for field in FIELDS:
            if isinstance(doc, dict) and isinstance(doc.get(field), str) and WORD_BREAK in doc[field]:
                doc[field] = without_doubled_breaks(doc[field], pattern)


def _store_breaks(index: Any) -> None:
    """Write, in place, every word break of every title and text as ``STORED_BREAK``, unless one of
    them holds that byte already (stored before, or text the worker would give a break)."""
    docs = index.get("docs") if isinstance(index, dict) else None
    fields = [(doc, field) for doc in (docs if isinstance(docs, list) else ()) for field in FIELDS
              if isinstance(doc, dict) and isinstance(doc.get(field), str)]
    if any(STORED_BREAK in doc[field] for doc, field in fields):
        return
    for doc, field in fields:
        doc[field] = doc[field].replace(WORD_BREAK, STORED_BREAK)


def without_doubled_breaks(value: str, separator: re.Pattern[str]) -> str:
    """``value`` without the word breaks next to a tag, the start or end of a text, or a character the
    separator matches; each text between tags is kept as it was if that would change one of its words."""
    parts = _TAG.split(value)  # odd places hold the tags
    return "".join(part if place % 2 else _section(part, separator) for place, part in enumerate(parts))


def _section(text: str, separator: re.Pattern[str]) -> str:
    def keep(match: re.Match[str]) -> str:
        start, end = match.span()
        before, after = text[start - 1:start], text[end:end + 1]
        redundant = not before or not after or any(separator.fullmatch(c) for c in (before, after))
        return "" if redundant else match.group(0)

    trimmed = _BREAKS.sub(keep, text)
    return trimmed if _words(trimmed, separator) == _words(text, separator) else text


def _words(text: str, separator: re.Pattern[str]) -> list[str]:
    return [word for word in separator.split(text) if word]
