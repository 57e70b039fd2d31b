"""The report's "Who scored" part shows each reviewer's red flags and notes per agency, as text.

A reviewer's notes and ticked red flags are kept with their scores (and exported); the report lists
them under each agency, one line per criterion in display order (the flags, then the note), on a
390 × 844 touch phone, never reading a note as HTML. A reviewer who left none gets no line.
"""

from __future__ import annotations

from typing import Any

import scorer_pages as sp
from editions import label

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.model import numbered_sections
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored_criteria
NUMBERS = {k.id: kn for _, _, ks in numbered_sections(CRITERIA.scored.sections) for kn, k in ks}
FLAGGED = next(k for k in SCORED if len(k.red_flags) >= 2)
LATER = SCORED[-1]
HOSTILE = '<img src=x onerror="window.kitHacked=1"> 合同<b>没写</b> & "退款"'


def document() -> dict[str, Any]:
    doc = sp.doc(CRITERIA, [("杭州甲", {FLAGGED.id: 2}, {}), ("宁波乙", {FLAGGED.id: 1}, {})])
    reviews = [
        {"r1": {"scores": {FLAGGED.id: 1}, "notes": {LATER.id: HOSTILE, FLAGGED.id: "后台没让看"},
                "flags": {FLAGGED.id: [1, 0]}},
         "r2": {"scores": {FLAGGED.id: 3}, "notes": {}, "flags": {}}},
        {"r1": {"scores": {FLAGGED.id: 1}, "notes": {}, "flags": {}}},
    ]
    agencies = [{**a, "reviews": r} for a, r in zip(doc["agencies"], reviews, strict=True)]
    return {**doc, "formatVersion": 2, "owner": {"name": "老板"},
            "reviewers": [{"id": "r1", "name": "王经理"}, {"id": "r2", "name": "李"}], "agencies": agencies}


def test_reviewers_flags_and_notes_show_per_agency_as_text(browser: Any, base: str) -> None:
    context = browser.new_context(**sp.PHONE)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        root = f"{base}{language_root(CRITERIA, 'zh')}"
        page.goto(root + "worksheet/")
        page.wait_for_selector("#kit-scorer")
        sp.store(page, CRITERIA, document())
        page.goto(root + "report/")
        page.wait_for_selector("#kit-report .kit-rp-people")
        first = page.locator('.kit-rp-people-agency[data-agency="a0"]')
        blocks = first.locator(".kit-rp-remarks")
        assert blocks.evaluate_all("els => els.map((e) => e.dataset.reviewer)") == ["r1"], "李 left none"
        head = blocks.locator(".kit-rp-remarks-head").inner_text()
        assert head == label("zh", "pp_report_remarks", name="王经理")
        items = blocks.locator("li")
        assert items.evaluate_all("els => els.map((e) => e.dataset.criterion)") == [FLAGGED.id, LATER.id]
        colon, sep = label("zh", "colon"), label("zh", "list_sep")
        flags = sep.join(f("zh") for f in FLAGGED.red_flags[:2])
        assert items.nth(0).inner_text() == (
            f"{NUMBERS[FLAGGED.id]} {FLAGGED.title('zh')}{colon}{label('zh', 'rp_flags')}{colon}{flags}"
            f" · {label('zh', 'rp_notes')}{colon}后台没让看")
        assert items.nth(1).inner_text() == (f"{NUMBERS[LATER.id]} {LATER.title('zh')}{colon}"
                                             f"{label('zh', 'rp_notes')}{colon}{HOSTILE}")
        assert page.locator(".kit-rp-people img, .kit-rp-remarks b").count() == 0, "a note is never HTML"
        assert page.evaluate("window.kitHacked") is None
        assert page.locator('.kit-rp-people-agency[data-agency="a1"] .kit-rp-remarks').count() == 0
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.emulate_media(media="print")
        assert blocks.first.is_visible(), "printed with the report"
    finally:
        context.close()
    assert errors == []
