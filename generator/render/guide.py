"""Guide pages: home, one page per section, how to use, how the score is computed."""

from __future__ import annotations

from functools import partial

from generator.labels import label
from generator.model import Criteria
from generator.render.agencies import COUNTS
from generator.render.form_names import published_forms
from generator.render.markdown import html_comment, md_label
from generator.render.page_words import Words
from generator.render.templates import render
from generator.render.worked_example import worked_example
from generator.scoring import eliminates_at

__all__ = ["banner", "render_guide", "thresholds"]


def banner(lang: str, source: str) -> str:
    """The do-not-edit line at the top of every generated Markdown page (and of each form's PDF HTML).

    ``source`` is a file name, which may hold anything (``---><img onerror=…>.yaml``): it is encoded
    for the comment it lands in."""
    return html_comment(label(lang, "banner", source=source)) + "\n"


def render_guide(criteria: Criteria, lang: str, source: str) -> dict[str, str]:
    """All guide pages in ``lang``, as ``{path relative to the language's docs: Markdown}``."""
    context = {
        "c": criteria, "lang": lang, "t": partial(md_label, lang), "plain": partial(label, lang),
        "sources": {s.id: s for s in criteria.meta.sources},
        "agency_counts": COUNTS, "forms": published_forms(criteria),
    }
    low, high = criteria.scale.min_score, criteria.scale.max_score
    # the scored ones: what "criteria in areas" means to a merchant (the self-check is a page of its own)
    how = Words(lang, "how-to-use", {"criteria": len(criteria.scored_criteria),
                                     "sections": len(criteria.scored_sections), "low": low, "high": high})
    pages = {
        "index.md": render("guide", "index.md.j2", **context),
        "how-to-use.md": render("guide", "how-to-use.md.j2", w=how, **context),
        "scoring.md": render("guide", "scoring.md.j2", example=worked_example(criteria.scale),
                             w=Words(lang, "scoring", {"low": low, "high": high,
                                                       "limit": number(criteria.verdict.unscored_limit),
                                                       "margin": number(criteria.verdict.close_call_margin)}),
                             thresholds=thresholds(criteria, lang), **context),
    }
    for section in criteria.sections:
        pages[f"sections/{section.id}.md"] = render("guide", "section.md.j2", section=section,
                                                    thresholds=thresholds(criteria, lang), **context)
    return {path: banner(lang, source) + text for path, text in pages.items()}


def number(value: int | float) -> str:
    """A setting as written: 20, 2.5 (never 20.0)."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def thresholds(criteria: Criteria, lang: str) -> dict[str, str]:
    """Per knock-out criterion id, the level that eliminates and lower, as "1 Weak"."""
    levels = {lv.score: lv.label(lang) for lv in criteria.scale.levels}
    found = {c.id: eliminates_at(criteria, c) for c in criteria.scored_criteria}
    return {ident: label(lang, "level_named", score=at, label=levels[at])
            for ident, at in found.items() if at is not None}
