"""The score one screen away on the interview's cards (issue 23), on a 390 × 844 phone in Debian's Chromium.

Each card puts a compact row of the levels (the score and the level's short name, buttons of at
least 44 px) right under the must-ask questions, so that question and score row fit the card's
first screen: between the sticky bar at the top and previous/next at the bottom. The chosen
level's meaning shows under the row, and every level's meaning is one tap away.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import scorer_pages as sp
from editions import label

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored_criteria
LEVELS = CRITERIA.scale.levels
TEXT = {k.id: {d.score: d.text("zh") for d in k.levels} for k in SCORED}

# Where the score row ends, from the card's top; the room the card has on one screen (below the
# header and the interview's bar, above previous/next); the card's height; the level buttons.
MEASURE = """() => {
  const card = document.querySelector('.kit-iv-card').getBoundingClientRect();
  const row = document.querySelector('.kit-iv-level-row').getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect().height;
  const bar = document.querySelector('.kit-iv-bar').getBoundingClientRect().height;
  const nav = document.querySelector('.kit-iv-nav').getBoundingClientRect().height;
  const buttons = [...document.querySelectorAll('.kit-iv-level')].map((e) => {
    const r = e.getBoundingClientRect();
    return [e.dataset.score, Math.round(r.top), Math.round(r.width), Math.round(r.height)];
  });
  return {rowEnd: row.bottom - card.top, room: innerHeight - header - bar - nav, card: card.height, buttons,
          wide: document.documentElement.scrollWidth};
}"""


@pytest.fixture
def interview(browser: Any, base: str) -> Iterator[Any]:
    """open(lang): the interview page on a phone; fails the test on any console error."""
    opened: list[tuple[Any, list[str]]] = []

    def open_page(lang: str) -> Any:
        page = browser.new_context(**sp.PHONE).new_page()
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        opened.append((page, errors))
        page.goto(f"{base}{language_root(CRITERIA, lang)}interview/")
        page.wait_for_selector("#kit-interview .kit-iv-card")
        return page

    yield open_page
    for page, _ in opened:
        page.context.close()
    assert [e for _, errors in opened for e in errors] == []


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_question_and_score_row_fit_the_cards_first_screen(interview: Any, lang: str) -> None:
    page = interview(lang)
    heights = []
    for k in SCORED:
        page.locator("#kit-iv-jump").select_option(k.id)
        found = page.evaluate(MEASURE)
        assert found["rowEnd"] <= found["room"], (k.id, found["rowEnd"], found["room"])
        heights.append(found["card"])
        buttons = {score: (top, w, h) for score, top, w, h in found["buttons"]}
        assert all(w >= 44 and h >= 44 for _, w, h in buttons.values()), (k.id, buttons)
        tops = {buttons[str(lv.score)][0] for lv in LEVELS}
        assert len(tops) == 1, "the levels in one row"
        assert set(buttons) == {str(lv.score) for lv in LEVELS} | ({""} if k.knockout else {"na", ""})
        assert found["wide"] <= 390
    # Measured 2026-12-06 at 390 × 844: 1,277–1,823 px (zh) and 1,484–2,338 px (en) before, the
    # score row ending 1,112–2,172 px below the card's top; now under 1,700 px and 621 px.
    assert max(heights) < 1700


def test_chosen_meaning_under_the_row_and_every_meaning_one_tap_away(interview: Any) -> None:
    page = interview("zh")
    k = SCORED[0]
    meaning = page.locator(".kit-iv-meaning")
    assert meaning.is_hidden(), "nothing chosen, nothing to explain"
    top = LEVELS[-1]
    page.locator(f'.kit-iv-level[data-score="{top.score}"]').tap()
    assert meaning.inner_text() == f"{top.score} {top.label('zh')} {TEXT[k.id][top.score]}"
    assert sp.state(page, CRITERIA)["agencies"][0]["scores"] == {k.id: top.score}
    page.locator('.kit-iv-level[data-score=""]').tap()
    assert meaning.is_hidden()
    every = page.locator(".kit-iv-meanings")
    assert every.locator("dd").first.is_hidden()
    every.locator("summary").tap()
    assert every.locator("dt").all_inner_texts() == [f"{lv.score} {lv.label('zh')}" for lv in LEVELS]
    assert every.locator("dd").all_inner_texts() == [TEXT[k.id][lv.score] for lv in LEVELS]
    assert every.locator("summary").inner_text() == label("zh", "iv_meanings")
    other = next(c for c in SCORED if not c.knockout)
    page.locator("#kit-iv-jump").select_option(other.id)
    page.locator('.kit-iv-level[data-score="na"]').tap()
    assert meaning.inner_text() == f"{label('zh', 'na')} {label('zh', 'wb_na_meaning')}"
