"""The scoring rule: its worked example, and properties that pin it down."""

from __future__ import annotations

import doctest
import random
from fractions import Fraction

import pytest
from editions import context

import generator.scoring as scoring
from generator.scoring import display, rank, score


def test_worked_example_in_docstring() -> None:
    outcome = doctest.testmod(scoring, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert outcome.attempted >= 7 and outcome.failed == 0


ITEMS = [("a", "c1", 3, False), ("a", "c2", 2, False), ("b", "c3", 1.5, True)]


def test_na_and_blank_are_left_out() -> None:
    result = score(ITEMS, 0, 3, {"c1": 3, "c2": "na"})
    assert result.sections[0].value == 100 and result.sections[1].value is None
    assert result.total == 100
    assert (result.scored, result.not_applicable, result.unscored) == (1, 1, 1)


def test_nothing_scored_has_no_total() -> None:
    assert score(ITEMS, 0, 3, {}).total is None
    assert display(None) == "—"


def test_knockout_only_at_lowest_level_and_not_on_na() -> None:
    assert score(ITEMS, 0, 3, {"c3": 0}).disqualified
    assert not score(ITEMS, 0, 3, {"c3": 1}).disqualified
    assert not score(ITEMS, 0, 3, {"c3": "na"}).disqualified
    assert score(ITEMS, 1, 5, {"c3": 1}).disqualified


def test_scale_not_starting_at_zero() -> None:
    assert score(ITEMS, 1, 5, {"c1": 3}).total == 50


def test_decimal_weights_are_exact() -> None:
    result = score([("s", "x", 0.1, False), ("s", "y", 0.2, False)], 0, 3, {"x": 3, "y": 0})
    assert result.total == Fraction(100, 3)


@pytest.mark.parametrize(("value", "text"), [
    (Fraction(6225, 100), "62.3"), (Fraction(6224, 100), "62.2"), (Fraction(0), "0.0"),
    (Fraction(100), "100.0"), (Fraction(200, 3), "66.7"), (Fraction(5, 100), "0.1")])
def test_display_rounds_half_up(value: Fraction, text: str) -> None:
    assert display(value) == text


@pytest.mark.parametrize("bad", [4, -1, True, "3", 2.5])
def test_out_of_scale_answers_are_rejected(bad: object) -> None:
    with pytest.raises(ValueError):
        score(ITEMS, 0, 3, {"c1": bad})  # type: ignore[dict-item]


def test_rank_puts_disqualified_after_qualified_and_shares_ties() -> None:
    results = [score(ITEMS, 0, 3, answers) for answers in (
        {"c1": 2, "c2": 2, "c3": 2},   # 66.7
        {"c1": 3, "c2": 3, "c3": 0},   # disqualified, high total
        {"c1": 2, "c2": 2, "c3": 2},   # tie with first
        {},                            # no total
        {"c1": 1, "c2": 1, "c3": 1},   # 33.3
    )]
    assert rank(results) == [1, 4, 1, None, 3]


def test_total_is_between_section_extremes() -> None:
    rng = random.Random(7)
    for _ in range(300):
        answers = {i: rng.choice([0, 1, 2, 3, "na", None]) for _, i, _, _ in ITEMS}
        result = score(ITEMS, 0, 3, answers)
        values = [s.value for s in result.sections if s.value is not None]
        if values:
            assert result.total is not None and min(values) <= result.total <= max(values)
        else:
            assert result.total is None


def test_self_check_changes_no_agencys_score() -> None:
    from self_check_cases import variants

    from generator.render.scoring_data import scoring_data
    from generator.scoring import score_criteria

    cases = variants()
    assert [len(c.self_check_sections) for c in cases.values()] == [1, 1, 0]
    own = [c.id for c in cases["last"].self_check_sections[0].criteria]
    rng = random.Random(7)
    for _ in range(200):
        # Answers for the self-check criteria too: a scorer must ignore them.
        answers = {c.id: rng.choice([0, 1, 2, 3, "na", None]) for c in cases["last"].criteria}
        results = {name: score_criteria(c, {k: v for k, v in answers.items() if v is not None})
                   for name, c in cases.items()}
        assert results["last"] == results["first"] == results["without"]
        assert not set(own) & {s.id for s in results["last"].sections}
    for lang in ("zh", "en"):
        # The in-browser scorer reads only this data, so its totals are the same too.
        data = [scoring_data(context(c, lang)) for c in cases.values()]
        assert data[0] == data[1] == data[2]
