"""Keep the site's search index compact.

MkDocs' search plugin writes ``search/search_index.json`` with ``json.dumps``'
default ``ensure_ascii=True``: every Chinese character becomes a six-byte
``\\uXXXX`` escape (three bytes in UTF-8), which roughly doubles the file that
every reader of the Chinese site downloads before search works. Rewriting it
as UTF-8 changes no value, so Material's search reads exactly the same index.
"""

from __future__ import annotations

import json

__all__ = ["compact_search_index", "compact_search_index_script"]

SCRIPT_PREFIX = "var __index = "
"""How Material's offline plugin wraps the index into ``search/search_index.js``."""


def compact_search_index(text: str) -> str:
    """The same JSON document, as raw UTF-8 without escapes or spaces.

    Raises ``ValueError`` if ``text`` is not JSON. Key order is kept, so the
    result is as deterministic as the input.
    """
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


def compact_search_index_script(text: str) -> str:
    """``search_index.js`` (``var __index = {...}``) with its JSON compacted likewise."""
    if not text.startswith(SCRIPT_PREFIX):
        raise ValueError(f"not a search index script: starts with {text[:20]!r}")
    return SCRIPT_PREFIX + compact_search_index(text[len(SCRIPT_PREFIX):])
