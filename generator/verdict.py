"""The verdict on each agency and the close-call warning, defined once on top of ``generator.scoring``.

The browser (``overrides/assets/javascripts/scorer/rule.js``), the workbook's formulas and the
scoring page are tested against this module.

The rule
--------
1. One verdict per agency, the first that applies:

   - **eliminated**: a knock-out criterion is scored at or below its eliminating level;
   - **incomplete**: a knock-out criterion is not scored (N/A is not an answer there), or more
     than ``unscored_limit`` percent of the total weight is not scored (default 20);
   - **below a section minimum**: a section's score, rounded as displayed, is under the
     section's ``minimum``;
   - **ranked** otherwise.

2. Ranking: ranked agencies first, then below a minimum, then incomplete, then eliminated;
   within each group by rounded total, highest first (equal totals share a rank). Agencies
   with no total at all come last, unranked.
3. Close call: when the first two agencies (both *ranked*) are within ``close_call_margin``
   points (default 5), or one criterion changed by one level (the first's down or the
   second's up) would put the second's rounded total above the first's. The deciding criteria
   are those single changes; when there are none, the criteria where the two differ most
   (weight times difference), at most three.

Worked example
--------------
Scale 0-3; c1 (weight 2) and c2 (weight 1) in section a, minimum 50; c3 (weight 1, knock-out
eliminating at 1) in section b.

>>> rule = Rule((("a", "c1", 2, None), ("a", "c2", 1, None), ("b", "c3", 1, 1)), (0, 1, 2, 3),
...             (("a", Fraction(50)),))
>>> [judge(rule, a).kind for a in ({"c1": 3, "c2": 3, "c3": 1}, {"c1": 3, "c2": 3, "c3": "na"},
...                                {"c1": 1, "c2": 1, "c3": 3}, {"c1": 3, "c2": 2, "c3": 2})]
['eliminated', 'incomplete', 'below_minimum', 'ranked']

Two ranked agencies, 91.7 and 83.3 (8.4 apart), but c1 one level lower for the first gives 75.0:

>>> call = close_call(rule, [{"c1": 3, "c2": 2, "c3": 3}, {"c1": 2, "c2": 3, "c3": 3}])
>>> call is not None and call.criteria
('c1',)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from generator.model import Criteria
from generator.scoring import Answer, Item, Result, items_of, rank, rounded, score

__all__ = ["GROUPS", "CloseCall", "Kind", "Rule", "Verdict", "close_call", "judge", "judge_all", "rule_of"]

Kind = Literal["ranked", "below_minimum", "incomplete", "eliminated"]
GROUPS: tuple[Kind, ...] = ("ranked", "below_minimum", "incomplete", "eliminated")
"""Verdicts in ranking order."""


@dataclass(frozen=True)
class Rule:
    """Everything the verdict needs from a criteria file."""

    items: tuple[Item, ...]
    """Scoring items (see ``generator.scoring.Item``)."""
    levels: tuple[int, ...]
    """Scores of the scale, lowest first."""
    minimums: tuple[tuple[str, Fraction], ...] = ()
    """(section id, minimum percent) of sections that have a minimum."""
    unscored_limit: Fraction = Fraction(20)
    """Largest percent of the weight left unscored for a verdict other than incomplete."""
    close_call_margin: Fraction = Fraction(5)
    """Points between the first two totals at or under which they are a close call."""


@dataclass(frozen=True)
class Verdict:
    """The verdict on one agency."""

    kind: Kind
    """Which verdict."""
    criteria: tuple[str, ...] = ()
    """Eliminated: the knock-out criteria at fault; incomplete: the knock-out criteria still to score."""
    sections: tuple[str, ...] = ()
    """Below a section minimum: the sections under their minimum."""


@dataclass(frozen=True)
class CloseCall:
    """The first two ranked agencies could swap places."""

    first: int
    """Index of the first agency."""
    second: int
    """Index of the second agency."""
    criteria: tuple[str, ...]
    """The criteria that decide it."""


def _fraction(value: int | float) -> Fraction:
    return Fraction(repr(value))


def rule_of(criteria: Criteria) -> Rule:
    """The verdict rule of a criteria model."""
    return Rule(tuple(items_of(criteria)), tuple(lv.score for lv in criteria.scale.levels),
                tuple((s.id, _fraction(s.minimum)) for s in criteria.scored_sections if s.minimum is not None),
                _fraction(criteria.verdict.unscored_limit), _fraction(criteria.verdict.close_call_margin))


def _score(rule: Rule, answers: Mapping[str, Answer]) -> Result:
    return score(rule.items, rule.levels[0], rule.levels[-1], answers)


def judge(rule: Rule, answers: Mapping[str, Answer], result: Result | None = None) -> Verdict:
    """The verdict on one agency (``result``: its score, if already computed)."""
    r = result or _score(rule, answers)
    if r.knocked_out:
        return Verdict("eliminated", r.knocked_out)
    if r.unchecked or r.unscored_share > rule.unscored_limit:
        return Verdict("incomplete", r.unchecked)
    minimum = dict(rule.minimums)
    below = tuple(s.id for s in r.sections
                  if s.id in minimum and s.value is not None and rounded(s.value) < minimum[s.id])
    return Verdict("below_minimum", (), below) if below else Verdict("ranked")


def judge_all(rule: Rule, answers: Sequence[Mapping[str, Answer]]
              ) -> tuple[list[Result], list[Verdict], list[int | None]]:
    """Scores, verdicts and ranks of several agencies."""
    results = [_score(rule, a) for a in answers]
    verdicts = [judge(rule, a, r) for a, r in zip(answers, results, strict=True)]
    return results, verdicts, rank(results, [GROUPS.index(v.kind) for v in verdicts])


def _moved(rule: Rule, answers: Mapping[str, Answer], ident: str, step: int) -> Fraction | None:
    """The rounded total with ``ident`` one level up (step 1) or down (-1); None if it cannot move."""
    answer = answers.get(ident)
    if isinstance(answer, bool) or answer not in rule.levels:
        return None
    position = rule.levels.index(answer) + step
    if not 0 <= position < len(rule.levels):
        return None
    total = _score(rule, {**answers, ident: rule.levels[position]}).total
    return None if total is None else rounded(total)


def close_call(rule: Rule, answers: Sequence[Mapping[str, Answer]]) -> CloseCall | None:
    """The close call between the first two ranked agencies, or None."""
    results, verdicts, ranks = judge_all(rule, answers)
    order = sorted((r, i) for i, r in enumerate(ranks) if r is not None and verdicts[i].kind == "ranked")
    if len(order) < 2:
        return None
    a, b = order[0][1], order[1][1]
    ta, tb = results[a].total, results[b].total
    assert ta is not None and tb is not None  # ranked agencies have a total
    deciding = []
    for _, ident, _, _ in rule.items:
        down, up = _moved(rule, answers[a], ident, -1), _moved(rule, answers[b], ident, 1)
        if (down is not None and rounded(tb) > down) or (up is not None and up > rounded(ta)):
            deciding.append(ident)
    if deciding:
        return CloseCall(a, b, tuple(deciding))
    if ta - tb > rule.close_call_margin:
        return None
    return CloseCall(a, b, _differences(rule, answers[a], answers[b]))


def _differences(rule: Rule, first: Mapping[str, Answer], second: Mapping[str, Answer]) -> tuple[str, ...]:
    """Up to three criteria where the two scored answers differ most, by weight times difference."""
    gaps = []
    for position, (_, ident, weight, _) in enumerate(rule.items):
        x, y = first.get(ident), second.get(ident)
        if isinstance(x, int) and isinstance(y, int) and x != y:
            gaps.append((-_fraction(weight) * abs(x - y), position, ident))
    return tuple(ident for _, _, ident in sorted(gaps)[:3])
