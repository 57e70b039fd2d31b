"""The rules of scorer/people.js in Python, for the tests to check the pages against (exact fractions).

What counts, where reviewers disagree and how much of the weight rests on evidence seen or checked,
on the default criteria (tests/test_doc_v2.py, test_reviewers.py, test_evidence.py).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.scoring import eliminates_at

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored_criteria
LEVELS = [lv.score for lv in CRITERIA.scale.levels]
Sheet = dict[str, Any]


def python_counted(own: Sheet, reviews: list[Sheet], agreed: Sheet) -> Sheet:
    """What counts: agreed, else the owner's own, else the reviewers' lowest level (N/A only if all N/A)."""
    out = dict(own)
    for scores in reviews:
        for ident, value in scores.items():
            if ident in own:
                continue
            before = out.get(ident)
            if before is None or before == "na" or (value != "na" and value < before):
                out[ident] = value
    out.update(agreed)
    return out


def python_disagreements(sheets: list[Sheet]) -> list[str]:
    """Criteria (display order) scored two levels or more apart, or firing a knock-out for some only."""
    out = []
    for k in SCORED:
        values = [s[k.id] for s in sheets if isinstance(s.get(k.id), int)]
        if len(values) < 2:
            continue
        at = eliminates_at(CRITERIA, k)
        fires = {v <= at for v in values} if at is not None else set()
        if len(fires) == 2 or LEVELS.index(max(values)) - LEVELS.index(min(values)) >= 2:
            out.append(k.id)
    return out


def python_share(scores: Sheet, evidence: dict[str, str]) -> Fraction | None:
    """Percent of the weight of the criteria scored with a level that rests on evidence seen or checked."""
    scored = [k for k in SCORED if isinstance(scores.get(k.id), int)]
    weight = sum((Fraction(repr(k.weight)) for k in scored), Fraction(0))
    verified = sum((Fraction(repr(k.weight)) for k in scored if evidence.get(k.id) in ("seen", "checked")),
                   Fraction(0))
    return verified * 100 / weight if weight else None
