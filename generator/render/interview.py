"""The phone interview page (``interview.md``): one criterion per card, scored in the meeting.

The page is a title, a short text, a link to the printable questionnaire for when scripts do
not run, and a ``<template id="kit-interview-data">`` holding JSON. ``scorer/interview.js``
builds the interview from it. The JSON is the worksheet scorer's data
(generator/render/scoring_data.py: the same criteria, scale, storage format and strings)
with each criterion's texts added (must-ask questions with their sittings, other questions,
red flags, evidence and what an answer at each level sounds like), the sittings the file
gives (``sittings``: an interview mode each) and the interview's own strings, so both pages
read and write the same saved document.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from generator.model import SITTINGS, Criterion
from generator.render.agencies import COUNTS
from generator.render.base import Context, Files, banner
from generator.render.guide import thresholds
from generator.render.pages import INTERVIEW
from generator.render.scoring_data import data_element, page_strings, scoring_data
from generator.render.templates import render

__all__ = ["ELEMENT_ID", "STRINGS", "criterion_texts", "interview_data", "render_interview"]

ELEMENT_ID = "kit-interview-data"
"""Id of the ``<template>`` element holding the interview's JSON."""
STRINGS = MappingProxyType({
    "ivTitle": "interview", "ivAgency": "iv_agency", "ivName": "iv_name", "ivAdd": "sc_add",
    "ivProgress": "iv_progress", "ivPrev": "iv_prev", "ivNext": "iv_next", "ivJump": "iv_jump",
    "ivMust": "iv_must", "ivMore": "iv_more", "ivFlags": "iv_flags", "ivEvidence": "iv_evidence",
    "ivScore": "iv_score", "ivScored": "iv_scored", "ivNotScored": "sc_not_scored", "ivFlagged": "iv_flagged",
    "ivDone": "iv_done", "ivToWorksheet": "iv_to_worksheet", "ivCorrupt": "iv_corrupt", "ivSwipe": "iv_swipe",
    "ivCard": "iv_card", "ivTotal": "iv_total", "ivMode": "iv_mode", "ivModeAll": "iv_mode_all",
    "ivModeMust": "iv_mode_must", "ivModeKo": "iv_mode_ko", "ivNextUnscored": "iv_next_unscored",
    "ivJumpDone": "iv_jump_done", "ivJumpNa": "iv_jump_na", "ivKoRule": "knockout", "ivToReport": "iv_to_report",
    "ivMeanings": "iv_meanings", "ivModeSitting": "iv_mode_sitting",
    **{f"ivSitting_{s}": f"iv_sitting_{s}" for s in SITTINGS},
})
"""Key in the page's ``strings`` → label key in generator/words/labels.py (added to the scorer's)."""


def render_interview(ctx: Context, name: str = INTERVIEW) -> Files:
    """The interview page, as ``{path relative to the language's docs: Markdown}``."""
    element = data_element(ELEMENT_ID, interview_data(ctx))
    html = render("interview", "interview.html.j2", t=ctx.label, data=element, **COUNTS)
    return {f"{name}.md": banner(ctx) + "\n" + html}


def interview_data(ctx: Context) -> dict[str, Any]:
    """The scorer's data with each criterion's texts and the interview's strings."""
    data = scoring_data(ctx)
    texts = {k.id: criterion_texts(k, ctx.lang) for k in ctx.criteria.scored_criteria}
    # A knock-out's rule in words, with its own eliminating level when it is not the lowest (as the guide says).
    levels = thresholds(ctx.criteria, ctx.texts)
    for section in data["sections"]:
        for item in section["criteria"]:
            item.update(texts[item["id"]])
            if item["knockout"]:
                low = item["eliminatesAt"] in (None, ctx.criteria.scale.min_score)
                item["koRule"] = ctx.label("knockout") if low else ctx.label("ko_level", level=levels[item["id"]])
    data["strings"].update(page_strings(ctx, STRINGS))
    # The sittings the file gives (an interview mode each), in the order a merchant meets them.
    data["sittings"] = [s for s in SITTINGS if any(s in k.sittings for k in ctx.criteria.scored_criteria)]
    return data


def criterion_texts(k: Criterion, lang: str) -> dict[str, Any]:
    """What the interviewer reads on a criterion's card, in ``lang``."""
    return {
        "must": [q(lang) for q in k.must_ask_questions],
        # The sitting of each must-ask question (as on the printed sitting forms: the visit when the file says none).
        "sittings": list(k.sittings or ("visit",) * len(k.must_ask_questions)),
        "more": [q(lang) for q in k.other_questions],
        "flags": [r(lang) for r in k.red_flags],
        "evidence": [e(lang) for e in k.evidence],
        "levels": {str(d.score): d.text(lang) for d in k.levels},
    }
