"""HTML to PDF with WeasyPrint: a pure function of the HTML (and the identifier it is given).

WeasyPrint lays out ``@page`` margin boxes (running header, "page n of N"), embeds
only the glyphs used (font subsetting) and keeps the text extractable. Fonts come
from fontconfig (Debian's ``fonts-noto-cjk``), first as the faces the stylesheets'
``@font-face`` rules name (generator.render.pdf_fonts), which the renderer's fetcher
hands over from memory; the documents name no other URL but the ``data:`` address of
the edition's logo, and any other URL is refused, so rendering never contacts a host
nor reads a file.

Two renderings of the same HTML are byte-identical: the creation and modification
dates are the ``dcterms.created`` / ``dcterms.modified`` meta elements of the HTML,
and the document id is ``identifier``, never the clock or a random number. So a PDF
made in a worker process (``html_to_pdfs``) is the one made in the build's process.

The stylesheets every form shares come apart from the HTML and are parsed once per batch and
process (WeasyPrint parses and compiles a ``<style>`` for every document: a fifth of a one-page
form's time). WeasyPrint gives them the user origin, below the document's own ``<style>`` (a form's
running header) as they were when they stood before it in the document: the PDFs are the same
bytes.
"""

from __future__ import annotations

import gc
import importlib.resources
import logging
import multiprocessing
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from generator.render.pdf_fonts import FontFace

__all__ = ["Pdf", "html_to_pdf", "html_to_pdfs", "pdf_workers"]


@dataclass(frozen=True)
class Pdf:
    """A rendered PDF."""

    data: bytes
    """The file."""
    pages: int
    """Its number of pages."""


def html_to_pdf(html: str, identifier: bytes, stylesheets: Sequence[str] = (),
                fonts: Sequence[FontFace] = ()) -> Pdf:
    """The PDF of the complete HTML document ``html``, with document id ``identifier``, styled by
    ``stylesheets`` (CSS texts, in cascade order) and then by its own ``<style>`` elements; ``fonts``
    are the faces the stylesheets' ``@font-face`` rules name (generator.render.pdf_fonts)."""
    return html_to_pdfs([(html, identifier)], stylesheets, 1, fonts)[0]


def html_to_pdfs(documents: Sequence[tuple[str, bytes]], stylesheets: Sequence[str] = (),
                 workers: int | None = None, fonts: Sequence[FontFace] = ()) -> list[Pdf]:
    """``html_to_pdf`` of each ``(html, identifier)`` of ``documents`` with ``stylesheets`` and ``fonts``,
    in their order; the stylesheets are parsed and the fonts loaded once per process.

    With ``pdf_workers(len(documents), workers)`` above one, the PDFs are made at the same time in
    that many worker processes; each returns its bytes to this process (the caller's writer stays the
    only one to touch the disk). The longest documents go first, so that a long form does not start
    last and keep one core busy alone at the end. WeasyPrint keeps the fonts of ``@font-face`` rules
    in a temporary folder while it uses them: the workers' are in one the batch removes at its end.
    """
    count = pdf_workers(len(documents), workers)
    if count <= 1:
        with _Renderer(tuple(stylesheets), tuple(fonts)) as renderer:
            return [renderer.pdf(html, identifier) for html, identifier in documents]
    import weasyprint  # noqa: F401  (loaded once here; the forked workers share it)

    longest_first = sorted(range(len(documents)), key=lambda index: -len(documents[index][0]))
    gc.freeze()  # the workers' garbage collector leaves this process's objects alone: no copy of their pages
    try:
        with tempfile.TemporaryDirectory(prefix="kit-pdf-") as scratch, ProcessPoolExecutor(
                count, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker,
                initargs=(scratch,)) as pool:
            futures = {index: pool.submit(_worker_pdf, *documents[index], tuple(stylesheets), tuple(fonts))
                       for index in longest_first}
            return [futures[index].result() for index in range(len(documents))]
    finally:
        gc.unfreeze()


class _Renderer:
    """Stylesheets parsed, and their fonts loaded, for any number of documents. WeasyPrint keeps the
    fonts in a temporary folder that it removes only when the garbage collector gets to its font
    configuration (which sits in reference cycles): closing the renderer removes it at once."""

    def __init__(self, stylesheets: tuple[str, ...], fonts: tuple[FontFace, ...]) -> None:
        import weasyprint  # loading Pango costs a second: only builds that make PDFs pay it
        from weasyprint.text.fonts import FontConfiguration

        self.fetcher = _fetcher(fonts)
        self.lean = not any(map(_needs_whole_ua, stylesheets))
        self.font_config = FontConfiguration()
        with _quiet():
            self.sheets = [weasyprint.CSS(string=text, url_fetcher=self.fetcher, font_config=self.font_config)
                           for text in stylesheets]

    def __enter__(self) -> _Renderer:
        return self

    def __exit__(self, *exc: object) -> None:
        # WeasyPrint 70 names the folder FontConfiguration._folder (None until a font is added);
        # tests/test_pdf.py checks that nothing is left in the temporary directory.
        folder = getattr(self.font_config, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def pdf(self, html: str, identifier: bytes) -> Pdf:
        import weasyprint

        lean = self.lean and not _needs_whole_ua(html)
        with _quiet():
            document = (_lean_html() if lean else weasyprint.HTML)(string=html, url_fetcher=self.fetcher).render(
                stylesheets=self.sheets, font_config=self.font_config)
            data: bytes = document.write_pdf(pdf_identifier=identifier)
        return Pdf(data, len(document.pages))


_WHOLE_UA = re.compile(r"footnote|note\(| dir=|list-item")
"""What needs the user-agent rules ``_lean_html`` leaves out or narrows: footnotes (``float: footnote``),
notes (``position: note()``), a ``dir`` attribute, an element other than ``li`` made a list item."""


def _needs_whole_ua(text: str) -> bool:
    return _WHOLE_UA.search(text) is not None


@cache
def _lean_html() -> Any:
    """WeasyPrint's HTML document, with its user-agent stylesheet less the rules that apply only to
    footnotes, notes and ``dir`` attributes, which the forms never have, and with its ``::marker`` rule
    for ``li`` only, the one element the stylesheets make a list item (``_needs_whole_ua``).

    Each ``::footnote-call``, ``::footnote-marker``, ``::note-…`` and ``::marker`` rule names no element,
    so WeasyPrint computed a style for those pseudo-elements of every element of every form: a fifth of
    the PDFs' time, for nothing (tests/test_pdf.py: the same bytes as with the whole stylesheet).
    WeasyPrint 70 takes the user-agent stylesheets from ``HTML._ua_stylesheets``; the first is the HTML
    one.
    """
    import tinycss2
    import weasyprint
    from weasyprint.css.counters import CounterStyle

    text = (importlib.resources.files("weasyprint.css") / "html5_ua.css").read_text("utf-8")
    kept = [_MARKER.sub("li::marker", rule.serialize(), count=1)
            for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
            if not (rule.type == "qualified-rule" and all(
                _UA_LEFT_OUT.search(selector) for selector in tinycss2.serialize(rule.prelude).split(",")))]
    lean = weasyprint.CSS(string="\n".join(kept), counter_style=CounterStyle())

    class LeanHTML(weasyprint.HTML):  # type: ignore[misc]
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [lean, *super()._ua_stylesheets(forms)[1:]]

    return LeanHTML


_MARKER = re.compile(r"^::marker(?=\s*\{)")
"""The user-agent rule for every element's marker (only list items have one)."""
_UA_LEFT_OUT = re.compile(r"\[dir\b|::footnote-|::note-")
"""A selector of a user-agent rule ``_lean_html`` leaves out (when each selector of the rule has it)."""


def _start_worker(scratch: str) -> None:
    """A worker's temporary files (WeasyPrint's fonts) go to the batch's folder, removed with it: a
    worker ends without running the cleanup of what it keeps."""
    tempfile.tempdir = scratch


@lru_cache(maxsize=2)
def _worker_renderer(stylesheets: tuple[str, ...], fonts: tuple[FontFace, ...]) -> _Renderer:
    return _Renderer(stylesheets, fonts)


def _worker_pdf(html: str, identifier: bytes, stylesheets: tuple[str, ...], fonts: tuple[FontFace, ...]) -> Pdf:
    """One PDF in a worker process, with the stylesheets and fonts it parsed for the batch's first."""
    return _worker_renderer(stylesheets, fonts).pdf(html, identifier)


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


def _fetcher(fonts: Sequence[FontFace]) -> Any:
    """WeasyPrint's URL fetcher that fetches nothing, no network, no disk: only ``data:`` addresses,
    which hold their content (the edition's logo), and the addresses of ``fonts``, from memory."""
    return _fetcher_class()({face.url: face.data for face in fonts}, allowed_protocols=("data",))


@cache
def _fetcher_class() -> Any:
    import weasyprint

    class Fetcher(weasyprint.urls.URLFetcher):  # type: ignore[misc]
        def __init__(self, fonts: dict[str, bytes], **options: Any) -> None:
            super().__init__(**options)
            self.fonts = fonts

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url in self.fonts:
                return weasyprint.urls.URLFetcherResponse(url, self.fonts[url], {"Content-Type": "font/otf"})
            return super().fetch(url, headers)

    return Fetcher


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
