"""What a phone paints first on the worksheet (issue 30: largest contentful paint), in Debian's Chromium.

The largest text of the worksheet's first screen is the scorer's introduction. The page serves it as
HTML in the scorer's slot (generator/templates/forms/worksheet.html.j2), so it is painted with the page
instead of once the scorer's modules have loaded; the scorer is then built around it, in the slot, and
neither re-creates nor moves it (scorer/scorer.js).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import DEFAULT_CRITERIA, PHONE
from generator.load import load_criteria
from generator.root import PROJECT
from generator.site.modules import module_graph
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
FIRST = ("#kit-sc-title", "p.kit-sc-intro:not(.kit-sc-interview)", "p.kit-sc-interview")
"""The scorer's heading, introduction and link to the interview: served as HTML."""

# Before any script: keeps the introduction's node as parsed, and every largest-contentful-paint entry.
WATCH_JS = """
window.__lcp = [];
new PerformanceObserver((list) => window.__lcp.push(...list.getEntries())).observe(
  {type: 'largest-contentful-paint', buffered: true});
new MutationObserver((changes, observer) => {
  const intro = document.querySelector('p.kit-sc-intro');
  if (intro) { window.__intro = intro; observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""
RECTS_JS = """(selectors) => selectors.map((s) => {
  const box = document.querySelector(s).getBoundingClientRect();
  return [box.x, box.y, box.width, box.height].map(Math.round);
})"""


def _rects(page: Any) -> list[list[int]]:
    return page.evaluate(RECTS_JS, list(FIRST))


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_the_first_screen_is_served_as_html_and_kept_when_the_scorer_is_built(browser: Any, base: str,
                                                                             lang: str) -> None:
    url = f"{base}{language_root(CRITERIA, lang)}worksheet/"
    context = browser.new_context(**PHONE)
    try:
        # No scorer code at all: what the page shows before its modules have loaded.
        context.route("**/javascripts/scorer/**", lambda route: route.abort())
        page = context.new_page()
        page.goto(url, wait_until="load")
        data = json.loads(page.eval_on_selector("#kit-scoring-data", "t => t.content.textContent"))
        strings = data["strings"]
        assert page.inner_text(FIRST[0]) == strings["title"]
        assert page.inner_text(FIRST[1]) == strings["intro"]
        assert page.inner_text(FIRST[2]) == f"{data['interview']['text']} {data['interview']['link']}"
        assert page.eval_on_selector(f"{FIRST[2]} a", "(a, href) => a.href === new URL(href, location).href",
                                     data["interview"]["href"])
        served = _rects(page)
        assert all(y >= 0 and y + height <= PHONE["viewport"]["height"] for _, y, _, height in served[:2]), served
        assert page.locator("#kit-scorer").count() == 0
        context.unroute("**/javascripts/scorer/**")

        page = context.new_page()
        page.add_init_script(WATCH_JS)
        page.goto(url, wait_until="load")
        page.wait_for_selector("#kit-scorer .kit-sc-criterion")
        assert page.locator("#kit-scorer-slot").count() == 0
        assert page.evaluate("document.querySelector('#kit-scorer p.kit-sc-intro') === window.__intro"), \
            "the scorer made the introduction anew"
        assert page.evaluate("window.__lcp.at(-1).element === window.__intro"), "the largest paint is another one"
        assert _rects(page) == served, "the first screen moved when the scorer was built"
        assert page.locator("#kit-scorer > h2").count() == 1
    finally:
        context.close()


SCORER = PROJECT / "overrides" / "assets" / "javascripts" / "scorer"
MAIN = {"main.js", "rule.js", "storage.js", "every-page.js"}
"""scorer/main.js and what it imports on every scorer page."""


@pytest.mark.parametrize(("location", "root", "other"), [("worksheet/", "#kit-scorer", {"report.js", "interview.js"}),
                                                         ("report/", "#kit-report", {"scorer.js", "interview.js"}),
                                                         ("interview/", "#kit-interview", {"scorer.js", "report.js"})])
def test_a_scorer_page_preloads_the_modules_of_its_own_view_only(browser: Any, base: str, location: str, root: str,
                                                                 other: set[str]) -> None:
    context = browser.new_context(**PHONE)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        page = context.new_page()
        page.goto(base + location, wait_until="load")
        page.wait_for_selector(root)
        hints = page.eval_on_selector_all("link[rel=modulepreload]", "links => links.map((l) => l.href)")
        modules = {url.rsplit("/", 1)[-1] for url in requested if "/javascripts/scorer/" in url}
        preloaded = {url.rsplit("/", 1)[-1] for url in hints}
        assert all("/javascripts/scorer/" in url for url in hints), hints
        # The report's code for what is below the first screen comes after it (report.js, report-more.js).
        later = set(module_graph(SCORER, "report-more.js")) - preloaded if location == "report/" else set()
        assert later.isdisjoint(module_graph(SCORER, "report.js")), "report-more.js's code is in the first screen's"
        assert modules - MAIN - later == preloaded - MAIN, "a module the page loads is not preloaded, or the reverse"
        assert not modules & other, f"{location} loads another page's view"
    finally:
        context.close()


LAYOUT_EVENTS = ("Layout", "UpdateLayoutTree")
TRACE = ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.stack"]
"""Chromium's trace categories in which a forced style or layout carries the script's stack."""


@pytest.mark.parametrize(("location", "root"), [("worksheet/", "#kit-scorer"), ("report/", "#kit-report")])
def test_building_with_ten_agencies_forces_no_layout(browser: Any, base: str, location: str, root: str) -> None:
    """The scorer's code reads no layout (a box's width, say) while the page is being built: the browser
    would lay the page out there and then, in the task that builds it (issue 30: blocking time)."""
    from bench.seeded import sample_scores

    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(base + "404.html")
        page.evaluate("(items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v))",
                      sample_scores(DEFAULT_CRITERIA, 10))
        browser.start_tracing(page=page, categories=TRACE)
        try:
            page.goto(base + location)
            page.wait_for_selector(root)
            page.wait_for_timeout(500)  # the chart drawn after
        finally:
            events = json.loads(browser.stop_tracing())["traceEvents"]
    finally:
        context.close()
    forced = []
    for event in events:
        data = event.get("args", {}).get("beginData") or event.get("args", {}).get("data") or {}
        stack = [frame.get("url", "") for frame in data.get("stackTrace") or []]
        if event.get("name") in LAYOUT_EVENTS and any("/javascripts/scorer/" in url for url in stack):
            forced.append((event["name"], [frame.get("functionName") for frame in data["stackTrace"]][:4]))
    assert forced == []
