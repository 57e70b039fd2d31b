"""PDF downloads of every printable form, in one language.

Each PDF is made from the form page the site shows (generator.render.forms and
generator.render.data_forms): its HTML in a document of its own
(``templates/pdf/document.html.j2``) styled by the site's print stylesheet,
``overrides/assets/stylesheets/print.css`` (``pdf_stylesheets``), so the PDF and a browser print share
paper size, layout and the running header and footer of ``@page``.

What makes two builds byte-identical: the dates are the current release's date
(the first ``changelog`` entry; none without a changelog) and the document id is a
hash of edition id, version, commit, form and language.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from functools import cache
from itertools import accumulate

from markupsafe import Markup

from generator.model import Criteria
from generator.render.base import Commit, Context, css_string, running_title
from generator.render.colours import primary_colour
from generator.render.data_forms import render_data_form
from generator.render.forms import render_form
from generator.render.logo_image import logo_data_uri
from generator.render.pages import FORMS, published_forms
from generator.render.pdf import FormPdf, Pdf, PdfBatch, PdfJob, PdfStyle, PdfWorkers
from generator.render.pdf_fonts import FontFace, font_face_rules, font_faces
from generator.render.templates import render
from generator.root import PROJECT
from generator.words.language_tags import language_tag

__all__ = ["PRINT_CSS", "FormPdf", "FormPdfBatch", "font_family", "form_page", "form_pdf_jobs", "form_pdf_path",
           "pdf_document", "pdf_fonts", "pdf_stylesheets", "render_form_pdfs"]

PRINT_CSS = PROJECT / "overrides" / "assets" / "stylesheets" / "print.css"
"""The print stylesheet of the site, which the PDFs use too."""

_FAMILIES = (("zh-Hant", "TC"), ("zh-TW", "TC"), ("zh-HK", "HK"), ("zh-MO", "HK"), ("ja", "JP"), ("ko", "KR"))
"""Noto CJK variant by language tag prefix; Simplified Chinese (SC) for all others."""


def form_pdf_path(criteria: Criteria, lang: str, form: str) -> str:
    """``downloads/<meta.id>-<version>-<form>-<lang>.pdf``, named like the workbook."""
    return f"downloads/{criteria.meta.id}-{criteria.meta.version}-{form}-{lang}.pdf"


def font_family(tag: str) -> str:
    """The Noto CJK family for pages whose ``lang`` is ``tag``."""
    variant = next((v for prefix, v in _FAMILIES if tag == prefix or tag.startswith(prefix + "-")), "SC")
    return f"Noto Sans CJK {variant}"


def render_form_pdfs(ctx: Context, forms: Sequence[str] | None = None) -> list[FormPdf]:
    """The PDF of each of ``forms`` (by default those the edition publishes), from the page its renderer
    makes (the page the site shows); made in parallel worker processes (``generator.render.pdf.PdfBatch``)."""
    chosen = published_forms(ctx.criteria) if forms is None else tuple(forms)
    with PdfBatch(form_pdf_jobs(ctx, chosen)) as batch:
        return _form_pdfs(ctx, chosen, batch.results())


class FormPdfBatch:
    """The PDFs of the forms each context's edition publishes, of several languages at once: their worker
    processes start on them at once (``generator.render.pdf.PdfBatch``; ``workers`` if given, started
    beforehand), so that the caller renders the site's pages while they run, and ``made`` gives one language's
    PDFs when they are done. ``pages`` gives a form's page as ``form_page`` does (the caller's, rendered
    already); by default ``form_page``. No context: nothing to make."""

    def __init__(self, contexts: Sequence[Context], workers: PdfWorkers | None = None,
                 pages: Callable[[Context, str], str] | None = None) -> None:
        self._forms = {ctx.lang: published_forms(ctx.criteria) for ctx in contexts}
        jobs = [job for ctx in contexts for job in form_pdf_jobs(ctx, self._forms[ctx.lang], pages)]
        ends = list(accumulate(len(forms) for forms in self._forms.values()))
        self._slices = {lang: slice(end - len(forms), end) for (lang, forms), end in zip(self._forms.items(), ends,
                                                                                        strict=True)}
        self._batch = PdfBatch(jobs, workers)

    def made(self, ctx: Context) -> tuple[FormPdf, ...]:
        """The PDFs of the forms the edition publishes in the context's language, in their order."""
        return tuple(_form_pdfs(ctx, self._forms[ctx.lang], self._batch.results()[self._slices[ctx.lang]]))

    def __enter__(self) -> FormPdfBatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self._batch.close()


def form_pdf_jobs(ctx: Context, forms: Sequence[str],
                  pages: Callable[[Context, str], str] | None = None) -> list[PdfJob]:
    """What ``generator.render.pdf`` needs to make the PDF of each of ``forms``: the form's document, its
    document id, the language's stylesheets and fonts; each form's page from ``pages`` (``form_page`` by
    default)."""
    page = pages or form_page
    documents = {form: pdf_document(ctx, form, page(ctx, form))
             for form in dict.fromkeys((*published_forms(ctx.criteria), *forms))}
    # The fonts hold the characters of every form the edition publishes (and of those asked for), whichever
    # are made now: a form's PDF is the same bytes whether it is made alone or with the others.
    faces = pdf_fonts(ctx, list(documents.values()))
    style = PdfStyle(pdf_stylesheets(ctx, faces), faces)
    return [PdfJob(documents[form], _identifier(ctx, form), style) for form in forms]


def _identifier(ctx: Context, form: str) -> bytes:
    """The PDF's document id: a hash of edition id, version, commit, form and language."""
    criteria = ctx.criteria
    digest = hashlib.sha256(
        "\n".join((criteria.meta.id, criteria.meta.version, _commit_text(ctx.commit), form, ctx.lang)).encode("utf-8"))
    return digest.hexdigest()[:32].encode("ascii")


def _form_pdfs(ctx: Context, forms: Sequence[str], pdfs: Sequence[Pdf]) -> list[FormPdf]:
    return [FormPdf(form, form_pdf_path(ctx.criteria, ctx.lang, form), pdf.data, pdf.pages)
            for form, pdf in zip(forms, pdfs, strict=True)]


def pdf_fonts(ctx: Context, documents: Sequence[str]) -> tuple[FontFace, ...]:
    """The language's font family cut down to the characters of ``documents`` (the PDFs' HTML) and of
    the stylesheets (generator.render.pdf_fonts); none when the system lacks the family."""
    return font_faces(font_family(language_tag(ctx.lang)), (*documents, *pdf_stylesheets(ctx)))


def form_page(ctx: Context, form: str) -> str:
    """The page of ``form`` (one of ALL_FORMS) as the site shows it: HTML behind a banner comment."""
    page = (render_form if form in FORMS else render_data_form)(ctx, form)[f"{form}.md"]
    assert isinstance(page, str)
    return page


def pdf_document(ctx: Context, form: str, page: str) -> str:
    """The HTML document of one form's PDF, to be styled by ``pdf_stylesheets``; ``page`` is the form's
    page (HTML behind a banner comment). Its element ids are left out: a PDF links to none of them, and
    WeasyPrint makes each one an anchor it tracks from page to page (a sixth of the questionnaire's time);
    so are the ``data-`` and ``aria-`` attributes no PDF stylesheet selects (the page's scripts and screen
    readers use them): parsing them and matching the stylesheets' selectors against them took a twentieth
    of the questionnaire's time and a tenth of the worksheet's, for the same PDF."""
    criteria = ctx.criteria
    branding = criteria.meta.branding
    logo = branding.logo if branding is not None and branding.logo is not None and branding.logo.data else None
    return render("pdf", "document.html.j2", tag=language_tag(ctx.lang),
                  logo=logo_data_uri(logo) if logo is not None else None, badge=primary_colour(criteria),
                  title=f"{ctx.label(form)} · {running_title(ctx)}",
                  date=criteria.changelog[0].date if criteria.changelog else None,
                  form=Markup(_TAG.sub(lambda tag: _unused_attributes().sub("", tag[0]), _DATA.sub("", page))))


def pdf_stylesheets(ctx: Context, faces: Sequence[FontFace] = ()) -> tuple[str, str]:
    """The stylesheets of the language's PDFs, in cascade order: the site's print stylesheet, then what
    WeasyPrint needs besides (``templates/pdf/pdf.css``: the body type in the language's font, as
    ``faces`` first when given, then the system's family)."""
    family = font_family(language_tag(ctx.lang))
    families = ", ".join(css_string(name) for name in dict.fromkeys((*(face.family for face in faces), family)))
    return _print_css(), font_face_rules(faces) + render("pdf", "pdf.css", families=Markup(families))


_DATA = re.compile(r"<template [^>]*>[^<]*</template>")
"""A ``<template>`` holding the JSON data of the page's scripts (``generator.render.scoring_data.data_element``):
never shown, and a PDF runs no script."""
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
"""An opening tag (text and attribute values are escaped: they hold no ``<`` or ``>``)."""


@cache
def _unused_attributes() -> re.Pattern[str]:
    """Element ids, and the ``data-``/``aria-`` attributes that no selector of the PDF stylesheets names."""
    selected = set(re.findall(r"\[((?:data|aria)-[a-z-]+)", _print_css() + render("pdf", "pdf.css", families="x")))
    kept = "".join(f"(?!{re.escape(name)}=)" for name in sorted(selected))
    return re.compile(rf' (?:id|{kept}(?:data|aria)-[a-z-]+)="[^"]*"')


@cache
def _print_css() -> str:
    return PRINT_CSS.read_text(encoding="utf-8")


def _commit_text(commit: Commit | None) -> str:
    """The commit(s) as one text, for the document id."""
    if commit is None:
        return ""
    return f"{commit.kit} {commit.edition or ''}".strip()
