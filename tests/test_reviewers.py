"""Several reviewers on the worksheet, interview and report (issue 28), in Debian's Chromium on a phone.

Two people score the same two agencies, each in a browser context of their own (another phone):
the boss, and an operations manager. The manager's scores go to the boss by share link, and the
boss's own scores go to the manager as a file; each adds the other's as a reviewer's scores. The
disagreement view must list exactly the criteria whose scores lie two levels or more apart, or where
a knock-out fires for one of them only (computed here in Python); settling them with the agreed
score must rank the agencies as generator/verdict.py judge_all does on the counted scores. A score
that counts but is not the merchant's own is marked; each person's scores stay exportable; a
reviewer can be removed after a confirmation. Controls are 44 px, nothing scrolls sideways at 390 px.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import context, label
from people_rules import python_counted, python_disagreements
from playwright.sync_api import expect

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.render.report import report_data
from generator.scoring import display, eliminates_at
from generator.site.nav import language_root
from generator.verdict import judge_all, rule_of

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SCORED = CRITERIA.scored_criteria
LEVELS = [lv.score for lv in CRITERIA.scale.levels]
KOS = [k for k in SCORED if k.knockout]
PLAIN = [k for k in SCORED if not k.knockout]
AGENCIES = ["Hangzhou Co", "宁波运营"]
PEOPLE = {"zh": ("老板", "王经理"), "en": ("Boss", "Ops manager")}

Sheet = dict[str, Any]


def judged(answers: list[Sheet]) -> list[tuple[int | None, str, str]]:
    """(rank, verdict kind, total as shown) of each agency, by generator/verdict.py."""
    results, verdicts, ranks = judge_all(rule_of(CRITERIA), answers)
    return [(rank, v.kind, display(r.total)) for r, v, rank in zip(results, verdicts, ranks, strict=True)]


def scenario() -> tuple[list[Sheet], list[Sheet]]:
    """The boss's and the manager's scores of the two agencies: random, plus the cases the rule names."""
    rng = random.Random(28)
    boss: list[Sheet] = [{}, {}]
    manager: list[Sheet] = [{}, {}]
    for i, lean in enumerate(((2, 3), (1, 2, 3))):
        for k in SCORED:
            boss[i][k.id] = rng.choice((2, 3) if k.knockout else lean)
            roll = rng.random()
            if roll < 0.1:
                continue  # the manager left it blank
            if roll < 0.15 and not k.knockout:
                manager[i][k.id] = "na"
                continue
            step = rng.choice([0, 0, 0, 1, -1, 2, -2, -3])
            manager[i][k.id] = min(max(boss[i][k.id] + step, LEVELS[0]), LEVELS[-1])
    boss[0][KOS[0].id], manager[0][KOS[0].id] = 3, 0  # three levels apart, a knock-out for the manager only
    soft = next(k for k in KOS if eliminates_at(CRITERIA, k) == 1)
    boss[1][soft.id], manager[1][soft.id] = 2, 1  # one level apart, yet a knock-out for the manager only
    boss[1][PLAIN[0].id], manager[1][PLAIN[0].id] = 2, 3  # one level apart: no disagreement
    del boss[0][PLAIN[-1].id]
    manager[0][PLAIN[-1].id] = 1  # the boss left it blank: the manager's score counts, marked
    return boss, manager


def document(owner: str, scores: list[Sheet]) -> dict[str, Any]:
    doc = sp.doc(CRITERIA, [(name, s, {}) for name, s in zip(AGENCIES, scores, strict=True)])
    return {**doc, "formatVersion": 2, "owner": {"name": owner}, "reviewers": []}


@pytest.fixture
def phone(browser: Any, base: str) -> Iterator[Any]:
    """phone(lang, doc): a new phone context (its own storage, another person's phone) at the worksheet holding doc."""
    opened = sp.opener(browser, base, CRITERIA)
    open_page = next(opened)
    yield lambda lang, doc: open_page(lang, phone=True, doc=doc)
    next(opened, None)  # closes the pages and checks for errors


def listed(page: Any) -> list[list[str]]:
    """The criteria of the disagreement view, per agency (the document's order)."""
    items = page.locator("#kit-scorer .kit-pp-disagree .kit-pp-item").evaluate_all(
        "els => els.map((e) => [e.dataset.agency, e.dataset.criterion])")
    ids = [a["id"] for a in sp.state(page, CRITERIA)["agencies"]]
    return [[c for a, c in items if a == ident] for ident in ids]


def ranking(page: Any, rows: str, place: str, total: str) -> list[tuple[int | None, str, str]]:
    """(rank, verdict kind, total) per agency in the document's order, as the page's ranking table shows them."""
    found = page.locator(rows).evaluate_all(f"""els => els.map((e) => [e.dataset.agency, e.dataset.verdict,
      e.querySelector('{place}').textContent, e.querySelector('{total}').textContent])""")
    by = {a: (None if r == "—" else int(r), kind, t) for a, kind, r, t in found}
    return [by[a["id"]] for a in sp.state(page, CRITERIA)["agencies"]]


def sheet_ranking(page: Any) -> list[tuple[int | None, str, str]]:
    return ranking(page, "#kit-scorer .kit-sc-rank-table tbody tr", ".kit-sc-rank", ".kit-sc-total")


def small_controls(page: Any, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all("""els => els.filter((e) => e.offsetParent !== null).map((e) => {
      const r = e.getBoundingClientRect(); return [e.outerHTML.slice(0, 80), r.width, r.height]; })
      .filter(([, w, h]) => w < 44 || h < 44).map(([html]) => html)""")


def export(page: Any, reviewer: str) -> dict[str, Any]:
    with page.expect_download() as info:
        page.locator(f'#kit-scorer button[data-pp="export"][data-reviewer="{reviewer}"]').tap()
    return json.loads(Path(info.value.path()).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_reviewers_disagree_settle_and_rank_as_python_does(phone: Any, base: str, lang: str) -> None:
    boss, manager = scenario()
    me, other = PEOPLE[lang]
    expected = [python_disagreements([b, m]) for b, m in zip(boss, manager, strict=True)]
    assert KOS[0].id in expected[0] and PLAIN[0].id not in expected[1]
    assert next(k.id for k in KOS if eliminates_at(CRITERIA, k) == 1) in expected[1]

    # The manager shares her scores by link; the boss adds them as a reviewer's, named as she signed them.
    theirs = phone(lang, document(other, manager))
    expect(theirs.locator(".kit-sh-contains")).to_contain_text(other)
    theirs.locator('#kit-scorer button[data-action="share-make"]').tap()
    link = theirs.locator("textarea.kit-sh-link").input_value()
    mine = phone(lang, document(me, boss))
    mine.goto(link)
    box = mine.locator(".kit-sh-received")
    expect(box.locator("input.kit-pp-review-name")).to_have_value(other)
    assert sp.state(mine, CRITERIA)["reviewers"] == [], "never taken in silently"
    assert small_controls(mine, ".kit-sh-received :is(button, input)") == []
    box.locator('button[data-pp="review"]').tap()
    expect(mine.locator(".kit-sh-inbox .kit-sc-message")).to_have_text(label(lang, "pp_reviewed", name=other, n=2))
    saved = sp.state(mine, CRITERIA)
    assert [r["name"] for r in saved["reviewers"]] == [other]
    rid = saved["reviewers"][0]["id"]
    assert [a["reviews"][rid]["scores"] for a in saved["agencies"]] == manager
    assert [a["scores"] for a in saved["agencies"]] == boss, "the boss's own scores untouched"

    # The disagreement view: exactly the criteria Python finds, each with who scored what.
    assert listed(mine) == expected
    item = mine.locator(f'.kit-pp-disagree .kit-pp-item[data-agency="a0"][data-criterion="{KOS[0].id}"]')
    assert item.locator(".kit-pp-scores li").all_inner_texts() == [f"{me}{label(lang, 'colon')}3",
                                                                   f"{other}{label(lang, 'colon')}0"]
    expect(item.locator(".kit-tag-ko")).to_have_text(label(lang, "pp_ko_differs"))
    before = [python_counted(b, [m], {}) for b, m in zip(boss, manager, strict=True)]
    assert sheet_ranking(mine) == judged(before)
    mark = mine.locator(f'fieldset[data-criterion="{PLAIN[-1].id}"] .kit-pp-counted')
    expect(mark).to_have_attribute("data-kind", "reviewers")
    expect(mark).to_contain_text(f"{other} 1")

    # Phone rules: the jump link lands below the sticky header; 44 px controls; no sideways scroll.
    mine.locator("#kit-scorer .kit-sc-jumps a.kit-pp-jump").tap()
    mine.wait_for_timeout(400)
    header = mine.locator(".md-header").bounding_box()
    heading = mine.locator("#kit-pp-disagree").bounding_box()
    assert heading["y"] >= header["y"] + header["height"] - 1, (heading, header)
    assert small_controls(mine, "#kit-scorer :is(.kit-pp-people, .kit-pp-disagree, .kit-pp-counted) "
                          ":is(button, input, a)") == []
    assert mine.evaluate("document.documentElement.scrollWidth") <= 390

    # Settled: the first agency on the manager's scores, the second on the boss's.
    agreed: list[Sheet] = [{c: manager[0][c] for c in expected[0]}, {c: boss[1][c] for c in expected[1]}]
    for i, ident in enumerate(("a0", "a1")):
        for c, value in agreed[i].items():
            mine.locator(f'.kit-pp-disagree .kit-pp-item[data-agency="{ident}"][data-criterion="{c}"] '
                         f'button[data-value="{value}"]').tap()
    saved = sp.state(mine, CRITERIA)
    assert [a["agreed"] for a in saved["agencies"]] == agreed
    expect(mine.locator(".kit-pp-disagree .kit-pp-item.kit-pp-settled")).to_have_count(sum(map(len, expected)))
    expect(mine.locator(".kit-pp-summary")).to_have_text(label(lang, "pp_disagree_count",
                                                               n=sum(map(len, expected)), open=0))
    after = [python_counted(b, [m], a) for b, m, a in zip(boss, manager, agreed, strict=True)]
    assert judged(after) != judged(before), "the case must change the ranking"
    assert sheet_ranking(mine) == judged(after)
    mark = mine.locator(f'fieldset[data-criterion="{KOS[0].id}"] .kit-pp-counted')
    expect(mark).to_have_attribute("data-kind", "agreed")
    expect(mark).to_contain_text(label(lang, "pp_counts_agreed", score=0,
                                       who=label(lang, "list_sep").join([f"{me} 3", f"{other} 0"])))

    # Printed and exported: the scores that count, a printed one that is not the boss's own marked ※.
    mine.evaluate("window.kitScoring.preparePrint()")
    cells = mine.locator(f'.kit-sc-print .kit-sc-matrix tr[data-criterion="{KOS[0].id}"] td').all_inner_texts()
    assert cells[3:] == ["0※ ✗", str(boss[1][KOS[0].id])]
    expect(mine.locator(".kit-sc-print .kit-pp-star")).to_have_text(label(lang, "pp_print_star"))
    mine.evaluate("window.kitScoring.finishPrint()")
    rows = list(csv.reader(io.StringIO(sp.download(mine, "export-csv").lstrip("\ufeff"))))
    assert [r[8] for r in rows if r[0] == AGENCIES[0] and r[4] in (KOS[0].id, PLAIN[-1].id)] == ["0", "1"]

    # Undo one, and settle it again.
    undo = mine.locator(f'.kit-pp-disagree .kit-pp-item[data-agency="a0"][data-criterion="{KOS[0].id}"] '
                        'button[data-pp="unagree"]')
    undo.tap()
    assert KOS[0].id not in sp.state(mine, CRITERIA)["agencies"][0]["agreed"]
    assert sheet_ranking(mine) == judged([python_counted(boss[0], [manager[0]], {
        c: v for c, v in agreed[0].items() if c != KOS[0].id}), after[1]])
    mine.locator(f'.kit-pp-disagree .kit-pp-item[data-agency="a0"][data-criterion="{KOS[0].id}"] '
                 'button[data-value="0"]').tap()
    assert sheet_ranking(mine) == judged(after)

    # The report: who scored what, none left to settle, the same ranking.
    mine.goto(f"{base}{language_root(CRITERIA, lang)}report/")
    mine.wait_for_selector("#kit-report .kit-rp-people")
    expect(mine.locator(".kit-rp-people-open")).to_have_attribute("data-open", "0")
    expect(mine.locator(".kit-rp-people .kit-pp-item")).to_have_count(sum(map(len, expected)))
    assert ranking(mine, "#kit-report .kit-rp-rank tbody tr", ".kit-rp-place", ".kit-rp-total") == judged(after)
    assert me in mine.locator(".kit-rp-people").inner_text() and other in mine.locator(".kit-rp-people").inner_text()
    people = label(lang, "pp_people_line", names=label(lang, "list_sep").join([me, other]))
    lines = mine.evaluate("""async (url) => { const r = window.kitScoring.report;
      return [r.summary.people, (await import(url)).reportImage(r.data, r.summary, r.date).kitLines]; }""",
                          f"{base}assets/javascripts/scorer/image.js")
    settled = label(lang, "pp_report_settled", n=sum(map(len, expected)))
    assert lines[0] == f"{people} · {settled}", "the picture says who scored and that all is settled"
    assert lines[0].replace(" ", "") in "".join(lines[1]).replace(" ", "")
    assert mine.evaluate("document.documentElement.scrollWidth") <= 390

    # The other way: the boss's own scores, exported as a file, added on the manager's phone.
    mine.goto(f"{base}{language_root(CRITERIA, lang)}worksheet/")
    mine.wait_for_selector("#kit-scorer .kit-pp-people")
    own = export(mine, "")
    assert own["owner"]["name"] == me and own["reviewers"] == []
    assert [a["scores"] for a in own["agencies"]] == boss
    assert [a["scores"] for a in export(mine, rid)["agencies"]] == manager, "each reviewer's own scores kept"
    theirs.locator("input.kit-sc-file").set_input_files(files=[{"name": "boss.json", "mimeType": "application/json",
                                                                 "buffer": json.dumps(own).encode()}])
    ask = theirs.locator(".kit-sc-import")
    expect(ask.locator("input.kit-pp-review-name")).to_have_value(me)
    assert small_controls(theirs, ".kit-sc-import :is(button, input)") == []
    expect(ask.locator('button[data-action="import-merge"], button[data-action="import-replace"]')).not_to_have_count(0)
    ask.locator('button[data-pp="review"]').tap()
    expect(ask.locator(".kit-sc-message")).to_have_text(label(lang, "pp_reviewed", name=me, n=2))
    assert listed(theirs) == expected
    first = theirs.locator(f'.kit-pp-disagree .kit-pp-item[data-agency="a0"][data-criterion="{KOS[0].id}"] li')
    assert first.all_inner_texts() == [f"{other}{label(lang, 'colon')}0", f"{me}{label(lang, 'colon')}3"]


def test_a_fresh_phone_takes_a_link_as_a_reviewers_scores(phone: Any) -> None:
    _, manager = scenario()
    sender = phone("en", document("Wang", manager))
    sender.locator('#kit-scorer button[data-action="share-make"]').tap()
    link = sender.locator("textarea.kit-sh-link").input_value()
    fresh = phone("en", None)
    fresh.goto(link)
    fresh.locator('.kit-sh-received button[data-pp="review"]').tap()
    saved = sp.state(fresh, CRITERIA)
    assert [a["name"] for a in saved["agencies"]] == AGENCIES, "the new sheet's three empty agencies made way"
    assert [a["scores"] for a in saved["agencies"]] == [{}, {}]
    assert [a["reviews"][saved["reviewers"][0]["id"]]["scores"] for a in saved["agencies"]] == manager
    expect(fresh.locator(".kit-pp-summary")).to_have_text(label("en", "pp_disagree_none"))
    mark = fresh.locator(f'fieldset[data-criterion="{KOS[0].id}"] .kit-pp-counted')
    expect(mark).to_have_text(label("en", "pp_counts_reviewer", score=0, who="Wang 0"))


def test_the_owners_name_shows_with_her_scores_and_a_reviewer_is_removed_after_asking(phone: Any, base: str) -> None:
    boss, manager = scenario()
    page = phone("zh", document("", boss))
    owner = page.locator("#kit-pp-owner")
    expect(owner).to_have_attribute("placeholder", label("zh", "pp_me"))
    theirs = json.dumps(document("王经理", manager))
    page.locator('#kit-scorer button[data-action="paste-json"]').tap()
    page.locator("textarea.kit-sc-paste-text").fill(theirs)
    page.locator('#kit-scorer button[data-action="paste-go"]').tap()
    page.locator('.kit-sc-import button[data-pp="review"]').tap()
    item = page.locator(f'.kit-pp-disagree .kit-pp-item[data-criterion="{KOS[0].id}"] li').first
    expect(item).to_have_text(f"{label('zh', 'pp_me')}{label('zh', 'colon')}3")
    owner.fill("老板")
    expect(item).to_have_text(f"老板{label('zh', 'colon')}3")
    assert sp.state(page, CRITERIA)["owner"] == {"name": "老板"}

    page.locator(f'.kit-pp-disagree .kit-pp-item[data-criterion="{KOS[0].id}"] button[data-value="0"]').tap()
    forget = page.locator('#kit-scorer button[data-pp="forget"]')
    forget.tap()
    expect(forget).to_have_text(label("zh", "pp_forget_confirm", name="王经理"))
    assert len(sp.state(page, CRITERIA)["reviewers"]) == 1, "nothing removed on the first tap"
    forget.tap()
    saved = sp.state(page, CRITERIA)
    assert saved["reviewers"] == [] and all(a["reviews"] == {} for a in saved["agencies"])
    assert saved["agencies"][0]["agreed"] == {KOS[0].id: 0}, "the agreed score stays"
    expect(page.locator(".kit-pp-disagree")).to_be_hidden()
    expect(page.locator("a.kit-pp-jump")).to_be_hidden()
    expect(page.locator(".kit-pp-message")).to_have_text(label("zh", "pp_forgotten", name="王经理"))


def test_the_interview_names_the_owner_and_marks_a_score_that_is_not_hers(phone: Any, base: str) -> None:
    boss, manager = scenario()
    page = phone("en", document("Boss", boss))
    doc = sp.state(page, CRITERIA)
    doc["reviewers"] = [{"id": "r1", "name": "Wang"}]
    doc["agencies"][0]["reviews"] = {"r1": {"scores": manager[0], "notes": {}, "flags": {}}}
    doc["agencies"][0]["agreed"] = {KOS[0].id: 1}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [sp.key(CRITERIA), json.dumps(doc)])
    page.evaluate("(k) => localStorage.setItem(k, JSON.stringify({agency: 'a0', mode: 'all', cards: {}}))",
                  f"kit-interview:{CRITERIA.meta.id}")
    page.goto(f"{base}{language_root(CRITERIA, 'en')}interview/")
    page.wait_for_selector("#kit-interview .kit-iv-card")
    expect(page.locator("#kit-iv-owner")).to_have_value("Boss")
    jump = page.locator("select.kit-iv-jump")
    jump.select_option(KOS[0].id)
    mark = page.locator(".kit-iv-card .kit-iv-counted")
    expect(mark).to_have_attribute("data-kind", "agreed")
    assert mark.evaluate("(e) => e.previousElementSibling.className") == "kit-iv-level-row", "right under the buttons"
    expect(mark).to_have_text(label("en", "pp_counts_agreed", score=1,
                                    who=label("en", "list_sep").join(["Boss 3", "Wang 0"])))
    jump.select_option(PLAIN[-1].id)
    expect(mark).to_have_attribute("data-kind", "reviewers")
    jump.select_option(PLAIN[1].id)
    expect(mark).to_have_count(0)
    page.locator("#kit-iv-owner").fill("Li")
    assert sp.state(page, CRITERIA)["owner"] == {"name": "Li"}
    assert small_controls(page, "#kit-iv-owner") == []
    page.locator("#kit-iv-owner").scroll_into_view_if_needed()
    assert page.evaluate("""() => { const e = document.getElementById('kit-iv-owner'); const r = e.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === e; }"""), "not under the bottom bar"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.fixture(scope="module")
def run(browser: Any, serve_dir: Any) -> Iterator[Any]:
    yield from sp.module_worker(browser, serve_dir, report_data(context(CRITERIA, "en")), m="state.js",
                                p="people-text.js")


def test_the_words_about_people_need_no_page_and_each_persons_total_is_pythons(run: Any) -> None:
    boss, manager = scenario()
    doc = document("", boss)
    doc["reviewers"] = [{"id": "r1", "name": "Wang"}]
    for agency, scores in zip(doc["agencies"], manager, strict=True):
        agency["reviews"] = {"r1": {"scores": scores, "notes": {}, "flags": {}}}
    doc["agencies"][0]["agreed"] = {KOS[0].id: 1}
    out = run(f"""
      const doc = {json.dumps(doc)};
      const a = doc.agencies[0];
      return {{ totals: p.ownTotals(data, doc).map((x) => x.people), open: p.openCount(data, doc),
        all: p.disagreementsOf(data, doc).map((x) => [x.items.map((d) => d.criterion), x.open]),
        agreed: p.countedOrigin(data, doc, a, {json.dumps(KOS[0].id)}),
        reviewer: p.countedOrigin(data, doc, a, {json.dumps(PLAIN[-1].id)}),
        mine: p.countedOrigin(data, doc, a, {json.dumps(PLAIN[1].id)}),
        next: p.defaultReviewer(data.strings, {{ ...doc, reviewers: [...doc.reviewers, {{ id: 'r2', name: 'Reviewer 3' }}] }}) }};
    """)
    results, _, _ = judge_all(rule_of(CRITERIA), [*boss, *manager])
    for i in range(2):
        people = out["totals"][i]
        assert [x["label"] for x in people] == ["Me", "Wang"]
        assert [x["total"] for x in people] == pytest.approx([float(results[i].total), float(results[2 + i].total)])
    expected = [python_disagreements([b, m]) for b, m in zip(boss, manager, strict=True)]
    assert out["all"] == [[expected[0], len(expected[0]) - 1], [expected[1], len(expected[1])]]
    assert out["open"] == len(expected[0]) - 1 + len(expected[1])
    sep = label("en", "list_sep")
    assert out["agreed"] == {"kind": "agreed", "value": 1,
                             "text": label("en", "pp_counts_agreed", score=1, who=sep.join(["Me 3", "Wang 0"]))}
    assert out["reviewer"]["kind"] == "reviewers" and out["reviewer"]["value"] == 1
    assert out["mine"] is None, "the owner's own score is not marked"
    assert out["next"] == "Reviewer 4"


def test_a_score_settled_in_one_tab_shows_in_the_other(phone: Any, base: str) -> None:
    boss, manager = scenario()
    doc = document("Boss", boss)
    doc["reviewers"] = [{"id": "r1", "name": "Wang"}]
    for agency, scores in zip(doc["agencies"], manager, strict=True):
        agency["reviews"] = {"r1": {"scores": scores, "notes": {}, "flags": {}}}
    first = phone("en", doc)
    second = first.context.new_page()
    second.goto(f"{base}{language_root(CRITERIA, 'en')}worksheet/")
    second.wait_for_selector("#kit-scorer .kit-pp-disagree")
    where = f'.kit-pp-disagree .kit-pp-item[data-agency="a0"][data-criterion="{KOS[0].id}"]'
    first.locator(f'{where} button[data-value="1"]').tap()
    expect(second.locator(where)).to_have_class("kit-pp-item kit-pp-settled")
    expect(second.locator(f'fieldset[data-criterion="{KOS[0].id}"] .kit-pp-counted')).to_have_attribute(
        "data-kind", "agreed")
    assert sheet_ranking(second) == sheet_ranking(first)
