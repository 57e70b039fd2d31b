"""The four agencies of issue 25, on the default criteria: three traps and one honest agency.

A total alone ranks the traps first; the verdict must rank all three after the honest one.
"""

from __future__ import annotations

from editions import label

from generator.model import Criteria
from generator.scoring import NA, Answer, Result, display
from generator.verdict import Verdict

SIX_ZEROS = ("sales-guarantee", "deposit-and-zero-risk", "commission-basis", "fee-structure", "exit-terms",
             "background-check")
"""Where merchants lose money: a trap agency scores 0 on these and 3 on everything else."""


def four_agencies(criteria: Criteria) -> list[dict[str, Answer]]:
    """Six zeros; every knock-out N/A; fake orders at 1; and 2 everywhere (the honest one)."""
    ids = [c.id for c in criteria.scored_criteria]
    knockouts = {c.id for c in criteria.scored_criteria if c.knockout}
    return [
        {i: 0 if i in SIX_ZEROS else 3 for i in ids},
        {i: NA if i in knockouts else 3 for i in ids},
        {i: 1 if i == "fake-orders" else 3 for i in ids},
        {i: 2 for i in ids},
    ]


EXPECTED = ["eliminated", "incomplete", "eliminated", "ranked"]
"""The verdict on each of the four."""
EXPECTED_CRITERIA = [("background-check", "sales-guarantee", "exit-terms"), None, ("fake-orders",), ()]
"""The criteria each verdict names (None: every knock-out criterion)."""


def shown_verdict(criteria: Criteria, lang: str, verdict: Verdict, result: Result, short: bool = False) -> str:
    """The verdict as the pages show it (overrides/assets/javascripts/scorer/verdict-text.js); short as in the
    worksheet's sticky bar."""
    criteria = criteria.scored
    names = {s.id: s.title(lang) for s in criteria.sections}
    names |= {c.id: f"{si}.{ci} {c.title(lang)}" for si, s in enumerate(criteria.sections, 1)
              for ci, c in enumerate(s.criteria, 1)}
    sep = label(lang, "list_sep")
    if verdict.kind == "eliminated":
        return label(lang, "vd_eliminated", ids=sep.join(names[i] for i in verdict.criteria))
    if verdict.kind == "incomplete" and short and len(verdict.criteria) > 1:
        return label(lang, "vd_incomplete_short", n=len(verdict.criteria))
    if verdict.kind == "incomplete" and verdict.criteria:
        return label(lang, "vd_incomplete", ids=sep.join(names[i] for i in verdict.criteria))
    if verdict.kind == "incomplete":
        limit = criteria.verdict.unscored_limit
        return label(lang, "vd_incomplete_share", share=display(result.unscored_share),
                     max=int(limit) if float(limit).is_integer() else limit)
    if verdict.kind == "below_minimum":
        return label(lang, "vd_below", names=sep.join(names[i] for i in verdict.sections))
    return label(lang, "vd_ranked")
