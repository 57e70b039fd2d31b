"""Pages for editors: make your own edition, the criteria file reference, the changelog; plus the logo."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from types import MappingProxyType

from generator.checks.schema_check import schema
from generator.model import Criteria
from generator.render.base import Context, Files, banner, edition_stamp
from generator.render.colours import COLOURS_CSS, colours_css
from generator.render.markdown import md_inline, md_labels
from generator.render.page_words import Words
from generator.render.schema_doc import schema_rows
from generator.render.templates import render
from generator.words.text_markup import Raw

__all__ = ["logo_path", "release_anchor", "render_edition"]


SEARCH = MappingProxyType({"edition.md": "exclude: true", "schema.md": "exclude: true", "changelog.md": "boost: 0.1"})
"""How the site's search treats each page. Merchants search for what to ask an agency; the
editor pages (reached from the Editions menu) quote criterion words in examples and would
crowd the guide out of their results, so they are left out; the changelog stays findable
(which version added what) but ranks below the guide."""


def _front_matter(search: str) -> str:
    """MkDocs front matter setting Material's per-page ``search`` options; it must open the file."""
    return f"---\nsearch:\n  {search}\n---\n"


def logo_path(criteria: Criteria) -> str | None:
    """Where the edition's logo is written in each language's docs folder, or None without a logo."""
    branding = criteria.meta.branding
    if branding is None or branding.logo is None:
        return None
    return f"assets/edition/logo{PurePosixPath(branding.logo.name).suffix.lower()}"


def release_anchor(version: str) -> str:
    """Heading id of a version on the changelog page, e.g. 1.2.0 -> v1-2-0."""
    return "v" + re.sub(r"[^a-z0-9]+", "-", version.lower()).strip("-")


def render_edition(ctx: Context, name: str = "edition") -> Files:
    """The editor pages (and the logo image), as ``{path relative to the language's docs: content}``.

    Without ``meta.maintainer_pages`` only the changelog of the editor pages is made."""
    criteria, texts = ctx.criteria, ctx.texts
    spec = schema()
    stamp = edition_stamp(ctx)
    context = {"c": criteria, "lang": ctx.lang, "t": md_labels(texts), "stamp": stamp}
    pages = {"changelog.md": render("edition", "changelog.md.j2", anchor=release_anchor, **context)}
    if criteria.meta.maintainer_pages:
        pages["edition.md"] = render("edition", "make-your-own.md.j2",
                                     w=Words(texts, "edition", {"stamp": Raw(md_inline(stamp))}), **context)
        pages["schema.md"] = render("edition", "schema.md.j2", rows=schema_rows(spec), **context, w=Words(
            texts, "schema", {"text_rules": spec["$defs"]["text"]["description"]}))
    files: Files = {path: _front_matter(SEARCH[path]) + banner(ctx) + text for path, text in pages.items()}
    logo = logo_path(criteria)
    if logo is not None and criteria.meta.branding is not None and criteria.meta.branding.logo is not None:
        files[logo] = criteria.meta.branding.logo.data
    css = colours_css(ctx)
    if css is not None:
        files[COLOURS_CSS] = css
    return files
