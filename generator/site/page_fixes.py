"""Small fixes to the HTML Material writes for every page.

Material 9.8 gives its search overlay ``role="dialog"`` but no accessible name, so screen
readers announce a nameless dialog (Lighthouse: aria-dialog-name). The fix names it after the
search box's own label. It applies only where Material's exact markup is found;
tests/test_phone_layout.py fails if a Material release changes that markup.
"""

from __future__ import annotations

from markupsafe import escape

__all__ = ["SEARCH_DIALOG", "name_search_dialog"]

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
"""Material's search overlay, as its partials/search.html writes it."""


def name_search_dialog(html: str, name: str) -> str:
    """``html`` with the search overlay named ``name`` (unchanged if the overlay is not found)."""
    named = SEARCH_DIALOG.replace('role="dialog">', f'role="dialog" aria-label="{escape(name)}">')
    return html.replace(SEARCH_DIALOG, named, 1)
