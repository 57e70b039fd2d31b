"""Cumulative layout shift of the worksheet and interview pages on load, in Debian's Chromium.

The scorer (overrides/assets/javascripts/scorer/) is built after the page has been parsed,
above the printable sheet; the page reserves its place (generator/templates/forms/worksheet.html.j2,
overrides/assets/stylesheets/scoring.css) so that nothing already on screen jumps when it appears.
Lighthouse's limit for a good score is 0.1.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
LIMIT = 0.1

# The layout shifts so far (buffered), without those right after user input, with their sources.
SHIFTS_JS = """() => new Promise((resolve) => {
  const shifts = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      shifts.push({value: entry.value, sources: (entry.sources || []).map((s) => {
        const node = s.node;
        const name = node && node.nodeType === 1
          ? node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + (node.className ? '.' + String(node.className).split(' ')[0] : '')
          : String(node && node.nodeName);
        return name;
      })});
    }
  });
  observer.observe({type: 'layout-shift', buffered: true});
  setTimeout(() => {
    observer.disconnect();
    resolve(shifts);
  }, 200);
})"""


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
@pytest.mark.parametrize(("width", "height"), [(375, 800), (390, 844), (1280, 900)])
@pytest.mark.parametrize(("path", "built"), [("worksheet/", "#kit-scorer .kit-sc-criterion"),
                                             ("interview/", "#kit-interview .kit-iv-card")])
def test_scoring_pages_do_not_shift_on_load(browser: Any, base: str, lang: str, width: int, height: int, path: str,
                                            built: str) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{base}{language_root(CRITERIA, lang)}{path}", wait_until="load")
        page.wait_for_selector(built)
        page.wait_for_timeout(1000)
        shifts = page.evaluate(SHIFTS_JS)
    finally:
        page.close()
    cls = sum(s["value"] for s in shifts)
    assert cls < LIMIT, f"CLS {cls:.3f} of {path} at {width}x{height} ({lang}): {shifts}"
    assert errors == []


def test_without_scripts_the_scorer_slot_takes_no_room(browser: Any, base: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base}{language_root(CRITERIA, CRITERIA.meta.languages[0])}worksheet/")
        assert page.locator("#kit-scorer-slot").count() == 1
        assert page.locator("#kit-scorer-slot").bounding_box() is None, "the slot is not displayed"
        assert page.locator(".kit-scroll").is_visible()
    finally:
        context.close()
