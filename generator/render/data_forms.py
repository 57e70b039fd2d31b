"""Printable pages born as data: the sittings' forms, the agency's declaration, the model contract clauses,
post-signing checklist, self-check.

Every text on them comes from data: the criteria (must_ask and sitting, after_signing and
check_day, self-check sections), the per-language page texts (generator/texts/pages/) and the
interface labels. One language-neutral template per page, in ``generator/templates/forms/``.
"""

from __future__ import annotations

from generator.model import Criteria, Criterion, Section, numbered_sections
from generator.render.base import Context, Files, banner, page_style, running_title
from generator.render.declaration_data import declaration_element
from generator.render.paper import clause_items, clause_numbers, declaration_items
from generator.render.sittings import SITTING_FORMS, day_groups, sitting_items
from generator.render.templates import render

__all__ = ["after_signing_groups", "render_data_form"]


def render_data_form(ctx: Context, name: str) -> Files:
    """The page of form ``name`` (one of DATA_FORMS), as ``{path relative to the language's docs: Markdown}``.

    A sitting's form (generator.render.sittings) shares the template ``sitting.html.j2``. The declaration
    also carries the data of its online version (generator.render.declaration_data)."""
    criteria = ctx.criteria
    sitting = SITTING_FORMS.get(name)
    template = "sitting.html.j2" if sitting else f"{name}.html.j2"
    items = sitting_items(criteria, sitting) if sitting else []
    html = render("forms", template, form=name, text=ctx.texts.page_text(name), more=ctx.texts.page(name),
                  sitting=sitting, items=items, page_style=page_style(ctx, name), c=criteria, lang=ctx.lang,
                  t=ctx.label, running=running_title(ctx), scored=numbered_sections(criteria.scored_sections),
                  own=numbered_sections(criteria.self_check_sections), after=after_signing_groups(criteria),
                  days=day_groups(criteria), declared=declaration_items(criteria),
                  clauses=clause_items(criteria), clause_refs=clause_numbers(criteria),
                  online=declaration_element(ctx) if name == "declaration" else "")
    return {f"{name}.md": banner(ctx) + "\n" + html}


def after_signing_groups(criteria: Criteria) -> list[tuple[Section, list[Criterion]]]:
    """Each section with its criteria that list first-month checks; sections with none are left out."""
    groups = [(s, [k for k in s.criteria if k.after_signing]) for s in criteria.sections]
    return [(s, ks) for s, ks in groups if ks]
