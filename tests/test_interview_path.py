"""The interview's short path through 45 cards on a 390 × 844 phone (issue 23), in Debian's Chromium.

The jump list marks what is done (✓, N/A) and "next unscored" joins previous and next; each
agency keeps its own card, and one opened for the first time starts at its first unscored card;
a knock-out criterion is marked on its card before it is scored; the modes "must-ask only",
"knock-outs first" and "the questions of one sitting" reach the right cards, and the mode is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import scorer_pages as sp
from editions import label

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.model import SITTINGS
from generator.render.sittings import sitting_items
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored_criteria
IDS = [k.id for k in SCORED]
KOS = [k.id for k in SCORED if k.knockout]
LOW, HIGH = CRITERIA.scale.min_score, CRITERIA.scale.max_score
NUMBER = {k.id: f"{si}.{ci}" for si, s in enumerate(CRITERIA.scored.sections, 1)
          for ci, k in enumerate(s.criteria, 1)}
TITLE = {k.id: k.title("zh") for k in SCORED}


@pytest.fixture
def interview(browser: Any, base: str) -> Iterator[Any]:
    """open(doc=None): the zh interview page on a phone, with doc saved first if given."""
    opened: list[tuple[Any, list[str]]] = []

    def open_page(doc: Any = None) -> Any:
        context = browser.new_context(**sp.PHONE)
        page = context.new_page()
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        opened.append((page, errors))
        url = f"{base}{language_root(CRITERIA, 'zh')}interview/"
        if doc is not None:
            page.goto(f"{base}{language_root(CRITERIA, 'zh')}")
            page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [sp.key(CRITERIA), json.dumps(doc)])
        page.goto(url)
        page.wait_for_selector("#kit-interview .kit-iv-card")
        return page

    yield open_page
    for page, _ in opened:
        page.context.close()
    assert [e for _, errors in opened for e in errors] == []


def card(page: Any) -> str:
    return str(page.locator(".kit-iv-card").get_attribute("data-criterion"))


def tap(page: Any, action: str) -> None:
    before = card(page)
    page.locator(f'.kit-iv-nav button[data-action="{action}"]').tap()
    page.wait_for_function("(id) => document.querySelector('.kit-iv-card')?.dataset.criterion !== id", arg=before)


def option(page: Any, criterion: str) -> str:
    return str(page.locator(f'#kit-iv-jump option[value="{criterion}"]').inner_text())


def test_jump_list_marks_and_next_unscored(interview: Any) -> None:
    page = interview()
    page.locator(f'.kit-iv-level[data-score="{HIGH}"]').tap()
    tap(page, "next")
    page.locator('.kit-iv-level[data-score="na"]').tap()
    item = lambda i: f"{NUMBER[IDS[i]]} {TITLE[IDS[i]]}"  # noqa: E731
    assert option(page, IDS[0]) == label("zh", "iv_jump_done", item=item(0)) == f"✓ {item(0)}"
    assert option(page, IDS[1]) == label("zh", "iv_jump_na", item=item(1))
    assert option(page, IDS[2]) == item(2)
    # "Next unscored" skips what is answered, and goes round from the last card to the first gap.
    page.locator("#kit-iv-jump").select_option(IDS[0])
    tap(page, "unanswered")
    assert card(page) == IDS[2]
    page.locator("#kit-iv-jump").select_option(IDS[-1])
    page.locator(f'.kit-iv-level[data-score="{HIGH}"]').tap()
    tap(page, "unanswered")
    assert card(page) == IDS[2]
    nav = page.locator(".kit-iv-nav button")
    assert nav.count() == 3 and all(b["width"] >= 44 and b["height"] >= 44
                                    for b in (nav.nth(i).bounding_box() for i in range(3)))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert option(page, IDS[-1]).startswith("✓ ")
    # Everything answered: nothing left to jump to.
    done = sp.doc(CRITERIA, [("甲", {i: HIGH for i in IDS}, {})])
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [sp.key(CRITERIA), json.dumps(done)])
    page.reload()
    page.wait_for_selector(".kit-iv-card")
    assert page.locator('.kit-iv-nav button[data-action="unanswered"]').is_disabled()


def test_each_agency_keeps_its_own_card(interview: Any) -> None:
    three = sp.doc(CRITERIA, [("甲", {}, {}), ("乙", {i: HIGH for i in IDS[:4]}, {}), ("丙", {}, {})])
    page = interview(three)
    assert card(page) == IDS[0]
    page.locator("#kit-iv-jump").select_option(IDS[6])
    page.locator(".kit-iv-agency").select_option(label="乙")
    assert card(page) == IDS[4], "an agency opened for the first time starts at its first unscored card"
    tap(page, "next")
    page.locator(".kit-iv-agency").select_option(label="甲")
    assert card(page) == IDS[6], "back where this agency was left"
    page.locator('.kit-iv-agencies button[data-action="add"]').tap()
    assert card(page) == IDS[0], "a new agency starts at its first card, not where the previous one was"
    page.reload()
    page.wait_for_selector(".kit-iv-card")
    assert card(page) == IDS[0]
    page.locator(".kit-iv-agency").select_option(label="乙")
    assert card(page) == IDS[5]


def test_knock_out_is_marked_before_scoring(interview: Any) -> None:
    page = interview()
    page.locator("#kit-iv-jump").select_option(KOS[1])
    rule = page.locator(".kit-iv-ko-rule")
    assert rule.is_visible() and rule.inner_text() == label("zh", "knockout")
    assert page.locator(".kit-iv-ko-msg").is_hidden(), "nothing scored yet"
    red = "rgb(176, 0, 32)"
    assert rule.evaluate("(e) => getComputedStyle(e).color") == red
    badge = page.locator(".kit-iv-card .kit-tag-ko")
    assert badge.is_visible() and badge.evaluate("(e) => getComputedStyle(e).color") == red
    assert badge.evaluate("(e) => getComputedStyle(e).fontWeight") == "700"
    assert page.locator(".kit-iv-card").evaluate("(e) => getComputedStyle(e).borderTopColor") == red
    top = rule.bounding_box()
    assert top and top["y"] + top["height"] < 844, "seen on the card's first screen"
    page.locator("#kit-iv-jump").select_option(next(i for i in IDS if i not in KOS))
    assert page.locator(".kit-iv-ko-rule").count() == 0 and page.locator(".kit-iv-card .kit-tag-ko").count() == 0


def test_knock_outs_first_mode_reaches_the_knock_outs_then_the_rest(interview: Any) -> None:
    page = interview(sp.doc(CRITERIA, [("甲", {KOS[1]: HIGH}, {})]))
    mode = page.locator("#kit-iv-mode")
    assert mode.locator(":scope > option").all_inner_texts() == [
        label("zh", key) for key in ("iv_mode_all", "iv_mode_must", "iv_mode_ko")]
    mode.select_option("ko")
    assert card(page) == KOS[0]
    seen = [card(page)]
    for _ in range(len(IDS) - 1):
        tap(page, "next")
        seen.append(card(page))
    assert seen == KOS + [i for i in IDS if i not in KOS]
    assert page.locator(".kit-iv-progress").inner_text().startswith(
        label("zh", "iv_progress", n=len(IDS), total=len(IDS), scored=1).split("·")[0])
    assert page.locator(".kit-iv-finish").is_visible()
    page.reload()
    page.wait_for_selector(".kit-iv-card")
    assert mode.input_value() == "ko" and card(page) == seen[-1], "the mode and the card are kept"
    tap(page, "unanswered")
    assert card(page) == KOS[0]


def test_must_ask_only_mode_shows_only_the_must_ask_questions(interview: Any) -> None:
    page = interview()
    full = page.locator(".kit-iv-card").bounding_box()
    assert page.locator(".kit-iv-more").count() + page.locator(".kit-iv-evidence").count() > 0
    page.locator("#kit-iv-mode").select_option("must")
    for k in SCORED:
        assert card(page) == k.id
        assert page.locator(".kit-iv-more, .kit-iv-evidence").count() == 0
        assert page.locator(".kit-iv-must li").all_inner_texts() == [q("zh") for q in k.must_ask_questions]
        if k.id != IDS[-1]:
            tap(page, "next")
    page.locator("#kit-iv-jump").select_option(IDS[0])
    short = page.locator(".kit-iv-card").bounding_box()
    assert full and short and short["height"] < full["height"]


@pytest.mark.parametrize("sitting", ["phone", "contract"])
def test_one_sitting_mode_asks_only_that_sittings_questions(interview: Any, sitting: str) -> None:
    page = interview()
    mode = page.locator("#kit-iv-mode")
    group = mode.locator("optgroup")
    assert group.get_attribute("label") == label("zh", "iv_mode_sitting")
    assert group.locator("option").all_inner_texts() == [label("zh", f"iv_sitting_{s}") for s in SITTINGS
                                                         if any(s in k.sittings for k in SCORED)]
    mode.select_option(f"sitting-{sitting}")
    # The criteria with a must-ask question in this sitting, knock-outs first, as on its printed form.
    items = sitting_items(CRITERIA, sitting)
    assert 0 < len(items) < len(IDS)
    for i, (_, k, asked) in enumerate(items):
        assert card(page) == k.id
        assert page.locator(".kit-iv-must li").all_inner_texts() == [q("zh") for q in asked]
        assert page.locator(".kit-iv-more, .kit-iv-evidence").count() == 0
        assert page.locator(".kit-iv-progress").inner_text().startswith(
            label("zh", "iv_progress", n=i + 1, total=len(items), scored=0).split("·")[0])
        if i < len(items) - 1:
            tap(page, "next")
    assert page.locator('.kit-iv-nav button[data-action="next"]').is_disabled()
    page.locator(f'.kit-iv-level[data-score="{HIGH}"]').tap()
    page.reload()
    page.wait_for_selector(".kit-iv-card")
    assert mode.input_value() == f"sitting-{sitting}" and card(page) == items[-1][1].id, "the mode is kept"
    tap(page, "unanswered")
    assert card(page) == items[0][1].id
    assert sp.state(page, CRITERIA)["agencies"][0]["scores"] == {items[-1][1].id: HIGH}
