"""The guide pages on a phone (390 x 844, touch): titles without a blank line under them, score
tables that leave the description room, the declared language and the fonts named for Chinese."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from editions import label

from conftest import DEFAULT_CRITERIA, PHONE
from generator.load import load_criteria
from generator.site.nav import language_root
from generator.site.page_fixes import SEARCH_DIALOG
from generator.words.language_tags import language_tag

CRITERIA = load_criteria(DEFAULT_CRITERIA)
GUIDE_PAGES = ("", "how-to-use/", "scoring/", "downloads/", "edition/", "schema/", "changelog/",
               *(f"sections/{s.id}/" for s in CRITERIA.sections))
CHINESE_FONTS = ("PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC")

_HEADINGS = """() => [...document.querySelectorAll(".md-content :is(h1, h2, h3)")].map(h => {
  // The lines of the heading's own text, without its permalink.
  const range = document.createRange();
  range.selectNodeContents(h);
  const link = h.querySelector(".headerlink");
  if (link) range.setEndBefore(link);
  const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
  return {text: h.textContent, tag: h.tagName, lines, height: h.getBoundingClientRect().height,
          lineHeight: parseFloat(getComputedStyle(h).lineHeight)};
})"""


@pytest.fixture(scope="module")
def phone(browser: Any) -> Any:
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_headings_are_as_tall_as_their_text(built_site: Path, serve_dir: Any, phone: Any, lang: str) -> None:
    base = serve_dir(built_site) + language_root(CRITERIA, lang)
    titles = 0
    for path in GUIDE_PAGES:
        phone.goto(base + path)
        headings = phone.evaluate(_HEADINGS)
        assert headings and headings[0]["tag"] == "H1", path
        for h in headings:
            # A ¶ wrapping onto a line of its own made a title one line (about 42 px) taller.
            assert h["height"] <= h["lines"] * h["lineHeight"] + 1, (path, h)
        titles += headings[0]["lines"] == 1
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"], path
    assert titles >= 3


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_score_tables_give_the_description_most_of_the_width(built_site: Path, serve_dir: Any, phone: Any,
                                                             lang: str) -> None:
    base = serve_dir(built_site) + language_root(CRITERIA, lang)
    for path in ("scoring/", f"sections/{CRITERIA.sections[0].id}/"):
        phone.goto(base + path)
        tables = phone.eval_on_selector_all(
            ":is(h3[id$='-levels'], h2#scale) + .md-typeset__scrollwrap table",
            "tables => tables.map(t => [t.getBoundingClientRect().width, "
            "...[...t.rows[1].cells].map(c => c.getBoundingClientRect().width)])")
        expected = 1 if path == "scoring/" else len(CRITERIA.sections[0].criteria)
        assert len(tables) == expected, path
        for table, score, level, description in tables:
            # Score and label used to take half a phone's width.
            assert description / table > 0.58 and description > 2 * max(score, level), (path, table, score, level)


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_every_page_declares_its_language(built_site: Path, lang: str) -> None:
    roots = {o: built_site / language_root(CRITERIA, o) for o in CRITERIA.meta.languages}

    def language(page: Path) -> str:  # the language whose folder holds it most closely
        return max((o for o, r in roots.items() if r in page.parents), key=lambda o: len(roots[o].parts))

    pages = [p for p in roots[lang].rglob("*.html") if language(p) == lang]
    assert len(pages) > len(CRITERIA.sections)
    expected = language_tag(lang)
    links = {language_tag(o) for o in CRITERIA.meta.languages}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert re.search(r"<html [^>]*>", html).group(0) == f'<html lang="{expected}" class="no-js">', page
        assert set(re.findall(r'hreflang="([^"]+)"', html)) == links, page
    assert language_tag("zh") == "zh-Hans"


def test_chinese_pages_keep_materials_chinese_texts_and_name_chinese_fonts(
        built_site: Path, serve_dir: Any, phone: Any) -> None:
    phone.goto(serve_dir(built_site) + "edition/")  # has code blocks
    assert phone.get_attribute("html", "lang") == "zh-Hans"
    assert phone.get_attribute("input.md-search__input", "placeholder") == "搜索"  # Material's zh texts
    for selector, generic in (("body", "sans-serif"), ("code", "monospace")):
        family = phone.eval_on_selector(selector, "el => getComputedStyle(el).fontFamily")
        names = [name.strip().strip('"') for name in family.split(",")]
        assert names[-1] == generic, family
        assert all(font in names for font in CHINESE_FONTS), family
    # System fonts only: no stylesheet or font file from anywhere but the site itself.
    assert not phone.evaluate("[...document.fonts].filter(f => f.status !== 'unloaded').length")
    assert not phone.evaluate("performance.getEntriesByType('resource').filter(e => !e.name.startsWith(location.origin)).length")


def test_search_dialog_has_an_accessible_name_on_every_page(built_site: Path) -> None:
    names = {language_tag(lang): label(lang, "search_dialog") for lang in CRITERIA.meta.languages}
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) > 2 * len(CRITERIA.sections)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        tag = re.search(r'<html lang="([^"]+)"', html).group(1)
        assert SEARCH_DIALOG not in html, f"{page}: Material's markup changed or the fix was not applied"
        assert f'role="dialog" aria-label="{names[tag]}">' in html, page
