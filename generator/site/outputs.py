"""Everything generated from one edition, as ``{path under docs/: content}``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.edition import Edition, edition_of
from generator.model import Criteria
from generator.render.base import CommitLike, Context, Files, contexts
from generator.render.form_pdfs import FormPdfBatch
from generator.render.language import RENDERERS
from generator.render.pages import DATA_FORM, DOWNLOADS, FORM, published
from generator.render.pdf import PdfWorkers
from generator.root import PROJECT

__all__ = ["render_all", "render_edition_files", "source_name"]


def render_edition_files(edition: Edition, source: str, commit: CommitLike | None = None,
                         pdf: bool = False, workers: PdfWorkers | None = None) -> Files:
    """Every generated file of ``edition``, keyed by path relative to the docs folder (``<lang>/...``).

    ``commit`` is the short git commit the CLI or hook read (see ``generator.site.version``), or None.
    ``pdf``: also make the PDF of every form (seconds per form; ``make serve`` leaves them out), in
    ``workers`` if given (``generator.render.pdf.PdfWorkers``, started before the edition was read).
    """
    found = contexts(edition, source, commit, pdf)
    rows = [(ctx, page) for ctx in found for page in published(ctx.criteria)]
    # The forms' pages come first: their PDFs are made from them, in worker processes, while this one
    # renders the other pages; the downloads pages, which give each PDF's size and pages, come last. The
    # files are then put back in the table's order.
    made = {(ctx.lang, page.name): RENDERERS[page.kind](ctx, page.name)
            for ctx, page in rows if page.kind in (FORM, DATA_FORM)}

    def form_page(ctx: Context, form: str) -> str:
        page = made[ctx.lang, form][f"{form}.md"]
        assert isinstance(page, str)
        return page

    with FormPdfBatch(found if pdf else (), workers, form_page) as pdfs:
        made |= {(ctx.lang, page.name): RENDERERS[page.kind](ctx, page.name)
                 for ctx, page in rows if (ctx.lang, page.name) not in made and not (pdf and page.kind == DOWNLOADS)}
        made |= {(ctx.lang, page.name): RENDERERS[page.kind](replace(ctx, form_pdfs=pdfs.made(ctx)), page.name)
                 for ctx, page in rows if pdf and page.kind == DOWNLOADS}
    return {f"{ctx.lang}/{path}": content for ctx, page in rows for path, content in made[ctx.lang, page.name].items()}


def render_all(criteria: Criteria, source: str, commit: CommitLike | None = None,
               pdf: bool = False) -> Files:
    """``render_edition_files`` of the edition of ``criteria`` (its texts resolved from the model)."""
    return render_edition_files(edition_of(criteria), source, commit, pdf)


def source_name(criteria_path: str) -> str:
    """How generated files name their criteria file: relative to the project (data/criteria.yaml),
    or just the file name when it lies elsewhere. Never absolute: the name is published in
    every page, and an absolute path tells the world the build machine's folders."""
    path = Path(criteria_path).resolve()
    return path.relative_to(PROJECT).as_posix() if path.is_relative_to(PROJECT) else path.name
