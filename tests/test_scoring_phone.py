"""The worksheet scorer as a merchant meets it on a 390 × 844 phone (issue 18), in Debian's Chromium.

Import feedback next to the control, confirmation and merge; the agency switched from the
sticky bar; 44 px controls; nothing over the sticky bar; the first Tab stop of a criterion;
default names in the page's language; one story about how many agencies; a chart that a
black-and-white print tells apart.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import label

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.render.agencies import COUNTS
from generator.scoring import display, score_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
IDS = [k.id for k in CRITERIA.scored_criteria]
KO = next(k.id for k in CRITERIA.criteria if k.knockout)
LOW, HIGH = CRITERIA.scale.min_score, CRITERIA.scale.max_score
THREE = [("Alpha", {k: HIGH for k in IDS}, {}), ("Beta", {k: LOW + 1 for k in IDS[:8]}, {}),
         ("Gamma", {**{k: HIGH - 1 for k in IDS}, KO: LOW}, {})]


@pytest.fixture
def open_page(browser: Any, base: str) -> Iterator[sp.Opener]:
    yield from sp.opener(browser, base, CRITERIA)


def _in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 100) <= 844


def _import(page: Any, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.click('#kit-scorer button[data-action="import-json"]')
    chooser.value.set_files(str(path))
    page.locator(".kit-sc-import .kit-sc-message").wait_for()


def test_import_asks_merges_replaces_and_answers_next_to_the_control(open_page: sp.Opener, tmp_path: Path) -> None:
    page = open_page("zh", phone=True)
    page.locator("input.kit-sc-name").first.fill("我的公司")
    sp.pick(page, IDS[0], 2)
    mine = sp.state(page, CRITERIA)
    path = tmp_path / "other.json"
    path.write_text(json.dumps(sp.doc(CRITERIA, [("别家公司", {IDS[1]: 1}, {IDS[1]: "记录"})])), encoding="utf-8")
    _import(page, path)
    box = page.locator(".kit-sc-import")
    assert _in_viewport(page, ".kit-sc-import"), "the question is on screen, next to the import button"
    assert page.evaluate("document.activeElement.closest('.kit-sc-import') !== null")
    assert label("zh", "sc_import_ask", n=1, names="别家公司", current=3) in box.inner_text()
    assert sp.state(page, CRITERIA) == mine, "nothing replaced before the merchant says so"
    box.locator('button[data-action="import-merge"]').click()
    assert _in_viewport(page, ".kit-sc-import .kit-sc-message")
    assert box.inner_text().strip() == label("zh", "sc_merged", n=4)
    merged = sp.state(page, CRITERIA)["agencies"]
    assert [a["name"] for a in merged] == ["我的公司", "代运营公司 B", "代运营公司 C", "别家公司"]
    assert merged[0]["scores"] == {IDS[0]: 2} and merged[3]["scores"] == {IDS[1]: 1}
    _import(page, path)
    box.locator('button[data-action="import-cancel"]').click()
    assert len(sp.state(page, CRITERIA)["agencies"]) == 4
    _import(page, path)
    box.locator('button[data-action="import-replace"]').click()
    assert [a["name"] for a in sp.state(page, CRITERIA)["agencies"]] == ["别家公司"]
    assert _in_viewport(page, ".kit-sc-import .kit-sc-message")


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
@pytest.mark.parametrize(("text", "key"), [("公司,分数\nA,3\n", "sc_bad_json"),
                                           ('{"rows": [1, 2]}', "sc_bad_shape"),
                                           ("agency", "sc_damaged")])
def test_import_errors_say_in_plain_words_what_was_expected(open_page: sp.Opener, tmp_path: Path, lang: str,
                                                             text: str, key: str) -> None:
    if text == "agency":
        document = sp.doc(CRITERIA, [("Fine", {}, {}), ("Broken", {}, {})])
        document["agencies"][1]["scores"] = {IDS[0]: "three"}
        text = json.dumps(document)
    page = open_page(lang, phone=True)
    path = tmp_path / "file.json"
    path.write_text(text, encoding="utf-8")
    _import(page, path)
    message = page.locator(".kit-sc-import .kit-sc-message.kit-sc-warning")
    assert _in_viewport(page, ".kit-sc-import .kit-sc-message")
    want = label(lang, key, where="agencies[1].scores", n=2).split("(")[0].split("（")[0]
    assert want in message.inner_text()
    assert ".json" in message.inner_text() or key == "sc_damaged"


def test_agency_switched_from_the_sticky_bar(open_page: sp.Opener) -> None:
    page = open_page("en", phone=True)
    sp.store(page, CRITERIA, sp.doc(CRITERIA, THREE))
    last = page.locator(f'fieldset[data-criterion="{IDS[-1]}"]')
    last.scroll_into_view_if_needed()
    before = last.bounding_box()["y"]
    bar = page.locator(".kit-sc-summary")
    assert bar.bounding_box()["y"] < 150, "the bar is stuck at the top"
    page.locator(".kit-sc-bar-select").select_option(label="Gamma")
    result = score_criteria(CRITERIA, THREE[2][1])
    assert bar.locator(".kit-sc-total").inner_text() == display(result.total)
    assert bar.locator(".kit-sc-dq").is_visible()
    assert last.locator(f'input[value="{HIGH - 1}"]').is_checked()
    assert page.locator(".kit-sc-pick input").nth(2).is_checked()
    assert abs(last.bounding_box()["y"] - before) < 5, "switching does not move the page under the finger"
    sp.pick(page, IDS[-1], LOW + 1)
    assert sp.state(page, CRITERIA)["agencies"][2]["scores"][IDS[-1]] == LOW + 1


SMALL_CONTROLS = """() => [...document.querySelectorAll(
    '#kit-scorer button, #kit-scorer input[type=text], #kit-scorer textarea, #kit-scorer select, '
    + '#kit-scorer label.kit-sc-level, #kit-scorer label.kit-sc-pick')]
  .map((e) => [e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 20), e.getBoundingClientRect()])
  .filter(([, r]) => r.width > 0 && (r.width < 44 || r.height < 44))
  .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`)"""


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_no_control_under_44px_on_a_phone(open_page: sp.Opener, lang: str) -> None:
    page = open_page(lang, phone=True)
    sp.store(page, CRITERIA, sp.doc(CRITERIA, THREE))
    assert page.locator("#kit-scorer button").count() > 8 and page.locator("label.kit-sc-level").count() > 100
    assert page.evaluate(SMALL_CONTROLS) == []


OVERLAPS = """(selectors) => {
  const boxes = (s) => [...document.querySelectorAll(s)].map((e) => e.getBoundingClientRect()).filter((r) => r.width);
  const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const [mine, others] = selectors.map((s) => boxes(s));
  return {mine: mine.length, others: others.length, hits: mine.filter((a) => others.some((b) => hit(a, b))).length};
}"""


def test_nothing_overlaps_the_sticky_bar(open_page: sp.Opener) -> None:
    page = open_page("zh", phone=True)
    sp.store(page, CRITERIA, sp.doc(CRITERIA, THREE))
    page.locator(".kit-sc-bar-select").select_option(index=2)
    page.locator(f'fieldset[data-criterion="{IDS[20]}"]').scroll_into_view_if_needed()
    page.mouse.wheel(0, -300)
    page.evaluate("window.scrollBy(0, -300)")
    page.wait_for_selector(".md-top:not([hidden])")
    page.wait_for_timeout(300)
    bar = ".kit-sc-summary .kit-sc-total, .kit-sc-summary .kit-sc-dq, .kit-sc-summary select"
    found = page.evaluate(OVERLAPS, [bar, ".md-top"])
    assert found == {"mine": 3, "others": 1, "hits": 0}
    page.evaluate("""() => {
      const table = document.querySelector('.kit-sc-rank-table');
      scrollTo(0, scrollY + table.getBoundingClientRect().top - 60);
    }""")
    page.wait_for_timeout(200)
    found = page.evaluate(OVERLAPS, [".kit-sc-rank-table tr", ".kit-sc-summary"])
    assert found["mine"] == 4 and found["hits"] == 0, found


def test_first_tab_stop_of_a_criterion_is_its_first_score(open_page: sp.Opener) -> None:
    page = open_page("en")
    page.locator(".kit-sc-pick input").first.focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('kit-sc-score')"):
            break
    focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert focused == [f"kit-sc-c-{IDS[0]}", str(LOW)]
    page.keyboard.press("ArrowRight")
    assert sp.state(page, CRITERIA)["agencies"][0]["scores"] == {IDS[0]: LOW + 1}
    page.locator(f'fieldset[data-criterion="{IDS[0]}"] input[value=""]').click()
    assert sp.state(page, CRITERIA)["agencies"][0]["scores"] == {}
    assert page.locator(f'fieldset[data-criterion="{IDS[0]}"] input:checked').count() == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_skip_link_is_the_first_tab_stop_and_leads_to_the_scorer(open_page: sp.Opener, lang: str) -> None:
    page = open_page(lang)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim(), "
                            "getComputedStyle(document.activeElement).transform]")
    assert "kit-skip" in focused[0] and focused[1] == label(lang, "skip_to_form")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#worksheet'")
    page.wait_for_timeout(300)  # Material's instant navigation handles the jump after the hash changes
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    # The scorer's section (Material may have shown the page anew, the scorer being built again: .kit-scorer
    # is the section from its first paint, #kit-scorer once built whole).
    assert page.evaluate("!!document.activeElement.closest('.kit-scorer')"), f"the next Tab is {focused}"


@pytest.mark.parametrize("form", ["questionnaire", "checklist", "visit"])
def test_paper_forms_have_a_skip_link_to_the_form(browser: Any, base: str, form: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}{form}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.href").endswith(f"/{form}/#{form}")
    assert page.evaluate(f"!!document.getElementById('{form}')")
    context.close()


def test_default_names_follow_the_page_language_until_renamed(open_page: sp.Opener, base: str) -> None:
    page = open_page("zh")
    sp.pick(page, IDS[0], 1)
    zh = [label("zh", "ws_agency", letter=x) for x in "ABC"]
    en = [label("en", "ws_agency", letter=x) for x in "ABC"]
    assert [a["name"] for a in sp.state(page, CRITERIA)["agencies"]] == zh
    page.goto(f"{base}{language_root(CRITERIA, 'en')}worksheet/")
    page.wait_for_selector("#kit-scorer")
    assert sp.names(page) == en
    assert page.locator(".kit-sc-pick-name").all_inner_texts() == en
    page.locator("input.kit-sc-name").nth(1).fill("Acme")
    page.goto(f"{base}{language_root(CRITERIA, 'zh')}worksheet/")
    page.wait_for_selector("#kit-scorer")
    assert sp.names(page) == [zh[0], "Acme", zh[2]]


def test_home_and_worksheet_tell_one_story_about_agency_counts(built_site: Path) -> None:
    for lang in CRITERIA.meta.languages:
        root = built_site / language_root(CRITERIA, lang).strip("/")
        home = html.unescape((root / "index.html").read_text(encoding="utf-8"))
        assert label(lang, "worksheet_about", **COUNTS) in home
        sheet = (root / "worksheet" / "index.html").read_text(encoding="utf-8")
        assert sheet.count('class="kit-ws-agency"') == COUNTS["printed"]
        intro = label(lang, "sc_intro", **COUNTS)
        assert json.dumps(intro, ensure_ascii=False)[1:-1] in sheet


def test_chart_tells_agencies_apart_without_colour(open_page: sp.Opener) -> None:
    page = open_page("en", phone=True)
    sp.store(page, CRITERIA, sp.doc(CRITERIA, THREE))
    chart = page.locator(".kit-sc-figure svg.kit-sc-chart")
    patterns = chart.locator("pattern").evaluate_all(
        "els => els.map((p) => [...p.children].slice(1).map((c) => c.outerHTML).join(''))")
    assert len(patterns) == 3 and len(set(patterns)) == 3, "each agency has its own pattern"
    for i, (name, scores, _) in enumerate(THREE):
        result = score_criteria(CRITERIA, scores)
        labels = chart.locator("g.kit-sc-values").nth(i).locator("text").evaluate_all("els => els.map((e) => e.textContent)")
        assert labels == [f"{i + 1} · {display(s.value)}" for s in result.sections]
        legend = page.locator(".kit-sc-figure .kit-sc-legend li").nth(i).inner_text()
        assert legend.strip().startswith(f"{i + 1} · {name}")
        cells = page.locator(f".kit-sc-figure table.kit-sc-chart-table tbody tr td:nth-of-type({i + 1})")
        assert cells.all_inner_texts() == [display(s.value) for s in result.sections]
