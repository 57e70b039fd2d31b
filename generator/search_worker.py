"""Fix how Material's search worker splits a Chinese query into words.

Material segments a query written without spaces (Chinese) greedily against
the words of the index, but its loop stops one character short of the end of
the query (``j < query.length``), so the last word of the query is never found
whole: 实地考察 is searched as 实地 alone, extra pages match, and the result
list marks 考察 as "missing". The fix is that loop's bound, ``<=``.

This is a patch of a vendored, minified file: ``patch_search_worker`` only
applies it where it finds the exact loop, and reports whether it did, so a
Material release that changes the worker (or fixes this) is noticed by the
tests instead of being silently patched wrongly.
"""

from __future__ import annotations

__all__ = ["SEGMENT_LOOP", "SEGMENT_LOOP_FIXED", "patch_search_worker"]

SEGMENT_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
"""The segmenter's inner loop in Material 9.8's minified search worker."""
SEGMENT_LOOP_FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
"""The same loop, also trying the slice that ends at the end of the query."""


def patch_search_worker(script: str) -> tuple[str, bool]:
    """``script`` with the segmenter fixed, and whether the known loop was found."""
    if script.count(SEGMENT_LOOP) != 1:
        return script, False
    return script.replace(SEGMENT_LOOP, SEGMENT_LOOP_FIXED), True
