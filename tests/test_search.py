"""Real searches in Chromium on the built site: Chinese on the Chinese site, English on the English
site, each language with its own compact UTF-8 index; readable anchors; lean pages in a big fork."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from test_scoring_browser import instant_base  # noqa: F401 (the fixture)

from conftest import ROOT
from generator.cli import main
from generator.render.pages import ALL_FORMS, SEARCHED_FORMS
from generator.site.search_index import compact_search_index
from generator.site.search_storage import STORED_BREAK, WORD_BREAK, as_read
from scripts.synthetic_fork import section_marker, synthetic_yaml

CHINESE_WORDS = ("人员比例", "实地考察", "资质证书")
"""Words from the middle of sentences of the default criteria (checked below)."""

HAN = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_STOP_WORDS = {"because", "however", "neither"}  # lunr drops these from the index

_RESULTS_SHOWN = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  if (!meta) return false;
  const text = meta.textContent.trim();
  const many = t["search.result.other"].replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&").replace("#", "\\\\d+");
  return text === t["search.result.none"] || text === t["search.result.one"] || new RegExp(`^${many}$`).test(text);
}"""


_RESULTS_STILL = """() => {
  const now = [...document.querySelectorAll('a.md-search-result__link')]
    .map((a) => `${a.href} ${Math.round(a.getBoundingClientRect().top)}`).join('|');
  window.kitResults = now === window.kitResults[0] ? [now, window.kitResults[1] + 1] : [now, 0];
  return window.kitResults[1] >= 3;
}"""


def search(page: Any, url: str, query: str) -> list[str]:
    """Search the site at ``url`` as a reader would; the result pages' paths, best first.

    ``?q=`` makes Material fill in the search box and run the query once its index is loaded.
    """
    page.goto(f"{url}?q={quote(query)}")
    page.wait_for_function(_RESULTS_SHOWN, timeout=30_000)
    # Material may render the list again (the index arriving, the dialog opening): a tap on a result
    # must wait until the links and their places stay the same for 300 ms.
    page.evaluate("window.kitResults = ['', 0]")
    page.wait_for_function(_RESULTS_STILL, polling=100, timeout=30_000)
    links = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    return list(dict.fromkeys(urlsplit(link).path for link in links))


def index_pages(index: dict[str, Any], matches: Any) -> set[str]:
    """Paths (``/`` + location) of the pages with an indexed section for which ``matches(title, text)``."""
    pages = set()
    for doc in index["docs"]:
        title, text = (doc[key].replace("\u200b", "") for key in ("title", "text"))
        if matches(title, text):
            pages.add("/" + doc["location"].split("#")[0])
    return pages


def load_index(site: Path) -> dict[str, Any]:
    """The site's search index as the search worker reads it (``as_read``: breaks and locations whole)."""
    return dict(as_read(json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))))


def test_chinese_words_from_mid_sentence_find_their_pages(built_site: Path, serve_dir: Any, browser: Any) -> None:
    base, index = serve_dir(built_site), load_index(built_site)
    page = browser.new_page()
    for word in CHINESE_WORDS:
        sentences = [t for doc in index["docs"] for t in [doc["text"].replace("\u200b", "")] if word in t]
        mid_sentence = re.compile(f"{HAN.pattern}[^。！？]*{word}")  # Chinese words before it in its sentence
        assert any(mid_sentence.search(t) for t in sentences), f"pick a new word: {word}"
        expected = {base.rstrip("/") + p for p in index_pages(index, lambda title, text, w=word: w in title + text)}
        found = [base.rstrip("/") + p for p in search(page, base, word)]
        assert found and found[0] in expected, (word, found[:3])
        assert expected <= set(found), (word, expected - set(found))
        assert not [p for p in found if p.startswith(f"{base}en/")], (word, found)
    page.close()


def _english_words(index: dict[str, Any]) -> list[str]:
    """Words of 7+ letters on 2 to 6 pages of the English site, those next to punctuation first."""
    pages: dict[str, set[str]] = {}
    punctuated: set[str] = set()
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])
        for match in re.finditer(r"(?<![\w-])[A-Za-z]{7,}(?![\w-])", text):
            word = match.group(0).lower()
            pages.setdefault(word, set()).add(doc["location"].split("#")[0])
            if text[max(match.start() - 1, 0)] in "(“\"‘":
                punctuated.add(word)
    words = sorted(w for w, p in pages.items() if 2 <= len(p) <= 6 and w not in ENGLISH_STOP_WORDS)
    return [w for w in words if w in punctuated][:2] + [w for w in words if w not in punctuated][:3]


def test_english_words_find_every_page_they_are_on(built_site: Path, serve_dir: Any, browser: Any) -> None:
    site = built_site / "en"
    base, index = serve_dir(built_site), load_index(site)
    page = browser.new_page()
    words = _english_words(index)
    assert len(words) >= 3, words
    for word in words:
        pattern = re.compile(rf"(?<![\w-]){word}", re.I)
        expected = {f"{base}en" + p for p in index_pages(index, lambda t, x, r=pattern: bool(r.search(t + " " + x)))}
        found = [base.rstrip("/") + p for p in search(page, f"{base}en/", word)]
        assert len(expected) >= 2 and expected <= set(found), (word, expected - set(found))
        assert all(p.startswith(f"{base}en/") for p in found), (word, found)
    page.close()


def test_each_language_searches_only_its_own_pages(built_site: Path, serve_dir: Any, browser: Any) -> None:
    base = serve_dir(built_site)
    page = browser.new_page()
    assert all(p.startswith("/en/") for p in search(page, f"{base}en/", CHINESE_WORDS[1]))
    english = _english_words(load_index(built_site / "en"))[0]
    assert not [p for p in search(page, base, english) if p.startswith("/en/")]
    page.close()


def assert_compact_utf8_index(site: Path) -> str:
    """The index is valid JSON already in compact UTF-8 form (``ensure_ascii=False``, no spaces)."""
    text = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert compact_search_index(text) == text
    return text


def test_search_indexes_are_compact_utf8(built_site: Path) -> None:
    zh = assert_compact_utf8_index(built_site)
    assert_compact_utf8_index(built_site / "en")
    # raw UTF-8, not \\u escapes; jieba's word breaks in one byte each (the worker restores them)
    assert HAN.search(zh) and STORED_BREAK in zh and WORD_BREAK not in zh


class _Headings(HTMLParser):
    """(id, text) of every h1–h6 with an id, without the permalink sign."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._open: list[str] | None = None
        self._in_link = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag) and values.get("id"):
            self.found.append((values["id"] or "", ""))
            self._open = []
        elif tag == "a" and self._open is not None and "headerlink" in (values.get("class") or ""):
            self._in_link += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._in_link:
            self._in_link -= 1
        elif re.fullmatch(r"h[1-6]", tag) and self._open is not None:
            self.found[-1] = (self.found[-1][0], "".join(self._open).strip())
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None and not self._in_link:
            self._open.append(data)


def test_chinese_headings_get_readable_stable_anchors(built_site: Path) -> None:
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")
    docs = built_site.parent / "docs" / "zh"
    markdown = "".join(p.read_text(encoding="utf-8") for p in docs.rglob("*.md"))
    explicit = {a or b for a, b in re.findall(r"\{\s*#([\w-]+)|\sid=\"([^\"]+)\"", markdown)}
    chinese = 0
    for path in sorted(p for p in built_site.rglob("*.html") if p.relative_to(built_site).parts[0] != "en"):
        parser = _Headings()
        parser.feed(path.read_text(encoding="utf-8"))
        ids = [i for i, _ in parser.found]
        assert len(ids) == len(set(ids)), path
        for anchor, text in parser.found:
            # A pure function of the heading (or its explicit id): the same in every build.
            assert anchor in explicit or anchor == slug(text, "-"), (path, anchor, text)
            assert not re.search(r"_\d+$", anchor), (path, anchor)
            if anchor not in explicit and HAN.search(text):
                assert HAN.search(anchor), (path, anchor, text)
                chinese += 1
    assert chinese >= 3


def test_big_fork_keeps_pages_lean_and_index_compact(tmp_path: Path, serve_dir: Any, browser: Any) -> None:
    sections = 30
    fork = tmp_path / "fork.yaml"
    fork.write_text(synthetic_yaml(300, sections), encoding="utf-8")
    site = tmp_path / "site"
    assert main(["site", "--no-pdf", "--criteria", str(fork), "--docs", str(tmp_path / "docs"), "--site", str(site),
                 "--config", str(ROOT / "mkdocs.yml")]) == 0
    middle = sections // 2
    for root in (site, site / "en"):
        html = (root / "sections" / f"s{middle:03d}" / "index.html").read_text(encoding="utf-8")
        assert section_marker(middle) in html
        # Only the page itself and its previous and next page (footer links) may be named.
        named = {n for n in range(1, sections + 1) if section_marker(n) in html}
        assert named <= {middle - 1, middle, middle + 1}, sorted(named)
        assert not [n for n in range(1, sections + 1) if section_marker(n) in
                    (root / "how-to-use" / "index.html").read_text(encoding="utf-8")]
    text = assert_compact_utf8_index(site)
    assert f"{STORED_BREAK}证据{STORED_BREAK}" in text  # raw UTF-8 CJK between jieba's word breaks (stored)
    assert_compact_utf8_index(site / "en")
    base = serve_dir(site)
    page = browser.new_page()
    assert search(page, base, "C0150")[0] == f"/sections/s{middle:03d}/"
    page.close()


def test_offline_index_script_is_compacted_alike() -> None:
    from generator.site.search_index import compact_search_index_script

    escaped = json.dumps({"docs": [{"location": "", "title": "电商\u200b代运营", "text": ""}]}, indent=1)
    assert compact_search_index_script(f"var __index = {escaped}") == 'var __index = {"docs":[["","电商\x7f代运营",""]]}'


def test_the_worker_reads_the_stored_index_as_material_wrote_it(built_site: Path, browser: Any) -> None:
    """The worker's JavaScript (``RESTORE_JS``, patched into the shipped worker) reads each built index as
    ``as_read`` does; ``search_storage.store`` stores an index only if ``as_read`` gives back Material's
    exactly (tests/test_search_index_size.py), so search reads the index Material wrote."""
    from generator.site.search_worker import RESTORE_JS

    page = browser.new_page()
    for root in (built_site, built_site / "en"):
        stored = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert stored["docs"] and all(isinstance(entry, list) for entry in stored["docs"])  # stored, not left
        read = as_read(stored)
        assert all(set(doc) >= {"location", "title", "text"} for doc in read["docs"])
        assert page.evaluate(f"index => ({RESTORE_JS})(index)", stored) == read
        assert page.evaluate(f"index => ({RESTORE_JS})(index)", read) == read  # entries left as objects
    page.close()


def test_search_worker_patch_matches_installed_material() -> None:
    import material

    from generator.site.search_worker import PATCHES, SEGMENT_LOOP, SEGMENT_LOOP_FIXED, patch_search_worker

    workers = list((Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert len(workers) == 1
    original = workers[0].read_text(encoding="utf-8")
    script, missing = patch_search_worker(original)
    # Every fix finds its exact code in this Material release (a new release fails here, not silently).
    assert missing == ()
    assert SEGMENT_LOOP not in script and SEGMENT_LOOP_FIXED in script
    assert all(p.old in original and p.new in script for p in PATCHES)
    assert patch_search_worker("unrelated") == ("unrelated", PATCHES)


def test_built_site_ships_the_patched_worker(built_site: Path) -> None:
    from generator.site.search_worker import PATCHES

    for root in (built_site, built_site / "en"):
        workers = list((root / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
        assert workers and all(p.new in w.read_text(encoding="utf-8") for w in workers for p in PATCHES)


PHRASE = "统一社会信用"
"""Three words of the default criteria (统一 社会 信用) from the middle of a sentence (checked below)."""

_RESULTS = """links => links.map(a => {
  const article = a.querySelector("article").cloneNode(true);
  const missing = article.querySelector(".md-search-result__terms");
  if (missing) missing.remove();
  return {href: a.href, text: article.innerText, missing: missing ? missing.innerText : ""};
})"""


def test_chinese_search_on_a_phone_misses_no_words_and_highlights_the_page(
        built_site: Path, serve_dir: Any, browser: Any) -> None:
    from conftest import PHONE

    base, index = serve_dir(built_site), load_index(built_site)
    split = re.compile("\u200b?".join(PHRASE))
    [words] = {tuple(m.group(0).split("\u200b")) for doc in index["docs"] for m in split.finditer(doc["text"])}
    assert len(words) >= 2 and "".join(words) == PHRASE, words  # jieba splits it: a query of several words
    texts = [doc["text"].replace("\u200b", "") for doc in index["docs"]]
    assert any(re.search(f"{HAN.pattern}[^。！？]*{PHRASE}", t) for t in texts), "pick a new phrase"
    context = browser.new_context(**PHONE)
    page = context.new_page()
    search(page, base, PHRASE)
    results = page.eval_on_selector_all("a.md-search-result__link", _RESULTS)
    whole = [r for r in results if PHRASE in r["text"].replace("\u200b", "")]
    assert whole, results
    for result in whole:
        # Shown with the whole query highlighted, so no word of it may be listed as missing.
        assert not result["missing"], result
        assert set(parse_qs(urlsplit(result["href"]).query)["h"][0].split()) == set(words), result["href"]
    # Every result, whole pages included, carries the words it matched to the page it opens.
    assert all(parse_qs(urlsplit(r["href"]).query).get("h", [""])[0].strip() for r in results), results
    page.locator("a.md-search-result__link").first.tap()
    page.wait_for_function("() => new URLSearchParams(location.search).get('h')")
    page.wait_for_selector(".md-content mark[data-md-highlight]")
    marked = page.eval_on_selector_all(".md-content mark[data-md-highlight]", "marks => marks.map(m => m.textContent)")
    assert set(marked) == set(words), marked
    assert PHRASE in page.inner_text(".md-content").replace("\u200b", "")
    context.close()


MERCHANT_WORDS = ("营业执照", "权重")
"""Words a merchant searches for that the editor pages also use (checked below)."""
EDITOR_PAGES = ("edition", "schema")


def test_editor_pages_stay_out_of_merchant_search(built_site: Path, serve_dir: Any, browser: Any) -> None:
    for root in (built_site, built_site / "en"):
        indexed = {doc["location"].split("/")[0] for doc in load_index(root)["docs"]}
        assert "sections" in indexed and not indexed & set(EDITOR_PAGES), root
    docs = built_site.parent / "docs" / "zh"
    editor_text = "".join((docs / f"{name}.md").read_text(encoding="utf-8") for name in EDITOR_PAGES)
    base = serve_dir(built_site)
    page = browser.new_page()
    for word in MERCHANT_WORDS:
        assert word in editor_text, f"pick a new word: {word}"
        found = search(page, base, word)
        assert any(p.startswith("/sections/") for p in found), (word, found)
        assert not [p for p in found if p.strip("/") in EDITOR_PAGES], (word, found)
    # The changelog stays findable, below every guide page the same word finds.
    changelog = (docs / "changelog.md").read_text(encoding="utf-8")
    assert "标准" in changelog
    found = search(page, base, "标准")
    guide = [n for n, p in enumerate(found) if p.startswith("/sections/") or p.strip("/") in ("how-to-use", "scoring")]
    assert guide and "/changelog/" in found and found.index("/changelog/") > max(guide), found
    page.close()


LANDING_WORDS = ("刷单", "返点", "生意参谋")
"""Words merchants search for (issue 23): the questionnaire used to come first and open 12,000–29,000 px above them."""

_FIRST_MARK = """() => {
  const hash = decodeURIComponent(location.hash.slice(1)), anchor = hash && document.getElementById(hash);
  const marks = [...document.querySelectorAll(".md-content mark[data-md-highlight]")];
  const mark = marks.find(m => !anchor || anchor.contains(m) || anchor.compareDocumentPosition(m) & 4) || marks[0];
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const box = mark.getBoundingClientRect(), view = visualViewport;  // what the phone's screen shows
  return {top: box.top - view.offsetTop, bottom: box.bottom - view.offsetTop, header: header - view.offsetTop,
          height: view.height, text: mark.textContent};
}"""


def _results(page: Any) -> list[tuple[str, str]]:
    """(path, anchor) of every search result shown, in order; the first of each page is the page itself."""
    links = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    return [(urlsplit(link).path, urlsplit(link).fragment) for link in links]


def _land(page: Any, nth: int) -> dict[str, Any]:
    """Tap the ``nth`` result; where the first highlight (at or after the result's anchor) sits once the page settled."""
    page.locator("a.md-search-result__link").nth(nth).tap()
    page.wait_for_function("() => new URLSearchParams(location.search).get('h')")
    page.wait_for_selector(".md-content mark[data-md-highlight]")
    page.wait_for_timeout(500)  # the landing scroll follows the highlighting
    return dict(page.evaluate(_FIRST_MARK))


@pytest.mark.parametrize("instant", [False, True], ids=["page-load", "instant-navigation"])
def test_search_opens_the_defining_guide_section_with_the_highlight_in_view(
        instant: bool, built_site: Path, serve_dir: Any, browser: Any, request: pytest.FixtureRequest) -> None:
    from conftest import DEFAULT_CRITERIA, PHONE
    from generator.load import load_criteria

    criteria = load_criteria(DEFAULT_CRITERIA)
    # Served where Material navigates instantly (the result replaces the page's content), or not.
    base = request.getfixturevalue("instant_base") if instant else serve_dir(built_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    for word in LANDING_WORDS if not instant else ():
        search(page, f"{base}how-to-use/", word)
        results = _results(page)
        # Guide sections first; the forms that repeat the guide are not search results at all, the others
        # (model clauses, after signing) come after every guide section.
        assert results and results[0][0].startswith("/sections/"), (word, results[:3])
        forms = [n for n, (p, _) in enumerate(results) if p.strip("/") in ALL_FORMS]
        assert all(results[n][0].strip("/") in SEARCHED_FORMS for n in forms), (word, results)
        sections = [n for n, (p, _) in enumerate(results) if p.startswith("/sections/")]
        assert not forms or min(forms) > max(sections), (word, results)
    [defining] = [(s, k) for s in criteria.sections for k in s.criteria if "刷单" in k.title("zh")]
    section, criterion = defining
    search(page, f"{base}how-to-use/", "刷单")
    results = _results(page)
    # The defining section's page comes first, and the criterion's own heading is its first section.
    assert results[0] == (f"/sections/{section.id}/", ""), results[:3]
    assert results[1] == (f"/sections/{section.id}/", criterion.id), results[:3]
    for nth in (0, 1):
        if nth:
            search(page, f"{base}how-to-use/", "刷单")
        mark = _land(page, nth)
        assert mark["text"] == "刷单" and mark["header"] <= mark["top"] and mark["bottom"] <= mark["height"], (nth, mark)
        assert urlsplit(page.url).fragment == results[nth][1], page.url
    if not instant:  # the English site alike, with words of the criterion's English title
        words = "fake orders"
        assert words in criterion.title("en").lower(), "pick new words"
        search(page, f"{base}en/how-to-use/", words)
        results = _results(page)
        assert results[:2] == [(f"/en/sections/{section.id}/", ""), (f"/en/sections/{section.id}/", criterion.id)]
        mark = _land(page, 1)
        assert mark["text"].lower() == words and mark["header"] <= mark["top"] <= mark["bottom"] <= mark["height"]
    context.close()


@pytest.mark.parametrize("instant", [False, True], ids=["page-load", "instant-navigation"])
def test_a_page_opened_at_its_top_scrolls_to_its_first_highlight(
        instant: bool, built_site: Path, serve_dir: Any, browser: Any, request: pytest.FixtureRequest) -> None:
    from conftest import PHONE

    # Served where Material navigates instantly (the result replaces the page's content), or not.
    base = request.getfixturevalue("instant_base") if instant else serve_dir(built_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    # 生意参谋 first appears a few screens down the second page it finds (a page result, no anchor).
    search(page, f"{base}how-to-use/", "生意参谋")
    page.evaluate("window.kitSamePage = true")
    results = _results(page)
    pages = list(dict.fromkeys(p for p, _ in results))
    assert len(pages) >= 2, results
    second = results.index((pages[1], ""))
    mark = _land(page, second)
    assert page.evaluate("window.kitSamePage === true") is instant
    assert urlsplit(page.url).path == pages[1] and not urlsplit(page.url).fragment, page.url
    assert page.evaluate("scrollY") > 0 and mark["header"] <= mark["top"] and mark["bottom"] <= mark["height"], mark
    context.close()


def test_a_form_kept_in_search_opens_at_the_word(built_site: Path, serve_dir: Any, browser: Any) -> None:
    from conftest import PHONE

    base = serve_dir(built_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    # 返点 is in a model clause, far down the clauses page.
    search(page, f"{base}how-to-use/", "返点")
    results = _results(page)
    assert ("/clauses/", "") in results, results
    mark = _land(page, results.index(("/clauses/", "")))
    assert urlsplit(page.url).path == "/clauses/" and page.evaluate("scrollY") > 0, page.url
    assert mark["text"] == "返点" and mark["header"] <= mark["top"] and mark["bottom"] <= mark["height"], mark
    context.close()


def test_search_options_rank_the_guide_and_leave_the_forms_out() -> None:
    from generator.render.pages import GUIDE_SEARCH_BOOST, search_options

    assert set(SEARCHED_FORMS) < set(ALL_FORMS)
    assert all(search_options(f"{form}.md") == {"exclude": True} for form in ALL_FORMS if form not in SEARCHED_FORMS)
    assert all(search_options(f"{form}.md") is None for form in SEARCHED_FORMS)
    assert search_options("sections/identity.md") == {"boost": GUIDE_SEARCH_BOOST} and GUIDE_SEARCH_BOOST > 1
    assert search_options("index.md") is None and search_options("interview.md") is None
