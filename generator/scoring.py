"""The scoring rule, defined once.

Every other implementation (the printed worksheet's formula, the in-browser
scoring, the workbook's formulas, the "how the score is computed" page) is
tested against this module.

The rule
--------
1. Each answer is a level score of the scale, ``"na"`` (not applicable) or
   ``None`` (not scored yet).
2. A scored criterion counts as ``(score - min) / (max - min) * 100`` percent,
   where min and max are the lowest and highest scores of the scale.
3. A section's score is the weighted average of its scored criteria:
   ``sum(weight * percent) / sum(weight)``. N/A and unscored criteria are left
   out of both sums. A section with no scored criterion has no score (None).
4. The total is the same weighted average over all scored criteria of all
   sections (so a section counts by the weight of what was scored in it).
5. Knock-out: a criterion marked ``knockout`` eliminates the agency when it is
   scored at or below its eliminating level (the lowest level for
   ``knockout: true``, the levels under n for ``knockout: {below: n}``). Its
   scores are still computed and shown. N/A is never offered on a knock-out
   criterion; an old document's N/A there counts as not scored.
6. Arithmetic is exact (fractions). Only for display is a value rounded, to
   one decimal place, half up (62.25 -> 62.3). Implementations in floating
   point (JavaScript, spreadsheets) must agree with the exact value to within
   1e-9 before rounding, and round as ``floor(x * 10 + 0.5 + 1e-9) / 10``.
7. Ranking: agencies not disqualified first, by total, highest first; then
   disqualified ones, by total; agencies with no total last. Equal rounded
   totals share a rank (1, 2, 2, 4). ``generator.verdict`` refines the groups:
   each agency gets one verdict (ranked, below a section minimum, incomplete,
   eliminated) and ranks in that order of groups, then by total; it also says
   when the first two are a close call.

Worked example
--------------
Scale 0-3. Section ``a`` holds c1 (weight 3), c2 (weight 2) and c3 (weight 1);
section ``b`` holds c4 (weight 2, knock-out) and c5 (weight 1). Answers:
c1 = 2, c2 = N/A, c3 = 3, c4 = 1, c5 = 0.

>>> items = [("a", "c1", 3, False), ("a", "c2", 2, False), ("a", "c3", 1, False),
...          ("b", "c4", 2, True), ("b", "c5", 1, False)]
>>> result = score(items, 0, 3, {"c1": 2, "c2": "na", "c3": 3, "c4": 1, "c5": 0})

Section a: (3 x 66.67 + 1 x 100) / (3 + 1) = (200 + 100) / 4 = 75.

>>> display(result.sections[0].value)
'75.0'

Section b: (2 x 33.33 + 1 x 0) / (2 + 1) = 66.67 / 3 = 22.22.

>>> display(result.sections[1].value)
'22.2'

Total: (200 + 100 + 66.67 + 0) / (3 + 1 + 2 + 1) = 366.67 / 7 = 52.38.

>>> display(result.total)
'52.4'

c4 is a knock-out criterion (``knockout: true``) but scored 1, not the lowest level 0:

>>> result.disqualified
False
>>> score(items, 0, 3, {"c4": 0}).knocked_out
('c4',)

With ``knockout: {below: 2}`` (eliminating level 1), the same 1 eliminates:

>>> score([("b", "c4", 2, 1)], 0, 3, {"c4": 1}).knocked_out
('c4',)

N/A on a knock-out counts as not scored; 2 of the 9 weight units are unscored:

>>> r = score(items, 0, 3, {"c1": 2, "c2": 1, "c3": 3, "c4": "na", "c5": 0})
>>> r.unchecked, r.not_applicable, r.unscored, display(r.unscored_share)
(('c4',), 0, 1, '22.2')
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from generator.model import Criteria, Criterion

__all__ = [
    "NA",
    "Answer",
    "Item",
    "Result",
    "SectionResult",
    "display",
    "eliminates_at",
    "eliminating_level",
    "items_of",
    "rank",
    "rounded",
    "score",
    "score_criteria",
]

NA: Literal["na"] = "na"
Answer = int | Literal["na"] | None
Item = tuple[str, str, "int | float", "bool | int | None"]
"""(section id, criterion id, weight, knockout) in display order; knockout is False or None (not a
knock-out), True (eliminates at the lowest level) or the highest level score that eliminates."""


@dataclass(frozen=True)
class SectionResult:
    """Score of one section for one agency."""

    id: str
    """Section id."""
    value: Fraction | None
    """Weighted average in percent, or None if nothing was scored."""
    scored: int
    """Criteria scored on the scale (not N/A, not blank)."""


@dataclass(frozen=True)
class Result:
    """Scores of one agency."""

    sections: tuple[SectionResult, ...]
    """Per section, in display order."""
    total: Fraction | None
    """Weighted average in percent over all scored criteria, or None."""
    knocked_out: tuple[str, ...]
    """Ids of knock-out criteria scored at the lowest level."""
    scored: int
    """Criteria scored on the scale."""
    not_applicable: int
    """Criteria answered N/A."""
    unscored: int
    """Criteria not answered yet (N/A on a knock-out criterion included)."""
    unchecked: tuple[str, ...] = ()
    """Ids of knock-out criteria not scored (blank, or N/A from an old document)."""
    unscored_share: Fraction = Fraction(0)
    """Percent of the total weight not scored (blank, or N/A on a knock-out criterion)."""

    @property
    def disqualified(self) -> bool:
        """True if any knock-out criterion was scored at or below its eliminating level."""
        return bool(self.knocked_out)


def _weight(value: int | float) -> Fraction:
    # repr() keeps the decimal the user wrote (1.1, not its binary expansion).
    return Fraction(repr(value))


def _percent(answer: int, low: int, high: int) -> Fraction:
    return Fraction(answer - low, high - low) * 100


def _average(pairs: list[tuple[Fraction, Fraction]]) -> Fraction | None:
    weights = sum((w for w, _ in pairs), Fraction(0))
    return sum((w * p for w, p in pairs), Fraction(0)) / weights if pairs else None


def eliminating_level(knockout: bool | int | None, low: int) -> int | None:
    """The highest score that eliminates, from an item's knockout field; None if it never does."""
    if knockout is True:
        return low
    return None if knockout is False or knockout is None else knockout


def score(items: Sequence[Item], low: int, high: int, answers: Mapping[str, Answer]) -> Result:
    """Score one agency; ``answers`` maps criterion id to its answer (missing = unscored)."""
    by_section: dict[str, list[tuple[Fraction, Fraction]]] = {}
    knocked: list[str] = []
    unchecked: list[str] = []
    counts = {"scored": 0, "na": 0, "blank": 0}
    weights = {"all": Fraction(0), "blank": Fraction(0)}
    for section, ident, weight, knockout in items:
        pairs = by_section.setdefault(section, [])
        answer = answers.get(ident)
        at = eliminating_level(knockout, low)
        weights["all"] += _weight(weight)
        if answer is None or answer == NA:
            blank = answer is None or at is not None
            counts["blank" if blank else "na"] += 1
            weights["blank"] += _weight(weight) if blank else 0
            unchecked += [ident] if at is not None else []
            continue
        if isinstance(answer, bool) or not isinstance(answer, int) or not low <= answer <= high:
            raise ValueError(f"{ident}: {answer!r} is not a score between {low} and {high} or 'na'")
        counts["scored"] += 1
        pairs.append((_weight(weight), _percent(answer, low, high)))
        if at is not None and answer <= at:
            knocked.append(ident)
    every = [pair for pairs in by_section.values() for pair in pairs]
    return Result(
        sections=tuple(SectionResult(s, _average(p), len(p)) for s, p in by_section.items()),
        total=_average(every), knocked_out=tuple(knocked),
        scored=counts["scored"], not_applicable=counts["na"], unscored=counts["blank"],
        unchecked=tuple(unchecked),
        unscored_share=weights["blank"] * 100 / weights["all"] if weights["all"] else Fraction(0),
    )


def items_of(criteria: Criteria) -> list[Item]:
    """The scoring items of a criteria model, in display order; self-check sections are never scored."""
    return [(s.id, c.id, c.weight, eliminates_at(criteria, c)) for s in criteria.scored_sections for c in s.criteria]


def eliminates_at(criteria: Criteria, criterion: Criterion) -> int | None:
    """The highest score at which ``criterion`` eliminates an agency; None if it is no knock-out."""
    if not criterion.knockout:
        return None
    below = criterion.knockout_below
    scores = [lv.score for lv in criteria.scale.levels]
    return scores[0] if below is None else max(s for s in scores if s < below)


def score_criteria(criteria: Criteria, answers: Mapping[str, Answer]) -> Result:
    """Score one agency against a criteria model."""
    return score(items_of(criteria), criteria.scale.min_score, criteria.scale.max_score, answers)


def rounded(value: Fraction) -> Fraction:
    """``value`` rounded to one decimal place, half up."""
    return Fraction(math.floor(value * 10 + Fraction(1, 2)), 10)


def display(value: Fraction | None) -> str:
    """One-decimal text of a score, or an em dash for no score."""
    if value is None:
        return "—"
    tenths = math.floor(value * 10 + Fraction(1, 2))
    return f"{tenths // 10}.{tenths % 10}"


def rank(results: Sequence[Result], groups: Sequence[int] | None = None) -> list[int | None]:
    """1-based rank of each result (see rule 7); None for results with no total.

    ``groups`` (one per result, lower first) replaces the split into not disqualified / disqualified.
    """
    def key(i: int, r: Result) -> tuple[int, Fraction]:
        group = groups[i] if groups is not None else int(r.disqualified)
        return (group, -rounded(r.total) if r.total is not None else Fraction(0))

    ranked = sorted((key(i, r), i) for i, r in enumerate(results) if r.total is not None)
    ranks: list[int | None] = [None] * len(results)
    for position, (k, i) in enumerate(ranked):
        previous = ranked[position - 1] if position else None
        ranks[i] = ranks[previous[1]] if previous and previous[0] == k else position + 1
    return ranks
