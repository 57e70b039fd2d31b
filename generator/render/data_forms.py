"""Printable pages born as data: short interview form, post-signing checklist, self-check.

Every text on them comes from data: the criteria (must_ask, red_flags, after_signing,
self-check sections), the per-language page texts (generator/words/page_texts.py) and the
interface labels. One language-neutral template per page, in ``generator/templates/forms/``.
"""

from __future__ import annotations

from functools import partial

from generator.model import Criteria, Criterion, Section
from generator.render.base import CommitLike, banner, page_style, running_title
from generator.render.form_names import DATA_FORMS
from generator.render.templates import render
from generator.words.labels import label
from generator.words.page_texts import page_text

__all__ = ["after_signing_groups", "numbered_sections", "render_data_forms"]


def render_data_forms(criteria: Criteria, lang: str, source: str, commit: CommitLike | None = None) -> dict[str, str]:
    """The data-born form pages in ``lang``, as ``{path relative to the language's docs: Markdown}``."""
    context = {
        "c": criteria, "lang": lang, "t": partial(label, lang), "running": running_title(criteria, lang, commit),
        "scored": numbered_sections(criteria.scored_sections),
        "own": numbered_sections(criteria.self_check_sections),
        "after": after_signing_groups(criteria),
    }
    pages = {}
    for form in DATA_FORMS:
        html = render("forms", f"{form}.html.j2", form=form, text=page_text(lang, form),
                      page_style=page_style(criteria, lang, form, commit), **context)
        pages[f"{form}.md"] = banner(lang, source) + "\n" + html
    return pages


def numbered_sections(sections: tuple[Section, ...]) -> list[tuple[str, Section, list[tuple[str, Criterion]]]]:
    """(number, section, [(number, criterion)]) in display order, numbered 1, 1.1, 1.2, ..."""
    return [(str(si), s, [(f"{si}.{ci}", k) for ci, k in enumerate(s.criteria, 1)])
            for si, s in enumerate(sections, 1)]


def after_signing_groups(criteria: Criteria) -> list[tuple[Section, list[Criterion]]]:
    """Each section with its criteria that list first-month checks; sections with none are left out."""
    groups = [(s, [k for k in s.criteria if k.after_signing]) for s in criteria.sections]
    return [(s, ks) for s, ks in groups if ks]
