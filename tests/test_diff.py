"""``python -m generator diff OLD NEW`` reports every kind of change by stable id, in Markdown and JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import MINIMAL, ROOT
from generator.cli import main
from generator.diff.compare import KINDS, TextChange, compare
from generator.load import load_criteria

SELF_CHECK = ROOT / "tests" / "fixtures" / "self_check.yaml"


def write_changed(target: Path) -> Path:
    """The minimal file with one change of each kind."""
    data: Any = YAML(typ="safe").load(MINIMAL.read_text(encoding="utf-8"))
    trust, skill = data["sections"]
    data["meta"]["version"] = "0.2.0"                                    # version
    for level in [*data["scale"]["levels"],
                  *(lv for s in data["sections"] for c in s["criteria"] for lv in c["levels"])]:
        level["score"] += 1                                               # scale 0–3 -> 1–4
    data["scale"]["levels"][0]["label"]["en"] = "Missing"                 # reworded scale level
    skill["title"]["zh"] = "专业水平"                                       # reworded section (zh only)
    licence, visit = trust["criteria"]
    licence["title"]["en"] = "Business licence and registration"         # reworded (en only)
    process = skill["criteria"].pop()
    process["weight"] = 2                                                 # weight
    process["knockout"] = True                                            # knock-out
    trust["criteria"] = [licence, process]                                # moved skill -> trust; visit removed
    contract = json.loads(json.dumps(visit))
    contract.update(id="contract", title={"zh": "合同", "en": "Contract"})
    skill["criteria"] = [contract]                                        # added
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    return write_changed(tmp_path / "new.yaml")


def test_every_kind_of_change_is_found(changed: Path) -> None:
    diff = compare(load_criteria(MINIMAL), load_criteria(changed))
    found = {(c.kind, c.id): c for c in diff.changes}
    assert (found["version", "minimal"].old, found["version", "minimal"].new) == ("0.1.0", "0.2.0")
    assert (found["scale", "scale"].old, found["scale", "scale"].new) == ([0, 1, 2, 3], [1, 2, 3, 4])
    assert found["added", "contract"].item == "criterion" and found["added", "contract"].new == "skill"
    assert found["removed", "visit"].old == "trust"
    assert (found["moved", "process"].old, found["moved", "process"].new) == ("skill", "trust")
    assert (found["weight", "process"].old, found["weight", "process"].new) == (1.5, 2)
    assert (found["knockout", "process"].old, found["knockout", "process"].new) == (False, True)
    reworded = dict(found["reworded", "licence"].fields)
    # Levels are compared by score: the scores moved up by one, so each score now means another text.
    assert reworded["title"] == ("en",) and reworded["levels[score=1].text"] == ("zh", "en")
    assert TextChange("levels[score=1].text", "en", "Photo only", "Refuses") in found["reworded", "licence"].texts
    assert TextChange("levels[score=0].text", "en", "Refuses", "") in found["reworded", "licence"].texts
    assert TextChange("levels[score=4].text", "en", "", "Original, names match") in found["reworded", "licence"].texts
    assert dict(found["reworded", "scale"].fields)["levels[score=1].label"] == ("zh", "en")
    assert TextChange("levels[score=1].label", "en", "Weak", "Missing") in found["reworded", "scale"].texts
    assert found["added", "contract"].details == (("weight", 2), ("knockout", False))
    assert dict(found["reworded", "skill"].fields) == {"title": ("zh",)}
    assert found["reworded", "skill"].item == "section"
    assert [c.kind for c in diff.changes] == sorted((c.kind for c in diff.changes), key=KINDS.index)


def test_must_ask_after_signing_and_self_check_changes_are_found(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    data: Any = YAML(typ="safe").load(SELF_CHECK.read_text(encoding="utf-8"))
    trust, skill, own = data["sections"]
    licence, visit = trust["criteria"]
    licence["must_ask"] = licence["must_ask"][:1]                          # one must-ask question fewer
    visit["after_signing"][1]["zh"] = "核对合同地址"                          # reworded check (zh only)
    skill["criteria"][0]["must_ask"] = [{"zh": "谁负责？", "en": "Who is in charge?"}]  # must_ask added
    del own["self_check"]                                                 # the self-check becomes scored
    for c in own["criteria"]:
        c.update(weight=1, knockout=False, levels=[{"score": s, "text": {"zh": "x", "en": "x"}} for s in range(4)])
    new = tmp_path / "new.yaml"
    new.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    diff = compare(load_criteria(SELF_CHECK), load_criteria(new))
    found = {(c.kind, c.id): c for c in diff.changes}
    assert (found["must_ask", "licence"].old, found["must_ask", "licence"].new) == (2, 1)
    assert found["must_ask", "licence"].fields == (("must_ask", ("zh", "en")),)
    assert (found["must_ask", "process"].old, found["must_ask", "process"].new) == (0, 1)  # as written
    assert (found["after_signing", "visit"].old, found["after_signing", "visit"].new) == (2, 2)
    assert found["after_signing", "visit"].fields == (("after_signing", ("zh",)),)
    assert (found["self_check", "yourself"].old, found["self_check", "yourself"].new) == (True, False)
    assert ("must_ask", "visit") not in found and ("after_signing", "licence") not in found
    assert main(["diff", str(SELF_CHECK), str(new)]) == 0  # in the file's first language, zh
    report = capsys.readouterr().out.splitlines()
    assert "## 自查（不计分）设置有改动 (1)" in report and "- 评估方面 `yourself` 商家自查: 是 → 否" in report
    assert "- 标准 `visit` 实地考察: 2 → 2" in report
    assert "  - after_signing[2] (zh): “核对合同上的地址就是办公地址” → “核对合同地址”" in report


def test_markdown_report(changed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--lang", "en", str(MINIMAL), str(changed)]) == 0
    report = capsys.readouterr().out
    for line in ["# Changes from Minimal example 0.1.0 to Minimal example 0.2.0",
                 "- Version: 0.1.0 → 0.2.0",
                 "- Scale: 0, 1, 2, 3 → 1, 2, 3, 4",
                 "## Added (1)", "- criterion `contract` Contract (in section `skill`; weight 2, knock-out no)",
                 "## Removed (1)", "- criterion `visit` On-site visit (was in section `trust`)",
                 "## Moved to another section (1)", "- criterion `process` Process details: section `skill` → `trust`",
                 "## Weight changed (1)", "- criterion `process` Process details: 1.5 → 2",
                 "## Knock-out changed (1)", "- criterion `process` Process details: no → yes",
                 "## Reworded (4)",
                 "  - title (en): “Business licence” → “Business licence and registration”",
                 "- section `skill` Skill: title (zh)", "  - title (zh): “专业能力” → “专业水平”",
                 "  - levels[score=1].label (en): “Weak” → “Missing”", "  - levels[score=4].label (en): (none) → “Strong”",
                 "  - levels[score=0].label (en): “Not met” → (none)",
                 # a new criterion in full
                 "  - title: “Contract”", "  - red_flags[1]: “Avoids a visit”", "  - levels[score=4].text: “Invites you”"]:
        assert line in report.splitlines(), (line, report)


def test_markdown_report_in_chinese(changed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(MINIMAL), str(changed)]) == 0  # JSON file: no first language found, so --lang
    assert main(["diff", "--lang", "zh", str(MINIMAL), str(changed)]) == 0
    report = capsys.readouterr().out.split("# 从 ")[1].splitlines()
    for line in ["最小示例 0.1.0 到 最小示例 0.2.0 的改动", "- 版本：0.1.0 → 0.2.0", "## 新增 (1)",
                 "- 标准 `contract` 合同（在评估方面 `skill` 中；权重 2，一票否决：否）",
                 "- 标准 `visit` 实地考察（原在评估方面 `trust` 中）", "## 一票否决有改动 (1)",
                 "- 标准 `process` 流程细节: 否 → 是", "## 文字有改动 (4)", "  - levels[score=1].label (zh): “勉强” → “不达标”"]:
        assert line in report, (line, report)


def test_json_report(changed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--format", "json", str(MINIMAL), str(changed)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["old"] == {"id": "minimal", "version": "0.1.0"}
    assert document["new"] == {"id": "minimal", "version": "0.2.0"}
    by_kind = {(c["kind"], c["id"]): c for c in document["changes"]}
    assert {kind for kind, _ in by_kind} >= {"version", "scale", "added", "removed", "moved", "weight", "knockout",
                                             "reworded"}
    assert by_kind["moved", "process"] == {"kind": "moved", "item": "criterion", "id": "process",
                                           "title": "流程细节", "old": "skill", "new": "trust"}
    assert by_kind["knockout", "process"]["old"] is False and by_kind["knockout", "process"]["new"] is True
    assert by_kind["reworded", "licence"]["fields"]["title"] == ["en"]
    assert by_kind["scale", "scale"]["new"] == [1, 2, 3, 4]


def test_identical_files_have_no_changes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(MINIMAL), str(MINIMAL)]) == 0
    assert "没有改动。" in capsys.readouterr().out  # the file's first language
    assert main(["diff", "--lang", "en", str(MINIMAL), str(MINIMAL)]) == 0
    assert "No changes." in capsys.readouterr().out
    assert main(["diff", "--format", "json", str(MINIMAL), str(MINIMAL)]) == 0
    assert json.loads(capsys.readouterr().out)["changes"] == []


def test_languages_change_compares_shared_languages_only(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("languages: [zh, en]", "languages: [en]")
    text = text.replace("Business licence}", "Company licence}")
    data: Any = YAML(typ="safe").load(text)
    stack: list[Any] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            item.pop("zh", None)
            stack += item.values()
        elif isinstance(item, list):
            stack += item
    (tmp_path / "en.yaml").write_text(json.dumps(data), encoding="utf-8")
    diff = compare(load_criteria(MINIMAL), load_criteria(tmp_path / "en.yaml"))
    kinds = [(c.kind, c.id, c.fields) for c in diff.changes]
    assert kinds == [("languages", "minimal", ()), ("reworded", "licence", (("title", ("en",)),))]


def test_both_files_are_validated_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad_old, bad_new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    bad_old.write_text(text.replace("weight: 2", "weight: two"), encoding="utf-8")
    bad_new.write_text(text.replace("knockout: true", "knockout: maybe"), encoding="utf-8")
    assert main(["diff", "--lang", "en", str(bad_old), str(bad_new)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{bad_old}:60:17: " in captured.err and "expected a number" in captured.err
    assert f"{bad_new}:44:19: " in captured.err and "expected true or false" in captured.err


def test_the_documented_recipe_works_for_an_edition_with_a_logo(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`git show upstream/main:data/criteria.yaml > upstream.yaml` leaves the logo behind: diff compares
    the logo's name, not its image, and says nothing changed; check and build still want the file."""
    edition = ROOT / "examples" / "cross-border" / "criteria.yaml"
    upstream = tmp_path / "upstream.yaml"
    upstream.write_bytes(edition.read_bytes())
    assert main(["diff", str(upstream), str(edition)]) == 0
    assert capsys.readouterr().out.endswith("\nNo changes.\n")
    upstream.write_text(edition.read_text(encoding="utf-8").replace("logo: logo.svg", "logo: old.svg"), encoding="utf-8")
    assert main(["diff", "--lang", "en", str(upstream), str(edition)]) == 0
    assert "branding.logo: old.svg → logo.svg" in capsys.readouterr().out
    assert main(["check", "--criteria", str(upstream)]) == 1
    assert "logo file 'old.svg' not found" in capsys.readouterr().err


def test_scales_of_different_lengths_are_compared_by_score(capsys: pytest.CaptureFixture[str]) -> None:
    edition = ROOT / "examples" / "cross-border" / "criteria.yaml"
    assert main(["diff", "--lang", "en", str(ROOT / "data" / "criteria.yaml"), str(edition)]) == 0
    report = capsys.readouterr().out
    assert "- Scale: 0, 1, 2, 3 → 1, 2, 3, 4, 5" in report
    assert "  - levels[score=3].label (en): “Strong” → “Adequate”" in report
    assert "  - levels[score=5].label (en): (none) → “Excellent”" in report
    assert "  - levels[score=0].label (en): “Not met” → (none)" in report
    assert "“Strong” → “Good”" not in report  # 3 of 0–3 is not 4 of 1–5 read in order


def test_html_report_for_a_board(changed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(changed.read_text(encoding="utf-8").replace("Contract", "<script>alert(1)</script> & Co"),
                       encoding="utf-8")
    assert main(["diff", "--format", "html", "--lang", "en", str(MINIMAL), str(hostile)]) == 0
    english = capsys.readouterr().out
    assert "<script" not in english and "“&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co”" in english
    assert "\\" not in english  # no Markdown escapes left
    assert main(["diff", "--format", "html", "--lang", "zh", str(MINIMAL), str(hostile)]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"zh\">") and page.endswith("</html>\n")
    assert "<title>从 最小示例 0.1.0 到 最小示例 0.2.0 的改动</title>" in page
    assert "<h2>新增 (1)</h2>" in page and "<code>contract</code>" in page
    assert "<script" not in page
    assert "http" not in page.replace('name="viewport"', "")  # loads nothing from anywhere
    assert main(["diff", "--format", "html", "--lang", "zh", str(MINIMAL), str(hostile)]) == 0
    assert capsys.readouterr().out == page  # the same bytes every time
