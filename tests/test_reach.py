"""Reaching things on a 390 × 844 phone (issue 23): the home page's first screen links the three
things a merchant comes to do (interview, worksheet, report), each a 44 px target."""

from __future__ import annotations

from typing import Any

import pytest
from editions import label

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_home_first_screen_links_interview_worksheet_and_report(phone: Any, base: str, lang: str) -> None:
    root = f"{base}{language_root(CRITERIA, lang)}"
    phone.goto(root)
    for key, path in (("interview", "interview/"), ("worksheet", "worksheet/"), ("report", "report/")):
        link = phone.locator(f'article a.kit-home-go[href$="/{path}"]')
        assert link.inner_text() == label(lang, key)
        box = link.bounding_box()
        assert box and box["height"] >= 44 and box["y"] >= 0 and box["y"] + box["height"] <= 844, (key, box)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.locator('article a.kit-home-go[href$="/report/"]').tap()
    phone.wait_for_url(f"{root}report/")
    phone.wait_for_selector("#kit-report")


def test_worksheet_top_jumps_to_the_ranking_and_the_report(phone: Any, base: str) -> None:
    root = f"{base}{language_root(CRITERIA, 'zh')}"
    phone.goto(f"{root}worksheet/")
    phone.wait_for_selector("#kit-scorer")
    jump = phone.locator(f'.kit-sc-jumps a:has-text("{label("zh", "sc_to_ranking")}")')
    report = phone.locator('.kit-sc-jumps a[href$="/report/"]')
    assert report.inner_text() == label("zh", "rp_link")
    for link in (jump, report):
        box = link.bounding_box()
        assert box and box["height"] >= 44 and box["y"] + box["height"] <= 2 * 844, "near the top of the page"
    jump.tap()
    phone.wait_for_function("() => { const r = document.querySelector('.kit-sc-rank-table').getBoundingClientRect();"
                            " return r.top >= 0 && r.top < innerHeight; }")


def test_blank_sheet_is_folded_on_a_phone_until_asked_for_and_always_prints(phone: Any, base: str) -> None:
    phone.goto(f"{base}{language_root(CRITERIA, 'zh')}worksheet/")
    phone.wait_for_selector("#kit-scorer")
    table = phone.locator("#worksheet-table")
    button = phone.locator(".kit-sc-blank-toggle")
    assert table.is_hidden() and button.inner_text() == label("zh", "sc_blank_show")
    height = phone.evaluate("document.documentElement.scrollHeight")
    button.tap()
    assert table.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert button.inner_text() == label("zh", "sc_blank_hide")
    assert phone.evaluate("document.documentElement.scrollHeight") > height + 844, "the sheet was off the screen"
    button.tap()
    assert table.is_hidden()
    phone.emulate_media(media="print")
    assert table.is_visible() and button.is_hidden(), "paper always gets the blank sheet"
    phone.emulate_media(media="screen")
    phone.set_viewport_size({"width": 1280, "height": 900})
    assert table.is_visible() and button.is_hidden(), "a wide screen shows it as before"


def test_exported_files_are_named_with_the_date_and_agencies(phone: Any, base: str) -> None:
    phone.goto(f"{base}{language_root(CRITERIA, 'zh')}worksheet/")
    phone.wait_for_selector("#kit-scorer")
    phone.locator("input.kit-sc-name").first.fill("杭州 甲/乙")
    date = phone.evaluate("""() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1)
      .padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; }""")
    names = f"杭州-甲-乙_{label('zh', 'ws_agency', letter='B')}_{label('zh', 'ws_agency', letter='C')}".replace(" ", "-")
    for action, ext in (("export-json", "json"), ("export-csv", "csv")):
        with phone.expect_download() as info:
            phone.click(f'#kit-scorer button[data-action="{action}"]')
        assert info.value.suggested_filename == f"{CRITERIA.meta.id}-scores-{date}-{names}.{ext}"
    phone.goto(f"{base}{language_root(CRITERIA, 'zh')}report/")
    phone.wait_for_selector("#kit-report table")
    with phone.expect_download() as info:
        phone.click('#kit-report button[data-action="image"]')
    assert info.value.suggested_filename == f"{CRITERIA.meta.id}-report-{CRITERIA.meta.version}-{date}-{names}.png"


def test_print_hint_says_how_on_a_phone(phone: Any, base: str) -> None:
    phone.goto(f"{base}{language_root(CRITERIA, 'zh')}worksheet/")
    phone.wait_for_selector("#kit-scorer")
    hint = phone.locator(".kit-sc-tools .kit-sc-hint").first.inner_text()
    assert hint == label("zh", "sc_print_hint") and "Ctrl+P" in hint and label("zh", "sc_blank_show") in hint


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_every_printable_form_says_how_to_print_on_a_phone(phone: Any, base: str, lang: str) -> None:
    """Ctrl+P means nothing on a phone: each form's hint names the phone browser's menu and the PDF."""
    phone_words = {"zh": ("手机", "下载页"), "en": ("phone", "downloads page")}[lang]
    for path in ("questionnaire/", "self-check/", "after-signing/", "declaration/"):
        phone.goto(f"{base}{language_root(CRITERIA, lang)}{path}")
        hint = phone.locator(".kit-form-head .kit-screen-only").first
        text = hint.inner_text()
        assert all(word in text for word in phone_words), (path, text)
        box = hint.bounding_box()
        assert box and box["width"] <= 390, (path, box)
