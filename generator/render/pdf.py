"""HTML to PDF with WeasyPrint: a pure function of the HTML (and the identifier it is given).

WeasyPrint lays out ``@page`` margin boxes (running header, "page n of N"), embeds
only the glyphs used (font subsetting) and keeps the text extractable. Fonts come
from fontconfig (Debian's ``fonts-noto-cjk``); the documents name no URL but the
``data:`` address of the edition's logo, and any other URL is refused, so rendering
never contacts a host nor reads a file.

Two renderings of the same HTML are byte-identical: the creation and modification
dates are the ``dcterms.created`` / ``dcterms.modified`` meta elements of the HTML,
and the document id is ``identifier``, never the clock or a random number. So a PDF
made in a worker process (``html_to_pdfs``) is the one made in the build's process.

The stylesheets every form shares come apart from the HTML and are parsed once per process
(WeasyPrint parses and compiles a ``<style>`` for every document: a fifth of a one-page form's
time). WeasyPrint gives them the user origin, below the document's own ``<style>`` (a form's
running header) as they were when they stood before it in the document: the PDFs are the same
bytes.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Pdf", "html_to_pdf", "html_to_pdfs", "pdf_workers"]


@dataclass(frozen=True)
class Pdf:
    """A rendered PDF."""

    data: bytes
    """The file."""
    pages: int
    """Its number of pages."""


def html_to_pdf(html: str, identifier: bytes, stylesheets: Sequence[str] = ()) -> Pdf:
    """The PDF of the complete HTML document ``html``, with document id ``identifier``, styled by
    ``stylesheets`` (CSS texts, in cascade order) and then by its own ``<style>`` elements."""
    import weasyprint  # loading Pango costs a second: only builds that make PDFs pay it

    with _quiet():
        document = weasyprint.HTML(string=html, url_fetcher=_inline_only()).render(
            stylesheets=[_stylesheet(text) for text in stylesheets])
        data: bytes = document.write_pdf(pdf_identifier=identifier)
    return Pdf(data, len(document.pages))


def html_to_pdfs(documents: Sequence[tuple[str, bytes]], stylesheets: Sequence[str] = (),
                 workers: int | None = None) -> list[Pdf]:
    """``html_to_pdf`` of each ``(html, identifier)`` of ``documents`` with ``stylesheets``, in their order.

    With ``pdf_workers(len(documents), workers)`` above one, the PDFs are made at the same time in
    that many worker processes; each returns its bytes to this process (the caller's writer stays the
    only one to touch the disk). The longest documents go first, so that a long form does not start
    last and keep one core busy alone at the end.
    """
    count = pdf_workers(len(documents), workers)
    if count <= 1:
        return [html_to_pdf(html, identifier, stylesheets) for html, identifier in documents]
    import weasyprint  # noqa: F401  (loaded once here; the forked workers share it)

    longest_first = sorted(range(len(documents)), key=lambda index: -len(documents[index][0]))
    with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = {index: pool.submit(html_to_pdf, *documents[index], tuple(stylesheets)) for index in longest_first}
        return [futures[index].result() for index in range(len(documents))]


def pdf_workers(documents: int, workers: int | None = None) -> int:
    """How many worker processes ``html_to_pdfs`` uses for ``documents`` documents: ``workers`` (by
    default one per core this process may use), at most one per document; 1 means in this process.

    Workers are forked (no interpreter start, no second import of WeasyPrint: a worker costs
    milliseconds), and forking is safe only from a process with one thread: the command line and
    MkDocs's build are; a process with more threads (a server, a test run with servers) makes its
    PDFs one after the other, as do systems that cannot fork.
    """
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    return max(1, min(workers or _cores(), documents))


def _inline_only() -> Any:
    """WeasyPrint's URL fetcher that fetches nothing, no network, no disk: only ``data:`` addresses,
    which hold their content (the edition's logo)."""
    import weasyprint

    return weasyprint.urls.URLFetcher(allowed_protocols=("data",))


@lru_cache(maxsize=8)
def _stylesheet(text: str) -> Any:
    """``text`` parsed once per process (a few stylesheets per build: print.css, pdf.css per font family)."""
    import weasyprint

    with _quiet():
        return weasyprint.CSS(string=text, url_fetcher=_inline_only())


def _cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


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
