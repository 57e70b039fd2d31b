"""Claimed, seen or checked myself (issue 27), in Debian's Chromium on a 390 × 844 touch phone.

One tap on the interview card sets the evidence status (a second tap clears it), dated today, with
a "where" note; the worksheet's row and its ranking area and the report show it; export, clear and
import keep every status, date and note; the report's share of the weight resting on evidence seen
or checked equals an exact calculation in Python (tests/people_rules.py python_share) for random agencies;
with no page, the tap rule (dated when set or changed) and the CSV's evidence columns.
"""

from __future__ import annotations

import csv
import io
import json
import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import context, label
from people_rules import python_counted, python_share

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.model import numbered_sections
from generator.render.report import report_data
from generator.scoring import display
from generator.site.nav import language_root

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored_criteria
IDS = [k.id for k in SCORED]
BY_ID = {k.id: k for k in SCORED}
LEVELS = [lv.score for lv in CRITERIA.scale.levels]
LOW, HIGH = LEVELS[0], LEVELS[-1]
STATUSES = ("claimed", "seen", "checked")
NUMBERS = {k.id: kn for _, _, ks in numbered_sections(CRITERIA.scored.sections) for kn, k in ks}
TODAY = """() => { const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; }"""


def saved_evidence(page: Any, agency: int = 0) -> Any:
    return sp.state(page, CRITERIA)["agencies"][agency]["evidence"]


MEDIAN = sorted(k.weight for k in SCORED)[(len(SCORED) - 1) // 2]
"""From this weight on a criterion is heavy (the lower middle weight of an even count)."""


def heavy(scores: dict[str, Any], evidence: dict[str, str]) -> list[str]:
    """The criteria the report lists as still only claimed or unrecorded (people.js evidenceShare)."""
    out = [k for k in SCORED if isinstance(scores.get(k.id), int) and evidence.get(k.id) not in ("seen", "checked")
           and (k.knockout or k.weight >= MEDIAN)]
    out.sort(key=lambda k: (not k.knockout, -k.weight, IDS.index(k.id)))
    return [k.id for k in out]


CLEAR = """() => {
  const r = (s) => document.querySelector(s).getBoundingClientRect();
  const bar = r('.kit-iv-bar'), nav = r('.kit-iv-nav'), more = r('.kit-iv-card .kit-ev-more');
  return {below: more.top >= bar.bottom - 1, above: more.bottom <= nav.top + 1, height: more.height,
          wide: document.documentElement.scrollWidth};
}"""


def test_one_tap_on_the_interview_card_shows_on_the_worksheet_and_the_report(phone: Any, base: str) -> None:
    page = phone
    root = f"{base}{language_root(CRITERIA, 'zh')}"
    page.goto(root + "interview/")
    page.wait_for_selector(".kit-iv-card")
    first = page.locator(".kit-iv-card").get_attribute("data-criterion")
    today = page.evaluate(TODAY)
    page.locator(f'.kit-iv-level[data-score="{HIGH}"]').tap()
    control = page.locator(".kit-iv-card .kit-ev")
    assert control.locator("legend").inner_text() == label("zh", "ev_head")
    taps = control.locator(".kit-ev-tap")
    assert taps.all_inner_texts() == [label("zh", f"ev_{s}") for s in STATUSES]
    assert not control.locator(".kit-ev-more").is_visible(), "date and where only once a status is set"
    # The taps just above the previous / next bar: what a first tap reveals is scrolled clear of it.
    page.evaluate("""() => { const t = document.querySelector('.kit-iv-card .kit-ev-taps').getBoundingClientRect();
      const nav = document.querySelector('.kit-iv-nav').getBoundingClientRect();
      scrollBy(0, t.bottom - nav.top + 4); }""")
    for box in (taps.nth(i).bounding_box() for i in range(3)):
        assert box["width"] >= 44 and box["height"] >= 44, box
    seen = control.locator('.kit-ev-tap[data-status="seen"]')
    seen.tap()
    assert seen.get_attribute("aria-pressed") == "true", "the pressed look is on the button tapped"
    assert saved_evidence(page) == {first: {"status": "seen", "date": today, "where": ""}}, "dated today"
    place = page.evaluate(CLEAR)
    assert place["below"] and place["above"] and place["height"] > 44 and place["wide"] <= 390, place
    assert control.locator(".kit-ev-date").input_value() == today
    control.locator(".kit-ev-where").fill("对方电脑上的店铺后台")
    assert saved_evidence(page)[first]["where"] == "对方电脑上的店铺后台"
    seen.tap()
    assert saved_evidence(page) == {} and seen.get_attribute("aria-pressed") == "false", "a second tap clears"
    assert not control.locator(".kit-ev-more").is_visible()
    control.locator('.kit-ev-tap[data-status="claimed"]').tap()
    control.locator(".kit-ev-where").fill("面谈时说的, 有 \"引号\"")
    control.locator(".kit-ev-date").fill("2026-11-30")
    assert saved_evidence(page)[first] == {"status": "claimed", "date": "2026-11-30", "where": "面谈时说的, 有 \"引号\""}
    control.locator('.kit-ev-tap[data-status="checked"]').tap()
    assert saved_evidence(page)[first] == {"status": "checked", "date": today, "where": "面谈时说的, 有 \"引号\""}, (
        "a new status is dated again; the note stays")
    control.locator(".kit-ev-date").fill("2026-11-30")
    assert [taps.nth(i).get_attribute("aria-pressed") for i in range(3)] == ["false", "false", "true"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    second = max(SCORED[1:], key=lambda k: k.weight).id  # a heavy criterion, only claimed: listed in the report
    page.locator("#kit-iv-jump").select_option(second)
    assert page.locator(".kit-iv-card").get_attribute("data-criterion") == second
    page.locator(f'.kit-iv-level[data-score="{LOW + 1}"]').tap()
    page.locator('.kit-iv-card .kit-ev-tap[data-status="claimed"]').tap()
    scores = {first: HIGH, second: LOW + 1}
    evidence = {first: "checked", second: "claimed"}
    assert {c: e["status"] for c, e in saved_evidence(page).items()} == evidence
    share = display(python_share(scores, evidence))

    page.goto(root + "worksheet/")
    page.wait_for_selector("#kit-scorer")
    row = page.locator(f'fieldset.kit-sc-criterion[data-criterion="{first}"] .kit-ev')
    assert row.locator(".kit-ev-tap[aria-pressed=true]").get_attribute("data-status") == "checked"
    assert row.locator(".kit-ev-date").input_value() == "2026-11-30"
    assert row.locator(".kit-ev-where").input_value() == "面谈时说的, 有 \"引号\""
    other = page.locator(f'fieldset.kit-sc-criterion[data-criterion="{second}"] .kit-ev')
    assert other.locator(".kit-ev-tap[aria-pressed=true]").get_attribute("data-status") == "claimed"
    line = page.locator('.kit-sc-ranking .kit-ev-lines li[data-agency="a1"]')
    assert line.get_attribute("data-share") == share
    assert label("zh", "ev_share", share=share) in line.inner_text()
    assert label("zh", "ev_heavy_count", n=1) in line.inner_text(), "the heavy criterion only claimed is counted"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.goto(root + "report/")
    page.wait_for_selector(".kit-ev-report")
    part = page.locator('.kit-rp-agency[data-agency="a1"] .kit-ev-report')
    assert part.get_attribute("data-share") == share
    assert part.locator(".kit-ev-share").inner_text() == label("zh", "ev_share", share=share)
    items = part.locator(".kit-ev-heavy li")
    assert items.evaluate_all("els => els.map((e) => e.dataset.criterion)") == heavy(scores, evidence)
    assert heavy(scores, evidence) == [second]
    text = part.locator(f'li[data-criterion="{second}"]').inner_text()
    assert text.startswith(f"{NUMBERS[second]} {BY_ID[second].title('zh')}") and label("zh", "ev_claimed") in text
    # what "heavy" means, in words, with this criteria file's median weight
    assert part.locator(".kit-ev-heavy-means").inner_text() == label("zh", "ev_heavy_means", median=f"{MEDIAN:g}")
    page.emulate_media(media="print")
    assert part.is_visible() and part.locator(".kit-ev-share").is_visible(), "printed with the report"


def random_agencies(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """n agencies with random scores (levels, N/A, blank) and evidence (any status, dates, notes)."""
    out = []
    for i in range(n):
        scores = {k.id: rng.choice([*LEVELS, *([] if k.knockout else ["na"]), None]) for k in SCORED}
        evidence = {}
        for k in SCORED:
            status = rng.choice([*STATUSES, None, None])
            if status:
                date = rng.choice(["", f"2026-1{rng.randint(0, 1)}-0{rng.randint(1, 9)}"])
                where = rng.choice(["", "gsxt.gov.cn", "后台, \"截图\"", "=SUM(A1)"])
                evidence[k.id] = {"status": status, "date": date, "where": where}
        out.append({"id": f"a{i + 1}", "name": f"代运营 {i + 1}",
                    "scores": {c: v for c, v in scores.items() if v is not None},
                    "notes": {}, "flags": {}, "reviews": {}, "agreed": {}, "evidence": evidence, "claims": {},
                    "declaration": None})
    return out


def document(agencies: list[dict[str, Any]], reviewers: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"format": "kit-scoring", "formatVersion": 2,
            "criteria": {"id": CRITERIA.meta.id, "version": CRITERIA.meta.version, "ids": IDS},
            "owner": {"name": ""}, "reviewers": reviewers or [], "agencies": agencies}


@pytest.fixture
def open_page(browser: Any, base: str) -> Any:
    yield from sp.opener(browser, base, CRITERIA)


def test_export_clear_import_keeps_every_status_date_and_where(open_page: Any, tmp_path: Path) -> None:
    page = open_page("en", phone=True)
    agencies = random_agencies(random.Random(27), 3)
    sp.store(page, CRITERIA, document(agencies))
    row = page.locator(f'fieldset.kit-sc-criterion[data-criterion="{IDS[2]}"] .kit-ev')
    assert row.locator(".kit-ev-tap").all_inner_texts() == [label("en", f"ev_{s}") for s in STATUSES]
    # One more set on the worksheet's row, for the first agency: a tap, then its note.
    pressed = row.locator(".kit-ev-tap[aria-pressed=true]")
    if pressed.count():
        pressed.tap()  # cleared first, so the tap below sets it afresh
    row.locator('.kit-ev-tap[data-status="seen"]').tap()
    row.locator(".kit-ev-where").fill("contract copy, page 3")
    today = page.evaluate(TODAY)
    before = sp.state(page, CRITERIA)
    assert before["agencies"][0]["evidence"][IDS[2]] == {"status": "seen", "date": today,
                                                          "where": "contract copy, page 3"}
    assert sum(len(a["evidence"]) for a in before["agencies"]) > 30
    path = tmp_path / "scores.json"
    path.write_text(sp.download(page, "export-json"), encoding="utf-8")
    page.click('#kit-scorer button[data-action="clear"]')
    page.click('#kit-scorer button[data-action="clear"]')
    assert all(a["evidence"] == {} for a in sp.state(page, CRITERIA)["agencies"])
    assert page.locator(".kit-ev-tap[aria-pressed=true]").count() == 0
    with page.expect_file_chooser() as chooser:
        page.click('#kit-scorer button[data-action="import-json"]')
    chooser.value.set_files(str(path))
    page.wait_for_selector(".kit-sc-message")
    after = sp.state(page, CRITERIA)
    assert [a["evidence"] for a in after["agencies"]] == [a["evidence"] for a in before["agencies"]]
    assert after == before
    shown = page.locator(".kit-ev").evaluate_all(
        "els => Object.fromEntries(els.filter((e) => e.dataset.status).map((e) => [e.dataset.ev, e.dataset.status]))")
    assert shown == {c: e["status"] for c, e in before["agencies"][0]["evidence"].items()}
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    size = "parseFloat(getComputedStyle(document.querySelector('.kit-scorer .kit-ev-where')).fontSize)"
    assert page.evaluate(size) >= 16, "no zoom on focus in iOS Safari"
    page.evaluate("kitScoring.preparePrint()")
    assert page.locator(".kit-sc-print .kit-ev-lines li").count() == len(agencies), "the printed sheet has the shares"
    page.evaluate("kitScoring.finishPrint()")


def test_report_share_equals_python_for_random_agencies(browser: Any, base: str) -> None:
    rng = random.Random(2027)
    agencies = random_agencies(rng, 6)
    # A reviewer's scores count where the owner left a criterion blank, an agreed score over both.
    reviewer = {k.id: rng.choice(LEVELS) for k in SCORED[:20]}
    agencies[1]["reviews"] = {"r1": {"scores": reviewer, "notes": {}, "flags": {}}}
    agencies[1]["agreed"] = {IDS[3]: LOW + 1}
    agencies[5]["scores"] = {}  # nothing scored: no share
    context = browser.new_context(**sp.PHONE)
    page = context.new_page()
    page.goto(f"{base}{language_root(CRITERIA, 'en')}report/")
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)",
                  [sp.key(CRITERIA), json.dumps(document(agencies, [{"id": "r1", "name": "Ops"}]))])
    page.reload()
    page.wait_for_selector(".kit-ev-report")
    for i, a in enumerate(agencies):
        counted = python_counted(a["scores"], [r["scores"] for r in a["reviews"].values()], a["agreed"])
        statuses = {c: e["status"] for c, e in a["evidence"].items()}
        exact: Fraction | None = python_share(counted, statuses)
        part = page.locator(f'.kit-rp-agency[data-agency="{a["id"]}"] .kit-ev-report')
        if exact is None:
            assert part.get_attribute("data-share") == "" and part.inner_text().endswith(label("en", "ev_share_none"))
            continue
        assert part.get_attribute("data-share") == display(exact), i
        assert part.locator(".kit-ev-share").inner_text() == label("en", "ev_share", share=display(exact))
        expected = heavy(counted, statuses)
        found = part.locator(".kit-ev-heavy li").evaluate_all(
            "els => els.map((e) => [e.dataset.criterion, e.dataset.status, e.textContent])")
        assert [f[0] for f in found] == expected, i
        for ident, status, text in found:
            assert text.startswith(f"{NUMBERS[ident]} {BY_ID[ident].title('en')}"), "numbered and titled"
            assert status == statuses.get(ident, "")
            assert label("en", f"ev_{status}" if status else "ev_none") in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The report's picture (forwarded in chats) carries each agency's share and heavy criteria too.
    lines = page.evaluate("""async (url) => { const r = window.kitScoring.report;
      return (await import(url)).reportImage(r.data, r.summary, r.date).kitLines; }""",
                          f"{base}assets/javascripts/scorer/image.js")
    drawn = "".join(lines).replace(" ", "")  # lines broken anywhere: compared without spaces
    for a in agencies[:5]:
        counted = python_counted(a["scores"], [r["scores"] for r in a["reviews"].values()], a["agreed"])
        statuses = {c: e["status"] for c, e in a["evidence"].items()}
        share = label("en", "ev_share", share=display(python_share(counted, statuses)))
        numbers = ", ".join(NUMBERS[c] for c in heavy(counted, statuses))
        assert share.replace(" ", "") in drawn and f"({numbers})".replace(" ", "") in drawn
    context.close()


HARNESS = sp.worker_harness(m="state.js", t="state-text.js", e="evidence.js")


def test_tap_rule_and_csv_cells_without_a_page(browser: Any, serve_dir: Any) -> None:
    data = report_data(context(CRITERIA, "en"))
    base = str(serve_dir(sp.SCORER))
    page = browser.new_page()
    page.goto(base)
    run = sp.worker_runner(page, base, HARNESS, data)
    out = run(f"""
      const first = e.tapped(undefined, 'claimed', '2026-12-01');
      const noted = {{ ...first, where: 'said so' }};
      const taps = [first, e.tapped(noted, 'checked', '2026-12-06'), e.tapped(noted, 'claimed', '2026-12-06')];
      const doc = m.freshDocument(data);
      const a = doc.agencies[0];
      a.scores = {{ {json.dumps(IDS[0])}: 3 }};
      a.evidence = {{ {json.dumps(IDS[0])}: {{ status: 'seen', date: '2026-12-02', where: '=HYPERLINK("x")' }},
        gone: {{ status: 'checked', date: '', where: 'gsxt' }} }};
      return {{ taps, csv: t.csv(data, doc) }};
    """)
    page.close()
    assert out["taps"] == [{"status": "claimed", "date": "2026-12-01", "where": ""},
                           {"status": "checked", "date": "2026-12-06", "where": "said so"}, None], (
        "dated when set, dated again when changed with the note kept, cleared by a second tap")
    rows = list(csv.reader(io.StringIO(out["csv"].lstrip("\ufeff"), newline="")))
    assert rows[0][-3:] == [label("en", "ev_head"), label("en", "ev_csv_date"), label("en", "ev_csv_where")]
    assert all(len(r) == len(rows[0]) for r in rows)
    mine = {r[4]: r[10:] for r in rows if r[0] == rows[1][0] and r[4]}
    assert mine[IDS[0]] == [label("en", "ev_seen"), "2026-12-02", "'=HYPERLINK(\"x\")"], "a formula is neutralised"
    assert mine["gone"] == [label("en", "ev_checked"), "", "gsxt"], "a removed criterion's evidence is kept"
    assert all(v == ["", "", ""] for k, v in mine.items() if k not in (IDS[0], "gone"))


def test_two_tabs_merge_evidence_and_a_where_being_typed_stays(browser: Any, base: str) -> None:
    context = browser.new_context(**sp.PHONE)
    errors: list[str] = []
    pages = []
    for path, ready in (("interview/", ".kit-iv-card"), ("worksheet/", "#kit-scorer")):
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}{language_root(CRITERIA, 'zh')}{path}")
        page.wait_for_selector(ready)
        pages.append(page)
    interview, sheet = pages
    first = interview.locator(".kit-iv-card").get_attribute("data-criterion")
    interview.bring_to_front()
    interview.locator('.kit-iv-card .kit-ev-tap[data-status="seen"]').tap()
    interview.locator(".kit-iv-card .kit-ev-where").fill("对方后台")
    sheet.bring_to_front()
    row = sheet.locator(f'fieldset.kit-sc-criterion[data-criterion="{IDS[5]}"] .kit-ev')
    row.locator('.kit-ev-tap[data-status="checked"]').tap()
    shown = sheet.locator(f'fieldset.kit-sc-criterion[data-criterion="{first}"] .kit-ev-tap[aria-pressed=true]')
    assert shown.get_attribute("data-status") == "seen", "the worksheet shows what the interview saved"
    interview.bring_to_front()
    interview.locator(".kit-remote:not([hidden])").wait_for()
    where = interview.locator(".kit-iv-card .kit-ev-where")
    assert where.input_value() == "对方后台"
    assert interview.evaluate("document.activeElement.classList.contains('kit-ev-where')"), "still under the finger"
    interview.keyboard.type("截图")
    evidence = sp.state(interview, CRITERIA)["agencies"][0]["evidence"]
    assert evidence[first]["where"] == "对方后台截图" and evidence[IDS[5]]["status"] == "checked"
    context.close()
    assert errors == []
