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

The entries are then stored for the patched search worker, which reads them back whole: as arrays,
without what the entries before them already said, with word breaks and closing tags in one byte
(``generator.site.search_storage``); a build whose worker could not be patched keeps the index as
Material wrote it, compacted.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.site.search_storage import FIELDS, WORD_BREAK, store

__all__ = ["WORD_BREAK", "compact_search_index", "compact_search_index_script", "without_doubled_breaks"]

SCRIPT_PREFIX = "var __index = "
"""How Material's offline plugin wraps the index into ``search/search_index.js``."""


def compact_search_index(text: str, stored: bool = True) -> str:
    """The same JSON document, as raw UTF-8 without escapes or spaces, without doubled word breaks, and
    with ``stored`` as the patched worker reads it (``generator.site.search_storage``).

    Raises ``ValueError`` if ``text`` is not JSON. Key order is kept, so the
    result is as deterministic as the input.
    """
    index = json.loads(text)
    _drop_doubled_breaks(index)
    if stored:
        store(index)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def compact_search_index_script(text: str, stored: bool = True) -> str:
    """``search_index.js`` (``var __index = {...}``) with its JSON compacted likewise."""
    if not text.startswith(SCRIPT_PREFIX):
        raise ValueError(f"not a search index script: starts with {text[:20]!r}")
    return SCRIPT_PREFIX + compact_search_index(text[len(SCRIPT_PREFIX):], stored)


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
