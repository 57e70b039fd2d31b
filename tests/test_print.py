"""The printable forms, printed to PDF by Chromium: A4, running header, every criterion, no site chrome,
nothing overflowing on paper or on a 375 px phone screen.

Page-count bounds (default criteria: S sections, C criteria):
- questionnaire: at least 2 (a cover page of its own, then the sections one after another) and at most
  1 + S + C (no criterion needs more than a page of its own); measured with the default criteria (9
  sections, 40 criteria): QUESTIONNAIRE_PAGES (32 in both languages while every section started a page);
- checklist: exactly 1;
- worksheet: table rows R = C + 4 S + 6 (per section a heading and three sum rows; six total rows);
  between ceil(R / 45) and ceil(R / 20) + 1 pages (a page holds 20 to 45 rows, plus the formula);
- sitting forms (desk checks, visit, contract review): at most SITTING_MAX_PAGES (issue 26: 3 in zh).
  The short interview form they replace printed 6 pages zh, 7 en with 1.1.0. A file without
  ``sitting`` puts every must-ask question on the visit form, which then keeps the old short form's
  limit SHORT_MAX_PAGES (the synthetic 1.1-size file, tests/synthetic_1_1.py: 48 criteria, 2 must-ask
  questions each);
- post-signing checklist: at most AFTER_SIGNING_MAX_PAGES (1.1.0, 25 criteria with 35 first-month
  checks: 3 pages zh, 3 en; 1.0 has none: 1 page);
- self-check: at most SELF_CHECK_MAX_PAGES (1.1.0, 3 self-check items: 2 pages zh, 2 en).
The bounds are the limits the default criteria must keep.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from editions import context, label
from pypdf import PdfReader

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.model import Criteria
from generator.render.base import running_title
from generator.render.pages import ALL_FORMS
from generator.render.sittings import SITTING_FORMS, phone_items, sitting_items
from generator.site.nav import language_root

MM = 72 / 25.4
A4 = (595.28, 841.89)
PAGE_AREA_PX = round((210 - 2 * 12) / 25.4 * 96)
"""Width of the printable area of A4 at print.css's 12 mm side margins, in CSS px."""
CHROME = (".md-header", ".md-sidebar", ".md-footer", ".md-search")
CRITERIA = load_criteria(DEFAULT_CRITERIA)
CASES = [(lang, form) for lang in CRITERIA.meta.languages for form in ALL_FORMS]
SITTING_MAX_PAGES = {"zh": 3, "en": 4}
"""Each sitting's form prints on at most this many A4 pages (issue 26: 3 in zh)."""
SHORT_MAX_PAGES = {"zh": 10, "en": 11}
"""Without ``sitting`` every must-ask question is on the visit form: at most this many pages (issue 13)."""
PAPER_MAX_PAGES = 4
"""The agency's declaration and the contract clauses print on at most this many pages (PDF: 3 / 3 and 1 / 2)."""
AFTER_SIGNING_MAX_PAGES = 4
"""The post-signing checklist prints on at most this many A4 pages."""
SELF_CHECK_MAX_PAGES = 6
"""The merchant's self-check prints on at most this many A4 pages."""
QUESTIONNAIRE_PAGES = {"zh": 35, "en": 37}
"""Pages of the questionnaire printed from the default criteria 1.2.0, as measured (A4, Noto CJK;
1.1.0 printed 31 and 32; 1.0.0 printed 29 and 30 after the pagination fix, 32 and 32 before)."""

OVERFLOW_JS = """() => {
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const name = (el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')
    + (el.dataset.criterion ? '[' + el.dataset.criterion + ']' : '');
  const bad = [];
  for (const form of document.querySelectorAll('.kit-form')) {
    const box = form.getBoundingClientRect();
    for (const el of form.querySelectorAll('*')) {
      if (getComputedStyle(el).display === 'none') continue;
      // Visually hidden text for screen readers is clipped to nothing on purpose.
      if (el.closest('[style*="clip-path"], .kit-sc-sr') || getComputedStyle(el).clipPath === 'inset(50%)') continue;
      const scroller = el.parentElement.closest('.kit-scroll');
      const r = el.getBoundingClientRect();
      // Boxless elements (a closed select's options, SVG defs and patterns) cannot stick out.
      if (r.width === 0 && r.height === 0) continue;
      if (!(scroller && scrolls(scroller)) && (r.left < box.left - 1 || r.right > box.right + 1))
        bad.push(name(el) + ' sticks out of the form');
      if (!scrolls(el) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        bad.push(name(el) + ' is wider than its box');
    }
  }
  const root = document.documentElement;
  return {scroll: root.scrollWidth, client: root.clientWidth, forms: document.querySelectorAll('.kit-form').length,
          bad: bad.slice(0, 10)};
}"""


def _squash(text: str) -> str:
    """``text`` without whitespace, NFKC-normalised (ligatures such as ﬃ split), CJK radicals kept."""
    return "".join(ch if "\u2e80" <= ch <= "\u2fdf" else unicodedata.normalize("NFKC", ch)
                   for ch in re.sub(r"\s+", "", text))


def _pattern(expected: str) -> re.Pattern[str]:
    """Squashed ``expected``, letting any CJK radical stand for an ideograph.

    Chromium's PDFs map some Noto CJK glyphs back to radicals that share the glyph
    (工 is extracted as ⼯ U+2F2F, 页 as ⻚ U+2EDA), so an ideograph may come back as
    any character of the two radical blocks; every other character must match exactly.
    """
    parts = [f"[{ch}\u2e80-\u2fdf]" if "\u4e00" <= ch <= "\u9fff" else re.escape(ch) for ch in _squash(expected)]
    return re.compile("".join(parts))


def _contains(text: str, expected: str) -> bool:
    return _pattern(expected).search(_squash(text)) is not None


def _first_line(page: Any) -> str:
    """The topmost line of text inside the page area (below the running header)."""
    chunks: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            chunks.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

    page.extract_text(visitor_text=visit)
    top = float(page.mediabox.height) - 16 * MM
    inside = [(y, t) for y, t in chunks if 15 * MM < y < top]
    highest = max(y for y, _ in inside)
    return "".join(t for y, t in inside if abs(y - highest) < 2)


@pytest.fixture(scope="module")
def printed(built_site: Path, serve_dir: Any, browser: Any, tmp_path_factory: pytest.TempPathFactory
            ) -> dict[tuple[str, str], tuple[PdfReader, dict[str, Any], dict[str, Any]]]:
    """Per (language, form): the PDF, then chrome and overflow checks made in print media."""
    base = serve_dir(built_site)
    folder = tmp_path_factory.mktemp("pdf")
    page = browser.new_page(viewport={"width": PAGE_AREA_PX, "height": 1000})
    results = {}
    for lang, form in CASES:
        page.emulate_media(media="print")
        page.goto(f"{base}{language_root(CRITERIA, lang)}{form}/")
        chrome = page.evaluate("""(selectors) => Object.fromEntries(selectors.map((s) => [s,
            [...document.querySelectorAll(s)].map((el) => getComputedStyle(el).display)]))""", list(CHROME))
        overflow = page.evaluate(OVERFLOW_JS)
        path = folder / f"{form}-{lang}.pdf"
        page.pdf(path=str(path), format="A4", prefer_css_page_size=True, print_background=True)
        results[(lang, form)] = (PdfReader(path), chrome, overflow)
    page.close()
    return results


def _bounds(criteria: Criteria, form: str, lang: str) -> tuple[int, int]:
    data_forms = {**dict.fromkeys(SITTING_FORMS, SITTING_MAX_PAGES[lang]), "after-signing": AFTER_SIGNING_MAX_PAGES,
                  "self-check": SELF_CHECK_MAX_PAGES, "declaration": PAPER_MAX_PAGES, "clauses": PAPER_MAX_PAGES}
    if form in data_forms:
        return 1, data_forms[form]
    sections, count = len(criteria.scored_sections), len(criteria.scored_criteria)
    if form == "questionnaire":
        return 2, 1 + sections + count
    if form == "checklist":
        return 1, 1
    rows = count + 4 * sections + 6
    return math.ceil(rows / 45), math.ceil(rows / 20) + 1


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_form_prints_on_a4_within_page_bounds(printed: Any, lang: str, form: str) -> None:
    pdf = printed[(lang, form)][0]
    for page in pdf.pages:
        assert abs(float(page.mediabox.width) - A4[0]) <= 1 and abs(float(page.mediabox.height) - A4[1]) <= 1
    low, high = _bounds(CRITERIA, form, lang)
    assert low <= len(pdf.pages) <= high, f"{form} ({lang}) printed to {len(pdf.pages)} pages"


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_every_page_has_title_version_and_page_number(printed: Any, lang: str, form: str) -> None:
    pdf = printed[(lang, form)][0]
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, 1):
        text = page.extract_text()
        assert _contains(text, running_title(context(CRITERIA, lang))), f"page {number}"
        assert _contains(text, label(lang, "page_of", page=number, pages=total)), f"page {number}"
        assert _contains(text, label(lang, form)), f"page {number}"


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_every_criterion_is_printed(printed: Any, lang: str, form: str) -> None:
    text = "".join(page.extract_text() for page in printed[(lang, form)][0].pages)
    items = {"checklist": phone_items(CRITERIA),
             **{form: sitting_items(CRITERIA, sitting) for form, sitting in SITTING_FORMS.items()}}.get(form)
    wanted = {"checklist": [k for _, k, _ in items or []],
              **{form: [k for _, k, _ in items or []] for form in SITTING_FORMS},
              "after-signing": [k for k in CRITERIA.criteria if k.after_signing],
              "self-check": [k for s in CRITERIA.self_check_sections for k in s.criteria],
              "declaration": list(CRITERIA.declared_criteria), "clauses": list(CRITERIA.clause_criteria),
              }.get(form, CRITERIA.scored_criteria)
    missing = [k.id for k in wanted if not _contains(text, k.title(lang))]
    assert not missing
    if items is not None:
        assert all(_contains(text, q(lang)) for _, _, questions in items for q in questions)
    elif form == "after-signing":
        assert all(_contains(text, a(lang)) for k in wanted for a in k.after_signing)
        # each line says who does it and the document to keep (issue 26)
        assert all(_contains(text, t(lang)) for k in wanted for t in (*k.check_whos, *k.check_keeps))
    elif form in ("questionnaire", "worksheet"):
        assert all(_contains(text, s.title(lang)) for s in CRITERIA.scored_sections)


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_questionnaire_page_count_is_as_measured(printed: Any, lang: str) -> None:
    pages = len(printed[(lang, "questionnaire")][0].pages)
    assert pages == QUESTIONNAIRE_PAGES[lang], f"{pages} pages: measure again and update QUESTIONNAIRE_PAGES"


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_questionnaire_cover_stands_alone_and_sections_run_on(printed: Any, lang: str) -> None:
    pages = printed[(lang, "questionnaire")][0].pages
    firsts = [_first_line(page) for page in pages]
    assert _contains(firsts[0], label(lang, "questionnaire"))
    first_section = _pattern(f"1. {CRITERIA.scored_sections[0].title(lang)}")
    assert first_section.fullmatch(_squash(firsts[1])), firsts[1]
    # Later sections start wherever the one before ends, not each on a fresh page.
    starts = [n for n, line in enumerate(firsts) for number, section in enumerate(CRITERIA.scored_sections, 1)
              if _pattern(f"{number}. {section.title(lang)}").fullmatch(_squash(line))]
    assert len(starts) < len(CRITERIA.scored_sections), starts


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_questionnaire_keeps_each_criterion_title_with_its_first_question(printed: Any, lang: str) -> None:
    texts = [page.extract_text() for page in printed[(lang, "questionnaire")][0].pages]
    for number, section in enumerate(CRITERIA.scored_sections, 1):
        for index, k in enumerate(section.criteria, 1):
            [page] = [n for n, text in enumerate(texts) if _contains(text, f"{number}.{index} {k.title(lang)}")]
            assert _contains(texts[page], k.all_questions[0](lang)), (k.id, page + 1)


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_questionnaire_notes_lines_never_open_a_page(printed: Any, lang: str) -> None:
    firsts = [_first_line(page) for page in printed[(lang, "questionnaire")][0].pages]
    alone = [n for n, line in enumerate(firsts, 1) if _squash(line) == _squash(label(lang, "notes"))]
    assert not alone, f"pages {alone} start with the notes lines of a criterion"


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_no_site_chrome_is_printed(printed: Any, lang: str, form: str) -> None:
    pdf, chrome, _ = printed[(lang, form)]
    for selector in CHROME:
        assert chrome[selector], f"{selector} not on the page; the check would prove nothing"
        assert set(chrome[selector]) == {"none"}, selector
    text = "".join(page.extract_text() for page in pdf.pages)
    for nav_only in (label(lang, "how_to_use"), label(lang, "scoring"), label(lang, "sections")):
        assert not _contains(text, nav_only), nav_only


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_nothing_overflows_on_paper(printed: Any, lang: str, form: str) -> None:
    overflow = printed[(lang, form)][2]
    assert overflow["forms"] == 1
    assert overflow["scroll"] <= overflow["client"]
    assert not overflow["bad"]


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_forms_fit_a_phone_screen(built_site: Path, serve_dir: Any, browser: Any, lang: str, form: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{serve_dir(built_site)}{language_root(CRITERIA, lang)}{form}/")
    if form == "worksheet":  # the blank sheet, folded away on a phone, as the merchant unfolds it to print
        page.wait_for_selector("#kit-scorer")
        page.click(".kit-sc-blank-toggle")
    overflow = page.evaluate(OVERFLOW_JS)
    scroller = page.evaluate("""() => [...document.querySelectorAll('.kit-form .kit-scroll')]
        .map((el) => [el.scrollWidth, el.clientWidth, getComputedStyle(el).overflowX])""")
    page.close()
    assert overflow["forms"] == 1
    assert overflow["scroll"] <= overflow["client"], "the page scrolls sideways"
    assert not overflow["bad"]
    if form == "worksheet":
        # The wide table scrolls inside its own container instead of widening the page.
        [(inner, outer, mode)] = scroller
        assert inner > outer and mode == "auto"


def test_visit_form_of_a_1_1_size_file_without_sittings_prints_within_the_limit(
        browser: Any, serve_dir: Any, tmp_path: Path) -> None:
    from synthetic_1_1 import synthetic_1_1

    from generator.cli import main
    from generator.load import parse_criteria

    source = tmp_path / "criteria.yaml"
    source.write_text(synthetic_1_1(), encoding="utf-8")
    criteria = parse_criteria(source.read_bytes(), str(source))
    assert len(criteria.criteria) >= 45 and {len(k.must_ask) for k in criteria.criteria} == {2}
    assert main(["site", "--no-pdf", "--criteria", str(source), "--docs", str(tmp_path / "docs"), "--site",
                 str(tmp_path / "site"), "--config", str(Path(__file__).parent.parent / "mkdocs.yml")]) == 0
    base = serve_dir(tmp_path / "site")
    page = browser.new_page(viewport={"width": PAGE_AREA_PX, "height": 1000})
    page.emulate_media(media="print")
    for lang in criteria.meta.languages:
        page.goto(f"{base}{language_root(criteria, lang)}visit/")
        page.pdf(path=str(tmp_path / f"{lang}.pdf"), format="A4", prefer_css_page_size=True, print_background=True)
        pdf = PdfReader(tmp_path / f"{lang}.pdf")
        text = "".join(p.extract_text() for p in pdf.pages)
        assert all(_contains(text, q(lang)) for k in criteria.criteria for q in k.must_ask), lang
        assert len(pdf.pages) <= SHORT_MAX_PAGES[lang], f"{lang}: {len(pdf.pages)} pages"
    page.close()
