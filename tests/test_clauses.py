"""Contract clauses and declaration questions as data (issue 27): schema, model, checks, content, exports."""

from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import DEFAULT_CRITERIA, ROOT
from generator.load import load_criteria, parse_criteria
from generator.problems import InputError
from generator.render.exports import render_csv

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SELF_CHECK = ROOT / "tests" / "fixtures" / "self_check.yaml"
CLAUSE = "        clauses:\n          - {zh: 乙方不转包。, en: The agency does not subcontract.}\n"
"""A clause list as the self-check fixture writes a criterion's keys (eight spaces in)."""


def _clause(ident: str, lang: str) -> str:
    found = next(k for k in CRITERIA.criteria if k.id == ident)
    return " ".join(c(lang) for c in found.clauses)


@pytest.mark.parametrize(("ident", "zh", "en"), [
    # no fake orders: full indemnity (fines, deducted deposits, lost sales), a penalty and a penalty-free exit
    ("fake-orders", ("赔偿", "罚款", "保证金", "销售损失", "违约金", "立即解除"),
     ("compensates", "fines", "deposits deducted", "lost sales", "penalty", "terminate")),
    ("ad-spend-control", ("甲方名义", "直接充值"), ("in the Merchant's name", "directly")),
    ("sales-guarantee", ("口径", "退款", "日内"), ("measured", "refunds", "within")),
    ("data-access", ("随时登录", "操作日志"), ("at any time", "operation log")),
    ("trial-period", ("阶段目标", "解除合同", "无需支付违约金"), ("milestones", "terminate", "without paying a penalty")),
    ("exit-handover", ("离网包", "交付"), ("exit data package", "delivers")),
    ("assigned-team", ("书面同意", "转包"), ("written consent", "subcontract")),
    ("disputes-and-records", ("甲方住所地", "人民法院"), ("where the Merchant is domiciled", "court")),
])
def test_default_clauses_cover_the_issue_topics(ident: str, zh: tuple[str, ...], en: tuple[str, ...]) -> None:
    assert all(word in _clause(ident, "zh") for word in zh), ident
    assert all(word in _clause(ident, "en") for word in en), ident


def test_clauses_are_plain_wording_that_never_moves_a_penalty() -> None:
    texts = [c for k in CRITERIA.clause_criteria for c in k.clauses]
    assert len(texts) >= 8
    for text in texts:
        zh, en = text("zh"), text("en")
        assert not re.search(r"第[一二三四五六七八九十百\d]+条|《[^》]*法》", zh), zh  # no article numbers or statutes
        assert not re.search(r"\b(?:Article|Art\.|Section) \d", en), en
        assert not re.search(r"处罚由乙方承担|处罚(?:记录)?(?:转|移)", zh), zh
        assert not re.search(r"penalt\w* (?:is|are) (?:borne|moved|transferred)|(?:moves?|transfers?) the penalt", en), en
        assert re.search("甲方|乙方", zh) and re.search("Merchant|Agency", en)  # the parties as the page names them


def test_declared_criteria_are_the_marked_knock_outs_and_heavy_ones() -> None:
    declared = CRITERIA.declared_criteria
    assert {k.id for k in CRITERIA.scored_criteria if k.knockout} <= {k.id for k in declared}
    assert all(k.weight == max(c.weight for c in CRITERIA.scored_criteria) for k in declared)
    assert 10 <= len(declared) <= 16
    assert list(declared) == [k for k in CRITERIA.scored_criteria if k in declared]  # display order


def test_without_declare_the_form_asks_knock_outs_and_the_heaviest() -> None:
    criteria = load_criteria(SELF_CHECK)
    assert all(k.declare is None for k in criteria.criteria)
    heaviest = max(k.weight for k in criteria.scored_criteria)
    assert criteria.declared_criteria == tuple(k for k in criteria.scored_criteria
                                               if k.knockout or k.weight == heaviest)
    assert criteria.declared_criteria and not criteria.clause_criteria


def test_declare_false_everywhere_leaves_the_form_empty() -> None:
    text = SELF_CHECK.read_text(encoding="utf-8").replace("        knockout: ", "        declare: false\n        knockout: ")
    criteria = parse_criteria(text.encode("utf-8"), "c.yaml")
    assert criteria.declared_criteria == ()


@pytest.mark.parametrize(("key", "block"), [("clauses", CLAUSE), ("declare", "        declare: true\n")])
def test_a_self_check_criterion_has_no_clauses_or_declare(key: str, block: str) -> None:
    text = SELF_CHECK.read_text(encoding="utf-8")
    anchor = "        after_signing:\n          - {zh: 每周对照目标看一次数据"
    assert anchor in text
    broken = text.replace(anchor, block + anchor)
    with pytest.raises(InputError) as caught:
        parse_criteria(broken.encode("utf-8"), "c.yaml")
    line = broken[:broken.index(block)].count("\n") + 1
    english, chinese = caught.value.text("en"), caught.value.text("zh")
    assert re.search(rf"^c\.yaml:{line}:9: '{key}' is not allowed in a self-check section", english, re.M), english
    assert re.search(rf"^c\.yaml:{line}:9: 自查部分（self_check: true）里不能有“{key}”", chinese, re.M), chinese
    assert "Traceback" not in english


def test_a_clause_missing_a_language_is_located() -> None:
    text = SELF_CHECK.read_text(encoding="utf-8")
    anchor = "        weight: 3\n"
    broken = text.replace(anchor, "        clauses:\n          - {zh: 乙方不转包。}\n" + anchor, 1)
    with pytest.raises(InputError) as caught:
        parse_criteria(broken.encode("utf-8"), "c.yaml")
    line = broken[:broken.index("          - {zh: 乙方不转包。}")].count("\n") + 1
    assert any(p.line == line and "en" in p.message for p in caught.value.problems), caught.value.text("en")


def test_csv_carries_clauses_and_declare() -> None:
    rows = list(csv.reader(io.StringIO(render_csv(CRITERIA).lstrip("\ufeff"), newline="")))
    by_id = {r["criterion_id"]: r for r in (dict(zip(rows[0], row, strict=True)) for row in rows[1:])}
    fake = next(k for k in CRITERIA.criteria if k.id == "fake-orders")
    assert by_id["fake-orders"]["clauses_zh"].split("\n") == [c("zh") for c in fake.clauses]
    assert by_id["fake-orders"]["declare"] == "true"
    assert by_id["quality-control"]["declare"] == "" and by_id["quality-control"]["clauses_en"] == ""
