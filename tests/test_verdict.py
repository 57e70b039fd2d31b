"""The verdict rule (generator/verdict.py): knock-out thresholds, N/A on knock-outs, section minimums,
incomplete agencies, close calls; and the default criteria's three traps of issue 25."""

from __future__ import annotations

import doctest
from fractions import Fraction

import pytest
from verdict_cases import EXPECTED, EXPECTED_CRITERIA, four_agencies

import generator.scoring
import generator.verdict
from conftest import DEFAULT_CRITERIA, MINIMAL
from generator.load import load_criteria, parse_criteria
from generator.problems import InputError
from generator.scoring import display
from generator.verdict import Rule, close_call, judge, judge_all, rule_of

CRITERIA = load_criteria(DEFAULT_CRITERIA).scored
RULE = Rule((("a", "c1", 2, None), ("a", "c2", 1, None), ("b", "c3", 1, 1)), (0, 1, 2, 3), (("a", Fraction(50)),))


def test_worked_examples_in_docstrings() -> None:
    for module in (generator.scoring, generator.verdict):
        assert doctest.testmod(module).failed == 0


def test_three_traps_rank_after_the_honest_agency() -> None:
    agencies = four_agencies(CRITERIA)
    results, verdicts, ranks = judge_all(rule_of(CRITERIA), agencies)
    totals = [r.total for r in results]
    assert display(totals[3]) == "66.7" and all(t is not None and t > totals[3] + 15 for t in totals[:3]), (
        "a total alone would rank every trap first")
    assert [v.kind for v in verdicts] == EXPECTED
    knockouts = tuple(c.id for c in CRITERIA.scored_criteria if c.knockout)
    assert [v.criteria for v in verdicts] == [knockouts if want is None else want for want in EXPECTED_CRITERIA]
    assert ranks[3] == 1 and all(r is not None and r > 1 for r in ranks[:3])


@pytest.mark.parametrize(("answers", "kind", "named"), [
    ({"c1": 3, "c2": 3, "c3": 1}, "eliminated", ("c3",)),
    ({"c1": 3, "c2": 3, "c3": 2}, "ranked", ()),
    ({"c1": 3, "c2": 3, "c3": "na"}, "incomplete", ("c3",)),
    ({"c1": 3, "c2": 3}, "incomplete", ("c3",)),
    ({"c1": 1, "c2": 1, "c3": 3}, "below_minimum", ()),
    ({"c1": 3, "c3": 3}, "incomplete", ()),  # c2 blank: 25 % of the weight, over 20 %
])
def test_one_verdict_per_agency(answers: dict[str, int | str], kind: str, named: tuple[str, ...]) -> None:
    verdict = judge(RULE, answers)  # type: ignore[arg-type]
    assert verdict.kind == kind and verdict.criteria == named


def test_unscored_weight_over_the_limit_is_incomplete() -> None:
    strict = Rule(RULE.items, RULE.levels, RULE.minimums, unscored_limit=Fraction(20))
    assert judge(strict, {"c1": 3, "c3": 3}).kind == "incomplete"  # 1 of 4 weight units = 25 %
    assert judge(Rule(RULE.items, RULE.levels, RULE.minimums, Fraction(25)), {"c1": 3, "c3": 3}).kind == "ranked"


def test_below_minimum_compares_the_rounded_section_score() -> None:
    rule = Rule((("a", "c1", 1, None), ("a", "c2", 2, None)), (0, 1, 2, 3), (("a", Fraction(66.7).limit_denominator(10)),))
    assert judge(rule, {"c1": 2, "c2": 2}).kind == "ranked"  # 66.666... shows as 66.7


def test_close_call_appears_and_disappears() -> None:
    honest = {c.id: 2 for c in CRITERIA.scored_criteria}
    rule = rule_of(CRITERIA)
    better = dict(honest, **{"realistic-results": 3})
    call = close_call(rule, [honest, better])
    assert call is not None and (call.first, call.second) == (1, 0) and call.criteria
    far = {c.id: 3 for c in CRITERIA.scored_criteria}
    assert close_call(rule, [honest, far]) is None
    assert close_call(rule, [honest]) is None


def test_one_level_change_that_swaps_them_is_a_close_call() -> None:
    # 91.7 against 83.3: 8.4 apart, over the margin, but c1 one level lower puts the first at 75.0.
    call = close_call(RULE, [{"c1": 3, "c2": 2, "c3": 3}, {"c1": 2, "c2": 3, "c3": 3}])
    assert call is not None and call.criteria == ("c1",)
    assert close_call(RULE, [{"c1": 3, "c2": 3, "c3": 3}, {"c1": 1, "c2": 3, "c3": 2}]) is None


def test_a_fork_with_only_knockout_true_keeps_its_meaning() -> None:
    fork = load_criteria(MINIMAL)
    knockouts = [c for c in fork.scored_criteria if c.knockout]
    assert knockouts and all(c.knockout_below is None for c in knockouts)
    rule = rule_of(fork.scored)
    low = fork.scale.min_score
    assert {item[3] for item in rule.items if item[1] in {c.id for c in knockouts}} == {low}
    assert not rule.minimums and rule.unscored_limit == 20 and rule.close_call_margin == 5


@pytest.mark.parametrize(("bad", "where", "words"), [
    ("knockout: {below: 7}", ":27:", "knockout below must be a score of scale.levels above the lowest"),
    ("knockout: {below: 0}", ":27:", "knockout below must be a score of scale.levels above the lowest"),
    ("knockout: {above: 1}", ":20:", "unknown key 'above'"),
    ("knockout: 3", ":19:", "expected true, false or {below: <level score>}"),
    ("knockout: yes", ":19:", "expected true or false, found text; write true (without quotes)"),
])
def test_bad_thresholds_are_located(bad: str, where: str, words: str) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("knockout: true", bad, 1)
    with pytest.raises(InputError) as caught:
        parse_criteria(text.encode(), "fork.yaml")
    shown = [p.text("en") for p in caught.value.problems]
    assert any(where in line and words in line for line in shown), shown
    assert all(p.text("zh") for p in caught.value.problems)


def test_minimum_needs_a_reason_and_no_self_check() -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    first_section = text.index("  - id: ", text.index("sections:"))
    line_end = text.index("\n", first_section) + 1
    bad = text[:line_end] + "    minimum: {score: 150}\n" + text[line_end:]
    with pytest.raises(InputError) as caught:
        parse_criteria(bad.encode(), "fork.yaml")
    shown = " | ".join(p.text("en") for p in caught.value.problems)
    assert "reason" in shown and "150" in shown
