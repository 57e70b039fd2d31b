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
entries as arrays that leave out what the entries before them said, word breaks and closing tags
in one byte; it builds Material's entries whole again before it builds its index (``RESTORE_INDEX``).

This is a patch of a vendored, minified file: ``patch_search_worker`` applies
a fix only where it finds its exact code, once, and names the fixes it could
not apply, so a Material release that changes the worker (or fixes these) is
noticed by the tests instead of being silently patched wrongly.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PATCHES", "RESTORE_INDEX", "RESTORE_JS", "SEGMENT_LOOP", "SEGMENT_LOOP_FIXED", "WorkerPatch",
           "apply_patches", "patch_search_worker"]


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

RESTORE_JS = (
    # search_storage._read_docs line for line: each array entry [location, title, text, boost?] becomes
    # Material's object; "#anchor" after the last page's location, a number for an earlier entry's title, a
    # missing boost a section's page's; in strings "\x7f" -> "\u200b" (split/join: older in-app browsers)
    # and a ">" alone closes the innermost open tag.
    'd=>{const s=v=>{const k=[];return v.split("\\x7f").join("\\u200b").replace(/<([a-z0-9]+)>|>/g,'
    '(m,n)=>n?(k.push(n),m):"</"+k.pop()+">")};let p={location:""};for(let i=0;i<d.docs.length;i++){'
    'const x=d.docs[i];if(!Array.isArray(x))continue;const[l,t,e]=x,y={location:l.startsWith("#")?'
    'p.location+l:l,title:typeof t=="number"?d.docs[t].title:s(t),text:s(e)},w=y.location.includes("#");'
    'x.length>3?(y.boost=x[3]):w&&"boost"in p&&(y.boost=p.boost);w||(p=y);d.docs[i]=y}return d}'
)
"""The worker's reading of a stored index (``generator.site.search_storage``): a function of the index."""

RESTORE_INDEX = WorkerPatch("index read as stored", "de=new U(t.data)", f"de=new U(({RESTORE_JS})(t.data))")
"""The worker's setup (``new Search(index)``), reading the stored index whole."""

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
