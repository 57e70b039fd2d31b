"""The comparison report (issue 16) in Debian's Chromium, on a 390 × 844 phone with touch at device
scale 2: scores seeded through the worksheet, checked against generator/scoring.py; printed to an A4 PDF;
saved as a PNG image; sizes on the phone. Red-flag ticks travel in the saved document (storage.js).

Print bound: the report prints the header, the ranking, the section table, the chart (kept whole) and one
block per agency. Measured with the three agencies below (default criteria 1.1.0): 3 pages zh, 4 en;
PRINT_MAX_PAGES leaves room for fonts and for notes.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import context, label
from PIL import Image
from pypdf import PdfReader
from test_layout_shift import LIMIT, SHIFTS_JS
from test_print import _contains
from verdict_cases import shown_verdict

from conftest import DEFAULT_CRITERIA, PHONE
from generator.load import load_criteria
from generator.render.base import running_title
from generator.render.report import report_data
from generator.scoring import display
from generator.site.nav import language_root
from generator.verdict import judge_all, rule_of

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored_criteria
IDS = [k.id for k in SCORED]
BY_ID = {k.id: k for k in SCORED}
KO = next(k for k in SCORED if k.knockout)
FLAGGED = [k for k in SCORED if len(k.red_flags) >= 3][:2]
LOW, HIGH = CRITERIA.scale.min_score, CRITERIA.scale.max_score
AGENCIES: list[tuple[str, dict[str, Any], dict[str, str]]] = [
    ("星火电商", {k: HIGH for k in IDS[:30]}, {IDS[0]: "执照原件已看过，和公示系统一致。", "gone-criterion": "旧版本的备注"}),
    ("Beta Ops", {**{k: LOW + 1 for k in IDS}, IDS[2]: "na"}, {}),
    ("Gamma", {**{k: HIGH - 1 for k in IDS}, KO.id: LOW}, {IDS[3]: "Asked twice, no answer."}),
]
FLAGS = {0: {FLAGGED[0].id: [0, 2], FLAGGED[1].id: [1]}, 2: {FLAGGED[1].id: [0]}}
"""Red flags ticked, by agency: criterion id -> indices."""
PRINT_MAX_PAGES = 6
A4 = (595.28, 841.89)


def _document() -> dict[str, Any]:
    doc = sp.doc(CRITERIA, AGENCIES)
    for i, flags in FLAGS.items():
        doc["agencies"][i]["flags"] = flags
    return doc  # agency 1 has no "flags" key at all, as documents saved before the report


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A new page on the phone; fails the test on a console error or uncaught exception."""
    context = browser.new_context(accept_downloads=True, **PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{m.text} {m.location.get('url')}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


def _report(page: Any, base: str, lang: str) -> Any:
    """Seeds the scores through the worksheet (stored, then one more tapped there) and opens the report
    from the worksheet's link."""
    page.goto(f"{base}{language_root(CRITERIA, lang)}worksheet/")
    page.wait_for_selector("#kit-scorer")
    sp.store(page, CRITERIA, _document())
    sp.pick(page, IDS[30], HIGH)  # agency 1 (active), on the worksheet itself: 31 scored now
    link = page.locator(".kit-rp-link a")
    assert link.inner_text() == label(lang, "rp_link")
    link.tap()
    page.wait_for_selector("#kit-report .kit-rp-rank")
    assert page.url == f"{base}{language_root(CRITERIA, lang)}report/"
    return page


def _answers() -> list[dict[str, Any]]:
    answers = [dict(scores) for _, scores, _ in AGENCIES]
    answers[0][IDS[30]] = HIGH
    return answers


def _title(k: Any, lang: str) -> str:
    si, ci = next((si, ci) for si, s in enumerate(CRITERIA.scored_sections, 1) for ci, c in enumerate(s.criteria, 1)
                  if c is k)
    return f"{si}.{ci} {k.title(lang)}"


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_report_ranks_agencies_as_the_scoring_module_does(phone: Any, base: str, lang: str) -> None:
    page = _report(phone, base, lang)
    results, verdicts, ranks = judge_all(rule_of(CRITERIA.scored), _answers())
    order = sorted(range(3), key=lambda i: (ranks[i] is None, ranks[i] or 0, i))
    rows = page.locator("table.kit-rp-rank tbody tr")
    assert rows.count() == 3
    for row, i in enumerate(order):
        cells = rows.nth(row).locator("td, th").all_inner_texts()
        assert cells[0] == str(ranks[i]) and cells[1].strip() == f"{AGENCIES[i][0]} {label(lang, 'rp_entry', n=i + 1)}"
        assert cells[2] == display(results[i].total)
        assert cells[3] == f"{results[i].scored + results[i].not_applicable}/{len(SCORED)}", "N/A is an answer"
        assert cells[4] == shown_verdict(CRITERIA, lang, verdicts[i], results[i])
    assert [v.kind for v in verdicts] == ["incomplete", "eliminated", "eliminated"]  # agency 1: fake orders at 1
    assert order == [0, 2, 1], "eliminated agencies rank after the incomplete one, then by total"
    for si, section in enumerate(CRITERIA.scored_sections):
        cells = page.locator(f'table.kit-rp-sections tr[data-section="{section.id}"] td').all_inner_texts()
        assert cells == [display(results[i].sections[si].value) for i in order]
    for i, result in enumerate(results):
        card = page.locator(f'section.kit-rp-agency[data-agency="a{i}"]')
        knocked = card.locator(".kit-rp-knockouts li")
        assert knocked.evaluate_all("els => els.map((e) => e.dataset.criterion)") == list(result.knocked_out)
        assert knocked.all_inner_texts() == [_title(k, lang) for k in SCORED if k.id in result.knocked_out]
        ticked = FLAGS.get(i, {})
        flagged = card.locator(".kit-rp-flags > ul > li")
        assert flagged.evaluate_all("els => els.map((e) => e.dataset.criterion)") == [k for k in IDS if k in ticked]
        for k in (k for k in SCORED if k.id in ticked):
            texts = card.locator(f'.kit-rp-flags li[data-criterion="{k.id}"] li').all_inner_texts()
            assert texts == [k.red_flags[n](lang) for n in ticked[k.id]]
        # N/A saved on a knock-out criterion counts as not scored.
        unscored = [k for k in SCORED if k.id not in _answers()[i] or (k.knockout and _answers()[i][k.id] == "na")]
        assert len(unscored) == result.unscored
        heading = card.locator(".kit-rp-unscored h4").inner_text()
        want = label(lang, "rp_unscored_count", n=len(unscored)) if unscored else label(lang, "rp_all_scored")
        assert heading.endswith(want)
        listed = card.locator(".kit-rp-unscored-list")
        assert (listed.inner_text() if unscored else "") == label(lang, "list_sep").join(_title(k, lang) for k in unscored)
        colon = label(lang, "colon")
        assert card.locator(".kit-rp-notes li").all_inner_texts() == [
            f"{_title(BY_ID[key], lang)}{colon}{text}" if key in BY_ID else f"{key} {label(lang, 'sc_removed_short')}{colon}{text}"
            for key, text in AGENCIES[i][2].items()], "current criteria in order, then removed ones"


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_report_fits_the_phone(phone: Any, base: str, lang: str) -> None:
    page = _report(phone, base, lang)
    sizes = page.evaluate("""() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
      small: [...document.querySelectorAll('#kit-report button, #kit-report a, #kit-report input, #kit-report select')]
        .map((e) => [e.textContent.slice(0, 20), e.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && (r.width < 44 || r.height < 44))
        .map(([n, r]) => `${n}: ${Math.round(r.width)}x${Math.round(r.height)}`),
      text: Math.min(...[...document.querySelectorAll('#kit-report li, #kit-report p, #kit-report td')]
        .map((e) => parseFloat(getComputedStyle(e).fontSize))),
      buttons: document.querySelectorAll('#kit-report button').length})""")
    assert sizes["scroll"] <= sizes["client"] == 390, "no horizontal scrolling"
    assert sizes["small"] == [] and sizes["buttons"] == 2
    assert sizes["text"] >= 12.5
    header = page.locator(".md-header").bounding_box()
    button = page.locator('#kit-report button[data-action="image"]')
    button.scroll_into_view_if_needed()
    assert button.bounding_box()["y"] >= header["y"] + header["height"], "not under Material's header"


def _pdf(page: Any, path: Path) -> PdfReader:
    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True, print_background=True)
    return PdfReader(path)


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_report_prints_on_a4_with_edition_and_version(phone: Any, base: str, lang: str, tmp_path: Path) -> None:
    page = _report(phone, base, lang)
    pdf = _pdf(page, tmp_path / "report.pdf")
    assert 1 <= len(pdf.pages) <= PRINT_MAX_PAGES, f"{len(pdf.pages)} pages"
    for number, sheet in enumerate(pdf.pages, 1):
        assert abs(float(sheet.mediabox.width) - A4[0]) <= 1 and abs(float(sheet.mediabox.height) - A4[1]) <= 1
        text = sheet.extract_text()
        assert _contains(text, running_title(context(CRITERIA, lang))), f"page {number}: edition and version"
        assert _contains(text, label(lang, "report")), f"page {number}"
        assert _contains(text, label(lang, "page_of", page=number, pages=len(pdf.pages))), f"page {number}"
    text = "".join(sheet.extract_text() for sheet in pdf.pages)
    for name, _, _ in AGENCIES:
        assert _contains(text, name)
    assert _contains(text, _title(KO, lang)), "the knock-out's criterion"
    assert all(_contains(text, k.red_flags[0](lang)) for k in FLAGGED[:1])
    assert not _contains(text, label(lang, "rp_print")) and not _contains(text, label(lang, "rp_image")), "no buttons"
    chart = page.locator(".kit-rp-paper svg.kit-sc-chart")
    assert chart.is_visible() and not page.locator(".kit-rp-screen").is_visible()


HEADS = """(table) => {
  const t = document.querySelector(table);
  const box = t.parentElement;
  const line = parseFloat(getComputedStyle(t.querySelector('thead th')).lineHeight);
  return {heads: [...t.querySelectorAll('thead th')].map((e) => e.getBoundingClientRect().height), line,
          box: [box.scrollWidth, box.clientWidth], page: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_ranking_shows_rank_apart_from_entry_and_headers_on_one_line(phone: Any, base: str, lang: str) -> None:
    page = _report(phone, base, lang)
    _, _, ranks = judge_all(rule_of(CRITERIA.scored), _answers())
    rows = page.locator("table.kit-rp-rank tbody tr")
    for row, i in enumerate(sorted(range(3), key=lambda i: (ranks[i] is None, ranks[i] or 0, i))):
        assert rows.nth(row).locator("td.kit-rp-place").inner_text() == str(ranks[i]), "the rank, alone in its column"
        entry = rows.nth(row).locator("th .kit-rp-entry")
        assert entry.inner_text() == label(lang, "rp_entry", n=i + 1), "the entry number, named as such"
        assert rows.nth(row).locator("th .kit-rp-name").inner_text() == AGENCIES[i][0]
        head = page.locator(f'table.kit-rp-sections thead th[data-agency="a{i}"]')
        assert head.locator(".kit-rp-entry").inner_text() == label(lang, "rp_entry", n=i + 1), "the same tag there"
    # Before: the headers stood one character a line (114–134 px high on a 390 px phone), the table
    # 1,145–1,532 px wide in its scrolling box.
    for table in ("table.kit-rp-rank", None):
        if table is None:
            page.go_back()
            page.wait_for_selector("#kit-scorer .kit-sc-rank-table")
            table = ".kit-sc-rank-table"
        found = page.evaluate(HEADS, table)
        assert all(h < 2 * found["line"] for h in found["heads"]), (table, found)
        assert found["box"][0] <= found["box"][1] and found["page"] <= 390, (table, found)


def test_report_saves_a_png_as_legible_as_the_page(phone: Any, base: str) -> None:
    page = _report(phone, base, "zh")
    with page.expect_download() as info:
        page.locator('#kit-report button[data-action="image"]').tap()
    download = info.value
    assert download.suggested_filename.endswith(".png") and CRITERIA.meta.version in download.suggested_filename
    image = Image.open(io.BytesIO(Path(download.path()).read_bytes()))
    image.load()
    assert image.format == "PNG" and image.width == 1080 and 1500 < image.height <= 30000
    pixels = image.convert("RGB")
    colours = pixels.getcolors(maxcolors=1 << 20) or []
    ink = sum(n for n, rgb in colours if rgb != (255, 255, 255))
    assert 0.03 < ink / (image.width * image.height) < 0.6, "not blank, not a solid block"
    wanted = {(0x3F, 0x51, 0xB5), (0xE6, 0x55, 0x0D), (0x2C, 0xA0, 0x2C)}
    assert wanted <= {rgb for _, rgb in colours}, "the three agencies' bar colours are drawn"
    assert all(pixels.getpixel((x, 10)) == (255, 255, 255) for x in range(0, 1080, 40)), "white margin on top"
    drawn = page.evaluate("window.kitScoring.report.lastImage")
    assert drawn["width"] == 1080 and drawn["minFont"] >= 32, "text at least 32 px at 1080 px wide"
    status = page.locator(".kit-rp-message")
    assert status.inner_text() == label("zh", "rp_image_done", name=download.suggested_filename)
    assert status.bounding_box()["y"] < 844 + page.evaluate("scrollY"), "the answer is on screen"


@pytest.mark.parametrize("scored", [False, True])
def test_report_does_not_shift_on_load(phone: Any, base: str, scored: bool) -> None:
    page = phone
    if scored:
        page.goto(f"{base}worksheet/")
        page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [sp.key(CRITERIA), json.dumps(_document())])
    # The scripts arrive late, as on a slow phone network: the page is painted before the report is built.
    def late(route: Any) -> None:
        page.wait_for_timeout(600)
        route.continue_()

    page.route("**/scorer/main.js", late)
    page.goto(f"{base}report/", wait_until="load")
    page.wait_for_selector("#kit-report .kit-rp-rank" if scored else "#kit-report .kit-rp-empty")
    page.wait_for_timeout(300)
    shifts = page.evaluate(SHIFTS_JS)
    assert sum(s["value"] for s in shifts) < LIMIT, shifts


def test_report_without_scores_points_to_the_worksheet(phone: Any, base: str) -> None:
    page = phone
    for lang in CRITERIA.meta.languages:
        page.goto(f"{base}{language_root(CRITERIA, lang)}report/")
        empty = page.locator("#kit-report .kit-rp-empty")
        assert empty.inner_text().startswith(label(lang, "rp_empty"))
        link = empty.locator("a")
        assert link.bounding_box()["height"] >= 44
        link.tap()
        page.wait_for_selector("#kit-scorer")


def test_red_flag_ticks_travel_through_export_and_import(phone: Any, base: str, tmp_path: Path) -> None:
    page = phone
    page.goto(f"{base}worksheet/")
    page.wait_for_selector("#kit-scorer")
    path = tmp_path / "flags.json"
    path.write_text(json.dumps(_document()), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.click('#kit-scorer button[data-action="import-json"]')
    chooser.value.set_files(str(path))
    page.locator(".kit-sc-import .kit-sc-message").wait_for()
    exported = json.loads(sp.download(page, "export-json"))
    assert [a.get("flags") for a in exported["agencies"]] == [FLAGS[0], {}, FLAGS[2]]
    bad = _document()
    bad["agencies"][0]["flags"] = {IDS[0]: [-1]}
    found = page.evaluate("""(doc) => { try { window.kitScoring.validate(doc, window.kitScoring.scorer.data);
      return 'accepted'; } catch (e) { return e.message; } }""", bad)
    assert found == "agencies[0].flags"


def test_report_data_carries_each_criterions_red_flags() -> None:
    for lang in CRITERIA.meta.languages:
        data = report_data(context(CRITERIA, lang, commit="abc1234"))
        flags = {c["id"]: c["flags"] for s in data["sections"] for c in s["criteria"]}
        assert flags == {k.id: [f(lang) for f in k.red_flags] for k in SCORED}
        assert data["stamp"] == running_title(context(CRITERIA, lang, commit="abc1234"))
        assert "abc1234" in data["strings"]["scoredWith"]
        leftover = {m for text in data["strings"].values() for m in re.findall(r"\{(\w+)\}", text)}
        assert leftover <= {"n", "date", "total", "reason", "name", "where", "letter", "ids", "id", "max", "size",
                            "scored", "na", "blank", "names", "current", "old", "new", "what",
                            "first", "second", "share", "app", "scores", "flags", "notes", "version",
                            "company", "signatory", "score", "who", "open", "median", "suggestion"}


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_skip_link_leads_past_the_menu_to_the_report(browser: Any, base: str, lang: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}{language_root(CRITERIA, lang)}report/")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.href, document.activeElement.textContent]")
    assert focused == [f"{base}{language_root(CRITERIA, lang)}report/#report", label(lang, "skip_to_report")]
    assert page.evaluate("document.getElementById('report').textContent") == label(lang, "report")
    context.close()
