"""Everything generated from one criteria model, as ``{path under docs/: content}``."""

from __future__ import annotations

from pathlib import Path

from generator.model import Criteria
from generator.render.base import CommitLike
from generator.render.data_forms import render_data_forms
from generator.render.downloads import render_downloads
from generator.render.edition import render_edition
from generator.render.form_pdfs import render_form_pdfs
from generator.render.forms import render_forms
from generator.render.guide import render_guide
from generator.render.interview import render_interview
from generator.render.report import render_report

__all__ = ["PROJECT", "render_all", "source_name"]

PROJECT = Path(__file__).resolve().parent.parent.parent
"""The kit's checkout: criteria files inside it are named relative to it."""


def render_all(criteria: Criteria, source: str, commit: CommitLike | None = None,
               pdf: bool = False) -> dict[str, str | bytes]:
    """Every generated file, keyed by path relative to the docs folder (``<lang>/...``).

    ``commit`` is the short git commit the CLI or hook read (see ``generator.site.version``), or None.
    ``pdf``: also make the PDF of every form (seconds per form; ``make serve`` leaves them out).
    """
    files: dict[str, str | bytes] = {}
    for lang in criteria.meta.languages:
        for path, content in render_guide(criteria, lang, source).items():
            files[f"{lang}/{path}"] = content
        forms = {**render_forms(criteria, lang, source, commit), **render_data_forms(criteria, lang, source, commit)}
        for path, content in forms.items():
            files[f"{lang}/{path}"] = content
        for path, content in render_interview(criteria, lang, source).items():
            files[f"{lang}/{path}"] = content
        for path, content in render_report(criteria, lang, source, commit).items():
            files[f"{lang}/{path}"] = content
        pdfs = render_form_pdfs(criteria, lang, forms, commit) if pdf else None
        for path, download in render_downloads(criteria, lang, source, commit, pdfs).items():
            files[f"{lang}/{path}"] = download
        for path, item in render_edition(criteria, lang, source, commit).items():
            files[f"{lang}/{path}"] = item
    return files


def source_name(criteria_path: str) -> str:
    """How generated files name their criteria file: relative to the project (data/criteria.yaml),
    or just the file name when it lies elsewhere. Never absolute: the name is published in
    every page, and an absolute path tells the world the build machine's folders."""
    path = Path(criteria_path).resolve()
    return path.relative_to(PROJECT).as_posix() if path.is_relative_to(PROJECT) else path.name
