"""Load the search index when the reader first opens search, not on every first visit.

Material 9.8's bundle requests ``search/search_index.json`` as soon as a page
loads (over ``file:`` it already waits for the search toggle). The index is the
biggest file of a first visit (about 64 KB gzip for the Chinese site, more than
the page, its styles and the theme's script together), and most visits never
search. The patch makes the bundle's index observable wait until the search
toggle opens (clicking the search icon, focusing the search box, the ``/``
key), or start at once when the address asks for a search or a highlight
(``?q=`` or ``?h=``), then share that one response with every subscriber
(the search worker and search highlighting). Search then works as before: the
worker gets the same index, and instant navigation keeps it for later pages.

Like ``generator.site.search_worker``, this patches a vendored, minified file
only where it finds the exact code, once, and names what it could not patch.
"""

from __future__ import annotations

from generator.site.search_worker import WorkerPatch, apply_patches

__all__ = ["BUNDLE_PATCHES", "patch_bundle"]

_FETCH = 'ze(new URL("search/search_index.json",Or.base))'
"""The bundle's request of the index over http(s) (``requestJSON``; minified names of Material 9.8)."""

BUNDLE_PATCHES = (
    WorkerPatch(
        "search index loaded when search opens",
        f":{_FETCH}}}",
        # merge(of(asked in the address), watchToggle("search")).pipe(first(open), switchMap(fetch), shareReplay(1))
        f':L($(/[?&][qh]=/.test(location.search)),Je("search")).pipe(Re(o=>o),b(()=>{_FETCH}),Z(1))}}',
    ),
)
"""Every change to Material's bundle, in the order applied."""


def patch_bundle(script: str) -> tuple[str, tuple[WorkerPatch, ...]]:
    """``script`` (Material's ``bundle.*.min.js``) with every patch applied whose code it holds once,
    and the patches it could not apply."""
    return apply_patches(script, BUNDLE_PATCHES)
