"""What every renderer shares: its context, the edition stamp, the do-not-edit banner, the print style.

A renderer is a pure function of one ``Context`` (one language of one edition, the name of its
criteria file, the commits it was made from) returning ``{path: content}``; the render table
(``generator.render.pages``) lists them. The stamp names the edition's title, version and, when
known, the commits (``Commit``, read by ``generator.site.version.read_commit`` and passed down).
The banner opens every generated Markdown page. The print style is the ``@page`` running header
and page numbers of a printable page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.edition import Edition
from generator.model import Criteria
from generator.render.markdown import html_comment
from generator.words.texts import Texts

if TYPE_CHECKING:
    from generator.render.pdf import FormPdf

__all__ = ["Commit", "CommitLike", "Context", "Files", "banner", "contexts", "css_string", "edition_stamp",
           "page_style", "running_title"]

Files = dict[str, str | bytes]
"""What a renderer returns: content by path, relative to the language's docs folder."""


@dataclass(frozen=True)
class Commit:
    """The commits an output was made from."""

    kit: str
    """The kit's commit (its code and, for the default criteria, the criteria too), maybe ending in +dirty."""
    edition: str | None = None
    """The commit of the criteria file's own repository, if that is not the kit's; maybe ending in +dirty."""


CommitLike = Commit | str
"""A Commit, or just the kit's commit as text."""


@dataclass(frozen=True)
class Context:
    """Everything a renderer may read: one language of one edition, and where it comes from."""

    edition: Edition
    """The criteria and every language's texts."""
    lang: str
    """The language rendered."""
    source: str
    """How pages name their criteria file (``generator.site.outputs.source_name``)."""
    commit: Commit | None = None
    """The commits stamped on the outputs that show them, if known."""
    pdf: bool = False
    """True to make the forms' PDF downloads too (seconds per form)."""
    form_pdfs: tuple[FormPdf, ...] | None = None
    """The PDFs of the forms, when they were made beforehand for this language (``pdf`` is then true):
    the whole edition's are made together while its pages are rendered (generator.site.outputs)."""

    @property
    def criteria(self) -> Criteria:
        """The edition's criteria."""
        return self.edition.criteria

    @property
    def texts(self) -> Texts:
        """The labels and page texts of this language."""
        return self.edition.texts[self.lang]

    def label(self, key: str, /, **values: object) -> str:
        """The interface label ``key`` in this language, ``{placeholders}`` filled in."""
        return self.texts.label(key, **values)


def contexts(edition: Edition, source: str, commit: CommitLike | None = None,
             pdf: bool = False) -> tuple[Context, ...]:
    """One context per language of ``edition``, in the file's language order."""
    found = (Commit(commit) if commit else None) if isinstance(commit, str) else commit
    return tuple(Context(edition, lang, source, found, pdf) for lang in edition.criteria.meta.languages)


def _stamped(stamp: str, ctx: Context) -> str:
    commit = ctx.commit
    if commit is None:
        return stamp
    if commit.edition:
        return ctx.label("stamp_commit_edition", stamp=stamp, commit=commit.kit, edition=commit.edition)
    return ctx.label("stamp_commit", stamp=stamp, commit=commit.kit)


def edition_stamp(ctx: Context) -> str:
    """"Title · version", plus the commit(s) when known."""
    meta = ctx.criteria.meta
    return _stamped(f"{meta.title(ctx.lang)} · {meta.version}", ctx)


def running_title(ctx: Context) -> str:
    """The line at the top of every printed sheet and workbook sheet: title, version, commit(s)."""
    meta = ctx.criteria.meta
    return _stamped(f"{meta.title(ctx.lang)} · {ctx.label('version')} {meta.version}", ctx)


def banner(ctx: Context) -> str:
    """The do-not-edit line at the top of every generated Markdown page (and of each form's PDF HTML).

    The source is a file name, which may hold anything (``---><img onerror=…>.yaml``): it is encoded
    for the comment it lands in."""
    return html_comment(ctx.label("banner", source=ctx.source)) + "\n"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that is also safe inside an HTML ``<style>`` element."""
    safe = (ch if ch.isalnum() or ch == " " or (ord(ch) > 0x7F and ch.isprintable()) else f"\\{ord(ch):06x}"
            for ch in text)
    return '"' + "".join(safe) + '"'


def _css_content(template: str) -> str:
    """A label with ``{page}``/``{pages}`` as a CSS ``content`` value using the page counters."""
    parts = re.split(r"\{(pages?)\}", template)
    tokens = [f"counter({part})" if i % 2 else css_string(part) for i, part in enumerate(parts) if part or i % 2]
    return " ".join(tokens)


def page_style(ctx: Context, form: str) -> Markup:
    """A ``<style>`` with the printed running header and page numbers of one form."""
    boxes = {
        "top-left": css_string(running_title(ctx)),
        "top-right": css_string(ctx.label(form)),
        "bottom-right": _css_content(ctx.label("page_of", page="{page}", pages="{pages}")),
    }
    if form in ("questionnaire", "visit", "contract-review"):
        boxes["bottom-left"] = css_string(f"{ctx.label('field_agency')}  ____________________")
    rules = "".join(f"@{box}{{content:{value}}}" for box, value in boxes.items())
    return Markup(f"<style>@page{{{rules}}}</style>")
