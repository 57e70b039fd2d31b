"""Guide pages: home, one page per section, how to use, how the score is computed."""

from __future__ import annotations

from functools import partial

from generator.labels import label
from generator.model import Criteria
from generator.render.agencies import COUNTS
from generator.render.form_names import ALL_FORMS
from generator.render.markdown import md_label
from generator.render.templates import localised, render
from generator.scoring import display, score

__all__ = ["banner", "render_guide", "worked_example"]


def banner(lang: str, source: str) -> str:
    """The do-not-edit line at the top of every generated Markdown page."""
    # "--" could end the comment early (a file named x-->y.yaml).
    return f"<!-- {label(lang, 'banner', source=source).replace('--', '- -')} -->\n"


def render_guide(criteria: Criteria, lang: str, source: str) -> dict[str, str]:
    """All guide pages in ``lang``, as ``{path relative to the language's docs: Markdown}``."""
    context = {
        "c": criteria, "lang": lang, "t": partial(md_label, lang),
        "sources": {s.id: s for s in criteria.meta.sources},
        "agency_counts": COUNTS, "forms": ALL_FORMS,
    }
    pages = {
        "index.md": render("guide", "index.md.j2", **context),
        "how-to-use.md": render("guide", localised("guide", "how-to-use", lang), **context),
        "scoring.md": render("guide", "scoring.md.j2", example=worked_example(), **context),
    }
    for section in criteria.sections:
        pages[f"sections/{section.id}.md"] = render("guide", "section.md.j2", section=section, **context)
    return {path: banner(lang, source) + text for path, text in pages.items()}


def worked_example() -> dict[str, object]:
    """The scoring page's example: the worked example of generator.scoring, computed."""
    items = [("a", "c1", 3, False), ("a", "c2", 2, False), ("a", "c3", 1, False),
             ("b", "c4", 2, True), ("b", "c5", 1, False)]
    answers: dict[str, int | str] = {"c1": 2, "c2": "na", "c3": 3, "c4": 1, "c5": 0}
    result = score(items, 0, 3, answers)  # type: ignore[arg-type]
    return {
        "rows": [(s, i, w, k, answers[i]) for s, i, w, k in items],
        "sections": {r.id: display(r.value) for r in result.sections},
        "total": display(result.total),
        "disqualified": result.disqualified,
    }
