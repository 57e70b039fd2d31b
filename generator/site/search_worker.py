"""Fix how Material's search worker handles a Chinese query.

Material segments a query written without spaces (Chinese) greedily against
the words of the index and joins the words with ``"* "``; three slips follow:

- The segmenter's loop stops one character short of the end of the query
  (``j < query.length``), so the last word is never found whole: 实地考察 is
  searched as 实地 alone and extra pages match. Fix: the bound ``<=``.
- Every word then gets a second wildcard (``统一**``), and the query analysis
  strips only one, so it looks for the word ``统一*``, finds it in no result,
  and lists every word but the last as "missing" (缺少：统一* 社会*) under
  results that contain the whole query; those words are also left out of the
  ``?h=`` link that highlights the query on the page opened. Fix: strip every
  trailing wildcard.
- A page that only matched in its sections is listed with no query words at
  all, so its link highlights nothing (``?h=``). Fix: give it the words its
  sections matched.

And one change: the worker reads the index as it is stored (``generator.site.search_storage``):
jieba's word breaks in one byte and sections' locations after their page's, put back whole
before it builds its index (``RESTORE_INDEX``).

This is a patch of a vendored, minified file: ``patch_search_worker`` applies
a fix only where it finds its exact code, once, and names the fixes it could
not apply, so a Material release that changes the worker (or fixes these) is
noticed by the tests instead of being silently patched wrongly.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PATCHES", "RESTORE_INDEX", "SEGMENT_LOOP", "SEGMENT_LOOP_FIXED", "WorkerPatch", "apply_patches",
           "patch_search_worker"]


@dataclass(frozen=True)
class WorkerPatch:
    """One replacement in a minified script of Material 9.8 (its search worker or bundle)."""

    name: str
    """What it fixes, for log messages."""
    old: str
    """The exact code it replaces; it must occur exactly once."""
    new: str
    """The code put in its place."""


SEGMENT_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
"""The segmenter's inner loop."""
SEGMENT_LOOP_FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
"""The same loop, also trying the slice that ends at the end of the query."""

RESTORE_INDEX = WorkerPatch(
    "index read as stored",
    "de=new U(t.data)",
    # setup: new Search(index), read as search_storage.as_read does: "\x7f" -> "\u200b" in every title and
    # text (split/join: older in-app browsers), "#anchor" -> the last page's location + "#anchor".
    'de=new U((d=>{let p="";for(const x of d.docs){for(const k of["title","text"])typeof x[k]=="string"&&'
    '(x[k]=x[k].split("\\x7f").join("\\u200b"));typeof x.location=="string"&&(x.location.startsWith("#")?'
    '(x.location=p+x.location):x.location.includes("#")||(p=x.location))}return d})(t.data))',
)
"""The worker's setup, reading the stored index whole (``generator.site.search_storage``)."""

PATCHES = (
    WorkerPatch("last word of a Chinese query", SEGMENT_LOOP, SEGMENT_LOOP_FIXED),
    WorkerPatch(
        "query words reported missing",
        "n.term.endsWith(\"*\")&&(n.wildcard=lunr.Query.wildcard.TRAILING,n.term=n.term.slice(0,-1))",
        "n.term.endsWith(\"*\")&&(n.wildcard=lunr.Query.wildcard.TRAILING,n.term=n.term.replace(/\\*+$/,\"\"))",
    ),
    WorkerPatch(
        "words of a page matched only in its sections",
        "o.push(B(_({},a),{score:0,terms:{}}))",
        "o.push(B(_({},a),{score:0,terms:o.reduce((m,x)=>{for(let k in x.terms)m[k]=m[k]||x.terms[k];return m},{})}))",
    ),
    RESTORE_INDEX,
)
"""Every fix, in the order applied."""


def patch_search_worker(script: str) -> tuple[str, tuple[WorkerPatch, ...]]:
    """``script`` with every fix applied whose code it holds once, and the fixes it could not apply."""
    return apply_patches(script, PATCHES)


def apply_patches(script: str, patches: tuple[WorkerPatch, ...]) -> tuple[str, tuple[WorkerPatch, ...]]:
    """``script`` with each of ``patches`` applied whose code it holds once, and those it could not apply."""
    missing = []
    for patch in patches:
        if script.count(patch.old) == 1:
            script = script.replace(patch.old, patch.new)
        else:
            missing.append(patch)
    return script, tuple(missing)
