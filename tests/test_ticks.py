"""Self-check and after-signing: boxes ticked on a phone are kept across a reload (issue 23), in Debian's Chromium.

The ticks live under their own key, "kit-checklist:<criteria id>" (scripts: checklist.js), never
in the scoring document; a tick re-reads what is saved first, so another tab's ticks stay, and a
tick made in another tab shows. Each line is its box's label: tapping the text ticks it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import scorer_pages as sp
from editions import label
from test_scoring_browser import instant_base  # noqa: F401  (the fixture, served where instant navigation works)

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
KEY = f"kit-checklist:{CRITERIA.meta.id}"
OWN = [k for s in CRITERIA.self_check_sections for k in s.criteria]
AFTER = [k for k in CRITERIA.criteria if k.after_signing]


def saved(page: Any) -> Any:
    raw = page.evaluate("(key) => localStorage.getItem(key)", KEY)
    return None if raw is None else json.loads(raw)


def open_form(page: Any, base: str, form: str, lang: str = "zh") -> None:
    page.goto(f"{base}{language_root(CRITERIA, lang)}{form}/")
    page.wait_for_selector(".kit-form input.kit-tick")


def ticked(page: Any) -> list[str]:
    return [str(t) for t in page.locator("input.kit-tick:checked").evaluate_all("els => els.map((e) => e.dataset.tick)")]


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_self_check_ticks_survive_a_reload(phone: Any, base: str, lang: str) -> None:
    assert OWN, "the default criteria have a self-check"
    open_form(phone, base, "self-check", lang)
    boxes = phone.locator("input.kit-tick")
    lines = sum(len(k.must_ask_questions) + len(k.other_questions) + len(k.evidence) + len(k.red_flags) for k in OWN)
    assert boxes.count() == lines, "every printed box can be ticked"
    assert phone.locator(".kit-form .kit-box:not(input)").count() == 0
    note = phone.locator(".kit-ticks-saved")
    assert note.is_visible() and note.inner_text() == label(lang, "ticks_saved")
    k = OWN[0]
    first = phone.locator(f'[data-tick="{k.id}:m1"] .kit-tick-line')
    assert first.bounding_box()["height"] >= 44
    first.locator(".kit-item p").tap()  # the question's text: the whole line is the target
    phone.locator(f'[data-tick="{k.id}:e1"] .kit-tick-line span').first.tap()
    phone.locator(f'[data-tick="{k.id}:r1"] .kit-tick-line span').first.tap()
    phone.locator(f'[data-tick="{k.id}:e1"] .kit-tick-line span').first.tap()  # and untick
    assert ticked(phone) == [f"{k.id}:m1", f"{k.id}:r1"]
    phone.reload()
    phone.wait_for_selector(".kit-form input.kit-tick")
    assert ticked(phone) == [f"{k.id}:m1", f"{k.id}:r1"]
    assert saved(phone) == {"format": "kit-checklist", "forms": {"self-check": [f"{k.id}:m1", f"{k.id}:r1"]}}
    assert phone.evaluate("(key) => localStorage.getItem(key)", sp.key(CRITERIA)) is None, \
        "the scoring document is not touched"
    name = phone.locator(f'[data-tick="{k.id}:m1"] input').evaluate(
        "(e) => document.getElementById(e.getAttribute('aria-labelledby')).textContent")
    assert k.must_ask_questions[0](lang) in name
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_after_signing_ticks_survive_a_reload_and_keep_the_self_checks(phone: Any, base: str) -> None:
    phone.goto(f"{base}{language_root(CRITERIA, 'zh')}")
    before = {"format": "kit-checklist", "forms": {"self-check": [f"{OWN[0].id}:q1"]}}
    phone.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, json.dumps(before)])
    open_form(phone, base, "after-signing")
    k = AFTER[0]
    row = phone.locator(f'[data-tick="{k.id}:a1"] .kit-tick-line')
    assert row.bounding_box()["height"] >= 44
    row.locator("span").first.tap()
    phone.locator('[data-tick="day0:1"] .kit-tick-line span').tap()
    phone.reload()
    phone.wait_for_selector(".kit-form input.kit-tick")
    assert ticked(phone) == ["day0:1", f"{k.id}:a1"]
    assert saved(phone)["forms"] == {"self-check": [f"{OWN[0].id}:q1"], "after-signing": ["day0:1", f"{k.id}:a1"]}
    # Another tab ticks a line: it shows here, and this page's next tick keeps it.
    other = phone.context.new_page()
    open_form(other, base, "after-signing")
    other.locator('[data-tick="day0:2"] .kit-tick-line span').tap()
    phone.wait_for_function("() => document.querySelector('[data-tick=\"day0:2\"] input').checked")
    phone.locator('[data-tick="day0:3"] .kit-tick-line span').tap()
    assert saved(phone)["forms"]["after-signing"] == ["day0:1", "day0:2", "day0:3", f"{k.id}:a1"]
    other.close()
    # Printed: the ticked boxes print ticked, the note does not print.
    phone.emulate_media(media="print")
    assert phone.locator(".kit-ticks-saved").is_hidden()
    assert phone.locator('[data-tick="day0:1"] input').is_checked()


def test_ticks_work_after_instant_navigation(browser: Any, instant_base: str) -> None:  # noqa: F811
    page = browser.new_context(**sp.PHONE).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{instant_base}{language_root(CRITERIA, 'zh')}")
    page.wait_for_load_state("networkidle")  # Material has read sitemap.xml
    page.evaluate("window.__sameDocument = true")
    for form in ("self-check", "after-signing", "self-check"):
        # A link in the page or its menu (not the language switcher), followed by Material.
        page.evaluate("""(f) => [...document.querySelectorAll('a[href]')].find((a) => !a.closest('.md-select')
          && new URL(a.href).pathname.endsWith(`/${f}/`)).click()""", form)
        page.wait_for_url(f"**/{form}/")
        page.wait_for_selector(".kit-form input.kit-tick")
        line = page.locator("[data-tick] .kit-tick-line").first
        if not line.locator("input").is_checked():
            line.locator("span, p").first.click()
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation was used"
    assert page.locator("[data-tick] input").first.is_checked()
    forms = saved(page)["forms"]
    assert len(forms["self-check"]) == 1 and len(forms["after-signing"]) == 1, "one tick each, bound once"
    assert errors == []
    page.context.close()
