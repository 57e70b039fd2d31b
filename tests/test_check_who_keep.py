"""After signing, by day (issue 26): each check says who does it and the document to keep.

``check_who`` and ``check_keep`` sit next to ``after_signing``, one text for every check or a list with one
per check (as ``check_day``); the post-signing checklist prints them, and leaves the cells blank only where
the file gives none, so files without the keys still build.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from self_check_cases import SELF_CHECK

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria, parse_criteria
from generator.problems import InputError
from generator.render.exports import render_csv
from generator.render.sittings import day_groups
from generator.site.outputs import render_all

CRITERIA = load_criteria(DEFAULT_CRITERIA)


def _cells(html: str) -> list[tuple[str, str, str]]:
    """(criterion id, who, keep) of every row of the after-signing form's day tables."""
    return re.findall(r'<tr data-criterion="([^"]+)">.*?<td class="kit-a-who">(.*?)</td>'
                      r'<td class="kit-a-keep">(.*?)</td></tr>', html)


def test_every_after_signing_check_of_the_default_criteria_has_who_and_keep() -> None:
    checks = 0
    for k in CRITERIA.criteria:
        if not k.after_signing:
            continue
        assert len(k.check_whos) == len(k.check_keeps) == len(k.after_signing), k.id
        for who, keep in zip(k.check_whos, k.check_keeps, strict=True):
            for lang in CRITERIA.meta.languages:
                assert who(lang).strip() and keep(lang).strip(), (k.id, lang)
            assert len(who("zh")) <= 10 and len(keep("zh")) <= 50, k.id  # short: they fill a table cell
        checks += len(k.after_signing)
    assert checks == sum(len(pairs) for _, pairs in day_groups(CRITERIA)) >= 30


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_after_signing_form_prints_who_and_keep_of_every_check(lang: str) -> None:
    html = str(render_all(CRITERIA, "criteria.yaml")[f"{lang}/after-signing.md"])
    rows = _cells(html)
    expected = [(k.id, line.who(lang) if line.who else "", line.keep(lang) if line.keep else "")
                for _, pairs in day_groups(CRITERIA) for k, line in pairs]
    assert len(rows) == len(expected) and all(who and keep for _, who, keep in rows)
    assert expected == [(i, unescape(who), unescape(keep)) for i, who, keep in rows]
    if lang == "zh":
        assert ("sub-accounts", "你", "后台子账号列表截图（注明日期）") in rows
        assert ("ad-spend-control", "你的财务", "推广账户充值记录和付款回单") in rows


def test_a_file_without_the_keys_leaves_the_cells_blank_and_one_text_applies_to_every_check() -> None:
    criteria = load_criteria(SELF_CHECK)
    visit = next(k for k in criteria.criteria if k.id == "visit")
    assert [w("en") for w in visit.check_whos] == ["You", "You"]  # one text for both checks
    rows = _cells(str(render_all(criteria, "criteria.yaml")["en/after-signing.md"]))
    assert rows == [("visit", "You", "A note of the meeting (date and who was there)"),
                    ("visit", "You", "A photo of the office address"),
                    ("own-goals", "", "")]  # own-goals has neither key: blank, to fill in by hand


def test_csv_has_who_and_keep_one_line_per_check() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(load_criteria(SELF_CHECK)).lstrip("\ufeff"), newline="")))
    by_id = {r["criterion_id"]: r for r in rows}
    assert by_id["visit"]["check_who_zh"] == "你\n你"
    assert by_id["visit"]["check_keep_en"] == "A note of the meeting (date and who was there)\nA photo of the office address"
    assert by_id["own-goals"]["check_who_en"] == by_id["own-goals"]["check_keep_zh"] == ""


def _broken(change: Any) -> str:
    data: Any = YAML(typ="safe").load(SELF_CHECK.read_text(encoding="utf-8"))
    change(next(c for s in data["sections"] for c in s["criteria"] if c["id"] == "visit"))
    return json.dumps(data, ensure_ascii=False, indent=1)  # JSON is YAML 1.2: one key a line, located


@pytest.mark.parametrize(("change", "zh", "en"), [
    (lambda c: c.update(check_who=[{"zh": "你", "en": "You"}]),
     "check_who 是列表时，after_signing 的每一项要对应一个值：after_signing 有 2 项，check_who 却有 1 个",
     "as a list, check_who needs one value per entry of after_signing: after_signing has 2, check_who has 1"),
    (lambda c: c.update(check_keep=[{"zh": "甲", "en": "A"}] * 3),
     "check_keep 是列表时，after_signing 的每一项要对应一个值：after_signing 有 2 项，check_keep 却有 3 个",
     "as a list, check_keep needs one value per entry of after_signing: after_signing has 2, check_keep has 3"),
    (lambda c: c.update(check_who={"zh": "你"}), "缺少“en”的文字", "missing the 'en' text"),
    (lambda c: c.update(check_keep=[{"zh": "甲", "en": "A"}, {"en": "B"}]), "缺少“zh”的文字", "missing the 'zh' text"),
], ids=["who-too-short", "keep-too-long", "who-no-en", "keep-no-zh"])
def test_bad_who_or_keep_is_a_located_error_in_the_editors_language(change: Any, zh: str, en: str) -> None:
    source = _broken(change).encode("utf-8")
    with pytest.raises(InputError) as caught:
        parse_criteria(source, "c.yaml")
    for lang, message in (("zh", zh), ("en", en)):
        found = [p.text(lang) for p in caught.value.problems if message in p.text(lang)]
        assert len(found) == 1 and re.match(r"c\.yaml:\d+:\d+: ", found[0]), caught.value.text(lang)


def test_a_fallback_language_borrows_who_and_keep_converted(tmp_path: Path) -> None:
    text = SELF_CHECK.read_text(encoding="utf-8").replace("  languages: [zh, en]\n",
                                                          "  languages: [zh, en, zh-Hant]\n  fallback: {zh-Hant: [zh]}\n")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    visit = next(k for k in load_criteria(tmp_path / "c.yaml").criteria if k.id == "visit")
    assert [k("zh-Hant") for k in visit.check_keeps] == ["見面記錄（日期、在場的人）", "辦公地址的照片"]
    assert visit.check_whos[0]("zh-Hant") == "你"
