"""The interview page on a 390 × 844 phone with touch (issue 16), in Debian's Chromium.

A whole interview of one agency by tapping, swiping and the jump list, checked against
generator/scoring.py and then on the worksheet; the worksheet's scores the other way round;
the position restored after a reload and Material's instant navigation; working offline; the
sizes (no horizontal scroll, 44 px controls, 16 px text, nothing under the bars); keyboard and
screen-reader semantics.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from typing import Any

import pytest
import scorer_pages as sp
from editions import label
from test_scoring_browser import instant_base  # noqa: F401  (the fixture, served where instant navigation works)

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.scoring import display, score_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored_criteria
IDS = [k.id for k in SCORED]
LOW, HIGH = CRITERIA.scale.min_score, CRITERIA.scale.max_score
LEVELS = [lv.score for lv in CRITERIA.scale.levels]
KO = next(k.id for k in SCORED if k.knockout)
PLACE = f"kit-interview:{CRITERIA.meta.id}"


@pytest.fixture
def open_page(browser: Any, base: str) -> Iterator[Any]:
    """open(lang, site, phone): the interview page in a fresh context; fails the test on any console error."""
    opened: list[tuple[Any, list[str]]] = []

    def open_interview(lang: str = "zh", site: str = base, phone: bool = True) -> Any:
        context = browser.new_context(**(sp.PHONE if phone else {"viewport": {"width": 1280, "height": 900}}))
        page = context.new_page()
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(f"{m.text} {m.location.get('url')}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        opened.append((page, errors))
        goto(page, site, lang)
        return page

    yield open_interview
    for page, _ in opened:
        page.context.close()
    assert [e for _, errors in opened for e in errors] == []


def goto(page: Any, site: str, lang: str, where: str = "interview/") -> None:
    page.goto(f"{site}{language_root(CRITERIA, lang)}{where}")
    page.wait_for_selector("#kit-interview .kit-iv-card" if where == "interview/" else "#kit-scorer")


def card(page: Any) -> str:
    return str(page.locator(".kit-iv-card").get_attribute("data-criterion"))


def swipe(page: Any, dx: int) -> None:
    """A real touch swipe (Chromium's touch input) across the middle of the card.

    The page takes only quick gestures as swipes (within a second, swipe.js). On a loaded
    machine the touch events themselves can take longer than that to arrive; such a gesture,
    if it moved no card, is made again, so the test asks of the page only what a finger would."""
    for _ in range(3):
        before = page.evaluate("document.querySelector('.kit-iv-card')?.dataset.criterion")
        started = time.monotonic()
        _touch_swipe(page, dx)
        if time.monotonic() - started < 0.8:
            return
        page.wait_for_timeout(300)
        if page.evaluate("document.querySelector('.kit-iv-card')?.dataset.criterion") != before:
            return


def _touch_swipe(page: Any, dx: int) -> None:
    box = page.locator(".kit-iv-level").first.bounding_box()
    if box["y"] < 200 or box["y"] > 600:
        page.evaluate("(y) => scrollBy(0, y)", box["y"] - 400)
        box = page.locator(".kit-iv-level").first.bounding_box()
    x, y = (300 if dx < 0 else 90), box["y"] + box["height"] / 2
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 6):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x + dx * step / 5, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def plan() -> list[tuple[int | str, list[int], str]]:
    """(score, ticked red flags, note) per scored criterion; one knock-out at the lowest level."""
    rng = random.Random(16)
    out: list[tuple[int | str, list[int], str]] = []
    for i, k in enumerate(SCORED):
        value: int | str = LOW if k.id == KO else rng.choice(LEVELS[1:] if k.knockout else [*LEVELS, "na"])
        flags = sorted(rng.sample(range(len(k.red_flags)), min(2, len(k.red_flags)))) if i % 3 == 0 else []
        out.append((value, flags, f"备注 {i}" if i % 5 == 0 else ""))
    return out


def test_full_interview_of_one_agency_then_the_worksheet_shows_it(open_page: Any, base: str) -> None:
    page = open_page("zh")
    page.locator("#kit-iv-name").fill("面谈公司")
    steps = plan()
    for i, (k, (value, flags, note)) in enumerate(zip(SCORED, steps, strict=True)):
        assert card(page) == k.id
        for f in flags:
            page.locator(".kit-iv-flag").nth(f).tap()
        page.locator(f'.kit-iv-level[data-score="{value}"]').tap()
        saved = sp.state(page, CRITERIA)["agencies"][0]
        assert saved["scores"][k.id] == value, "one tap scores"
        if note:
            page.locator("#kit-iv-note").fill(note)
        state = page.locator(".kit-iv-state").inner_text()
        level = next((lv for lv in CRITERIA.scale.levels if lv.score == value), None)
        assert state.startswith(label("zh", "iv_scored", score=f"{level.score} {level.label('zh')}" if level else "N/A"))
        assert page.locator(".kit-iv-progress").inner_text() == label("zh", "iv_progress", n=i + 1, total=len(IDS),
                                                                       scored=i + 1)
        if i == len(SCORED) - 1:
            break
        if i % 4 == 1:
            swipe(page, -160)
        else:
            page.locator('.kit-iv-nav button[data-action="next"]').tap()
        page.wait_for_function("(id) => document.querySelector('.kit-iv-card')?.dataset.criterion !== id", arg=k.id)
    assert page.evaluate("visualViewport.scale") == 1, "no zooming"
    page.locator("#kit-iv-note").scroll_into_view_if_needed()
    bar = page.locator(".kit-iv-agency")
    assert bar.evaluate("(s) => s.selectedOptions[0].textContent") == "面谈公司"
    assert page.evaluate(COVERED)["barBelowHeader"] and 0 < bar.bounding_box()["y"] < 150, "the name stays in view"
    scores = {k.id: v for k, (v, _, _) in zip(SCORED, steps, strict=True)}
    result = score_criteria(CRITERIA, scores)
    assert result.disqualified
    finish = page.locator(".kit-iv-finish")
    assert label("zh", "iv_total", score=display(result.total)) in finish.inner_text()
    assert label("zh", "vd_eliminated", ids="") in finish.inner_text(), "the verdict, on the finish card"
    assert finish.locator(".kit-iv-verdict.kit-iv-dq").count() == 1
    saved = sp.state(page, CRITERIA)["agencies"][0]
    assert saved["name"] == "面谈公司"
    assert saved["scores"] == scores
    assert saved["flags"] == {k.id: f for k, (_, f, _) in zip(SCORED, steps, strict=True) if f}
    assert saved["notes"] == {k.id: n for k, (_, _, n) in zip(SCORED, steps, strict=True) if n}
    page.locator('.kit-iv-nav button[data-action="prev"]').tap()
    page.wait_for_function("(id) => document.querySelector('.kit-iv-card')?.dataset.criterion === id", arg=IDS[-2])
    assert page.locator(".kit-iv-finish").is_hidden()
    page.locator("#kit-iv-jump").select_option(IDS[-1])

    assert finish.locator('a[href$="/report/"]').inner_text() == label("zh", "iv_to_report")
    finish.locator('a[href$="/worksheet/"]').click()
    page.wait_for_selector("#kit-scorer")
    assert page.locator(".kit-sc-summary .kit-sc-total").inner_text() == display(result.total)
    for k in SCORED:
        field = page.locator(f'fieldset[data-criterion="{k.id}"]')
        assert field.locator(f'input[value="{scores[k.id]}"]').is_checked(), k.id
    for k, (_, _, note) in zip(SCORED, steps, strict=True):
        if note:
            assert page.locator(f'textarea.kit-sc-note[data-criterion="{k.id}"]').input_value() == note


def test_worksheet_scores_notes_and_old_versions_show_in_the_interview(open_page: Any, base: str) -> None:
    page = open_page("en")
    goto(page, base, "en", "worksheet/")
    sp.pick(page, IDS[3], HIGH)
    page.locator(f'textarea.kit-sc-note[data-criterion="{IDS[3]}"]').fill("seen on the worksheet")
    page.locator(".kit-sc-pick input").nth(1).check()
    sp.pick(page, IDS[5], "na")
    page.locator(".kit-sc-interview a").click()
    page.wait_for_selector("#kit-interview .kit-iv-card")
    assert page.url == f"{base}{language_root(CRITERIA, 'en')}interview/"
    page.locator("#kit-iv-jump").select_option(IDS[3])
    assert page.locator(f'.kit-iv-level[data-score="{HIGH}"] input').is_checked()
    assert page.locator("#kit-iv-note").input_value() == "seen on the worksheet"
    page.locator(".kit-iv-agency").select_option(index=1)
    page.locator("#kit-iv-jump").select_option(IDS[5])
    assert page.locator('.kit-iv-level[data-score="na"] input').is_checked()

    # A document of an older version, with a criterion since removed: kept through interview changes.
    old = sp.doc(CRITERIA, [("Old Co", {IDS[0]: LOW + 1, "gone-criterion": 2}, {"gone-criterion": "kept"})],
                 version="0.9", ids=[*IDS, "gone-criterion"])
    old["agencies"][0]["flags"] = {IDS[0]: [0]}
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [sp.key(CRITERIA), json.dumps(old)])
    page.reload()
    page.wait_for_selector(".kit-iv-card")
    page.locator("#kit-iv-jump").select_option(IDS[0])
    assert page.locator(f'.kit-iv-level[data-score="{LOW + 1}"] input').is_checked()
    assert page.locator(".kit-iv-flag-box").nth(0).is_checked()
    page.locator(".kit-iv-flag").nth(1).tap()
    page.locator(f'.kit-iv-level[data-score="{HIGH}"]').tap()
    saved = sp.state(page, CRITERIA)
    assert saved["criteria"]["version"] == "0.9", "the worksheet still tells the merchant what changed"
    assert saved["agencies"][0]["scores"] == {IDS[0]: HIGH, "gone-criterion": 2}
    assert saved["agencies"][0]["notes"] == {"gone-criterion": "kept"}
    assert saved["agencies"][0]["flags"] == {IDS[0]: [0, 1]}


def test_position_restored_after_reload_and_instant_navigation(open_page: Any,
                                                               instant_base: str) -> None:  # noqa: F811
    page = open_page("zh", site=instant_base)
    three = sp.doc(CRITERIA, [("甲", {}, {}), ("乙", {IDS[9]: 2}, {}), ("丙", {}, {})])
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [sp.key(CRITERIA), json.dumps(three)])
    page.reload()
    page.wait_for_selector(".kit-iv-card")
    page.locator(".kit-iv-agency").select_option(label="乙")
    page.locator("#kit-iv-jump").select_option(IDS[9])
    assert page.locator('.kit-iv-level[data-score="2"] input').is_checked()
    page.reload()
    page.wait_for_selector(".kit-iv-card")
    assert page.locator(".kit-iv-agency").input_value() == "a1"
    assert card(page) == IDS[9]
    assert page.locator("#kit-iv-jump").input_value() == IDS[9]
    page.wait_for_load_state("networkidle")  # Material has read sitemap.xml
    page.evaluate("window.__sameDocument = true")
    page.evaluate("document.querySelector('.md-sidebar--primary a.md-nav__link[href$=\"/questionnaire/\"]').click()")
    page.wait_for_url("**/questionnaire/")
    page.wait_for_selector(".kit-questionnaire")
    assert page.locator("#kit-interview").count() == 0
    page.go_back()
    page.wait_for_url("**/interview/")
    page.wait_for_selector(".kit-iv-card")
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation was used"
    assert page.locator("#kit-interview").count() == 1
    assert card(page) == IDS[9] and page.locator(".kit-iv-agency").input_value() == "a1"
    page.locator('.kit-iv-nav button[data-action="next"]').tap()
    assert card(page) == IDS[10], "one tap moves one card (handlers bound once)"
    assert sp.state(page, CRITERIA)["agencies"][1]["scores"] == {IDS[9]: 2}
    assert json.loads(page.evaluate("(k) => localStorage.getItem(k)", PLACE)) == \
        {"agency": "a1", "mode": "all", "cards": {"a1": IDS[10]}}


def test_keeps_working_offline_after_the_first_visit(open_page: Any) -> None:
    page = open_page("en")
    page.context.set_offline(True)
    page.locator(f'.kit-iv-level[data-score="{HIGH}"]').tap()
    page.locator('.kit-iv-nav button[data-action="next"]').tap()
    page.locator('.kit-iv-level[data-score="na"]').tap()
    page.locator(".kit-iv-agency").select_option(index=2)
    page.locator(f'.kit-iv-level[data-score="{LOW}"]').tap()
    saved = sp.state(page, CRITERIA)["agencies"]
    assert saved[0]["scores"] == {IDS[0]: HIGH, IDS[1]: "na"}
    assert saved[2]["scores"] == {IDS[0]: LOW}, "another agency opens at its own first unscored card"
    page.context.set_offline(False)


SIZES = """() => {
  const problems = [];
  const root = document.querySelector('#kit-interview');
  if (document.documentElement.scrollWidth > innerWidth) problems.push(`page ${document.documentElement.scrollWidth} wide`);
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !e.closest('.kit-sc-sr'); };
  const controls = root.querySelectorAll('button, select, textarea, input[type=text], label.kit-iv-level, label.kit-iv-flag, summary');
  for (const e of controls) {
    const r = e.getBoundingClientRect();
    if (shown(e) && (r.width < 44 || r.height < 44)) problems.push(`${e.tagName}.${e.className} ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  const walker = document.createTreeWalker(document.querySelector('.kit-interview-page'), NodeFilter.SHOW_TEXT);
  let texts = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!node.textContent.trim() || !shown(parent) || parent.closest('template, noscript, option, optgroup')) continue;
    texts += 1;
    const size = parseFloat(getComputedStyle(parent).fontSize);
    if (size < 16) problems.push(`${size}px: ${node.textContent.trim().slice(0, 20)}`);
  }
  return {problems, controls: controls.length, texts};
}"""

COVERED = """() => {
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const bar = document.querySelector('.kit-iv-bar').getBoundingClientRect();
  const nav = document.querySelector('.kit-iv-nav').getBoundingClientRect();
  const title = document.querySelector('.kit-iv-card h2').getBoundingClientRect();
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  const x = Math.min(r.left + 22, (r.left + r.right) / 2), y = (r.top + r.bottom) / 2;
  const hit = document.elementFromPoint(x, y);
  return {barBelowHeader: bar.top >= header.bottom - 1, titleBelowBar: title.top >= bar.bottom - 1,
          navAtBottom: Math.abs(nav.bottom - innerHeight) < 2,
          focusVisible: getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) > 0,
          focusUncovered: !!hit && (e.contains(hit) || hit.contains(e) || e.closest('label')?.contains(hit) === true)};
}"""


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_sizes_on_a_phone_for_every_card(open_page: Any, lang: str) -> None:
    page = open_page(lang)
    page.locator(".kit-iv-more summary").first.tap()
    for i in range(len(IDS)):
        page.locator(".kit-iv-more").evaluate_all("els => els.forEach((d) => { d.open = true; })")
        found = page.evaluate(SIZES)
        assert found["problems"] == [], (IDS[i], found["problems"])
        assert found["controls"] > 8 and found["texts"] > 10
        if i < len(IDS) - 1:
            page.locator('.kit-iv-nav button[data-action="next"]').tap()
            where = page.evaluate(COVERED)
            assert where["barBelowHeader"] and where["titleBelowBar"] and where["navAtBottom"], (IDS[i + 1], where)


def test_keyboard_order_focus_and_screen_reader_semantics(open_page: Any) -> None:
    page = open_page("zh")
    page.locator("#kit-iv-jump").select_option(KO)
    page.locator(".kit-iv-agency").focus()
    order = []
    for step in range(60):
        where = page.evaluate(COVERED)
        assert step == 0 or (where["focusVisible"] and where["focusUncovered"]), (order[-1:], where)
        order.append(page.evaluate("""() => { const e = document.activeElement;
          return e.id || e.className.replace(/ ?focus-visible/, '') || e.tagName; }"""))
        if "md-button--primary" in order[-1]:
            break
        page.keyboard.press("Tab")
    k = next(c for c in SCORED if c.id == KO)
    # The score comes right under the must-ask questions, with every level's meaning one tap away
    # (SUMMARY), then the other questions (SUMMARY), the red flags, the evidence status and the note. The SUMMARY
    # after adding an agency imports the agency's written answers (claims.js).
    assert order == ["kit-iv-agency", "kit-iv-name", "md-button", "SUMMARY", "kit-iv-mode", "kit-iv-jump",
                     "kit-iv-score", "SUMMARY", *(["SUMMARY"] if k.other_questions else []),
                     *["kit-iv-flag-box"] * len(k.red_flags), *["kit-ev-tap"] * 3, "kit-iv-note",
                     *(["md-button"] if IDS.index(KO) > 0 else []),
                     "md-button kit-iv-unanswered", "md-button md-button--primary"], order
    page.locator(".kit-iv-score").first.focus()
    assert page.evaluate("[document.activeElement.name, document.activeElement.value]") == ["kit-iv-score", str(LOW)]
    page.keyboard.press("ArrowDown")
    assert sp.state(page, CRITERIA)["agencies"][0]["scores"] == {KO: LOW + 1}
    page.keyboard.press("ArrowUp")
    assert page.locator(".kit-iv-ko-msg").is_visible(), "a knock-out at the lowest level says so"
    page.locator(".kit-iv-meanings summary").click()  # every level's meaning, one tap away
    tree = page.locator(".kit-iv-card").aria_snapshot()
    assert f'radiogroup "{label("zh", "iv_score")}"' in tree
    for d in k.levels:
        lv = next(x for x in CRITERIA.scale.levels if x.score == d.score)
        assert f'radio "{lv.score} {lv.label("zh")}' in tree and d.text("zh") in tree
    assert "[checked]" in tree
    assert page.locator(".kit-iv-progress").get_attribute("aria-live") == "polite"
    assert page.locator(".kit-iv-state").get_attribute("role") == "status"
    assert page.locator(".kit-iv-state").inner_text().startswith(
        label("zh", "iv_scored", score=f"{LOW} {CRITERIA.scale.levels[0].label('zh')}"))
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('#kit-interview :is(input, select, textarea)')]
      .filter((e) => !e.labels.length && !e.getAttribute('aria-label')).map((e) => e.outerHTML.slice(0, 60))""")
    assert unlabelled == []
    page.locator('.kit-iv-nav button[data-action="next"]').click()
    assert page.evaluate("document.activeElement.id") == "kit-iv-card-title", "focus follows the new card"


def test_says_so_when_the_browser_cannot_save(open_page: Any) -> None:
    page = open_page("zh")
    page.locator(f'.kit-iv-level[data-score="{LOW}"]').tap()
    assert sp.state(page, CRITERIA)["agencies"][0]["scores"] == {IDS[0]: LOW}
    # Then storage fills up: the browser refuses every write.
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }")
    warning = page.locator(".kit-iv-warning")
    assert warning.is_hidden()
    page.locator(f'.kit-iv-level[data-score="{HIGH}"]').tap()
    assert warning.is_visible() and warning.inner_text() == label("zh", "sc_no_storage")
    page.locator('.kit-iv-nav button[data-action="next"]').tap()
    page.locator('.kit-iv-level[data-score="na"]').tap()
    page.locator('.kit-iv-nav button[data-action="prev"]').tap()
    assert page.locator(f'.kit-iv-level[data-score="{HIGH}"] input').is_checked(), "kept on screen"
    assert page.locator(".kit-iv-progress").inner_text() == label("zh", "iv_progress", n=1, total=len(IDS), scored=2)
