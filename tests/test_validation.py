"""Every kind of problem in a criteria file is reported at its line, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL
from generator.cli import main
from generator.load import parse_criteria
from generator.problems import InputError


def problems_of(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_criteria(text.encode("utf-8"), "c.yaml")
    return [str(p) for p in caught.value.problems]


def mutate(*pairs: tuple[str, str]) -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in pairs:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_minimal_fixture_is_valid() -> None:
    criteria = parse_criteria(MINIMAL.read_bytes(), "m.yaml")
    assert [c.id for c in criteria.criteria] == ["licence", "visit", "process"]


# (name, replacement pairs, marker text on the bad line, expected message fragment)
CASES = [
    ("schema: wrong type", ("weight: 2", "weight: many"), "weight: many", "expected a number, found text"),
    ("duplicate mapping key", ("knockout: false\n        sources: [article]\n  - id: skill",
                               "knockout: false\n        knockout: true\n        sources: [article]\n  - id: skill"),
     "knockout: true\n        sources: [article]\n  - id: skill", "duplicate key 'knockout'"),
    ("duplicate id", ("- id: visit", "- id: licence"), "- id: licence\n        title: {zh: 实地", "duplicate id 'licence'"),
    ("missing translation", ("why: {zh: 流程决定结果。, en: Process drives results.}", "why: {zh: 流程决定结果。}"),
     "why: {zh: 流程决定结果。}", "missing the 'en' text"),
    ("unknown key (typo)", ("title: {zh: 专业能力", "titel: {zh: 专业能力"), "titel:", "unknown key 'titel'; did you mean 'title'?"),
    ("non-positive weight", ("weight: 1.5", "weight: 0"), "weight: 0", "must be greater than 0"),
    ("non-numeric weight", ("weight: 3", "weight: \"3\""), "weight: \"3\"", "expected a number, found text"),
    ("YAML 1.1 boolean trap", ("{zh: 拒绝, en: Refuses}", "{zh: 拒绝, en: no}"), "en: no}", "unquoted no is read as true/false"),
    ("YAML 1.1 version trap", ('version: "0.1.0"', "version: 1.10"), "version: 1.10", 'write it in quotes, "1.10"'),
    ("missing required key", ("        why: {zh: 见面比电话可靠。, en: Meeting beats phone calls.}\n", ""),
     "- id: visit", "missing required key 'why'"),
    ("unknown source", ("sources: [article]\n  - id: skill", "sources: [artcle]\n  - id: skill"), "[artcle]",
     "unknown source 'artcle'"),
    ("level missing", ("          - {score: 3, text: {zh: 主动邀请, en: Invites you}}\n", ""), "levels:\n          - {score: 0, text: {zh: 拒绝,",
     "levels must describe scores [0, 1, 2, 3]"),
    # A JSON Schema pattern's "$" is the very end; Python's "$" also takes a final line feed.
    ("id ending in a line feed", ("id: minimal", 'id: "minimal\\n"'), 'id: "minimal', "does not have the expected form"),
    ("version ending in a line feed", ('version: "0.1.0"', 'version: "0.1.0\\n"'), 'version: "0.1.0',
     "does not have the expected form"),
    ("site_url ending in a line feed", ("licence: CC-BY-4.0", 'licence: CC-BY-4.0\n  site_url: "https://example.org/\\n"'),
     "site_url:", "does not have the expected form"),
    ("language ending in a line feed", ("languages: [zh, en]", 'languages: [zh, "en\\n"]'), "languages:",
     "is not a language code"),
]


@pytest.mark.parametrize(("name", "pair", "marker", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_each_problem_kind_is_located(name: str, pair: tuple[str, str], marker: str, fragment: str) -> None:
    text = mutate(pair)
    found = [p for p in problems_of(text) if fragment in p]
    assert found, problems_of(text)
    expected_line = line_of(text, marker)
    if name == "level missing":
        expected_line = line_of(text, marker) + 1
    assert found[0].startswith(f"c.yaml:{expected_line}:"), (found, expected_line)


def test_all_problems_are_reported_together() -> None:
    # These change what other cases change, or (a language) what they rely on.
    apart = {"duplicate id"} | {case[0] for case in CASES if "line feed" in case[0]}
    text = mutate(*(case[1] for case in CASES if case[0] not in apart))
    found = problems_of(text)
    for name, _, _, fragment in CASES:
        if name not in apart:
            assert any(fragment in p for p in found), (name, found)
    lines = [int(p.split(":")[1]) for p in found]
    assert lines == sorted(lines)


def test_cli_reports_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(mutate(("weight: 2", "weight: -1"), ("title: {zh: 专业能力", "titel: {zh: 专业能力")),
                   encoding="utf-8")
    assert main(["check", "--criteria", str(bad)]) == 1  # in the file's first language, zh
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{bad}:" in err and "发现 2 个问题；没有写入任何文件。" in err, err
    assert "未知的键“titel”；是不是想写“title”？" in err and "sections[skill]: " in err, err
    assert main(["check", "--lang", "en", "--criteria", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "2 problem(s) found" in err and "sections[skill]: unknown key 'titel'; did you mean 'title'?" in err, err


@pytest.mark.slow
@pytest.mark.parametrize(("raw", "fragment"), [
    (b"a: [1, 2\n", "a [ opened at line 1 is never closed"),
    (b"format: 1\nmeta: \xff\xfe\n", "not valid UTF-8"),
    (b"format: 1\x00\n", "NUL character"),
    (b"", "the file is empty"),
    (b"a: &a ['', '', '', '', '', '', '', '', '', '']\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
     "expands to more than"),
])
def test_unreadable_files_are_located(raw: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_criteria(raw, "c.yaml")
    assert any(fragment in str(p) and str(p).startswith("c.yaml:") for p in caught.value.problems)


def test_bom_and_crlf_are_accepted() -> None:
    raw = b"\xef\xbb\xbf" + MINIMAL.read_bytes().replace(b"\n", b"\r\n")
    assert len(parse_criteria(raw, "m.yaml").criteria) == 3


SELF_CHECK = MINIMAL.parent / "self_check.yaml"


def test_self_check_fixture_is_valid() -> None:
    criteria = parse_criteria(SELF_CHECK.read_bytes(), "s.yaml")
    assert [s.id for s in criteria.self_check_sections] == ["yourself"]
    assert [c.id for c in criteria.scored_criteria] == ["licence", "visit", "process"]
    own = criteria.criteria[-1]
    assert (own.levels, own.weight, own.knockout) == ((), 0, False)


@pytest.mark.parametrize("key", ["weight: 1", "knockout: false", "levels: []"])
def test_self_check_criteria_refuse_scoring_keys(key: str) -> None:
    text = SELF_CHECK.read_text(encoding="utf-8").replace(
        "        sources: [article]\n", f"        {key}\n        sources: [article]\n")
    # Only the last criterion (the self-check one) is refused; the scored ones may have these keys.
    name = key.split(":")[0]
    found = [p for p in problems_of(text) if "not allowed in a self-check section" in p]
    assert len(found) == 1, problems_of(text)
    assert found[0].startswith(f"c.yaml:{text[: text.rindex(key)].count(chr(10)) + 1}:9:"), found
    assert f"remove '{name}'" in found[0]


def test_scored_criteria_still_need_scoring_keys() -> None:
    text = mutate(("        weight: 2\n", ""))
    assert any("missing required key 'weight'" in p for p in problems_of(text)), problems_of(text)


def test_at_least_one_section_is_scored() -> None:
    text = SELF_CHECK.read_text(encoding="utf-8")
    text = text.replace("    intro: {zh: 先确认", "    self_check: true\n    intro: {zh: 先确认")
    text = text.replace("    intro: {zh: 再看", "    self_check: true\n    intro: {zh: 再看")
    found = problems_of(text)
    assert any("at least one section must be scored" in p for p in found), found


@pytest.mark.parametrize(("old", "new", "fragment"), [
    ("        questions:\n          - {zh: 执照什么", "          - {zh: 三, en: Three}\n        questions:\n"
     "          - {zh: 执照什么", "has 3 entries; the limit is 2"),
    ("en: Can I see the original licence?}", "}", "missing the 'en' text"),
    ("en: Meet the operator on site in the first week}", "}", "missing the 'en' text"),
])
def test_new_criterion_keys_are_checked(old: str, new: str, fragment: str) -> None:
    text = SELF_CHECK.read_text(encoding="utf-8").replace(old, new, 1)
    assert any(fragment in p for p in problems_of(text)), problems_of(text)


def test_check_counts_what_is_scored_apart_from_the_self_check(capsys: pytest.CaptureFixture[str]) -> None:
    """The default file has a self-check section: it is no scored section and its items no scored criteria."""
    from conftest import DEFAULT_CRITERIA
    from generator.load import load_criteria
    criteria = load_criteria(DEFAULT_CRITERIA)
    own = sum(len(s.criteria) for s in criteria.self_check_sections)
    assert own and len(criteria.sections) > len(criteria.scored_sections)
    kos = sum(1 for c in criteria.scored_criteria if c.knockout)
    assert main(["check", "--criteria", str(DEFAULT_CRITERIA)]) == 0
    out = capsys.readouterr().out
    assert (f"{len(criteria.scored_sections)} 个计分的评估方面，{len(criteria.scored_criteria)} 项计分标准"
            f"（{kos} 项一票否决），另有 {own} 项自查") in out, out
    assert main(["check", "--lang", "en", "--criteria", str(DEFAULT_CRITERIA)]) == 0
    out = capsys.readouterr().out
    assert (f"{len(criteria.scored_sections)} scored sections, {len(criteria.scored_criteria)} scored criteria "
            f"({kos} knock-outs), {own} self-check items") in out, out
