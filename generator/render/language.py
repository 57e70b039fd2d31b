"""Render one language of an edition: every row of the render table, by its kind's renderer."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from generator.render.base import Context, Files
from generator.render.data_forms import render_data_form
from generator.render.downloads import render_downloads
from generator.render.edition import render_edition
from generator.render.forms import render_form
from generator.render.guide import render_guide
from generator.render.interview import render_interview
from generator.render.pages import DATA_FORM, DOWNLOADS, EDITION, FORM, GUIDE, INTERVIEW, REPORT, published
from generator.render.report import render_report

__all__ = ["RENDERERS", "Renderer", "render_language"]

Renderer = Callable[[Context, str], Files]
"""Every renderer's shape: the context and the page's name (a row of the render table) in, files out."""

RENDERERS: Mapping[str, Renderer] = MappingProxyType({
    GUIDE: render_guide,
    FORM: render_form,
    DATA_FORM: render_data_form,
    INTERVIEW: render_interview,
    REPORT: render_report,
    DOWNLOADS: render_downloads,
    EDITION: render_edition,
})
"""The renderer of each kind of row of the render table (generator.render.pages.PAGES)."""


def render_language(ctx: Context) -> Files:
    """Every file of the context's language, keyed by path relative to that language's docs folder
    (the forms the edition leaves out are not made)."""
    files: Files = {}
    for page in published(ctx.criteria):
        files.update(RENDERERS[page.kind](ctx, page.name))
    return files
