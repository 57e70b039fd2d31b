"""Two tabs on one phone (issue 23): the worksheet left open in one, the interview in the other.

Both pages are in one browser context (one localStorage), on a 390 × 844 phone with touch at
scale 2. Each page re-reads the saved scores before it writes and merges by field, so answers
given in either tab survive edits in the other; and each shows, and says, what the other changed
(the "storage" event). One case stops the event on its way to the worksheet, as a frozen
background tab would miss it, to show that the merge alone keeps the answers.
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
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored_criteria
IDS = [k.id for k in SCORED]
KO = next(k.id for k in SCORED if k.knockout)
OTHER = next(k.id for k in SCORED[3:] if not k.knockout)  # N/A is offered only off knock-outs
LOW, HIGH = CRITERIA.scale.min_score, CRITERIA.scale.max_score
HEAD = label("zh", "sc_remote", what="|").split("|")[0]
"""The start of the notice that another tab changed the scores (zh)."""


@pytest.fixture
def tabs(browser: Any, base: str) -> Iterator[Any]:
    """tabs(*pages): one phone context with a tab per page ("worksheet/", "interview/", "report/")."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_tabs(*where: str) -> list[Any]:
        context = browser.new_context(**sp.PHONE)
        contexts.append(context)
        pages = []
        for path in where:
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{base}{language_root(CRITERIA, 'zh')}{path}")
            page.wait_for_selector({"worksheet/": "#kit-scorer", "interview/": "#kit-interview .kit-iv-card",
                                    "report/": "#kit-report"}[path])
            pages.append(page)
        return pages

    yield open_tabs
    for context in contexts:
        context.close()
    assert errors == []


def saved(page: Any) -> Any:
    return sp.state(page, CRITERIA)["agencies"][0]


def interview_scores_knockout(interview: Any) -> None:
    interview.locator("#kit-iv-jump").select_option(KO)
    interview.locator(f'.kit-iv-level[data-score="{LOW}"]').tap()
    interview.locator("#kit-iv-note").fill("不肯写进合同")


def notice(page: Any) -> Any:
    return page.locator(".kit-remote:not([hidden])")


@pytest.mark.parametrize("missed", [False, True], ids=["event", "event-missed"])
def test_worksheet_left_open_keeps_the_interviews_answers(tabs: Any, missed: bool) -> None:
    sheet, interview = tabs("worksheet/", "interview/")
    if missed:  # a frozen tab: the worksheet never hears of the interview's changes
        sheet.evaluate("window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true)")
    sheet.bring_to_front()
    interview.bring_to_front()
    interview_scores_knockout(interview)
    sheet.bring_to_front()
    if not missed:
        # The worksheet shows the change at once and says so, where the merchant is (fixed on screen).
        notice(sheet).wait_for()
        assert notice(sheet).inner_text().startswith(HEAD)
        box = notice(sheet).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 844
        ko = sheet.locator(f'fieldset[data-criterion="{KO}"]')
        assert ko.locator(f'input[value="{LOW}"]').is_checked()
        assert ko.locator("textarea").input_value() == "不肯写进合同"
        assert "kit-sc-knocked" in (ko.get_attribute("class") or "")
        assert sheet.locator(".kit-sc-dq").count() >= 1
    sp.pick(sheet, OTHER, HIGH)
    agency = saved(sheet)
    assert agency["scores"] == {KO: LOW, OTHER: HIGH}
    assert agency["notes"] == {KO: "不肯写进合同"}
    if missed:
        # The worksheet's own edit brought the interview's answers back on screen with it.
        sheet.reload()
        sheet.wait_for_selector("#kit-scorer")
        assert sheet.locator(f'fieldset[data-criterion="{KO}"] textarea').input_value() == "不肯写进合同"
    # The interview, in turn, shows the worksheet's score and says so.
    interview.bring_to_front()
    notice(interview).wait_for()
    interview.locator("#kit-iv-jump").select_option(OTHER)
    assert interview.locator(f'.kit-iv-level[data-score="{HIGH}"] input').is_checked()


def test_interview_left_open_keeps_the_worksheets_answers(tabs: Any) -> None:
    interview, sheet = tabs("interview/", "worksheet/")
    interview.locator("#kit-iv-jump").select_option(OTHER)
    sheet.bring_to_front()
    sp.pick(sheet, KO, LOW)
    sheet.locator(f'fieldset[data-criterion="{OTHER}"] textarea').fill("样本要看原件")
    sheet.locator(".kit-sc-name").first.fill("杭州某代运营")
    interview.bring_to_front()
    # The card on screen shows the worksheet's note; the notice names what changed.
    notice(interview).wait_for()
    text = notice(interview).inner_text()
    assert text.startswith(HEAD) and "杭州某代运营" in text
    assert interview.locator("#kit-iv-note").input_value() == "样本要看原件"
    assert interview.locator(".kit-iv-agency option").first.inner_text() == "杭州某代运营"
    interview.locator(f'.kit-iv-level[data-score="{HIGH}"]').tap()
    agency = saved(interview)
    assert agency["scores"] == {KO: LOW, OTHER: HIGH}
    assert agency["notes"] == {OTHER: "样本要看原件"}
    assert agency["name"] == "杭州某代运营"
    assert notice(interview).count() == 0  # the merchant's own change closes the notice
    # A note being typed in the interview is not taken from under the finger by the other tab.
    interview.locator("#kit-iv-note").fill("样本要看原件，另")
    sheet.bring_to_front()
    sp.pick(sheet, IDS[0], HIGH)
    interview.bring_to_front()
    notice(interview).wait_for()
    assert interview.locator("#kit-iv-note").input_value() == "样本要看原件，另"


def test_report_open_shows_new_scores(tabs: Any) -> None:
    report, sheet = tabs("report/", "worksheet/")
    sheet.bring_to_front()
    sp.pick(sheet, KO, LOW)
    report.bring_to_front()
    notice(report).wait_for()
    assert report.locator(".kit-rp-rank tbody tr").count() == 3


def test_scored_counts_agree_on_all_three_pages_with_na(tabs: Any) -> None:
    """An agency with one N/A and the rest scored: 'scored' reads the same in interview, worksheet and report."""
    sheet, interview, report = tabs("worksheet/", "interview/", "report/")
    scores: dict[str, Any] = {i: HIGH for i in IDS}
    scores[OTHER] = "na"
    partial = {i: HIGH for i in IDS[:10]} | {IDS[10]: "na"}
    doc = sp.doc(CRITERIA, [("甲", scores, {}), ("乙", partial, {})])
    sheet.evaluate("([k, v]) => localStorage.setItem(k, v)", [sp.key(CRITERIA), json.dumps(doc)])
    for page in (sheet, interview, report):
        page.reload()
    interview.wait_for_selector(".kit-iv-card")
    report.wait_for_selector("#kit-report table")
    total = len(IDS)
    interview.locator(".kit-iv-agency").select_option(label="甲")
    progress = interview.locator(".kit-iv-progress").inner_text()
    assert progress.endswith(label("zh", "iv_progress", n=1, total=total, scored=total).split("·")[1])
    figures = sheet.locator(".kit-sc-figures").inner_text()
    assert label("zh", "sc_counts", scored=total, na=1, blank=0) in figures
    sheet_counts = sheet.locator(".kit-sc-ranking .kit-sc-count").all_inner_texts()
    report_counts = report.locator(".kit-rp-rank .kit-rp-count").all_inner_texts()
    assert sheet_counts == report_counts == [f"{total}/{total}", f"11/{total}"]
    first = report.locator('section.kit-rp-agency[data-agency="a0"] .kit-rp-unscored h4').inner_text()
    assert first.endswith(label("zh", "rp_all_scored"))
    interview.locator(".kit-iv-agency").select_option(label="乙")
    assert interview.locator(".kit-iv-progress").inner_text().endswith(
        label("zh", "iv_progress", n=1, total=total, scored=11).split("·")[1])
