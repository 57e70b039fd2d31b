"""The downloads page and the files it links, per language.

Files, relative to the language's docs folder (so ``/downloads/...`` for the
main language and ``/<lang>/downloads/...`` for the others):

- ``downloads/<meta.id>-<version>-<lang>.xlsx``: the scoring workbook in that language;
- ``downloads/<meta.id>-<version>.json``: the criteria, same structure as the YAML;
- ``downloads/<meta.id>-<version>.csv``: one row per criterion, every language;
- ``downloads/criteria.schema.json``: the JSON Schema both the YAML and the JSON follow;
- ``downloads/<meta.id>-<version>-clauses-<lang>.docx``: the model contract clauses as an editable Word
  document (``generator.render.clauses_docx``), when the criteria give any;
- ``downloads/<meta.id>-<version>-<form>-<lang>.pdf``: each printable form, when the build
  makes PDFs (``generator.render.form_pdfs``; ``make site`` does, ``make serve`` does not, and
  the page then says so instead of linking them).

Names carry the version so that files saved from different editions do not
overwrite each other; ``download_files`` is the one place that spells them.
"""

from __future__ import annotations

from urllib.parse import quote

from generator.model import Criteria
from generator.render.base import Context, Files, banner
from generator.render.clauses_docx import clauses_docx_path, render_clauses_docx
from generator.render.exports import render_csv, render_json, schema_text
from generator.render.form_pdfs import FormPdf, render_form_pdfs
from generator.render.markdown import md_labels
from generator.render.page_words import Words
from generator.render.pages import published_forms
from generator.render.templates import render
from generator.render.workbook.book import render_workbook, sheet_names
from generator.render.workbook.formulas import NA_TEXT
from generator.render.workbook.layout import AGENCIES
from generator.render.workbook.scoring_sheet import levels_text

__all__ = ["download_files", "render_downloads"]

def download_files(criteria: Criteria, lang: str) -> dict[str, str]:
    """Path of each download (workbook, json, csv, schema), relative to the language's docs folder."""
    stem = f"downloads/{criteria.meta.id}-{criteria.meta.version}"
    return {"workbook": f"{stem}-{lang}.xlsx", "json": f"{stem}.json", "csv": f"{stem}.csv",
            "schema": "downloads/criteria.schema.json"}


def _size(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return f"{max(1, round(len(data) / 1024))} KB"


def render_downloads(ctx: Context, name: str = "downloads") -> Files:
    """The downloads page and its files, keyed by path relative to the language's docs folder.

    With ``ctx.pdf`` the forms' PDFs too (generator.render.form_pdfs); without, the page says they are missing."""
    criteria, lang = ctx.criteria, ctx.lang
    paths = download_files(criteria, lang)
    files: Files = {
        paths["workbook"]: render_workbook(ctx),
        paths["json"]: render_json(criteria),
        paths["csv"]: render_csv(criteria),
        paths["schema"]: schema_text(),
    }
    sheets = sheet_names(ctx.texts, ctx.edition.texts.get("en"))
    words = Words(ctx.texts, "downloads", {
        "title": criteria.meta.title(lang), "version": criteria.meta.version, "sheet1": sheets[0],
        "sheet2": sheets[1], "sheet3": sheets[2], "agencies": AGENCIES, "levels": levels_text(criteria),
        "na": NA_TEXT, "scoring": ctx.label("scoring"),
    })
    pdfs = (list(ctx.form_pdfs) if ctx.form_pdfs is not None else render_form_pdfs(ctx)) if ctx.pdf else None
    docx = {clauses_docx_path(ctx): render_clauses_docx(ctx)} if criteria.clause_criteria else {}
    page = render(
        "downloads", "downloads.md.j2", c=criteria, lang=lang, t=md_labels(ctx.texts), w=words,
        links={kind: quote(path) for kind, path in paths.items()},
        names={kind: path.rsplit("/", 1)[-1] for kind, path in paths.items()},
        sizes={kind: _size(files[path]) for kind, path in paths.items()},
        forms=published_forms(criteria), pdfs=None if pdfs is None else [_pdf_entry(pdf) for pdf in pdfs],
        docx=[{"link": quote(path), "name": path.rsplit("/", 1)[-1], "size": _size(data)}
              for path, data in docx.items()],
    )
    pdf_files = {pdf.path: pdf.data for pdf in pdfs or ()}
    return {f"{name}.md": banner(ctx) + page, **files, **pdf_files, **docx}


def _pdf_entry(pdf: FormPdf) -> dict[str, str | int]:
    """What the downloads page says of one form's PDF."""
    return {"form": pdf.form, "page": f"{pdf.form}.md", "link": quote(pdf.path), "name": pdf.path.rsplit("/", 1)[-1],
            "size": _size(pdf.data), "pages": pdf.pages}
