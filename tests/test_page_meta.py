"""Accessibility and search details of every page (Lighthouse 12.8.2 found them missing, issue 30).

- Links in running text are told apart without colour: underlined (WCAG 1.4.1, "links rely on colour").
- Every column of a content table has a header with text ("a large table's cells have no headers":
  the scale on the scoring page had an empty third header).
- Every page has a ``<meta name="description">`` in its language (generator/site/page_description.py).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from editions import default_edition, label

from conftest import DEFAULT_CRITERIA, PHONE
from generator.load import load_criteria
from generator.render.pages import ALL_FORMS
from generator.site.nav import language_root
from generator.site.page_description import DESCRIPTION_MAX, form_description, page_description

CRITERIA = load_criteria(DEFAULT_CRITERIA)
CJK = re.compile(r"[\u4e00-\u9fff]")


# --- page_description, without a site ------------------------------------------------------------

def test_description_is_the_first_paragraph_that_reads_as_a_sentence() -> None:
    html = ('<h1>Title</h1><template><p>Data, not text, of the scorer here.</p></template>'
            '<noscript><p>Turn on JavaScript to use this page.</p></noscript>'
            '<p class="kit-running">Kit · version 1.2.0 (commit abc1234)</p>'
            '<p><a href="x/">Next</a></p>'
            '<p>Score each  agency\n soon after the <a href="i/">interview</a> &amp; compare.</p><p>Second.</p>')
    assert page_description(html, "Kit") == "Score each agency soon after the interview & compare."


def test_description_of_chinese_text_counts_characters() -> None:
    assert page_description("<p>下一页</p><p>和代运营公司面谈时用手机打开这一页。</p>", "工具包") == "和代运营公司面谈时用手机打开这一页。"


def test_long_descriptions_end_at_a_word_with_an_ellipsis() -> None:
    text = " ".join(["agency"] * 60)
    found = page_description(f"<p>{text}</p>", "Kit")
    assert len(found) <= DESCRIPTION_MAX and found.endswith("agency…")
    zh = page_description(f"<p>{'代运营' * 100}</p>", "Kit")
    assert len(zh) == DESCRIPTION_MAX and zh.endswith("…")


def test_a_page_without_a_sentence_gets_the_edition_title() -> None:
    assert page_description("<h1>Worksheet</h1><p>Print</p>", "Agency  Vetting Kit") == "Agency Vetting Kit"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_form_page_is_described_by_what_it_is_for(lang: str) -> None:
    texts = default_edition().texts[lang]
    worksheet = form_description(texts, "worksheet.md")
    assert worksheet is not None and worksheet.startswith(f"{label(lang, 'worksheet')} · ")
    assert label(lang, "worksheet_about", printed=3, online=10, workbook=5)[:12] in worksheet
    for form in ALL_FORMS:
        found = form_description(texts, f"{form}.md")
        assert found and len(found) <= DESCRIPTION_MAX and "{" not in found, form
    assert form_description(texts, "scoring.md") is None and form_description(texts, "sections/identity.md") is None


# --- the built site ------------------------------------------------------------------------------

class _Page(HTMLParser):
    """The meta description, ``<html lang>`` and the header rows and column counts of each table in ``<article>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.description: str | None = None
        self.lang = ""
        self.tables: list[dict[str, Any]] = []
        self._in_article = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "description":
            self.description = a.get("content") or ""
        elif tag == "html":
            self.lang = a.get("lang") or ""
        elif tag == "article":
            self._in_article += 1
        elif self._in_article and tag == "table":
            self.tables.append({"heads": [], "rows": 0, "cols": 0, "row": 0})
        elif self._in_article and self.tables and tag == "tr":
            table = self.tables[-1]
            table["rows"] += 1
            table["row"] = 0
        elif self._in_article and self.tables and tag in ("td", "th"):
            table = self.tables[-1]
            table["row"] += 1
            table["cols"] = max(table["cols"], table["row"])
            if tag == "th":
                self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1
        elif tag == "th" and self._cell is not None:
            self.tables[-1]["heads"].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts and "search" not in p.parts)


def _parsed(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_has_a_description_in_its_language(built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) > 30
    for path in pages:
        page = _parsed(path)
        where = path.relative_to(built_site)
        assert page.description, f"{where}: no meta description"
        assert len(page.description) <= DESCRIPTION_MAX, where
        chinese = page.lang.startswith("zh")
        assert bool(CJK.search(page.description)) == chinese, f"{where} ({page.lang}): {page.description}"


def test_the_scoring_page_describes_itself_with_its_first_paragraph(built_site: Path) -> None:
    page = _parsed(built_site / "scoring" / "index.html")
    assert page.description is not None and page.description.startswith("每家代运营公司的得分")


def test_form_pages_say_what_they_are_for_not_how_to_print(built_site: Path) -> None:
    for lang, root in (("zh", built_site), ("en", built_site / "en")):
        for form in ("worksheet", "questionnaire", "checklist", "declaration"):
            page = _parsed(root / form / "index.html")
            assert page.description is not None and page.description.startswith(f"{label(lang, form)} · "), (
                lang, form, page.description)
            assert label(lang, "print_hint")[:12] not in page.description, page.description


def test_every_column_of_a_large_table_has_a_header(built_site: Path) -> None:
    checked = 0
    for path in _pages(built_site):
        for table in _parsed(path).tables:
            if table["rows"] < 3 or table["cols"] < 3:
                continue  # axe's td-has-header checks tables from 3 × 3
            checked += 1
            heads = table["heads"][: table["cols"]]
            assert len(heads) == table["cols"] and all(heads), f"{path.relative_to(built_site)}: headers {heads}"
    assert checked > 10


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_links_in_running_text_are_underlined(browser: Any, base: str, lang: str) -> None:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(f"{base}{language_root(CRITERIA, lang)}scoring/")
        style = page.evaluate("""() => {
          const read = (el) => el && getComputedStyle(el).textDecorationLine;
          return {text: read(document.querySelector('article p a[href], article li a[href]')),
                  button: read(document.querySelector('article a.md-button')),
                  nav: read(document.querySelector('.md-nav__link[href]'))};
        }""")
    finally:
        context.close()
    assert style["text"] == "underline", style
    assert style["nav"] == "none", style
