"""The scoring page's worked example, computed with generator.scoring on the edition's scale.

Five made-up criteria in two sections (c4 a knock-out), answered on the edition's own levels:
c1 the second-highest level, c2 N/A, c3 the highest, c4 the level above the lowest (so the
knock-out rule is shown not to fire), c5 the lowest. The page prints the arithmetic and the
results that ``score`` returns, so it always agrees with every other scoring output.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from generator.model import Scale
from generator.scoring import Answer, display, score
from generator.verdict import Rule, Verdict, judge

__all__ = ["ExampleRow", "ExampleSection", "worked_example"]

ITEMS = (("a", "c1", 3, False), ("a", "c2", 2, False), ("a", "c3", 1, False),
         ("b", "c4", 2, True), ("b", "c5", 1, False))
"""(section, criterion, weight, knock-out) of the example."""
MINIMUM = 50
"""The minimum the example supposes for section b."""


@dataclass(frozen=True)
class ExampleRow:
    """One criterion of the example and its answer."""

    section: str
    """Section id (a or b)."""
    id: str
    """Criterion id (c1 to c5)."""
    weight: int
    """Its weight."""
    knockout: bool
    """True for the knock-out criterion."""
    answer: Answer
    """The score given, or "na"."""


@dataclass(frozen=True)
class ExampleSection:
    """One section's line of arithmetic."""

    id: str
    """Section id."""
    formula: str
    """The weighted average written out, e.g. (3 × 66.67 + 1 × 100) ÷ (3 + 1)."""
    value: str
    """The section score as every output shows it."""
    na: str | None
    """The criterion left out as N/A, if any."""


def _number(value: Fraction) -> str:
    """Two decimals at most, no trailing zeros (66.67, 100, 0)."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _answers(scale: Scale) -> dict[str, Answer]:
    levels = [level.score for level in scale.levels]
    return {"c1": levels[-2], "c2": "na", "c3": levels[-1], "c4": levels[1], "c5": levels[0]}


def worked_example(scale: Scale) -> dict[str, object]:
    """Rows, each section's arithmetic and result, the total and the knock-out outcome."""
    low, high = scale.min_score, scale.max_score
    answers = _answers(scale)
    result = score(ITEMS, low, high, answers)
    rows = [ExampleRow(s, i, w, k, answers[i]) for s, i, w, k in ITEMS]
    scored = [r for r in rows if r.answer != "na"]
    answers_int = {i: a for i, a in answers.items() if isinstance(a, int)}
    percent = {r.id: Fraction(answers_int[r.id] - low, high - low) * 100 for r in scored}
    sections = []
    for section in result.sections:
        mine = [r for r in scored if r.section == section.id]
        formula = (f"({' + '.join(f'{r.weight} × {_number(percent[r.id])}' for r in mine)}) ÷ "
                   f"({' + '.join(str(r.weight) for r in mine)})")
        na = next((r.id for r in rows if r.section == section.id and r.answer == "na"), None)
        sections.append(ExampleSection(section.id, formula, display(section.value), na))
    total = (f"({' + '.join(_number(r.weight * percent[r.id]) for r in scored)}) ÷ "
             f"({' + '.join(str(r.weight) for r in scored)})")
    return {"rows": rows, "sections": sections, "total_formula": total, "total": display(result.total),
            "disqualified": result.disqualified, "knockout": next(r for r in rows if r.knockout),
            "low": low, "high": high, **_verdicts(scale, answers)}


def _verdicts(scale: Scale, answers: dict[str, Answer]) -> dict[str, object]:
    """The verdict with section b's supposed minimum, and with c4 at the lowest level or blank."""
    levels = tuple(level.score for level in scale.levels)
    rule = Rule(ITEMS, levels, (("b", Fraction(MINIMUM)),))
    given: Verdict = judge(rule, answers)
    blank = {k: v for k, v in answers.items() if k != "c4"}
    return {"verdict": given, "minimum": MINIMUM, "below": "b" in given.sections,
            "eliminated": judge(rule, {**answers, "c4": levels[0]}), "incomplete": judge(rule, blank)}
