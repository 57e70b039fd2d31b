"""Red flags on the worksheet (issue 23), on a 390 × 844 phone: seen and ticked there as in the
interview, saved in the same document, shown in the report and in the filled worksheet's print."""

from __future__ import annotations

from typing import Any

import scorer_pages as sp
from editions import label

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
FLAGGED = next(k for k in CRITERIA.scored_criteria if len(k.red_flags) >= 2)


def test_red_flags_ticked_on_the_worksheet_reach_the_report_and_the_print(phone: Any, base: str) -> None:
    root = f"{base}{language_root(CRITERIA, 'zh')}"
    phone.goto(f"{root}worksheet/")
    phone.wait_for_selector("#kit-scorer")
    box = phone.locator(f'details.kit-sc-flags[data-criterion="{FLAGGED.id}"]')
    summary = box.locator("summary")
    assert summary.inner_text().startswith(label("zh", "red_flags"))
    summary.tap()
    flags = box.locator(".kit-sc-flag")
    assert flags.all_inner_texts() == [f("zh") for f in FLAGGED.red_flags]
    for i in (1, 0):
        flags.nth(i).tap()
        bounds = flags.nth(i).bounding_box()
        assert bounds and bounds["height"] >= 44
    assert sp.state(phone, CRITERIA)["agencies"][0]["flags"] == {FLAGGED.id: [0, 1]}
    assert label("zh", "iv_flagged", n=2) in summary.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # The filled print lists them.
    phone.evaluate("window.kitScoring.preparePrint()")
    printed = phone.locator(".kit-sc-print .kit-sc-print-flags").inner_text()
    assert FLAGGED.red_flags[0]("zh") in printed and FLAGGED.red_flags[1]("zh") in printed
    phone.evaluate("window.kitScoring.finishPrint()")
    # Reloaded, the ticks are there; the report shows them.
    phone.reload()
    phone.wait_for_selector("#kit-scorer")
    assert box.locator("input").nth(0).is_checked() and box.locator("input").nth(1).is_checked()
    phone.goto(f"{root}report/")
    phone.wait_for_selector("#kit-report table")
    shown = phone.locator(f'section.kit-rp-agency[data-agency] .kit-rp-flags li[data-criterion="{FLAGGED.id}"]')
    assert FLAGGED.red_flags[0]("zh") in shown.first.inner_text()
