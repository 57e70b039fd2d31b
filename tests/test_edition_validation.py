"""Edition data (branding, file labels, changelog) is validated with located messages."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from editions import context, texts
from ruamel.yaml import YAML

from conftest import MINIMAL
from generator.checks.edition_rules import MAX_LOGO_BYTES
from generator.checks.sheet_names import SHEET_KEYS
from generator.cli import main
from generator.load import parse_criteria
from generator.problems import InputError
from generator.render.workbook.book import FALLBACK_SHEETS, render_workbook

LICENCE = "  licence: CC-BY-4.0\n"


def with_meta(extra: str, tail: str = "") -> str:
    """The minimal file with ``extra`` lines added to meta and ``tail`` appended at the top level."""
    text = MINIMAL.read_text(encoding="utf-8").replace(LICENCE, LICENCE + extra, 1)
    return text + tail


def problems(text: str, folder: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_criteria(text.encode("utf-8"), str(folder / "c.yaml"))
    return [str(p) for p in caught.value.problems]


def located(found: list[str], text: str, marker: str, fragment: str) -> None:
    """Some problem containing ``fragment`` is reported at the line of ``marker``."""
    line = text[: text.index(marker)].count("\n") + 1
    assert any(f"c.yaml:{line}:" in p and fragment in p for p in found), (line, found)


def test_valid_branding_loads_with_logo(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    text = with_meta("  branding: {primary: deep purple, accent: amber, logo: logo.svg}\n")
    criteria = parse_criteria(text.encode("utf-8"), str(tmp_path / "c.yaml"))
    branding = criteria.meta.branding
    assert branding is not None and branding.logo is not None
    assert (branding.primary, branding.accent) == ("deep purple", "amber")
    assert branding.logo.data == (tmp_path / "logo.svg").read_bytes()


BAD_BRANDING = [
    ("unknown colour", "  branding:\n    primary: tael\n", "primary: tael", "did you mean 'teal'?"),
    ("primary-only colour as accent", "  branding:\n    accent: black\n", "accent: black",
     "'black' is not allowed"),
    ("missing logo", "  branding:\n    logo: nope.svg\n", "logo: nope.svg",
     "logo file 'nope.svg' not found"),
    ("logo outside", "  branding:\n    logo: ../secret.svg\n", "logo: ../secret.svg",
     "the logo's file name '../secret.svg' may hold only Latin letters"),
    ("logo not an image", "  branding:\n    logo: notes.txt\n", "logo: notes.txt",
     "must end in .svg, .png, .jpg, .jpeg or .webp"),
    ("unknown key", "  branding:\n    colour: teal\n", "colour: teal", "unknown key 'colour'"),
]


@pytest.mark.parametrize(("extra", "marker", "fragment"), [c[1:] for c in BAD_BRANDING],
                         ids=[c[0] for c in BAD_BRANDING])
def test_bad_branding_is_located(extra: str, marker: str, fragment: str, tmp_path: Path) -> None:
    text = with_meta(extra)
    located(problems(text, tmp_path), text, marker, fragment)


def test_oversized_logo_is_refused(tmp_path: Path) -> None:
    (tmp_path / "big.png").write_bytes(b"\0" * (MAX_LOGO_BYTES + 1))
    text = with_meta("  branding:\n    logo: big.png\n")
    located(problems(text, tmp_path), text, "logo: big.png", "the limit is")


def test_language_without_labels_points_to_labels(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("languages: [zh, en]", "languages: [zh, en, ja]")
    located(problems(text, tmp_path), text, "languages:", "add them under labels.ja")


def with_french(labels: dict[str, Any]) -> str:
    """The minimal file in zh, en and fr (French texts copied from English) with ``labels``, as JSON."""
    data = YAML(typ="safe").load(MINIMAL.read_text(encoding="utf-8"))
    stack: list[Any] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict) and "en" in item and "zh" in item:
            item["fr"] = item["en"]
        stack += list(item.values()) if isinstance(item, dict) else item if isinstance(item, list) else []
    data["meta"]["languages"] = ["zh", "en", "fr"]
    data["labels"] = labels
    return json.dumps(data, ensure_ascii=False, indent=1)


FR = {"language_name": "Français"}
BAD_LABELS = [
    ("built-in language, bad placeholder", {"fr": FR, "en": {"criteria_count": "{count} criteria"}},
     '"criteria_count"', "not a placeholder of this label"),
    ("built-in language, markup", {"fr": FR, "zh": {"home": "<b>首页</b>"}}, '"home"', "may not contain"),
    ("not a listed language", {"fr": FR, "ko": {"language_name": "한국어"}}, '"ko": {', "not in meta.languages"),
    ("unknown key", {"fr": {**FR, "hom": "Accueil"}}, '"hom"', "did you mean 'home'?"),
    ("unknown placeholder", {"fr": {**FR, "criteria_count": "{count} critères"}}, '"criteria_count"',
     "uses '{count}', which is not a placeholder of this label: braces may only enclose its placeholders ({n})"),
    ("malformed braces", {"fr": {**FR, "criteria_count": "{n critères"}}, '"criteria_count"',
     "has a '{' at character 1 that is not part of a placeholder"),
    ("doubled braces", {"fr": {**FR, "criteria_count": "{n} {{: onclick=alert(1)}}"}}, '"criteria_count"',
     "has a '{' at character 5 that is not part of a placeholder"),
    ("attribute list", {"fr": {**FR, "weight": "Poids { .c onfocus=alert(1) autofocus }"}}, '"weight"',
     "uses '{ .c onfocus=alert(1) autofocus }', which is not a placeholder of this label: this label has no"),
    ("style attribute", {"fr": {**FR, "scale": "Échelle {: style=\"color:red\"}"}}, '"scale"',
     "uses '{: style=\"color:red\"}', which is not a placeholder"),
    ("stray closing brace", {"fr": {**FR, "scale": "Échelle }"}}, '"scale"', "has a '}' at character 9"),
    ("attribute", {"fr": {**FR, "criteria_count": "{n.real} critères"}}, '"criteria_count"',
     "writes the placeholder {n} as '{n.real}'; write just {n}"),
    ("conversion", {"fr": {**FR, "criteria_count": "{n!r} critères"}}, '"criteria_count"',
     "writes the placeholder {n} as '{n!r}'"),
    ("line break", {"fr": {**FR, "scale": "Échelle\n- liste"}}, '"scale"', "must be one line"),
    ("no language_name", {"fr": {"home": "Accueil"}}, '"fr": {', "needs language_name"),
    ("sheet names differing in case", {"fr": {**FR, "wb_sheet_scoring": "Notes", "wb_sheet_comparison": "NOTES"}},
     '"wb_sheet_comparison"', "both name a workbook sheet 'NOTES' (Excel ignores case)"),
    ("sheet name equal to an English one", {"fr": {**FR, "wb_sheet_scoring": "instructions"}},
     '"wb_sheet_scoring"', "labels 'wb_sheet_instructions' and 'wb_sheet_scoring' both name a workbook sheet"),
    ("sheet named History", {"fr": {**FR, "wb_sheet_comparison": "HISTORY"}}, '"wb_sheet_comparison"',
     "is 'History', a name Excel keeps for itself"),
    ("sheet named History with a space", {"fr": {**FR, "wb_sheet_comparison": "history "}}, '"wb_sheet_comparison"',
     "is 'History', a name Excel keeps for itself"),
    ("sheet name of 31 emoji", {"fr": {**FR, "wb_sheet_scoring": "📊" * 31}}, '"wb_sheet_scoring"',
     "is 62 units long as Excel counts (an emoji or a rare character counts as 2); Excel allows at most 31"),
    ("sheet names equal but for a space", {"fr": {**FR, "wb_sheet_scoring": "Notes", "wb_sheet_comparison": "Notes "}},
     '"wb_sheet_comparison"', "both name a workbook sheet"),
    ("sheet name too long", {"fr": {**FR, "wb_sheet_scoring": "Feuille de notation des agences A"}},
     '"wb_sheet_scoring"', "is 33 characters long; Excel allows at most 31"),
    ("sheet name with a colon", {"fr": {**FR, "wb_sheet_scoring": "Notes: A/B?"}}, '"wb_sheet_scoring"',
     "contains / : ?, which Excel does not allow"),
    ("sheet name with apostrophes", {"fr": {**FR, "wb_sheet_scoring": "'Notes'"}}, '"wb_sheet_scoring"',
     "starts or ends with an apostrophe"),
    ("blank sheet name", {"fr": {**FR, "wb_sheet_scoring": "   "}}, '"wb_sheet_scoring"', "names a workbook sheet and is empty"),
]


@pytest.mark.parametrize(("labels", "marker", "fragment"), [c[1:] for c in BAD_LABELS], ids=[c[0] for c in BAD_LABELS])
def test_bad_labels_are_located(labels: dict[str, Any], marker: str, fragment: str, tmp_path: Path) -> None:
    text = with_french(labels)
    found = problems(text, tmp_path)
    line = text[: text.rindex(marker)].count("\n") + 1  # the labels come last
    assert any(f"c.yaml:{line}:" in p and fragment in p for p in found), (line, found)


def test_file_labels_are_used_with_english_fallback(tmp_path: Path) -> None:
    text = with_french({"fr": {**FR, "criteria_count": "{n} critères"}})
    criteria = parse_criteria(text.encode("utf-8"), str(tmp_path / "c.yaml"))
    assert dict(criteria.labels)["fr"] == (("language_name", "Français"), ("criteria_count", "{n} critères"))
    fr, en = texts(criteria, "fr"), texts(criteria, "en")
    assert fr.label("criteria_count", n=3) == "3 critères"
    assert fr.label("home") == en.label("home")
    gaps = dict(fr.label_gaps())
    assert gaps["home"] == "en" and "criteria_count" not in gaps


def test_built_in_labels_can_be_reworded_key_by_key(tmp_path: Path) -> None:
    text = with_french({"fr": FR, "zh": {"sections": "考察方面"}, "en": {"home": "Start"}})
    criteria = parse_criteria(text.encode("utf-8"), str(tmp_path / "c.yaml"))
    zh, en = texts(criteria, "zh"), texts(criteria, "en")
    assert zh.label("sections") == "考察方面" and zh.label("home") == "首页"
    assert en.label("home") == "Start" and en.label("sections") == "What to assess"
    assert zh.label_gaps() == [] and dict(criteria.labels)["zh"] == (("sections", "考察方面"),)


CHANGELOG = 'changelog:\n  - version: "0.1.0"\n    date: "2025-02-01"\n    note: {zh: 第二版, en: Second}\n' \
            '  - version: "0.0.9"\n    date: "2025-01-01"\n    note: {zh: 第一版, en: First}\n'
BAD_CHANGELOG = [
    ("not the current version", ('version: "0.1.0"\n    date', 'version: "0.2.0"\n    date'), 'version: "0.2.0"',
     "add an entry for 0.1.0 at the top"),
    ("oldest first", ('"2025-01-01"', '"2025-03-01"'), '"2025-03-01"', "list the newest version first"),
    ("listed twice", ('"0.0.9"', '"0.1.0"'), 'version: "0.1.0"\n    date: "2025-01-01"', "listed twice"),
    ("missing translation", ("{zh: 第一版, en: First}", "{zh: 第一版}"), "{zh: 第一版}", "missing the 'en' text"),
    ("unquoted date-like version", ('"0.0.9"', "0.10"), "0.10", 'write it in quotes, "0.10"'),
]


def test_changelog_is_loaded_newest_first(tmp_path: Path) -> None:
    criteria = parse_criteria((MINIMAL.read_text(encoding="utf-8") + CHANGELOG).encode("utf-8"), "c.yaml")
    assert [(r.version, r.date, r.note("en")) for r in criteria.changelog] == [
        ("0.1.0", "2025-02-01", "Second"), ("0.0.9", "2025-01-01", "First")]


@pytest.mark.parametrize(("pair", "marker", "fragment"), [c[1:] for c in BAD_CHANGELOG],
                         ids=[c[0] for c in BAD_CHANGELOG])
def test_bad_changelog_is_located(pair: tuple[str, str], marker: str, fragment: str, tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8") + CHANGELOG.replace(*pair)
    located(problems(text, tmp_path), text, marker, fragment)


def test_folded_text_reads_like_any_yaml_loader() -> None:
    """Editors write long texts with ">"; ruamel's round-trip fold markers must not leak into them."""
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "why: {zh: 流程决定结果。, en: Process drives results.}",
        "why:\n          zh: 流程决定结果。\n"
        "          en: >-\n            Process\n            drives\n\n            results.")
    criteria = parse_criteria(text.encode("utf-8"), "c.yaml")
    assert criteria.criteria[-1].why("en") == "Process drives\nresults."
    plain = YAML(typ="safe", pure=True).load(text)
    assert criteria.criteria[-1].why("en") == plain["sections"][1]["criteria"][0]["why"]["en"]


def test_sheet_names_differing_in_case_stop_check_and_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.yaml"
    text = with_french({"fr": {**FR, "wb_sheet_instructions": "Feuille", "wb_sheet_scoring": "FEUILLE"}})
    path.write_text(text, encoding="utf-8")
    line = text[: text.rindex('"wb_sheet_scoring"')].count("\n") + 1
    for command in (["check"], ["build", "--docs", str(tmp_path / "docs")]):
        assert main([*command, "--lang", "en", "--criteria", str(path)]) == 1
        err = capsys.readouterr().err
        assert f"{path}:{line}:" in err and "Excel ignores case" in err and "Traceback" not in err
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize(("names", "sheets"), [
    (("history ", "Notes", "Comparaison"), FALLBACK_SHEETS),
    (("Notes", "Notes ", "x" * 40), FALLBACK_SHEETS),
    (("📊" * 31, "Notes", "Comparaison"), ("📊" * 15, "Notes", "Comparaison")),  # cut to 31 UTF-16 units
])
def test_workbook_survives_sheet_names_past_check(names: tuple[str, str, str], sheets: tuple[str, str, str],
                                                  tmp_path: Path) -> None:
    criteria = parse_criteria(with_french({"fr": FR}).encode("utf-8"), str(tmp_path / "c.yaml"))
    reworded = dict(zip(SHEET_KEYS, names, strict=True))
    # Past check, in both languages.
    hostile = dataclasses.replace(criteria, labels=(("fr", tuple({**FR, **reworded}.items())),
                                                    ("en", tuple(reworded.items()))))
    book = openpyxl.load_workbook(io.BytesIO(render_workbook(context(hostile, "fr"))))
    assert book.sheetnames == list(sheets)


def test_workbook_takes_valid_sheet_names_from_labels(tmp_path: Path) -> None:
    text = with_french({"fr": {**FR, "wb_sheet_instructions": "Mode d'emploi", "wb_sheet_scoring": "Notes",
                               "wb_sheet_comparison": "Comparaison"}})
    criteria = parse_criteria(text.encode("utf-8"), str(tmp_path / "c.yaml"))
    book = openpyxl.load_workbook(io.BytesIO(render_workbook(context(criteria, "fr"))))
    assert book.sheetnames == ["Mode d'emploi", "Notes", "Comparaison"]


def test_sheet_name_problems_are_told_in_the_editors_language(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.yaml"
    text = with_french({"fr": {**FR, "wb_sheet_scoring": "📊" * 31, "wb_sheet_comparison": "history "}})
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--lang", "zh", "--criteria", str(path)]) == 1
    err = capsys.readouterr().err
    line = text[: text.rindex('"wb_sheet_scoring"')].count("\n") + 1
    assert f"{path}:{line}:" in err and "按 Excel 的算法有 62 个单位（一个表情符号或生僻字算 2 个）" in err, err
    assert "叫“History”，这是 Excel 自己保留的名称" in err and "Traceback" not in err
