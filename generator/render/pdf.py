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
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.render.pdf_fonts import FontFace
from generator.render.pdf_parse import fast_tree

__all__ = ["FormPdf", "Pdf", "PdfBatch", "PdfJob", "PdfStyle", "html_to_pdf", "html_to_pdfs", "pdf_workers"]


@dataclass(frozen=True)
class Pdf:
    """A rendered PDF."""

    data: bytes
    """The file."""
    pages: int
    """Its number of pages."""


@dataclass(frozen=True)
class FormPdf:
    """One form's PDF download."""

    form: str
    """The form's name (generator.render.pages), e.g. ``questionnaire``."""
    path: str
    """Where it is published, relative to the language's docs folder."""
    data: bytes
    """The PDF file."""
    pages: int
    """Its number of A4 pages."""


@dataclass(frozen=True)
class PdfStyle:
    """What styles a set of documents: stylesheets (CSS texts, in cascade order, before each document's own
    ``<style>`` elements) and the faces their ``@font-face`` rules name (generator.render.pdf_fonts)."""

    stylesheets: tuple[str, ...] = ()
    fonts: tuple[FontFace, ...] = ()


@dataclass(frozen=True)
class PdfJob:
    """One PDF to make: a complete HTML document, its PDF document id, and its style."""

    html: str
    identifier: bytes
    style: PdfStyle


def html_to_pdf(html: str, identifier: bytes, stylesheets: Sequence[str] = (),
                fonts: Sequence[FontFace] = ()) -> Pdf:
    """The PDF of the complete HTML document ``html``, with document id ``identifier``, styled by
    ``stylesheets`` (CSS texts, in cascade order) and then by its own ``<style>`` elements; ``fonts``
    are the faces the stylesheets' ``@font-face`` rules name (generator.render.pdf_fonts)."""
    return html_to_pdfs([(html, identifier)], stylesheets, 1, fonts)[0]


def html_to_pdfs(documents: Sequence[tuple[str, bytes]], stylesheets: Sequence[str] = (),
                 workers: int | None = None, fonts: Sequence[FontFace] = ()) -> list[Pdf]:
    """``html_to_pdf`` of each ``(html, identifier)`` of ``documents`` with ``stylesheets`` and ``fonts``,
    in their order (a ``PdfBatch`` of them)."""
    style = PdfStyle(tuple(stylesheets), tuple(fonts))
    with PdfBatch([PdfJob(html, identifier, style) for html, identifier in documents], workers) as batch:
        return batch.results()


class PdfWorkers:
    """Worker processes that make PDFs, one per core (``pdf_workers``), started before there is anything to
    make: a build starts them first, so that WeasyPrint loads (a quarter of a second, most of it Pango's C
    declarations) while the build reads the criteria and renders the forms.

    One process is forked at once: it loads WeasyPrint, then forks the workers from itself (they share what
    it loaded: WeasyPrint is loaded once) and hands them the jobs it is sent, longest document first, so that
    a long form does not start last and keep one core busy alone at the end; it sends the PDFs back when all
    are made. Forking is safe only from a process with one thread (``pdf_workers``). WeasyPrint keeps the
    fonts of ``@font-face`` rules in a temporary folder while it uses them, and a worker ends without
    removing it: the workers' are in one that closing removes. Closing waits for the PDFs being made.
    """

    def __init__(self, count: int) -> None:
        self._scratch = tempfile.TemporaryDirectory(prefix="kit-pdf-")
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        self._waiting = False
        self._manager: Any = context.Process(target=_manage, args=(theirs, self._connection, count, self._scratch.name))
        self._manager.start()
        theirs.close()

    @staticmethod
    def start(workers: int | None = None) -> PdfWorkers | None:
        """Workers for a build, or ``None`` where there would be only one (``pdf_workers``): the PDFs are then
        made in this process."""
        count = pdf_workers(1_000, workers)
        return PdfWorkers(count) if count > 1 else None

    def submit(self, jobs: Sequence[PdfJob]) -> Callable[[], list[Pdf]]:
        """Start making the PDF of each job; the function returned waits for them and gives them in the order of
        the jobs (one batch at a time)."""
        assert self._manager is not None and not self._waiting, "closed, or a batch is still being made"
        self._connection.send(tuple(jobs))
        self._waiting = True
        made: list[list[Pdf]] = []

        def results() -> list[Pdf]:
            if not made:
                made.append(self._receive())
            return made[0]

        return results

    def _receive(self) -> list[Pdf]:
        try:
            answer = self._connection.recv()
        except EOFError:
            answer = RuntimeError("the PDF workers stopped")
        self._waiting = False
        if isinstance(answer, BaseException):
            raise answer
        return list(answer)

    def close(self) -> None:
        """Stop the workers (after the PDFs they are making) and remove their temporary files."""
        if self._manager is None:
            return
        try:
            with suppress(RuntimeError, OSError):  # what stopped the build is told already, or will be
                if self._waiting:
                    self._receive()  # the manager sends a batch back before it reads the next message
                self._connection.send(None)
            self._manager.join()
        finally:
            self._manager = None
            self._connection.close()
            self._scratch.cleanup()

    def __enter__(self) -> PdfWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _manage(connection: Any, builds: Any, count: int, scratch: str) -> None:
    """The process that forks the workers (``PdfWorkers``): each batch of jobs it reads it gives to them,
    longest document first, and sends back their PDFs, or the error that stopped one; ``None`` ends it, as
    does the build's end of the pipe closing (``builds``, the copy of it forked with this process, is closed
    first, so that the pipe closes with the build)."""
    builds.close()
    tempfile.tempdir = scratch
    import weasyprint  # noqa: F401  (loaded once here; the forked workers share it)

    gc.freeze()  # the workers' garbage collector leaves this process's objects alone: no copy of their pages
    with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker,
                             initargs=(scratch,)) as pool:
        while (jobs := _received(connection)) is not None:
            try:
                futures = {index: pool.submit(_worker_pdf, jobs[index])
                           for index in sorted(range(len(jobs)), key=lambda index: -len(jobs[index].html or ""))}
                connection.send([futures[index].result() for index in range(len(jobs))])
            except Exception as error:  # sent to the build, which raises it
                connection.send(RuntimeError(f"{type(error).__name__}: {error}"))


class PdfBatch:
    """PDFs being made: ``results()`` gives them, in the order of the jobs. The stylesheets of each style are
    parsed and its fonts loaded once per process.

    With ``workers`` (``PdfWorkers``), or when ``pdf_workers(len(jobs), workers)`` is above one (workers of
    the batch's own), the PDFs are made in worker processes, which start on them at once: the caller goes on
    with other work (the site's pages) while they run, and each returns its bytes to this process (the
    caller's writer stays the only one to touch the disk). Otherwise ``results()`` makes them in this process.
    """

    def __init__(self, jobs: Sequence[PdfJob], workers: int | PdfWorkers | None = None) -> None:
        self.jobs = tuple(jobs)
        self._made: list[Pdf] | None = None
        self._own: PdfWorkers | None = None
        if not isinstance(workers, PdfWorkers) and (count := pdf_workers(len(self.jobs), workers)) > 1:
            workers = self._own = PdfWorkers(count)
        self._pending = workers.submit(self.jobs) if isinstance(workers, PdfWorkers) else None

    def results(self) -> list[Pdf]:
        """Every job's PDF, in the order of the jobs (waiting for the workers)."""
        if self._made is None:
            if self._pending is not None:
                self._made = self._pending()
            else:
                self._made = _in_this_process(self.jobs)
        return list(self._made)

    def close(self) -> None:
        """Stop the batch's own workers, if any (``PdfWorkers.close``)."""
        if self._own is not None:
            self._own.close()
            self._own = None

    def __enter__(self) -> PdfBatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _in_this_process(jobs: Sequence[PdfJob]) -> list[Pdf]:
    """Each job's PDF, one after the other, with one renderer per style."""
    made: dict[int, Pdf] = {}
    for style in dict.fromkeys(job.style for job in jobs):
        with _Renderer(style.stylesheets, style.fonts) as renderer:
            made.update({index: renderer.pdf(job.html, job.identifier)
                         for index, job in enumerate(jobs) if job.style == style})
    return [made[index] for index in range(len(jobs))]


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
            document = _html(_lean_html() if lean else weasyprint.HTML, html, self.fetcher).render(
                stylesheets=self.sheets, font_config=self.font_config)
            data: bytes = document.write_pdf(pdf_identifier=identifier)
        return Pdf(data, len(document.pages))


def _html(kind: Any, html: str, fetcher: Any) -> Any:
    """WeasyPrint's document ``kind`` (its ``HTML`` class or ``_lean_html()``) of ``html``, on the element tree
    lxml builds when it is the one WeasyPrint's parser would build (generator.render.pdf_parse): what
    ``HTML.__init__`` of WeasyPrint 70 sets for a string without ``<base>`` (tests/test_pdf_parse.py checks
    that it still sets just these)."""
    tree = fast_tree(html)
    if tree is None:
        return kind(string=html, url_fetcher=fetcher)
    import cssselect2

    document = kind.__new__(kind)
    document.base_url = None
    document.url_fetcher = fetcher
    document.media_type = "print"
    document.wrapper_element = cssselect2.ElementWrapper.from_html_root(tree, content_language=None)
    document.etree_element = document.wrapper_element.etree_element
    return document


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


def _received(connection: Any) -> Any:
    """The next message of the build, or ``None`` (the end) when the build has gone without saying so."""
    try:
        return connection.recv()
    except EOFError:
        return None


def _start_worker(scratch: str) -> None:
    """A worker's temporary files (WeasyPrint's fonts) go to the workers' folder, removed with it: a
    worker ends without running the cleanup of what it keeps."""
    tempfile.tempdir = scratch


@cache
def _worker_renderer(style: PdfStyle) -> _Renderer:
    return _Renderer(style.stylesheets, style.fonts)


def _worker_pdf(job: PdfJob) -> Pdf:
    """The PDF of ``job`` in a worker process, with the renderer of its style (made for its first job)."""
    return _worker_renderer(job.style).pdf(job.html, job.identifier)


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
