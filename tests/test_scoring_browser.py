"""The in-browser scorer of the worksheet page (overrides/assets/javascripts/scorer/), in Debian's Chromium.

Every page opened here collects console errors and uncaught exceptions; a test fails if any
appear.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import random
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from editions import context, label
from pypdf import PdfReader

from conftest import DEFAULT_CRITERIA, MINIMAL
from generator.load import load_criteria, parse_criteria
from generator.model import Text
from generator.render.scoring_data import ELEMENT_ID, scoring_data, scoring_element
from generator.scoring import Answer, display, items_of, rank, score, score_criteria
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA).scored  # the scorer leaves self-check sections out
IDS = [k.id for k in CRITERIA.criteria]
KEY = f"kit-scoring:{CRITERIA.meta.id}"
KO = next(k.id for k in CRITERIA.criteria if k.knockout)
KOS = {k.id for k in CRITERIA.criteria if k.knockout}
LOW, HIGH = CRITERIA.scale.min_score, CRITERIA.scale.max_score
STATE_JS = f"() => JSON.parse(localStorage.getItem({json.dumps(KEY)}))"

Opener = Callable[..., Any]


def _ignored(message: Any) -> bool:
    return False


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def instant_base(built_site: Path) -> Iterator[str]:
    """The built site served where Material's instant navigation works.

    Material navigates instantly only to pages listed in sitemap.xml, whose addresses carry the
    port of site_url (Material swaps in the host name it is served from, not the port). So this
    serves on that port, on a loopback address other than 127.0.0.1 (where ``mkdocs serve`` may be).
    """
    found = re.search(r"<loc>(.*?)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert found
    port = urlsplit(found.group(1)).port or 80
    handler = functools.partial(_Quiet, directory=str(built_site))
    for last in range(17, 255, 13):
        try:
            server = http.server.ThreadingHTTPServer((f"127.0.0.{last}", port), handler)
        except OSError:
            continue
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.{last}:{port}/"
        server.shutdown()
        server.server_close()
        return
    pytest.fail(f"no loopback address has port {port} free")


@pytest.fixture
def open_page(browser: Any, base: str) -> Iterator[Opener]:
    """Opens the worksheet (fresh browser storage per page); fails the test on any console error."""
    pages: list[tuple[Any, list[str]]] = []

    def opener(lang: str = "zh", width: int = 1280, site: str = base) -> Any:
        page = browser.new_page(viewport={"width": width, "height": 900}, accept_downloads=True)
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" and not _ignored(m) else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        pages.append((page, errors))
        page.goto(f"{site}{language_root(CRITERIA, lang)}worksheet/")
        page.wait_for_selector("#kit-scorer")
        return page

    yield opener
    for page, _ in pages:
        page.close()
    assert [e for _, errors in pages for e in errors] == []


def _doc(agencies: list[tuple[str, dict[str, Any], dict[str, str]]], version: str = CRITERIA.meta.version,
         ids: list[str] = IDS) -> dict[str, Any]:
    return {"format": "kit-scoring", "formatVersion": 1,
            "criteria": {"id": CRITERIA.meta.id, "version": version, "ids": ids},
            "agencies": [{"id": f"a{i}", "name": name, "scores": scores, "notes": notes}
                         for i, (name, scores, notes) in enumerate(agencies)]}


def _store(page: Any, value: Any) -> None:
    """Puts ``value`` (a document, or raw text) in the page's storage and reloads."""
    raw = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, raw])
    page.reload()
    page.wait_for_selector("#kit-scorer")


def _state(page: Any) -> Any:
    return page.evaluate(STATE_JS)


def _pick(page: Any, criterion: str, value: object) -> None:
    option = page.locator(f'fieldset[data-criterion="{criterion}"] input[value="{value}"]')
    # "Not scored" unchecks itself (so that Tab lands on the first score), hence a click, not check().
    option.click() if value == "" else option.check()


def _download(page: Any, action: str) -> str:
    with page.expect_download() as info:
        page.click(f'#kit-scorer button[data-action="{action}"]')
    return Path(info.value.path()).read_bytes().decode("utf-8")


def _names(page: Any) -> list[str]:
    return [str(n) for n in page.locator("input.kit-sc-name").evaluate_all("els => els.map((e) => e.value)")]


# ---------- The page's data ----------

def test_scoring_data_element_is_safe_json_with_everything_the_script_needs() -> None:
    hostile = "</script><b>&amp;</b>\u2028"  # check refuses U+2028 (issue 22): put in past it
    raw = MINIMAL.read_text(encoding="utf-8").replace("zh: 营业执照, en: Business licence",
                                                      "zh: '</script><b>&amp;</b>', en: Business licence")
    criteria = parse_criteria(raw.encode("utf-8"), "hostile.yaml")
    first = criteria.sections[0].criteria[0]
    first = replace(first, title=Text((("zh", hostile), ("en", "Business licence"))))
    section = replace(criteria.sections[0], criteria=(first, *criteria.sections[0].criteria[1:]))
    criteria = replace(criteria, sections=(section, *criteria.sections[1:]))
    element = str(scoring_element(context(criteria, "zh")))
    assert element.startswith(f'<template id="{ELEMENT_ID}" data-search-exclude>')
    body = element[element.index(">") + 1: element.rindex("</template>")]
    assert "<" not in body and ">" not in body and "&" not in body and "\u2028" not in body
    data = json.loads(body)
    assert data == scoring_data(context(criteria, "zh"))
    assert data["sections"][0]["criteria"][0]["title"] == hostile
    items = [(s["id"], k["id"], k["weight"], k["eliminatesAt"]) for s in data["sections"] for k in s["criteria"]]
    assert items == items_of(criteria)
    assert data["criteria"] == {"id": "minimal", "version": "0.1.0", "title": criteria.meta.title("zh")}
    assert data["scale"]["levels"][0] == {"score": 0, "label": "不达标"}
    assert scoring_data(context(criteria, "en"))["strings"]["title"] == label("en", "sc_title")


# ---------- Agencies, scores, knock-outs, ranking, chart ----------

@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_add_rename_and_remove_five_agencies(open_page: Opener, lang: str) -> None:
    page = open_page(lang)
    assert page.locator("#kit-sc-title").inner_text() == label(lang, "sc_title")
    assert len(_names(page)) == 3
    for _ in range(2):
        page.click('button[data-action="add"]')
    names = ["Alpha 甲", "Beta & Co", '"Gamma"', "Delta", "Epsilon"]
    for i, name in enumerate(names):
        page.locator("input.kit-sc-name").nth(i).fill(name)
    assert _names(page) == names
    assert [a["name"] for a in _state(page)["agencies"]] == names
    assert page.locator(".kit-sc-pick-name").all_inner_texts() == names
    assert sorted(page.locator(".kit-sc-rank-name").all_inner_texts()) == sorted(names)
    remove = page.locator('li[data-agency] button[data-action="remove"]').nth(1)
    remove.click()
    assert len(_names(page)) == 5, "the first click only asks for confirmation"
    remove.click()
    assert _names(page) == [names[0], *names[2:]]
    page.reload()
    assert _names(page) == [names[0], *names[2:]]
    while page.locator('button[data-action="add"]').is_enabled():
        page.click('button[data-action="add"]')
    assert len(_names(page)) == 10


def test_scores_update_section_scores_totals_and_knockouts(open_page: Opener) -> None:
    page = open_page("en")
    answers: dict[str, Answer] = {}
    first = CRITERIA.sections[0]
    for i, k in enumerate(first.criteria):
        value: Answer = "na" if i == 1 else HIGH - i % (HIGH - LOW + 1)
        if k.knockout and value == LOW:
            value = LOW + 1  # only KO, below, may knock the agency out
        _pick(page, k.id, value)
        answers[k.id] = value
        result = score_criteria(CRITERIA, answers)
        assert page.locator(".kit-sc-summary .kit-sc-total").inner_text() == display(result.total)
        section = page.locator(f'.kit-sc-section-score[data-section="{first.id}"]').inner_text()
        assert section.endswith(" " + display(result.sections[0].value))
    assert not page.locator(f'fieldset[data-criterion="{KO}"]').evaluate("e => e.classList.contains('kit-sc-knocked')")
    _pick(page, KO, LOW)
    knocked = page.locator(f'fieldset[data-criterion="{KO}"]')
    assert knocked.evaluate("e => e.classList.contains('kit-sc-knocked')")
    assert knocked.locator(".kit-sc-ko-msg").is_visible()
    title = next(k.title("en") for k in CRITERIA.criteria if k.id == KO)
    assert page.locator(".kit-sc-summary .kit-sc-dq").inner_text() == label("en", "vd_eliminated", ids=f"1.1 {title}")
    assert page.locator('.kit-sc-rank-table tr[data-verdict="eliminated"] .kit-sc-verdict').count() == 1
    assert page.locator(f'fieldset[data-criterion="{KO}"] input[value="na"]').count() == 0, "no N/A on a knock-out"
    _pick(page, KO, LOW + 1)
    assert not knocked.locator(".kit-sc-ko-msg").is_visible()
    assert page.locator(".kit-sc-summary .kit-sc-dq").count() == 0
    _pick(page, KO, "")
    assert KO not in _state(page)["agencies"][0]["scores"]


def test_ranking_and_chart(open_page: Opener) -> None:
    everything = {k: 3 for k in IDS}
    agencies = [("Knocked", {**everything, KO: 0}, {}), ("Good", {k: 2 for k in IDS}, {}),
                ("Also good", {k: 2 for k in IDS}, {}), ("Weak", {k: 1 for k in IDS[:5]}, {}), ("Empty", {}, {})]
    page = open_page("en")
    _store(page, _doc(agencies))
    results = [score_criteria(CRITERIA, scores) for _, scores, _ in agencies]
    ranks = rank(results)
    assert ranks == [4, 1, 1, 3, None]
    rows = page.locator(".kit-sc-rank-table tbody tr")
    assert rows.locator("td.kit-sc-rank").all_inner_texts() == ["1", "1", "3", "4", "—"]
    assert rows.locator(".kit-sc-rank-name").all_inner_texts() == ["Good", "Also good", "Weak", "Knocked", "Empty"]
    assert rows.locator("td.kit-sc-total").all_inner_texts() == [display(results[i].total) for i in (1, 2, 3, 0, 4)]
    series = page.locator("svg.kit-sc-chart g.kit-sc-series")
    assert series.count() == len(agencies)
    for i, result in enumerate(results):
        bars = series.nth(i).locator("rect")
        assert bars.evaluate_all("els => els.map((e) => e.dataset.section)") == [s.id for s in CRITERIA.sections]
        assert bars.evaluate_all("els => els.map((e) => e.dataset.value)") == [display(s.value) for s in result.sections]
    assert page.locator(".kit-sc-legend li").count() == len(agencies)


# ---------- Saving ----------

def test_scores_survive_reload_and_instant_navigation(open_page: Opener, instant_base: str) -> None:
    page = open_page("zh", site=instant_base)
    page.locator("input.kit-sc-name").first.fill("保存测试")
    _pick(page, IDS[0], 2)
    page.locator(f'textarea.kit-sc-note[data-criterion="{IDS[0]}"]').fill("记下的备注")
    page.reload()
    page.wait_for_selector("#kit-scorer")
    assert _names(page)[0] == "保存测试"
    assert page.locator(f'fieldset[data-criterion="{IDS[0]}"] input[value="2"]').is_checked()
    page.wait_for_load_state("networkidle")  # Material has read sitemap.xml
    page.evaluate("window.__sameDocument = true")
    page.locator('.md-sidebar--primary a.md-nav__link[href$="/questionnaire/"]').click()
    page.wait_for_url("**/questionnaire/")
    page.wait_for_selector(".kit-questionnaire")
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation was not used"
    assert page.locator("#kit-scorer").count() == 0
    # Back with the browser's Back button: Material's language switcher takes over clicks on links
    # to pages whose hreflang alternates it has seen (here: this page), and loads them in full.
    page.go_back()
    page.wait_for_url("**/worksheet/")
    page.wait_for_selector("#kit-scorer")
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation was not used"
    assert page.locator("#kit-scorer").count() == 1
    assert _names(page)[0] == "保存测试"
    assert page.locator(f'textarea.kit-sc-note[data-criterion="{IDS[0]}"]').input_value() == "记下的备注"
    page.click('button[data-action="add"]')
    assert len(_state(page)["agencies"]) == 4, "one click adds one agency (handlers bound once)"
    _pick(page, IDS[1], 1)
    assert _state(page)["agencies"][3]["scores"] == {IDS[1]: 1}


def test_criteria_version_change_keeps_scores_and_lists_changes(open_page: Opener) -> None:
    page = open_page("en")
    added = IDS[4]
    saved_ids = [i for i in IDS if i != added] + ["retired-criterion"]
    doc = _doc([("Old", {IDS[0]: 3, "retired-criterion": 2, IDS[2]: 99}, {"retired-criterion": "kept note"})],
               version="0.9.0", ids=saved_ids)
    _store(page, doc)
    notice = page.locator(".kit-sc-notice.kit-sc-version")
    text = notice.inner_text()
    assert "0.9.0" in text and CRITERIA.meta.version in text
    assert label("en", "sc_removed", ids="retired-criterion") in text
    assert label("en", "sc_added", ids=added) in text
    assert label("en", "sc_invalid", ids=IDS[2]) in text
    assert page.locator(f'fieldset[data-criterion="{IDS[0]}"] input[value="3"]').is_checked()
    _pick(page, IDS[1], 1)
    stored = _state(page)
    assert stored["agencies"][0]["scores"] == {IDS[0]: 3, "retired-criterion": 2, IDS[2]: 99, IDS[1]: 1}
    assert stored["agencies"][0]["notes"] == {"retired-criterion": "kept note"}
    exported = json.loads(_download(page, "export-json"))
    assert exported["agencies"][0]["scores"]["retired-criterion"] == 2
    page.reload()
    assert page.locator(".kit-sc-notice.kit-sc-version").count() == 1, "shown until acknowledged"
    page.click('#kit-scorer button[data-action="ack"]')
    assert page.locator(".kit-sc-notice.kit-sc-version").count() == 0
    assert "retired-criterion" in page.locator(".kit-sc-notice.kit-sc-kept").inner_text()
    stored = _state(page)
    assert stored["criteria"]["version"] == CRITERIA.meta.version and stored["criteria"]["ids"] == IDS
    assert stored["agencies"][0]["scores"]["retired-criterion"] == 2


@pytest.mark.parametrize("raw", ["{not json", '{"format": "kit-scoring", "formatVersion": 1, "agencies": "x"}'])
def test_corrupt_saved_data_can_be_downloaded_and_reset(open_page: Opener, raw: str) -> None:
    page = open_page("zh")
    _store(page, raw)
    alert = page.locator(".kit-sc-corrupt")
    assert alert.is_visible() and "损坏" in alert.inner_text()
    assert page.locator(".kit-sc-live").count() == 0
    assert page.locator("#worksheet-table").is_visible(), "the printable sheet is still there"
    assert _download(page, "download-raw") == raw
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == raw, "kept until reset"
    page.click('#kit-scorer button[data-action="reset"]')
    assert page.locator(".kit-sc-corrupt").count() == 0 and len(_names(page)) == 3
    _pick(page, IDS[0], 1)
    assert _state(page)["agencies"][0]["scores"] == {IDS[0]: 1}


# ---------- Export, import, print ----------

def _fill_some(page: Any, names: list[str]) -> None:
    for i, name in enumerate(names):
        if i >= len(_names(page)):
            page.click('button[data-action="add"]')
        page.locator("input.kit-sc-name").nth(i).fill(name)
        page.locator(".kit-sc-pick input").nth(i).check()
        for j, k in enumerate(IDS[: 6 + i]):
            # No N/A on a knock-out criterion.
            _pick(page, k, "na" if (i + j) % 5 == 0 and k not in KOS else (i + j) % (HIGH + 1))
        page.locator(f'textarea.kit-sc-note[data-criterion="{IDS[i]}"]').fill(f'note "{i}", 逗号，\nline 2')


def test_json_export_import_round_trip_is_lossless(open_page: Opener, tmp_path: Path) -> None:
    page = open_page("en")
    _fill_some(page, ["Ünïcode 代运营", "=cmd|' /C calc'!A0", "Third"])
    first = json.loads(_download(page, "export-json"))
    assert first == _state(page)
    assert first["format"] == "kit-scoring" and first["formatVersion"] == 2  # version 1 documents are read and saved as version 2
    assert first["criteria"] == {"id": CRITERIA.meta.id, "version": CRITERIA.meta.version, "ids": IDS}
    page.click('#kit-scorer button[data-action="clear"]')
    page.click('#kit-scorer button[data-action="clear"]')
    assert _state(page)["agencies"] != first["agencies"]
    path = tmp_path / "scores.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.click('#kit-scorer button[data-action="import-json"]')
    chooser.value.set_files(str(path))
    page.wait_for_selector(".kit-sc-message")
    assert json.loads(_download(page, "export-json")) == first
    assert _state(page) == first
    assert _names(page) == [a["name"] for a in first["agencies"]]
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**first, "criteria": {**first["criteria"], "id": "someone-else"}}), encoding="utf-8")
    page.locator("input.kit-sc-file").set_input_files(str(other))
    page.wait_for_selector(".kit-sc-message.kit-sc-warning")
    assert "someone-else" in page.locator(".kit-sc-message").inner_text()
    assert _state(page) == first, "a rejected import changes nothing"


def test_csv_export(open_page: Opener) -> None:
    page = open_page("en")
    names = ["=SUM(A1)", "+plus", "-minus", "@at"]
    _fill_some(page, names)
    # Evidence status, date and where (issue 27): the last three columns of a criterion's row.
    doc = _state(page)
    statuses = ["claimed", "seen", "checked"]
    for i, agency in enumerate(doc["agencies"]):
        agency["evidence"] = {k: {"status": statuses[(i + j) % 3], "date": f"2026-12-0{j % 2 + 1}" if j % 3 else "",
                                  "where": f'where "{i}", 逗号' if j % 2 else ""} for j, k in enumerate(IDS[i: i + 5])}
    _store(page, doc)
    text = _download(page, "export-csv")
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    state = _state(page)
    assert rows[0][0] == label("en", "wb_agency_head")
    assert rows[0][10:] == [label("en", "ev_head"), label("en", "ev_csv_date"), label("en", "ev_csv_where")]
    body = rows[1:]
    per_agency = len(IDS) + len(CRITERIA.sections) + 1
    assert len(body) == len(names) * per_agency
    assert {r[0] for r in body} == {"'" + n for n in names}, "formula prefixes are neutralised"
    for i, agency in enumerate(state["agencies"]):
        block = body[i * per_agency: (i + 1) * per_agency]
        criteria_rows = [r for r in block if r[4]]
        assert [r[4] for r in criteria_rows] == IDS
        for r in criteria_rows:
            value = agency["scores"].get(r[4])
            assert r[8] == ("" if value is None else "N/A" if value == "na" else str(value))
            assert r[9] == agency["notes"].get(r[4], "")
            e = agency["evidence"].get(r[4])
            assert r[10:] == ([label("en", f"ev_{e['status']}"), e["date"], e["where"]] if e else ["", "", ""])
        assert all(r[10:] == ["", "", ""] for r in block if not r[4])
        result = score_criteria(CRITERIA, agency["scores"])
        assert block[-1][5] == label("en", "ws_total") and block[-1][8] == display(result.total)
        sections = [r for r in block if r[5] == label("en", "ws_section_score")]
        assert [r[8] for r in sections] == [display(s.value) for s in result.sections]


def test_print_filled_in_worksheet(open_page: Opener, tmp_path: Path) -> None:
    page = open_page("en", width=794)
    _fill_some(page, ["Printable Agency One", "Second Printed Co"])
    state = _state(page)
    totals = [display(score_criteria(CRITERIA, a["scores"]).total) for a in state["agencies"][:2]]
    # The print button runs preparePrint() and then window.print(), whose dialog headless Chromium
    # never closes (it would block page.pdf), so the test runs the first half itself.
    page.evaluate("kitScoring.preparePrint()")
    page.emulate_media(media="print")
    path = tmp_path / "filled.pdf"
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True, print_background=True)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    for needle in ["Printable Agency One", "Second Printed Co", *totals, CRITERIA.criteria[0].title("en"),
                   label("en", "sc_print_title"), 'note "0",']:
        assert needle in text, needle
    assert label("en", "ws_legend") not in text, "the blank sheet is not printed with the filled one"
    assert label("en", "sc_export_json") not in text, "no buttons on paper"
    page.evaluate("kitScoring.finishPrint()")
    blank = tmp_path / "blank.pdf"
    page.pdf(path=str(blank), format="A4", prefer_css_page_size=True)
    text = " ".join(p.extract_text() for p in PdfReader(blank).pages)
    assert "Printable Agency One" not in text and label("en", "ws_legend") in " ".join(text.split())


# ---------- Phone, keyboard ----------

@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_fits_a_375px_phone(open_page: Opener, lang: str) -> None:
    page = open_page(lang, width=375)
    long = "非常非常长的代运营公司名称有限责任公司VeryLongAgencyNameWithoutAnySpaces"
    _store(page, _doc([(long + str(i), {k: i % 4 for k in IDS}, {IDS[0]: long * 2}) for i in range(5)]))
    wide = page.evaluate("""() => {
      const box = document.getElementById('kit-scorer').getBoundingClientRect();
      const out = [...document.querySelectorAll('#kit-scorer *')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
      }).map((el) => el.tagName + '.' + el.getAttribute('class'));
      const root = document.documentElement;
      return {out: out.slice(0, 5), scroll: root.scrollWidth, client: root.clientWidth};
    }""")
    assert wide["scroll"] <= wide["client"], "the page scrolls sideways"
    assert wide["out"] == []
    assert page.locator("svg.kit-sc-chart g.kit-sc-series").count() == 5


def test_keyboard_only_flow(open_page: Opener) -> None:
    page = open_page("en")

    def tab_to(predicate: str, limit: int = 400) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"(() => {{ const e = document.activeElement; return {predicate}; }})()"):
                return
        raise AssertionError(f"Tab never reached {predicate}")

    tab_to("e.dataset.action === 'add'")
    page.keyboard.press("Enter")
    page.keyboard.type("Keyboard Co")
    tab_to("e.dataset.action === 'add'")
    page.keyboard.press("Space")
    assert [a["name"] for a in _state(page)["agencies"]][3:] == ["Keyboard Co", "Agency D"]
    tab_to("e.name === 'kit-sc-active'")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.checked && document.activeElement.value") == _state(page)["agencies"][3]["id"]
    tab_to(f"e.name === 'kit-sc-c-{IDS[0]}'")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    assert page.evaluate("document.activeElement.value") == str(LOW), "Tab lands on the first score"
    page.keyboard.press("Space")
    assert _state(page)["agencies"][3]["scores"] == {IDS[0]: LOW}
    page.keyboard.press("ArrowLeft")
    assert _state(page)["agencies"][3]["scores"] == {}, "wrapped round to 'not scored'"
    assert IDS[0] in KOS, "a knock-out criterion: no N/A between 'not scored' and the highest score"
    page.keyboard.press("ArrowLeft")
    assert _state(page)["agencies"][3]["scores"] == {IDS[0]: HIGH}
    page.keyboard.press("Tab")
    page.keyboard.type("typed note")
    agencies = _state(page)["agencies"]
    assert agencies[3]["notes"] == {IDS[0]: "typed note"} and agencies[4]["scores"] == {}
    total = display(score_criteria(CRITERIA, {IDS[0]: HIGH}).total)
    assert page.locator(".kit-sc-summary .kit-sc-total").inner_text() == total


# ---------- The page's scoring function against generator.scoring ----------

WEIGHTS = [1, 2, 3, 5, 10, 1.5, 0.1, 0.5, 2.5, 0.25, 1.1, 0.3]


def _random_case(rng: random.Random) -> dict[str, Any]:
    low = rng.choice([0, 1])
    high = low + rng.randint(1, 5)
    items = [(f"s{s}", f"s{s}c{c}", rng.choice(WEIGHTS), rng.random() < 0.3)
             for s in range(rng.randint(1, 4)) for c in range(rng.randint(1, 6))]
    agencies: list[dict[str, Answer]] = []
    for _ in range(rng.randint(1, 6)):
        if agencies and rng.random() < 0.2:
            agencies.append(dict(rng.choice(agencies)))  # a tie
            continue
        answers: dict[str, Answer] = {}
        for _, ident, _, _ in items:
            roll = rng.random()
            if roll < 0.15:
                answers[ident] = "na"
            elif roll < 0.25:
                answers[ident] = None
            elif roll < 0.35:
                continue
            else:
                answers[ident] = rng.randint(low, high)
        agencies.append(answers)
    return {"items": items, "low": low, "high": high, "agencies": agencies}


def _close(js: float | None, exact: Fraction | None) -> bool:
    return js is None if exact is None else js is not None and abs(Fraction(js) - exact) <= Fraction(1, 10**9)


def test_page_scoring_function_matches_generator_scoring(open_page: Opener) -> None:
    rng = random.Random(20261127)
    cases = [_random_case(rng) for _ in range(1000)]
    page = open_page("en")
    outputs = page.evaluate("""(cases) => cases.map((c) => {
      const results = c.agencies.map((answers) => window.kitScoring.score(c.items, c.low, c.high, answers));
      return {ranks: window.kitScoring.rank(results), results: results.map((r) => ({
        sections: r.sections.map((s) => [s.id, s.value, s.scored, window.kitScoring.display(s.value)]),
        total: r.total, shown: window.kitScoring.display(r.total), knockedOut: r.knockedOut,
        disqualified: r.disqualified, counts: [r.scored, r.notApplicable, r.unscored]}))};
    })""", cases)
    assert len(outputs) == 1000
    knocked = ties = 0
    for case, out in zip(cases, outputs, strict=True):
        expected = [score(case["items"], case["low"], case["high"], answers) for answers in case["agencies"]]
        assert out["ranks"] == rank(expected), case
        for want, got in zip(expected, out["results"], strict=True):
            assert [s[0] for s in got["sections"]] == [s.id for s in want.sections]
            for (_, value, scored, shown), section in zip(got["sections"], want.sections, strict=True):
                assert _close(value, section.value) and scored == section.scored and shown == display(section.value)
            assert _close(got["total"], want.total), case
            assert got["shown"] == display(want.total), case
            assert got["knockedOut"] == list(want.knocked_out) and got["disqualified"] == want.disqualified
            assert got["counts"] == [want.scored, want.not_applicable, want.unscored]
            knocked += want.disqualified
        ties += len({r for r in out["ranks"] if r is not None}) < sum(r is not None for r in out["ranks"])
    assert knocked > 100 and ties > 50, "the random cases exercise knock-outs and shared ranks"
