"""The phone interview page (``interview.md``): one criterion per card, scored in the meeting.

The page is a title, a short text, a link to the printable questionnaire for when scripts do
not run, and a ``<template id="kit-interview-data">`` holding JSON. ``scorer/interview.js``
builds the interview from it. The JSON is the worksheet scorer's data
(generator/render/scoring_data.py: the same criteria, scale, storage format and strings)
with each criterion's texts added (must-ask and other questions, red flags, evidence and
what an answer at each level sounds like) and the interview's own strings, so both pages
read and write the same saved document.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from markupsafe import Markup

from generator.model import Criteria, Criterion
from generator.render.agencies import COUNTS
from generator.render.base import banner
from generator.render.scoring_data import json_for_html, scoring_data
from generator.render.templates import render
from generator.words.labels import label

__all__ = ["ELEMENT_ID", "STRINGS", "criterion_texts", "interview_data", "render_interview"]

ELEMENT_ID = "kit-interview-data"
"""Id of the ``<template>`` element holding the interview's JSON."""
STRINGS = {
    "ivTitle": "interview", "ivAgency": "iv_agency", "ivName": "iv_name", "ivAdd": "sc_add",
    "ivProgress": "iv_progress", "ivPrev": "iv_prev", "ivNext": "iv_next", "ivJump": "iv_jump",
    "ivMust": "iv_must", "ivMore": "iv_more", "ivFlags": "iv_flags", "ivEvidence": "iv_evidence",
    "ivScore": "iv_score", "ivScored": "iv_scored", "ivNotScored": "sc_not_scored", "ivFlagged": "iv_flagged",
    "ivDone": "iv_done", "ivToWorksheet": "iv_to_worksheet", "ivCorrupt": "iv_corrupt", "ivSwipe": "iv_swipe",
    "ivCard": "iv_card", "ivTotal": "iv_total",
}
"""Key in the page's ``strings`` → label key in generator/words/labels.py (added to the scorer's)."""
_PLACEHOLDERS = ("n", "total", "scored", "score", "reason")


def render_interview(criteria: Criteria, lang: str, source: str) -> dict[str, str]:
    """The interview page in ``lang``, as ``{path relative to the language's docs: Markdown}``."""
    element = Markup(f'<template id="{ELEMENT_ID}" data-search-exclude>'
                     f"{json_for_html(interview_data(criteria, lang))}</template>")
    html = render("interview", "interview.html.j2", t=partial(label, lang), data=element, **COUNTS)
    return {"interview.md": banner(lang, source) + "\n" + html}


def interview_data(criteria: Criteria, lang: str) -> dict[str, Any]:
    """The scorer's data in ``lang`` with each criterion's texts and the interview's strings."""
    data = scoring_data(criteria, lang)
    texts = {k.id: criterion_texts(k, lang) for k in criteria.scored_criteria}
    for section in data["sections"]:
        for item in section["criteria"]:
            item.update(texts[item["id"]])
    keep = {name: "{" + name + "}" for name in _PLACEHOLDERS}
    data["strings"].update({key: label(lang, name, **keep) for key, name in STRINGS.items()})
    return data


def criterion_texts(k: Criterion, lang: str) -> dict[str, Any]:
    """What the interviewer reads on a criterion's card, in ``lang``."""
    return {
        "must": [q(lang) for q in k.must_ask_questions],
        "more": [q(lang) for q in k.other_questions],
        "flags": [r(lang) for r in k.red_flags],
        "evidence": [e(lang) for e in k.evidence],
        "levels": {str(d.score): d.text(lang) for d in k.levels},
    }
