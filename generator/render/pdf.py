"""HTML to PDF with WeasyPrint: a pure function of the HTML (and the identifier it is given).

WeasyPrint lays out ``@page`` margin boxes (running header, "page n of N"), embeds
only the glyphs used (font subsetting) and keeps the text extractable. Fonts come
from fontconfig (Debian's ``fonts-noto-cjk``); the documents name no URL but the
``data:`` address of the edition's logo, and any other URL is refused, so rendering
never contacts a host nor reads a file.

Two renderings of the same HTML are byte-identical: the creation and modification
dates are the ``dcterms.created`` / ``dcterms.modified`` meta elements of the HTML,
and the document id is ``identifier``, never the clock or a random number.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

__all__ = ["Pdf", "html_to_pdf"]


@dataclass(frozen=True)
class Pdf:
    """A rendered PDF."""

    data: bytes
    """The file."""
    pages: int
    """Its number of pages."""


def html_to_pdf(html: str, identifier: bytes) -> Pdf:
    """The PDF of the complete HTML document ``html``, with document id ``identifier``."""
    import weasyprint  # loading Pango costs a second: only builds that make PDFs pay it

    with _quiet():
        # No network, no disk: only data: addresses, which hold their content (the edition's logo).
        inline_only = weasyprint.urls.URLFetcher(allowed_protocols=("data",))
        document = weasyprint.HTML(string=html, url_fetcher=inline_only).render()
        data: bytes = document.write_pdf(pdf_identifier=identifier)
    return Pdf(data, len(document.pages))


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence WeasyPrint's notes about CSS meant for browsers only (``:has()``, ``overflow-x``…)."""
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
