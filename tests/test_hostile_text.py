"""Hostile but legal text in every text field: published safely, shown literally, laid out on phone and paper.

The hostile edition (tests/hostile_edition.py) puts HTML, script, event
handlers, javascript: links, Jinja, Markdown structure, spreadsheet formulas,
a right-to-left override and a 2,800-character word into every text of the
minimal file. Its whole site is built once, then checked as files (links,
templates, spreadsheets) and in Debian's Chromium (nothing runs, nothing
overflows, A4 print).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from editions import context
from hostile_edition import EVIL_HOST, FORMULAS, JINJA, JINJA_RESULTS, LONG_WORD, PAYLOADS, write_hostile
from pypdf import PdfReader

from conftest import ROOT
from generator.cli import main
from generator.load import load_criteria
from generator.render.scoring_data import ELEMENT_ID, scoring_data

pytestmark = pytest.mark.site

A4_TEXT_WIDTH = 703
"""CSS pixels across A4 paper inside print.css's 12 mm side margins (186 mm at 96 px per inch)."""
FORMULA_MARKERS = ("evil", "HYPERLINK", "SUM(1,1)", "cmd|", "+1+1", "-2+3")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile criteria file, its generated docs and its built site."""
    base = tmp_path_factory.mktemp("hostile")
    criteria = write_hostile(base)
    # Without the forms' PDFs: WeasyPrint takes many CPU minutes to wrap LONG_WORD (issue 14's report).
    assert main(["site", "--criteria", str(criteria), "--docs", str(base / "docs"), "--site", str(base / "site"),
                 "--config", str(ROOT / "mkdocs.yml"), "--no-pdf"]) == 0
    return {"criteria": criteria, "docs": base / "docs", "site": base / "site"}


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Tags(HTMLParser):
    """Every start tag with its (entity-decoded) attributes, and the text of inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _tags(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_the_payloads_reached_every_page(hostile: dict[str, Path]) -> None:
    pages = _pages(hostile["site"])
    assert len(pages) >= 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "&lt;script&gt;window.__pwned" in text or "\\u003cscript\\u003e" in text, page


def test_no_markup_from_data_reaches_the_html(hostile: dict[str, Path]) -> None:
    offenders = []
    for page in _pages(hostile["site"]):
        parsed = _tags(page)
        where = page.relative_to(hostile["site"]).as_posix()
        for tag, attrs in parsed.tags:
            if (tag == "img" and attrs.get("src") == "x") or (tag == "svg" and "onload" in attrs):
                offenders.append(f"{where}: <{tag} {attrs}> from data")
            for name, value in attrs.items():
                if name.startswith("on") and ("pwned" in value or "alert" in value):
                    offenders.append(f"{where}: <{tag} {name}={value[:60]!r}>")
                if name in {"href", "src", "action", "formaction", "data", "xlink:href"}:
                    squeezed = re.sub(r"[\s\x00-\x1f]", "", html.unescape(value)).lower()
                    if squeezed.startswith(("javascript:", "vbscript:", "data:text/html")):
                        offenders.append(f"{where}: <{tag} {name}={value[:60]!r}>")
                    if EVIL_HOST in value and tag in {"a", "img", "script", "iframe", "link", "form", "source"}:
                        offenders.append(f"{where}: <{tag} {name}={value[:60]!r}>")
        offenders += [f"{where}: inline script {s[:60]!r}" for s in parsed.scripts if "pwned" in s]
        raw = page.read_text(encoding="utf-8")
        for pattern in (r"""(?i)(href|src)\s*=\s*["']?\s*javascript:""", r"(?i)<(svg|img|iframe)[^>]*\son\w+="):
            offenders += [f"{where}: {m.group(0)[:80]}" for m in re.finditer(pattern, raw)]
    assert offenders == []


def test_templates_evaluate_nothing_from_data(hostile: dict[str, Path]) -> None:
    generated = [*hostile["docs"].rglob("*.md"), *_pages(hostile["site"])]
    for path in generated:
        text = path.read_text(encoding="utf-8")
        for result in JINJA_RESULTS:
            assert result not in text, (path, result)
    section = (hostile["site"] / "en" / "sections" / "trust" / "index.html").read_text(encoding="utf-8")
    for source in JINJA:
        assert html.escape(source, quote=False) in section, source


@pytest.mark.parametrize("page", ["sections/trust", "", "questionnaire", "checklist", "worksheet", "changelog"])
def test_markdown_syntax_renders_literally(page: str, hostile: dict[str, Path]) -> None:
    text = (hostile["site"] / "en" / page / "index.html").read_text(encoding="utf-8")
    article = text[text.index("<article"): text.index("</article>")]
    assert "**bold** _em_ ~~strike~~" in article and "[link](http://evil.example/page)" in article
    if page == "sections/trust":  # here every kind of text is shown in full
        for literal in ["# heading", "* list item", "&gt; quote", "`code` ``` fence", "| a | b |", "---",
                        "1. numbered", "![img](http://evil.example/x.png)", "&amp;lt;script&amp;gt;",
                        "&lt;http://evil.example/auto&gt;"]:
            assert literal in article, literal
    for made in ["<blockquote", "<strong>bold", "<em>em", "<del>", "<hr", 'id="heading"', "<pre", "<code>code",
                 "<li>list item", "<li>numbered", "<th>a</th>", "<img", "<svg onload"]:
        assert made not in article, made


def test_the_schema_reference_says_texts_are_plain_text(hostile: dict[str, Path]) -> None:
    for lang, words in [("en", "None. Text fields are plain text"), ("zh", "不能。所有文字字段都是纯文本")]:
        page = (hostile["docs"] / lang / "schema.md").read_text(encoding="utf-8")
        assert "{ #markdown }" in page and words in page


def test_worksheet_data_round_trips_every_payload(hostile: dict[str, Path]) -> None:
    criteria = load_criteria(hostile["criteria"])
    for lang, root in [("zh", hostile["site"]), ("en", hostile["site"] / "en")]:
        page = (root / "worksheet" / "index.html").read_text(encoding="utf-8")
        body = re.search(rf'<template id="{ELEMENT_ID}"[^>]*>(.*?)</template>', page, re.S)
        assert body
        assert json.loads(body.group(1)) == json.loads(json.dumps(scoring_data(context(criteria, lang))))


def _cells(path: Path, values: bool = False) -> Iterator[Any]:
    for sheet in openpyxl.load_workbook(path, data_only=values):
        for row in sheet.iter_rows():
            yield from row


def test_no_spreadsheet_cell_becomes_a_formula(hostile: dict[str, Path]) -> None:
    books = sorted(hostile["site"].rglob("*.xlsx"))
    assert len(books) == 2
    for book in books:
        cells = list(_cells(book))
        formulas = [c for c in cells if c.data_type == "f"]
        assert formulas, "the workbook's own scoring formulas are there"
        assert [c.coordinate for c in formulas if any(m in str(c.value) for m in FORMULA_MARKERS)] == []
        as_text = [c for c in cells if isinstance(c.value, str) and c.value.startswith(FORMULAS)]
        assert len(as_text) >= 2 and all(c.data_type == "s" for c in as_text)
    tables = sorted(hostile["site"].rglob("*.csv"))
    assert tables
    for table in tables:
        rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"), newline="")))
        cells = [cell for row in rows for cell in row]
        assert [c[:40] for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))] == []
        assert any(c.startswith("'=HYPERLINK") for c in cells) and any(c.startswith("'@SUM") for c in cells)


@pytest.mark.browser
def test_libreoffice_shows_formula_texts_as_text(hostile: dict[str, Path], tmp_path: Path) -> None:
    from test_workbook import recalculate

    (tmp_path / "in").mkdir()
    books = []
    for source in sorted(hostile["site"].rglob("*.xlsx")):
        books.append(tmp_path / "in" / source.name)
        books[-1].write_bytes(source.read_bytes())
    out = recalculate(tmp_path, books)
    for book in books:
        before = {(c.parent.title, c.coordinate): c.value for c in _cells(book)
                  if c.data_type == "s" and str(c.value).startswith(FORMULAS)}
        after = {(c.parent.title, c.coordinate): c.value for c in _cells(out / book.name, values=True)}
        assert before and {key: after.get(key) for key in before} == before


# ---------- In the browser ----------

def _watch(page: Any) -> list[str]:
    """Record dialogs (alert, confirm, prompt) and uncaught errors of ``page``."""
    seen: list[str] = []

    def dialog(d: Any) -> None:
        seen.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.on("pageerror", lambda e: seen.append(f"error: {e}"))
    return seen


def _pwned(page: Any) -> Any:
    return page.evaluate("() => window.__pwned || null")


def test_nothing_runs_on_any_page(hostile: dict[str, Path], browser: Any, serve_dir: Any) -> None:
    base = serve_dir(hostile["site"])
    page = browser.new_page()
    seen = _watch(page)
    visited = []
    for path in _pages(hostile["site"]):
        url = base + path.relative_to(hostile["site"]).as_posix()
        page.goto(url, wait_until="load")
        page.wait_for_timeout(50)  # let failed images fire onerror
        visited.append((url, _pwned(page)))
    assert [v for v in visited if v[1]] == [] and seen == []
    page.goto(base + "en/")
    page.keyboard.press("/")  # Material's search: results render titles and text from the index
    page.keyboard.type("pwned script")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)
    assert _pwned(page) is None and seen == []
    page.close()


def test_nothing_runs_in_the_scorer(hostile: dict[str, Path], browser: Any, serve_dir: Any, tmp_path: Path) -> None:
    base = serve_dir(hostile["site"])
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    seen = _watch(page)
    page.goto(base + "en/worksheet/")
    page.wait_for_selector("#kit-scorer")
    criteria = load_criteria(hostile["criteria"])
    names = [PAYLOADS[1], "=HYPERLINK(\"http://evil.example\",\"x\")", LONG_WORD]
    for i, name in enumerate(names):
        if i >= page.locator("input.kit-sc-name").count():
            page.click('button[data-action="add"]')
        page.locator("input.kit-sc-name").nth(i).fill(name)
        page.locator(".kit-sc-pick input").nth(i).check()
        for j, k in enumerate(criteria.criteria):
            page.locator(f'fieldset[data-criterion="{k.id}"] input[value="{(i + j) % 4}"]').check()
        page.locator(f'textarea.kit-sc-note[data-criterion="{criteria.criteria[0].id}"]').fill(PAYLOADS[0])
    page.wait_for_timeout(200)
    assert _pwned(page) is None and seen == []
    with page.expect_download() as info:
        page.click('#kit-scorer button[data-action="export-csv"]')
    exported = Path(info.value.path()).read_text(encoding="utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(exported, newline="")) for c in row]
    assert [c[:40] for c in cells if c.startswith(("=", "+", "-", "@"))] == []
    page.evaluate("kitScoring.preparePrint()")
    _assert_fits_paper(page, tmp_path / "scored.pdf")
    assert _pwned(page) is None and seen == []
    page.close()


# ---------- Layout: phone and A4 ----------

_OVERFLOW = """() => {
  const root = document.documentElement, width = root.clientWidth;
  const out = [...document.querySelectorAll('body *')].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  }).map((el) => el.tagName + '.' + (typeof el.className === 'string' ? el.className : ''));
  return {scroll: root.scrollWidth, width, out: out.slice(0, 8)};
}"""


def _assert_fits_paper(page: Any, pdf: Path) -> None:
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    found = page.evaluate(_OVERFLOW)
    assert found["scroll"] <= found["width"] and found["out"] == [], found
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    sheets = PdfReader(pdf).pages
    assert sheets and all(abs(float(s.mediabox.width) - 595.3) < 2 and abs(float(s.mediabox.height) - 841.9) < 2
                          for s in sheets), "A4 portrait"
    page.emulate_media(media="screen")


@pytest.mark.parametrize("form", ["worksheet", "questionnaire", "checklist"])
def test_printed_forms_fit_a4(form: str, hostile: dict[str, Path], browser: Any, serve_dir: Any,
                              tmp_path: Path) -> None:
    base = serve_dir(hostile["site"])
    page = browser.new_page()
    for root in ["", "en/"]:
        page.goto(f"{base}{root}{form}/", wait_until="load")
        _assert_fits_paper(page, tmp_path / f"{form}.pdf")
    page.close()


def test_every_page_fits_a_375px_phone(hostile: dict[str, Path], browser: Any, serve_dir: Any) -> None:
    base = serve_dir(hostile["site"])
    page = browser.new_page(viewport={"width": 375, "height": 800})
    wide = []
    for path in _pages(hostile["site"]):
        page.goto(base + path.relative_to(hostile["site"]).as_posix(), wait_until="load")
        found = page.evaluate(_OVERFLOW)
        if found["scroll"] > found["width"]:
            wide.append((path.relative_to(hostile["site"]).as_posix(), found))
    assert wide == []
    page.close()
