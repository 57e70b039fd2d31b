"""Verdicts in Debian's Chromium (issue 25): the three traps imported as a version-1 document saved under
criteria 1.1.0 into /worksheet/ and shown on /report/; the close-call note appearing and disappearing;
rule.js's verdicts and close calls against generator/verdict.py on random cases."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import label
from verdict_cases import EXPECTED, four_agencies, shown_verdict

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.scoring import NA
from generator.verdict import CloseCall, Rule, close_call, judge_all, rule_of

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored
NAMES = ["Six zeros", "All N/A", "Fake orders", "Honest"]
KO = next(c.id for c in SCORED.scored_criteria if c.knockout)


@pytest.fixture
def open_page(browser: Any, base: str) -> Iterator[sp.Opener]:
    yield from sp.opener(browser, base, CRITERIA)


def _old_document() -> dict[str, Any]:
    """Four agencies as a version-1 document saved under criteria 1.1.0 (N/A on knock-outs included)."""
    return sp.doc(CRITERIA, [(name, answers, {}) for name, answers in zip(NAMES, four_agencies(SCORED), strict=True)],
                  version="1.1.0")


def _import(page: Any, doc: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "saved-1.1.0.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    page.locator("input.kit-sc-file").set_input_files(str(path))
    page.wait_for_selector(".kit-sc-message")


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_three_traps_rank_after_the_honest_agency_on_the_worksheet_and_the_report(
        open_page: sp.Opener, lang: str, tmp_path: Path) -> None:
    page = open_page(lang)
    _import(page, _old_document(), tmp_path)
    results, verdicts, ranks = judge_all(rule_of(SCORED), four_agencies(SCORED))
    assert [v.kind for v in verdicts] == EXPECTED
    rows = page.locator(".kit-sc-rank-table tbody tr")
    assert rows.evaluate_all("rs => rs.map((r) => r.dataset.agency)")[0] == "a3", "the honest agency first"
    for i in range(4):
        row = page.locator(f'.kit-sc-rank-table tr[data-agency="a{i}"]')
        assert row.get_attribute("data-verdict") == verdicts[i].kind
        assert row.locator(".kit-sc-rank").inner_text() == str(ranks[i])
        assert row.locator(".kit-sc-verdict").inner_text() == shown_verdict(CRITERIA, lang, verdicts[i], results[i])
    assert ranks[3] == 1 and all(r is not None and r > 1 for r in ranks[:3])
    # The sticky bar shows the active agency's verdict.
    for i in range(4):
        page.locator(".kit-sc-bar-select").select_option(f"a{i}")
        assert page.locator(".kit-sc-summary .kit-sc-verdict").inner_text() == shown_verdict(
            CRITERIA, lang, verdicts[i], results[i], short=True)
    # N/A saved on a knock-out shows as not scored, and no N/A is offered there.
    page.locator(".kit-sc-bar-select").select_option("a1")
    field = page.locator(f'fieldset[data-criterion="{KO}"]')
    assert field.locator("input:checked").count() == 0 and field.locator('input[value="na"]').count() == 0
    assert sp.state(page, CRITERIA)["agencies"][1]["scores"][KO] == NA, "the saved answer itself is kept"

    page.goto(f"{page.url.rsplit('/worksheet/', 1)[0]}/report/")
    page.wait_for_selector("#kit-report .kit-rp-verdicts")
    assert page.locator("#kit-report h2").first.get_attribute("id") == "kit-rp-verdicts", "the verdict comes first"
    items = page.locator(".kit-rp-verdict-list li")
    assert items.evaluate_all("ls => ls.map((l) => l.dataset.agency)")[0] == "a3"
    for i in range(4):
        item = page.locator(f'.kit-rp-verdict-list li[data-agency="a{i}"]')
        assert item.get_attribute("data-verdict") == verdicts[i].kind
        assert shown_verdict(CRITERIA, lang, verdicts[i], results[i]) in item.inner_text()
        cells = page.locator(f'table.kit-rp-rank tr[data-agency="a{i}"] td').all_inner_texts()
        assert cells[0] == str(ranks[i]) and cells[-1] == shown_verdict(CRITERIA, lang, verdicts[i], results[i])
    assert page.locator("#kit-report .kit-sc-close").count() == 0, "one ranked agency: no close call"


def test_close_call_note_appears_and_disappears(open_page: sp.Opener) -> None:
    page = open_page("en")
    honest = {c.id: 2 for c in SCORED.scored_criteria}
    better = {**honest, "realistic-results": 3, KO: 0}  # eliminated: no second ranked agency yet
    sp.store(page, CRITERIA, sp.doc(CRITERIA, [("Honest", honest, {}), ("Better", better, {})]))
    note = page.locator(".kit-sc-ranking .kit-sc-close")
    assert note.count() == 0
    page.locator(".kit-sc-bar-select").select_option("a1")
    sp.pick(page, KO, 2)
    call = close_call(rule_of(SCORED), [honest, {**better, KO: 2}])
    assert isinstance(call, CloseCall)
    titles = {c.id: f"{si}.{ci} {c.title('en')}" for si, s in enumerate(SCORED.sections, 1)
              for ci, c in enumerate(s.criteria, 1)}
    assert note.inner_text() == label("en", "vd_close", first="Better", second="Honest",
                                      ids=label("en", "list_sep").join(titles[i] for i in call.criteria))
    sp.pick(page, KO, 0)
    assert note.count() == 0, "the second ranked agency is gone: no close call"


def _random_rule(rng: random.Random) -> tuple[dict[str, Any], Rule]:
    levels = sorted(rng.sample(range(0, 8), rng.randint(2, 5)))
    items: list[tuple[str, str, int | float, int | None]] = []
    for n in range(rng.randint(2, 9)):
        at = rng.choice([None, None, *levels[:-1]])
        items.append((f"s{n % 3}", f"c{n}", rng.choice([1, 2, 3, 0.5, 1.5]), at))
    minimums = [(f"s{i}", rng.choice([40, 50, 62.5, 33.3])) for i in range(3) if rng.random() < 0.4]
    limit, margin = rng.choice([0, 20, 35.5]), rng.choice([0, 5, 12.5])
    js = {"items": items, "levels": levels, "minimums": minimums, "unscoredLimit": limit, "closeCallMargin": margin}
    rule = Rule(tuple(items), tuple(levels), tuple((s, Fraction(repr(m))) for s, m in minimums),
                Fraction(repr(limit)), Fraction(repr(margin)))
    return js, rule


def test_rule_js_verdicts_and_close_calls_match_generator_verdict(open_page: sp.Opener) -> None:
    rng = random.Random(25)
    cases = []
    for _ in range(400):
        js, rule = _random_rule(rng)
        agencies = [{ident: rng.choice([*rule.levels * 4, "na", None])
                     for _, ident, _, _ in rule.items if rng.random() < 0.95} for _ in range(rng.randint(2, 4))]
        cases.append((js, rule, agencies))
    page = open_page("en")
    outputs = page.evaluate("""(cases) => cases.map(([rule, agencies]) => {
      const out = window.kitScoring.judgeAll(rule, agencies);
      return {ranks: out.ranks, verdicts: out.verdicts, close: out.close};
    })""", [[js, agencies] for js, _, agencies in cases])
    kinds, calls = set(), 0
    for (_, rule, agencies), got in zip(cases, outputs, strict=True):
        clean = [{k: v for k, v in a.items() if v is not None} for a in agencies]
        _, verdicts, ranks = judge_all(rule, clean)
        assert got["ranks"] == ranks
        assert [(v["kind"], tuple(v["criteria"]), tuple(v["sections"])) for v in got["verdicts"]] == [
            (v.kind, v.criteria, v.sections) for v in verdicts]
        want = close_call(rule, clean)
        assert (got["close"] is None) == (want is None)
        if want is not None:
            assert (got["close"]["first"], got["close"]["second"], tuple(got["close"]["criteria"])) == (
                want.first, want.second, want.criteria)
            calls += 1
        kinds |= {v.kind for v in verdicts}
    assert kinds == {"ranked", "below_minimum", "incomplete", "eliminated"} and calls > 20
