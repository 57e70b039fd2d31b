"""Printable forms: interview questionnaire, first-call checklist and scoring worksheet.

Each form is a Markdown page holding one autoescaped HTML block (templates in
``generator/templates/forms/``), styled for screen and A4 paper by
``overrides/assets/stylesheets/print.css``. The running header and page
numbers of the printed sheets are CSS ``@page`` margin boxes whose text comes
from the data, so each page carries its own small ``<style>`` with that text
escaped for CSS. The worksheet also carries the data of the in-browser scorer
(``generator/render/scoring_data.py``), which ``scorer/main.js`` builds when JavaScript runs.
"""

from __future__ import annotations

from generator.model import Criteria, numbered_sections
from generator.render.agencies import COUNTS, PRINTED
from generator.render.base import Context, Files, banner, page_style, running_title
from generator.render.scoring_data import scoring_element
from generator.render.sittings import phone_items
from generator.render.templates import render
from generator.scoring import eliminates_at
from generator.words.texts import Texts

__all__ = ["AGENCIES", "number", "render_form", "sheet_formula"]

AGENCIES = PRINTED
"""Column groups of the worksheet, one per agency compared."""


def render_form(ctx: Context, name: str) -> Files:
    """The page of form ``name`` (one of FORMS), as ``{path relative to the language's docs: Markdown}``.

    The forms are about the agencies, so self-check sections are left out (see generator.render.data_forms).
    """
    criteria = ctx.criteria.scored
    html = render("forms", f"{name}.html.j2", form=name, page_style=page_style(ctx, name),
                  c=criteria, lang=ctx.lang, t=ctx.label, num=number, agencies=AGENCIES,
                  running=running_title(ctx), quick=phone_items(criteria),
                  formula=sheet_formula(criteria, ctx.texts),
                  ko_at={k.id: eliminates_at(criteria, k) for k in criteria.criteria},
                  scoring_data=scoring_element(ctx), counts=COUNTS, numbered=numbered_sections(criteria.sections))
    return {f"{name}.md": banner(ctx) + "\n" + html}


def number(value: int | float) -> str:
    """A weight as written: 3, 1.5 (never 3.0)."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def sheet_formula(criteria: Criteria, texts: Texts) -> dict[str, str]:
    """The worksheet's formula texts for this scale (the rule of generator.scoring, for paper)."""
    low, high = criteria.scale.min_score, criteria.scale.max_score
    label = texts.label
    points = label("ws_points") if low == 0 else label("ws_points_shifted", low=low)
    levels = "/".join(str(level.score) for level in criteria.scale.levels)
    return {
        "points": points, "low": str(low),
        "rank": label("ws_rule_rank", limit=number(criteria.verdict.unscored_limit)),
        "close": label("ws_rule_close", margin=number(criteria.verdict.close_call_margin)),
        "scores": label("ws_rule_scores", levels=levels),
        "section": label("ws_rule_section", points=points, range=high - low),
        "total": label("ws_rule_total", points=points, range=high - low),
    }
