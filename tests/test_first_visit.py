"""A phone's first visit (issue 30): a guide page loads neither the scorer nor the search index,
the pages that use the scorer still get it (also through instant navigation), and search still
finds Chinese words once the merchant opens it."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from test_scoring_browser import instant_base  # noqa: F401 (the fixture)
from test_search import _RESULTS_SHOWN, CHINESE_WORDS, index_pages, load_index

from conftest import DEFAULT_CRITERIA, PHONE
from generator.load import load_criteria

GUIDE = f"sections/{load_criteria(DEFAULT_CRITERIA).sections[0].id}/"
"""The first section page of the guide."""
SCORER_ONLY = re.compile(r"/assets/javascripts/scorer/|/assets/stylesheets/(scoring|report|interview|share|evidence|kit-app)\.css$")
"""Files that only the worksheet, report and interview pages need."""
INDEX = re.compile(r"/search/search_index\.(json|js)$")
FIRST_VISIT_GZIP = 90 * 1024
"""Issue 30: a guide page's first visit, HTML, CSS, JS and data together, at most 90 KiB gzip."""


def _visit(browser: Any, url: str) -> tuple[Any, Any, list[str]]:
    """A phone's first visit of ``url``, settled; the context, page and every URL requested (so far and later)."""
    context = browser.new_context(**PHONE)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page, requested


def _gzip_bytes(site: Path, base: str, urls: list[str]) -> int:
    total = 0
    for url in dict.fromkeys(urls):
        path = site / urlsplit(url.removeprefix(base.rstrip("/"))).path.lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        total += len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
    return total


def test_first_visit_of_a_guide_page_loads_no_scorer_nor_search_index(
        built_site: Path, serve_dir: Any, browser: Any) -> None:
    base = serve_dir(built_site)
    context, page, requested = _visit(browser, base + GUIDE)
    assert page.locator("article h1").count() == 1
    local = [url for url in requested if url.startswith(base)]
    assert not [url for url in local if SCORER_ONLY.search(url) or INDEX.search(url)], local
    weight = _gzip_bytes(built_site, base, local)
    assert weight <= FIRST_VISIT_GZIP, f"{weight / 1024:.1f} KiB gzip: {local}"
    context.close()


def _follow_to_worksheet(page: Any, base: str) -> None:
    """Click a link to the worksheet added to the page; the scorer comes by Material's instant navigation."""
    page.evaluate("window.__sameDocument = true")
    page.evaluate("""(href) => {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = "worksheet";
      document.querySelector("article").append(link);
      link.click();
    }""", base + "worksheet/")
    page.wait_for_url("**/worksheet/")
    page.wait_for_selector("#kit-scorer", timeout=30_000)
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation was not used"


def test_instant_navigation_from_a_guide_page_brings_the_scorer(
        browser: Any, instant_base: str) -> None:  # noqa: F811 (the fixture imported above)
    context, page, requested = _visit(browser, instant_base + GUIDE)  # networkidle: Material has read sitemap.xml
    assert not [url for url in requested if SCORER_ONLY.search(url)]
    # The guide's menu is pruned to its own group; a link like the home page's to the worksheet.
    _follow_to_worksheet(page, instant_base)
    assert page.evaluate("[...document.styleSheets].some((s) => (s.href || '').endsWith('/kit-app.css'))")
    assert not [url for url in requested if INDEX.search(url)]
    context.close()


def test_scorer_pages_load_their_code_on_a_first_visit(built_site: Path, serve_dir: Any, browser: Any) -> None:
    base = serve_dir(built_site)
    for location, root in (("worksheet/", "#kit-scorer"), ("report/", "#kit-report"), ("en/interview/", "#kit-interview")):
        context, page, requested = _visit(browser, base + location)
        page.wait_for_selector(root, timeout=30_000)
        assert any(url.endswith("/scorer/main.js") for url in requested), location
        assert any(url.endswith("/stylesheets/kit-app.css") for url in requested), location
        assert not [url for url in requested if INDEX.search(url)], location
        context.close()


def test_search_opened_on_a_guide_page_loads_the_index_and_finds_chinese_words(
        built_site: Path, serve_dir: Any, browser: Any) -> None:
    base, index = serve_dir(built_site), load_index(built_site)
    context, page, requested = _visit(browser, base + GUIDE)
    assert not [url for url in requested if INDEX.search(url)]
    page.locator("header label[for=__search]").first.tap()
    box = page.locator("input[data-md-component=search-query]")
    box.wait_for(state="visible")
    word = CHINESE_WORDS[1]
    box.fill(word)
    box.press("End")  # Material runs a query on a key event; fill() sends none
    page.wait_for_function(_RESULTS_SHOWN, timeout=30_000)
    assert [url for url in requested if url == f"{base}search/search_index.json"]
    links = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    found = {urlsplit(link).path for link in links}
    expected = index_pages(index, lambda title, text: word in title + text)
    assert expected and expected <= found, (expected - found, found)
    context.close()


def test_bundle_patch_matches_installed_material(built_site: Path) -> None:
    import material

    from generator.site.search_loading import BUNDLE_PATCHES, patch_bundle

    [bundle] = (Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js")
    original = bundle.read_text(encoding="utf-8")
    script, missing = patch_bundle(original)
    # Every patch finds its exact code in this Material release (a new release fails here, not silently).
    assert missing == ()
    assert all(p.old in original and p.new in script for p in BUNDLE_PATCHES)
    assert patch_bundle("unrelated") == ("unrelated", BUNDLE_PATCHES)
    for root in (built_site, built_site / "en"):
        [built] = (root / "assets" / "javascripts").glob("bundle.*.min.js")
        assert built.read_text(encoding="utf-8") == script


def test_the_async_scorer_script_run_before_materials_still_builds_each_page_view(
        browser: Any, instant_base: str) -> None:  # noqa: F811 (the fixture imported above)
    """main.js is async (issue 30: it asks for the view's modules as soon as it has loaded). Run before
    Material's script (held back here), it still builds the report, and the worksheet reached from it
    by instant navigation (every-page.js subscribes to document$ once the page has been read)."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()

        def late(route: Any) -> None:
            page.wait_for_timeout(800)
            route.continue_()

        page.route("**/javascripts/bundle.*.min.js", late)
        page.goto(instant_base + "report/", wait_until="load")
        page.wait_for_selector("#kit-report", timeout=30_000)
        script = page.locator("script[data-kit-preload]")
        assert script.evaluate("s => s.async && s.type === 'module' && s.src.endsWith('/scorer/main.js')")
        assert page.locator("link[rel=modulepreload]").count() > 0
        _follow_to_worksheet(page, instant_base)
    finally:
        context.close()
