"""Guide pages: home, one page per section, how to use, how the score is computed."""

from __future__ import annotations

from generator.model import Criteria
from generator.render.agencies import COUNTS
from generator.render.base import Context, Files, banner
from generator.render.forms import number
from generator.render.markdown import md_labels
from generator.render.page_words import Words
from generator.render.pages import published_forms
from generator.render.templates import render
from generator.render.worked_example import worked_example
from generator.scoring import eliminates_at
from generator.words.texts import Texts

__all__ = ["render_guide", "thresholds"]


def render_guide(ctx: Context, name: str = "guide") -> Files:
    """All guide pages, as ``{path relative to the language's docs: Markdown}``."""
    criteria, lang = ctx.criteria, ctx.lang
    context = {
        "c": criteria, "lang": lang, "t": md_labels(ctx.texts), "plain": ctx.label,
        "sources": {s.id: s for s in criteria.meta.sources},
        "agency_counts": COUNTS, "forms": published_forms(criteria),
    }
    low, high = criteria.scale.min_score, criteria.scale.max_score
    # the scored ones: what "criteria in areas" means to a merchant (the self-check is a page of its own)
    how = Words(ctx.texts, "how-to-use", {"criteria": len(criteria.scored_criteria),
                                          "sections": len(criteria.scored_sections), "low": low, "high": high})
    pages = {
        "index.md": render("guide", "index.md.j2", **context),
        "how-to-use.md": render("guide", "how-to-use.md.j2", w=how, **context),
        "scoring.md": render("guide", "scoring.md.j2", example=worked_example(criteria.scale),
                             w=Words(ctx.texts, "scoring", {"low": low, "high": high,
                                                            "limit": number(criteria.verdict.unscored_limit),
                                                            "margin": number(criteria.verdict.close_call_margin)}),
                             thresholds=thresholds(criteria, ctx.texts), **context),
    }
    for section in criteria.sections:
        pages[f"sections/{section.id}.md"] = render("guide", "section.md.j2", section=section,
                                                    thresholds=thresholds(criteria, ctx.texts), **context)
    return {path: banner(ctx) + text for path, text in pages.items()}


def thresholds(criteria: Criteria, texts: Texts) -> dict[str, str]:
    """Per knock-out criterion id, the level that eliminates and lower, as "1 Weak"."""
    levels = {lv.score: lv.label(texts.lang) for lv in criteria.scale.levels}
    found = {c.id: eliminates_at(criteria, c) for c in criteria.scored_criteria}
    return {ident: texts.label("level_named", score=at, label=levels[at])
            for ident, at in found.items() if at is not None}
