"""Criteria 1.2 (issue 26): an interview in sittings, legally sound wording, texts for phones, counts from data.

Page counts of the sitting forms' PDFs (WeasyPrint, A4, Noto CJK), measured with 1.2.0: phone screen
(checklist) 1 zh / 1 en, desk checks 1 / 1, visit 2 / 3, contract review 3 / 3.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from editions import context

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria, parse_criteria
from generator.problems import InputError
from generator.render.form_pdfs import render_form_pdfs
from generator.render.sittings import SITTING_FORMS, day_groups, phone_items, sitting_items
from generator.site.outputs import render_all

CRITERIA = load_criteria(DEFAULT_CRITERIA)
RAW: Any = yaml.safe_load(DEFAULT_CRITERIA.read_text(encoding="utf-8"))
SITTING_PAGES = 3
"""Most A4 pages of each sitting's form in Chinese (issue 26)."""
PHONE_LIMIT = 12
"""Most questions on the phone screen (issue 26)."""


def _raw_scored() -> list[dict[str, Any]]:
    return [c for s in RAW["sections"] if not s.get("self_check") for c in s["criteria"]]


def test_every_must_ask_question_has_a_sitting() -> None:
    missing = []
    for c in _raw_scored():
        sitting = c.get("sitting")
        count = len(c.get("must_ask", [])) or 1
        if sitting is None or (isinstance(sitting, list) and len(sitting) != count):
            missing.append(c["id"])
    assert not missing
    asked = sum(len(k.must_ask_questions) for k in CRITERIA.scored_criteria)
    sat = sum(len(k.asked_in(s)) for k in CRITERIA.scored_criteria for s in ("phone", "desk", "visit", "contract"))
    assert sat == asked


def test_phone_screen_is_short_and_asks_knock_outs_first() -> None:
    items = phone_items(CRITERIA)
    questions = [q for _, _, qs in items for q in qs]
    assert 1 <= len(questions) <= PHONE_LIMIT
    knockouts = [k.knockout for _, k, _ in items]
    assert knockouts == sorted(knockouts, reverse=True) and knockouts[0]
    # every knock-out criterion is touched on the phone, so that a clear "no" ends the search early
    assert {k.id for _, k, _ in items} >= {k.id for k in CRITERIA.scored_criteria if k.knockout}


def test_desk_work_covers_registers_and_lawsuits() -> None:
    assert {k.id for _, k, _ in sitting_items(CRITERIA, "desk")} >= {"business-licence", "background-check"}


def test_every_check_after_signing_has_a_day_and_each_milestone_day_has_checks() -> None:
    for c in [c for s in RAW["sections"] for c in s["criteria"] if c.get("after_signing")]:
        days = c.get("check_day")
        assert days is not None, c["id"]
        assert not isinstance(days, list) or len(days) == len(c["after_signing"]), c["id"]
    assert [day for day, _ in day_groups(CRITERIA)] == [7, 30, 60, 90]


@pytest.mark.slow
@pytest.mark.parametrize(("key", "value", "hint"), [
    ("sitting", ["phone", "visit"], "sitting"),
    ("check_day", [7, 30, 60], "check_day"),
])
def test_a_list_of_the_wrong_length_is_a_located_error(key: str, value: list[Any], hint: str) -> None:
    text = DEFAULT_CRITERIA.read_text(encoding="utf-8")
    marker = "      - id: entity-match\n"
    assert marker in text
    data: Any = yaml.safe_load(text)
    entity = next(c for s in data["sections"] for c in s["criteria"] if c["id"] == "entity-match")
    entity.pop("sitting"), entity.pop("check_day")
    entity[key] = value
    with pytest.raises(InputError) as caught:
        parse_criteria(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8"), "c.yaml")
    [problem] = [p for p in caught.value.problems if hint in str(p)]
    assert re.match(r"c\.yaml:\d+:\d+: ", str(problem)), problem


@pytest.mark.site
@pytest.mark.parametrize("lang", ["zh"])
def test_each_sitting_form_prints_on_at_most_three_a4_pages(lang: str) -> None:
    forms = ("checklist", *SITTING_FORMS)
    counts = {pdf.form: pdf.pages for pdf in render_form_pdfs(context(CRITERIA, lang), forms=forms)}
    assert counts == {"checklist": 1, "desk-check": 1, "visit": 2, "contract-review": 2}, counts
    assert max(counts.values()) <= SITTING_PAGES


def test_no_page_states_a_count_that_differs_from_the_data() -> None:
    files = render_all(CRITERIA, "criteria.yaml")
    scored, areas = len(CRITERIA.scored_criteria), len(CRITERIA.scored_sections)
    per_section = {len(s.criteria) for s in CRITERIA.sections}
    patterns = {
        "zh": (r"(\d+)\s*项(?:具体|计分)?标准", r"(\d+)\s*个(?:计分的)?(?:评估)?方面"),
        "en": (r"(\d+) (?:concrete |scored )?criteria", r"(\d+) (?:scored )?areas"),
    }
    found = 0
    for path, content in files.items():
        lang = path.split("/")[0]
        # the changelog keeps past versions' counts; the editors' pages state the format's limits
        if not isinstance(content, str) or not path.endswith(".md") or re.search(r"changelog|schema|edition", path):
            continue
        criteria_pattern, areas_pattern = patterns[lang]
        for number in re.findall(criteria_pattern, content):
            found += 1
            assert int(number) in {scored} | per_section, (path, number)
        for number in re.findall(areas_pattern, content):
            found += 1
            assert int(number) == areas, (path, number)
    assert found >= 4  # the how-to-use pages and the home pages' section list say how many
    note = CRITERIA.changelog[0].note
    assert re.search(rf"{areas}个计分的评估方面、{scored}项计分标准", note("zh"))
    assert re.search(rf"{areas} scored areas with {scored} criteria", note("en"))
    own = len(CRITERIA.self_check_sections[0].criteria)
    assert f"（{own}项）" in note("zh") and f"self-check of {own} items" in note("en")


def test_why_texts_are_short_sentences_for_phones() -> None:
    awkward = []
    for k in CRITERIA.criteria:
        zh, en = k.why("zh"), k.why("en")
        if "；" in zh or ";" in en:
            awkward.append((k.id, "semicolon"))
        awkward += [(k.id, s) for s in re.split(r"(?<=[。！？])", zh) if len(s) > 60]
        awkward += [(k.id, s) for s in re.split(r"(?<=[.!?])\s+", en) if len(s.split()) > 45]
    assert not awkward


def test_no_text_promises_to_move_a_penalty_off_the_shop() -> None:
    texts = [t for k in CRITERIA.criteria
             for t in (k.why, *k.all_questions, *k.evidence, *k.red_flags, *(d.text for d in k.levels))]
    assert not [t("zh") for t in texts if re.search(r"处罚由(?:你们|对方)承担|处罚的责任承担", t("zh"))]
    assert not [t("en") for t in texts if re.search(r"put any penalty on you|puts? (?:the )?penalt", t("en"))]
    fake = next(k for k in CRITERIA.criteria if k.id == "fake-orders")
    assert "赔偿" in fake.why("zh") and "compensat" in fake.why("en")


def test_new_money_topics_are_covered() -> None:
    ids = {k.id for k in CRITERIA.criteria}
    assert {"prepayment-and-refunds", "profit-not-sales", "affiliate-and-ad-agents", "disputes-and-records",
            "shop-record"} <= ids
    exit_handover = next(k for k in CRITERIA.criteria if k.id == "exit-handover")
    assert "离网包" in exit_handover.why("zh")


def test_self_check_form_has_the_break_even_sum(tmp_path: Path) -> None:
    files = render_all(CRITERIA, "criteria.yaml")
    assert "保本" in str(files["zh/self-check.md"]) and "break-even" in str(files["en/self-check.md"])
    after = str(files["zh/after-signing.md"])
    assert 'data-day="0"' in after and all(f'data-day="{d}"' in after for d in (7, 30, 60, 90))
