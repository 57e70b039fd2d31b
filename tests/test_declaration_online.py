"""The agency's written answers online (issue 27, section 1): the declaration the agency fills on its
own phone and saves as a file, the merchant's import of that file for one agency on the worksheet
and in interview mode, each answer shown on its criterion as the agency's claim (never a score),
the one-tap undoable "contradicted by what I found" mark, and the report that lists contradicted
claims first.

Debian's Chromium on a 390 × 844 phone with touch: the agency and the merchant are two browser
contexts (two phones), so nothing passes between them but the file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import context, label
from playwright.sync_api import expect
from test_scoring_browser import instant_base  # noqa: F401 (the fixture)

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.render.declaration_data import declaration_data
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
DECLARED = CRITERIA.declared_criteria
IDS = [k.id for k in CRITERIA.scored_criteria]
LOW, HIGH = CRITERIA.scale.min_score, CRITERIA.scale.max_score
COMPANY = {"zh": "杭州星火电商有限公司", "en": "Hangzhou Spark E-commerce Co Ltd"}
WECHAT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Mobile/15E148 MicroMessenger/8.0.44(0x18002c2e) NetType/WIFI Language/zh_CN")
RECORD_JS = """
window.kitSeen = { blobDownloads: 0 };
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  if (this.hasAttribute('download') && this.href.startsWith('blob:')) window.kitSeen.blobDownloads += 1;
  return click.call(this);
};
navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
"""
"""Counts blob downloads started, and makes the clipboard refuse (as some apps' browsers do)."""


@pytest.fixture
def phones(browser: Any) -> Any:
    """phones(user_agent=None): a new 390 × 844 touch phone (its own browser context); fails on page errors."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_phone(user_agent: str | None = None) -> Any:
        options = dict(sp.PHONE, accept_downloads=True, **({"user_agent": user_agent} if user_agent else {}))
        phone = browser.new_context(**options)
        phone.add_init_script(RECORD_JS)
        contexts.append(phone)
        page = phone.new_page()
        page.set_default_timeout(15_000)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        return page

    yield open_phone
    for phone in contexts:
        phone.close()
    assert errors == []


def _url(base: str, lang: str, page: str) -> str:
    return f"{base}{language_root(CRITERIA, lang)}{page}/"


def _fill_declaration(page: Any, lang: str) -> dict[str, Any]:
    """The agency answers the first two questions (the first with evidence attached) and signs; what it wrote."""
    page.wait_for_selector("#kit-declaration-online")
    first, second = (f'#kit-declaration-online li[data-criterion="{k.id}"]' for k in DECLARED[:2])
    page.locator(f"{first} textarea").fill("营业执照原件已附，经营范围含代运营。" if lang == "zh" else "Licence attached.")
    page.locator(f"{first} input.kit-dc-attached").tap()
    page.locator(f"{second} textarea").fill("近三年没有行政处罚。" if lang == "zh" else "No penalties in three years.")
    header = {"company": COMPANY[lang], "code": "91330100MA2H0X1234", "signatory": "王五", "date": "2026-12-01"}
    for key, value in header.items():
        page.locator(f"#kit-dc-{key}").fill(value)
    return header


def _save(page: Any) -> tuple[str, str]:
    with page.expect_download() as info:
        page.locator('#kit-declaration-online button[data-action="save"]').tap()
    return info.value.suggested_filename, Path(info.value.path()).read_text(encoding="utf-8")


def _document() -> dict[str, Any]:
    """The merchant's scores: the first declared criterion scored low for agency 1 (what she found)."""
    return sp.doc(CRITERIA, [("星火电商", {DECLARED[0].id: LOW, IDS[-1]: HIGH}, {DECLARED[0].id: "执照已过期"}),
                             ("Beta Ops", {}, {})])


def _merchant(page: Any, base: str, lang: str) -> None:
    page.goto(_url(base, lang, "worksheet"))
    page.wait_for_selector("#kit-scorer")
    sp.store(page, CRITERIA, _document())


def _import_file(page: Any, text: str, tmp_path: Path, box: str = "#kit-scorer") -> None:
    path = tmp_path / "declaration.json"
    path.write_text(text, encoding="utf-8")
    page.locator(f"{box} .kit-claim-import summary").tap()
    with page.expect_file_chooser() as chooser:
        page.locator(f'{box} button[data-claim-import="file"]').tap()
    chooser.value.set_files(str(path))


def _paste(page: Any, text: str, box: str = "#kit-scorer") -> str:
    details = page.locator(f"{box} .kit-claim-import")
    if not details.evaluate("d => d.open"):
        details.locator("summary").tap()
    page.locator(f"{box} textarea.kit-claim-paste").fill(text)
    page.locator(f'{box} button[data-claim-import="paste"]').tap()
    return page.locator(f"{box} .kit-claim-message").inner_text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_agency_fills_and_saves_the_declaration_and_the_merchant_imports_it(
        phones: Any, base: str, lang: str, tmp_path: Path) -> None:
    agency = phones()
    agency.goto(_url(base, lang, "declaration"))
    header = _fill_declaration(agency, lang)
    name, text = _save(agency)
    assert name == f"{CRITERIA.meta.id}-declaration-{CRITERIA.meta.version}-{COMPANY[lang].replace(' ', '-')}.json"
    expect(agency.locator("#kit-declaration-online .kit-dc-message")).to_have_text(
        label(lang, "dc_saved_file", name=name))
    file = json.loads(text)
    assert file["format"] == "kit-declaration" and file["criteria"] == {"id": CRITERIA.meta.id,
                                                                         "version": CRITERIA.meta.version}
    assert {k: file[k] for k in header} == header and file["lang"] == lang
    assert list(file["answers"]) == [k.id for k in DECLARED[:2]]
    assert file["answers"][DECLARED[0].id]["attached"] is True
    assert file["answers"][DECLARED[1].id]["attached"] is False
    # The draft has its own key: an agency on the merchant's computer never touches her scores.
    assert agency.evaluate("Object.keys(localStorage)") == [f"kit-declaration:{CRITERIA.meta.id}"]
    assert agency.evaluate("document.documentElement.scrollWidth") <= 390

    merchant = phones()
    _merchant(merchant, base, lang)
    before = sp.state(merchant, CRITERIA)
    total = merchant.locator("#kit-scorer .kit-sc-total").first.inner_text()
    _import_file(merchant, text, tmp_path)
    expect(merchant.locator("#kit-scorer .kit-claim-message")).to_have_text(
        label(lang, "cl_imported", n=2, name="星火电商"))
    row = merchant.locator(f'#kit-scorer fieldset[data-criterion="{DECLARED[0].id}"] .kit-claim')
    expect(row.locator(".kit-claim-head")).to_contain_text(label(lang, "cl_head"))
    expect(row.locator(".kit-claim-attached")).to_contain_text(label(lang, "evidence_attached"))
    expect(row.locator(".kit-claim-text")).to_have_text(file["answers"][DECLARED[0].id]["text"])
    expect(merchant.locator("#kit-scorer .kit-claim-declared")).to_have_text(label(
        lang, "cl_declared_by", company=COMPANY[lang], signatory="王五", date="2026-12-01"))
    second = merchant.locator(f'#kit-scorer fieldset[data-criterion="{DECLARED[1].id}"] .kit-claim')
    assert second.locator(".kit-claim-attached").count() == 0
    # A claim never sets a score: the same scores, total and verdict.
    after = sp.state(merchant, CRITERIA)
    assert [a["scores"] for a in after["agencies"]] == [a["scores"] for a in before["agencies"]]
    assert merchant.locator("#kit-scorer .kit-sc-total").first.inner_text() == total
    assert after["agencies"][0]["declaration"]["company"] == COMPANY[lang]
    assert after["agencies"][1]["claims"] == {}, "imported for the agency shown only"

    merchant.goto(_url(base, lang, "interview"))
    merchant.wait_for_selector("#kit-interview")
    merchant.select_option("#kit-iv-jump", DECLARED[0].id)
    card = merchant.locator(f'.kit-iv-card[data-criterion="{DECLARED[0].id}"] .kit-claim')
    expect(card.locator(".kit-claim-text")).to_have_text(file["answers"][DECLARED[0].id]["text"])
    assert merchant.locator(".kit-iv-card input.kit-iv-score:checked").input_value() == str(LOW)
    card.locator('button[data-claim="contradict"]').tap()
    expect(card.locator(".kit-claim-marked")).to_have_text(label(lang, "cl_contradicted"))
    assert sp.state(merchant, CRITERIA)["agencies"][0]["claims"][DECLARED[0].id]["contradicted"] is True
    assert [a["scores"] for a in sp.state(merchant, CRITERIA)["agencies"]] == [a["scores"] for a in before["agencies"]]

    merchant.goto(_url(base, lang, "report"))
    merchant.wait_for_selector("#kit-report .kit-rp-rank")
    first = merchant.locator("#kit-report h2").first
    assert first.inner_text() == label(lang, "rp_contradicted")
    section = merchant.locator("#kit-report .kit-rp-contradicted")
    assert section.evaluate("(s) => s.compareDocumentPosition(document.getElementById('kit-rp-ranking')) & 4"), \
        "before the ranking"
    item = section.locator(f'li[data-criterion="{DECLARED[0].id}"]')
    expect(item).to_contain_text(file["answers"][DECLARED[0].id]["text"])
    expect(item).to_contain_text("执照已过期")
    expect(section.locator(".kit-rp-declared")).to_have_text(label(
        lang, "cl_declared_by", company=COMPANY[lang], signatory="王五", date="2026-12-01"))
    assert section.locator(f'li[data-criterion="{DECLARED[1].id}"]').count() == 0, "only what was marked"
    heights = [_picture_height(merchant)]

    # Undone on the worksheet row: the report has nothing to list first any more.
    merchant.goto(_url(base, lang, "worksheet"))
    merchant.wait_for_selector("#kit-scorer")
    row = merchant.locator(f'#kit-scorer fieldset[data-criterion="{DECLARED[0].id}"] .kit-claim')
    row.locator('button[data-claim="undo"]').tap()
    expect(row.locator('button[data-claim="contradict"]')).to_be_focused()
    merchant.goto(_url(base, lang, "report"))
    merchant.wait_for_selector("#kit-report .kit-rp-rank")
    assert merchant.locator("#kit-report .kit-rp-contradicted").count() == 0
    assert merchant.locator("#kit-report h2").first.get_attribute("id") == "kit-rp-verdicts"
    heights.append(_picture_height(merchant))
    assert heights[0] > heights[1], "the report's picture draws the contradicted claims too"


def _picture_height(page: Any) -> int:
    with page.expect_download():
        page.evaluate("window.kitScoring.report.exportImage()")
    return int(page.evaluate("window.kitScoring.report.lastImage.height"))


def _file(**changes: Any) -> str:
    answers = {DECLARED[0].id: {"text": "OK", "attached": False}}
    doc = {"format": "kit-declaration", "formatVersion": 1, "criteria": {"id": CRITERIA.meta.id,
           "version": CRITERIA.meta.version}, "lang": "zh", "company": "甲", "code": "", "signatory": "乙",
           "date": "2026-12-01", "answers": answers, **changes}
    return json.dumps(doc, ensure_ascii=False)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_declaration_that_cannot_be_imported_says_why_and_changes_nothing(phones: Any, base: str, lang: str) -> None:
    page = phones()
    _merchant(page, base, lang)
    before = sp.state(page, CRITERIA)
    refused = {
        _file(criteria={"id": "other-kit", "version": "1.0"}): label(lang, "cl_other_criteria", id="other-kit"),
        _file(formatVersion=2): label(lang, "cl_newer", version=2, max=1),
        _file(answers={DECLARED[0].id: {"text": 3, "attached": False}}): label(
            lang, "cl_bad_shape", where=f"answers.{DECLARED[0].id}"),
        _file(date="1 Dec"): label(lang, "cl_bad_shape", where="date"),
        "not json {": label(lang, "cl_bad_json"),
        json.dumps(sp.doc(CRITERIA, [])): label(lang, "cl_bad_shape", where="format"),
    }
    for text, reason in refused.items():
        shown = _paste(page, text)
        assert shown == label(lang, "sc_import_error", reason=reason), text
        assert page.locator('#kit-scorer .kit-claim-message [role="alert"]').count() == 1
    assert sp.state(page, CRITERIA) == before
    assert page.locator("#kit-scorer .kit-claim").count() == 0
    # Pasted into the worksheet's own import (for scoring files), it says where it goes instead.
    page.locator('#kit-scorer button[data-action="paste-json"]').tap()
    page.locator("#kit-scorer textarea.kit-sc-paste-text").fill(_file())
    page.locator('#kit-scorer button[data-action="paste-go"]').tap()
    expect(page.locator("#kit-scorer .kit-sc-import")).to_have_text(
        label(lang, "sc_import_error", reason=label(lang, "cl_use_import")))
    assert page.locator("#kit-scorer .kit-claim-import").evaluate("d => d.open")
    assert sp.state(page, CRITERIA) == before
    # An answer for another version of the criteria is taken, with a word on the versions.
    shown = _paste(page, _file(criteria={"id": CRITERIA.meta.id, "version": "0.9.0"}))
    assert label(lang, "cl_other_version", old="0.9.0", new=CRITERIA.meta.version) in shown
    assert page.locator("#kit-scorer .kit-claim").count() == 1


def test_in_interview_mode_the_answers_import_for_the_agency_interviewed(phones: Any, base: str) -> None:
    page = phones()
    _merchant(page, base, "zh")
    page.goto(_url(base, "zh", "interview"))
    page.wait_for_selector("#kit-interview")
    page.select_option("#kit-iv-agency", "a1")
    page.select_option("#kit-iv-jump", DECLARED[0].id)
    shown = _paste(page, _file(), box="#kit-interview")
    assert shown == label("zh", "cl_imported", n=1, name="Beta Ops")
    expect(page.locator(".kit-iv-card .kit-claim-text")).to_have_text("OK")
    saved = sp.state(page, CRITERIA)["agencies"]
    assert saved[1]["claims"] == {DECLARED[0].id: {"text": "OK", "attached": False, "contradicted": False}}
    assert saved[0]["claims"] == {} and saved[1]["scores"] == {}
    for control in page.locator("#kit-interview .kit-claim-box summary, #kit-interview .kit-claim .md-button").all():
        box = control.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44


def test_the_draft_stays_and_the_form_shows_no_red_flag_or_weight(phones: Any, base: str) -> None:
    page = phones()
    page.goto(_url(base, "zh", "declaration"))
    header = _fill_declaration(page, "zh")
    page.reload()
    page.wait_for_selector("#kit-declaration-online")
    for key, value in header.items():
        assert page.locator(f"#kit-dc-{key}").input_value() == value
    assert page.locator("input.kit-dc-attached").first.is_checked()
    online = page.locator("#kit-declaration-online").inner_text()
    flags = [f("zh") for k in CRITERIA.criteria for f in k.red_flags]
    assert not [f for f in flags if f in online]
    assert label("zh", "weight") not in online and label("zh", "knockout_short") not in online
    assert page.locator("#kit-declaration-online li.kit-dc-q").count() == len(DECLARED)
    for control in page.locator("#kit-declaration-online :is(textarea, input:not([type=checkbox]), .md-button, .kit-dc-tick)").all():
        if control.is_visible():
            box = control.bounding_box()
            assert box["height"] >= 44, control.evaluate("e => e.outerHTML.slice(0, 80)")
    # Saving asks for the company and an answer first.
    page.locator("#kit-dc-company").fill("")
    page.locator('#kit-declaration-online button[data-action="save"]').tap()
    expect(page.locator(".kit-dc-message")).to_have_text(label("zh", "dc_need_company"))
    expect(page.locator("#kit-dc-company")).to_be_focused()
    # Clearing asks twice, then empties the draft.
    clear = page.locator('#kit-declaration-online button[data-action="clear"]')
    clear.tap()
    expect(clear).to_have_text(label("zh", "dc_clear_confirm"))
    clear.tap()
    assert page.locator("textarea.kit-dc-answer").first.input_value() == ""
    page.locator("#kit-dc-company").fill("甲")
    page.locator('#kit-declaration-online button[data-action="save"]').tap()
    expect(page.locator(".kit-dc-message")).to_have_text(label("zh", "dc_nothing"))


def test_on_a_phone_the_printable_form_folds_and_paper_shows_it_alone(phones: Any, base: str) -> None:
    page = phones()
    page.goto(_url(base, "en", "declaration"))
    page.wait_for_selector("#kit-declaration-online")
    seal = page.locator("#declaration-seal")
    assert not seal.is_visible(), "folded under the online form on a phone"
    toggle = page.locator(".kit-dc-print-row button")
    toggle.tap()
    assert seal.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    toggle.tap()
    page.emulate_media(media="print")
    assert seal.is_visible(), "paper shows the printable form whatever the fold"
    assert not page.locator("#kit-declaration-online").is_visible()
    assert not toggle.is_visible()
    assert page.locator(".kit-declaration-list li").count() == len(DECLARED)


def test_in_a_chat_apps_browser_the_file_is_copied_as_text_instead(phones: Any, base: str) -> None:
    page = phones(WECHAT)
    page.goto(_url(base, "zh", "declaration"))
    _fill_declaration(page, "zh")
    note = page.locator("#kit-declaration-online .kit-inapp-note")
    assert note.inner_text() == label("zh", "dc_inapp", app=label("zh", "app_wechat"))
    downloads: list[str] = []
    page.on("download", lambda d: downloads.append(d.suggested_filename))
    page.locator('#kit-declaration-online button[data-action="save"]').tap()
    box = page.locator("#kit-declaration-online textarea.kit-dc-copy-text")
    expect(box).to_be_focused()
    page.wait_for_timeout(300)
    assert downloads == [] and page.evaluate("window.kitSeen.blobDownloads") == 0
    assert page.locator(".kit-dc-message").inner_text().startswith(label("zh", "sc_copy_fallback"))
    text = box.input_value()
    assert json.loads(text)["company"] == COMPANY["zh"]

    merchant = phones(WECHAT)
    _merchant(merchant, base, "zh")
    assert _paste(merchant, text) == label("zh", "cl_imported", n=2, name="星火电商")


def test_declaration_data_holds_the_declared_questions_and_no_red_flags() -> None:
    for lang in CRITERIA.meta.languages:
        data = declaration_data(context(CRITERIA, lang))
        [section] = data["sections"]
        assert [c["id"] for c in section["criteria"]] == [k.id for k in DECLARED]
        assert all(set(c) == {"id", "number", "title", "declare", "questions"} for c in section["criteria"])
        assert data["criteria"]["version"] == CRITERIA.meta.version
        leftover = {m for text in data["strings"].values() for m in re.findall(r"\{(\w+)\}", text)}
        assert leftover <= {"name", "app"}


@pytest.fixture(scope="module")
def run_draft(browser: Any, serve_dir: Any) -> Any:
    yield from sp.module_worker(browser, serve_dir, declaration_data(context(CRITERIA, "zh")),
                                d="declaration-draft.js", f="declaration.js")


def test_a_broken_or_hostile_draft_keeps_what_can_be_read(run_draft: Any) -> None:
    first = DECLARED[0].id
    drafts = {
        "null": None, "not json": "{", "[]": [],
        "hostile": {"company": "甲" * 500, "code": 7, "date": "yesterday", "signatory": "乙",
                    "answers": {first: {"text": "答", "attached": "yes"}, "__proto__": {"text": "x", "attached": True},
                                "not-declared": {"text": "kept out", "attached": True}}},
    }
    out = run_draft(f"""
      const drafts = {json.dumps({k: v if isinstance(v, str) else json.dumps(v) for k, v in drafts.items()})};
      const read = Object.fromEntries(Object.entries(drafts).map(([k, raw]) => [k, d.readDraft(raw, data)]));
      const file = f.declarationFile(data, read.hostile, read.hostile.answers);
      return {{ read: JSON.parse(JSON.stringify(read)), file: f.parseDeclaration(JSON.stringify(file), data),
        names: [d.declarationName(data, ' 杭州/星火:电商 '), d.declarationName(data, ''),
                d.declarationName(data, '.'.repeat(3) + 'A'.repeat(80))],
        key: d.draftKey(data), any: [d.hasAnswer(read.hostile), d.hasAnswer(read.null)] }};
    """)
    empty = {"company": "", "code": "", "signatory": "", "date": "", "answers": {}}
    assert out["read"]["null"] == out["read"]["not json"] == out["read"]["[]"] == empty
    hostile = out["read"]["hostile"]
    assert hostile == {"company": "甲" * 200, "code": "", "signatory": "乙", "date": "",
                       "answers": {first: {"text": "答", "attached": False}}}
    assert out["file"]["answers"] == {first: {"text": "答", "attached": False}}
    stem = f"{CRITERIA.meta.id}-declaration-{CRITERIA.meta.version}"
    assert out["names"] == [f"{stem}-杭州-星火-电商.json", f"{stem}.json", f"{stem}-{'A' * 57}.json"]
    assert out["key"] == f"kit-declaration:{CRITERIA.meta.id}" and out["any"] == [True, False]


def _go(page: Any, href: str) -> None:
    """Follows a link to href inside the page, as the menu would (Material's instant navigation)."""
    page.evaluate("""(href) => { const link = document.createElement("a"); link.href = href;
      link.textContent = "go"; document.querySelector("article").append(link); link.click(); }""", href)


def test_instant_navigation_brings_the_online_form_and_takes_it_away(
        phones: Any, instant_base: str) -> None:  # noqa: F811 (the fixture imported above)
    page = phones()
    page.goto(_url(instant_base, "en", "sections/" + CRITERIA.sections[0].id))
    page.wait_for_load_state("networkidle")  # Material has read sitemap.xml
    page.evaluate("window.__sameDocument = true")
    _go(page, _url(instant_base, "en", "declaration"))
    page.wait_for_url("**/declaration/")
    page.wait_for_selector("#kit-declaration-online li.kit-dc-q")
    assert page.locator("#kit-declaration-online").count() == 1
    _go(page, _url(instant_base, "en", "worksheet"))
    page.wait_for_selector("#kit-scorer .kit-claim-import")
    assert page.locator("#kit-declaration-online").count() == 0
    _go(page, _url(instant_base, "en", "declaration"))
    page.wait_for_url("**/declaration/")
    page.wait_for_selector("#kit-declaration-online")
    assert page.locator("#kit-declaration-online").count() == 1, "built once per page view"
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation was not used"
