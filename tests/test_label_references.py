"""Texts name other labels as ``{@key}``: one rename reaches every text that names the page.

Issue #29 point 7: an edition renamed the worksheet 打分表 and about 20 places still said 评分表,
among them the report's "去评分表打分" button. The built-in texts now name the worksheet (and the
questionnaire, the report, interview mode …) through references, resolved once per language.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from editions import default_edition
from ruamel.yaml import YAML

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.load import load_edition, parse_criteria
from generator.problems import InputError
from generator.site.outputs import render_edition_files
from generator.words.labels import LABELS
from generator.words.page_texts import default_texts
from generator.words.references import REFERENCE, references, resolve_labels, resolve_page_text
from generator.words.text_markup import outside_code

RENAMED = "\nlabels:\n  zh:\n    worksheet: 打分表\n  en:\n    worksheet: Score sheet\n"


def _texts_of(files: dict[str, str | bytes], lang: str) -> dict[str, str]:
    """Every generated file of ``lang`` as text: the XML parts of the workbook and Word files joined, other
    binaries (pictures) left out."""
    out = {}
    for path, content in files.items():
        if not path.startswith(f"{lang}/"):
            continue
        if isinstance(content, bytes):
            try:
                book = zipfile.ZipFile(io.BytesIO(content))
            except zipfile.BadZipFile:
                continue
            content = "".join(book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml"))
        out[path] = content
    return out


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str | bytes]:
    """Every generated file of the default criteria with only the worksheet renamed, in zh and en."""
    folder = tmp_path_factory.mktemp("renamed")
    for path in DEFAULT_CRITERIA.parent.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    target = folder / DEFAULT_CRITERIA.name
    target.write_text(DEFAULT_CRITERIA.read_text(encoding="utf-8") + RENAMED, encoding="utf-8")
    return render_edition_files(load_edition(str(target)), "criteria.yaml", "abc1234")


def test_renaming_the_worksheet_reaches_every_chinese_page(renamed: dict[str, str | bytes]) -> None:
    pages = _texts_of(renamed, "zh")
    assert '去打分表打分' in pages["zh/report.md"]  # the report's button
    assert '"toWorksheet":"去打分表打分"' in pages["zh/report.md"]  # the scorer's strings (scoring_data)
    left = {path: text.count("评分表") for path, text in pages.items() if "评分表" in text}
    assert left == {}  # no exceptions: the criteria's own texts never say 评分表
    assert sum(text.count("打分表") for text in pages.values()) >= 30


def test_renaming_the_worksheet_reaches_the_english_pages(renamed: dict[str, str | bytes]) -> None:
    pages = _texts_of(renamed, "en")
    assert "Score on the Score sheet" in pages["en/report.md"]
    assert "print the Interview questionnaire" in pages["en/interview.md"]
    # Allowed: "worksheet" in HTML tags (kit-worksheet, href="../worksheet/"), file names and anchors
    # (worksheet.md, #worksheet-table), the workbook's XML (<worksheet>), the criteria exported as JSON
    # (its labels: keep the key "worksheet"), the schema page, whose field descriptions are English-only
    # by design and name the form by its key, and the editors' page, which quotes the key in examples.
    for path, text in pages.items():
        if path.endswith((".xlsx", ".json", "/schema.md", "/edition.md")):
            continue
        words = re.sub(r"<[^>]*>|\]\([^)]*\)", " ", text)
        assert not re.findall(r"(?<![-\w/#])[Ww]orksheet(?![-\w]|\.md)", words), path


def test_built_in_references_name_known_labels_without_placeholders_and_never_loop() -> None:
    english = LABELS["en"]
    for lang, table in LABELS.items():
        for key, text in table.items():
            for name in references(text):
                assert name in english and "{" not in REFERENCE.sub("", english[name]), (lang, key, name)
        assert not any("{@" in text for text in resolve_labels(table).values()), lang
    for lang in ("zh", "en"):
        for page, keys in default_texts(lang).items():
            for key, value in keys.items():
                for text in [value] if isinstance(value, str) else value:
                    assert all(name in english for name in references(outside_code(text))), (lang, page, key)
    for lang, texts in default_edition().texts.items():
        assert not any("{@" in text for text in texts.labels.values()), lang
        for page, keys in texts.pages.items():
            for key, value in keys.items():
                for text in [value] if isinstance(value, str) else value:
                    assert "{@" not in outside_code(text), (lang, page, key)  # a code span shows it as written


LIVESTREAM_OWN = {("how-to-use", "interview"): {"questionnaire"}}
"""Texts the three-language example words its own way: it has no sittings, so its interview advice names
the questionnaire only (the built-in text names the sittings' forms as well)."""


def _named(value: object) -> set[str]:
    items = [value] if isinstance(value, str) else value
    assert isinstance(items, (list, tuple))
    return {name for text in items for name in references(outside_code(text))}


def test_the_livestream_example_names_pages_through_references_where_the_kit_does() -> None:
    """Its zh-Hant labels and page texts name the worksheet, the report … as the built-in zh ones do, so that
    renaming one label renames every text that names it (no literal 評分表 left behind)."""
    data = YAML(typ="safe").load((ROOT / "examples" / "livestream" / "criteria.yaml").read_text(encoding="utf-8"))
    labels, texts = data["labels"]["zh-Hant"], data["texts"]["zh-Hant"]
    differ = [key for key, text in LABELS["zh"].items() if key in labels and _named(labels[key]) != _named(text)]
    assert differ == []
    for page, keys in default_texts("zh").items():
        for key, value in keys.items():
            if key in texts.get(page, {}):
                assert _named(texts[page][key]) == LIVESTREAM_OWN.get((page, key), _named(value)), (page, key)


def test_resolution_follows_chains_and_leaves_code_spans_and_loops_as_written() -> None:
    labels = {"a": "A", "b": "x{@a}", "c": "{@b}y", "loop": "{@loop2}", "loop2": "{@loop}"}
    resolved = resolve_labels(labels)
    assert (resolved["c"], resolved["loop"]) == ("xAy", "{@loop}")
    assert list(resolved) == list(labels)
    assert resolve_page_text("see {@a}, `{@a}` and **{@b}**", resolved) == "see A, `{@a}` and **xA**"


def _problems(tail: str, folder: Path, lang: str) -> tuple[str, list[str]]:
    text = MINIMAL.read_text(encoding="utf-8") + tail
    with pytest.raises(InputError) as caught:
        parse_criteria(text.encode("utf-8"), str(folder / "c.yaml"))
    return text, [p.text(lang) for p in caught.value.problems]


def _line(text: str, marker: str) -> int:
    return text[: text.rindex(marker)].count("\n") + 1  # the tail comes last


BAD = [
    ("unknown key", "labels:\n  zh:\n    rp_to_worksheet: 去{@worksheeet}打分\n", "rp_to_worksheet:",
     "“{@worksheeet}”，但没有这个键的界面文字；是不是想写“{@worksheet}”？",
     "names '{@worksheeet}', but there is no interface label of that key; did you mean '{@worksheet}'?"),
    ("label with placeholders", "labels:\n  en:\n    report: Report of {@criteria_count}\n", "report:",
     "这条界面文字带占位符（{n}）", "a label with placeholders ({n})"),
    ("cycle", "labels:\n  zh:\n    worksheet: 打分表{@report}\n    report: '{@worksheet}报告'\n",
     "worksheet: 打分表", "绕了一圈又引用回它自己（{@worksheet} → {@report} → {@worksheet}）",
     "lead back to it ({@worksheet} → {@report} → {@worksheet})"),
    ("self", "labels:\n  en:\n    worksheet: New {@worksheet}\n", "worksheet: New",
     "（{@worksheet} → {@worksheet}）", "({@worksheet} → {@worksheet})"),
    ("unknown key in a page text", "texts:\n  zh:\n    how-to-use:\n      intro: 先看{@guidee}。\n", "intro:",
     "“{@guidee}”，但没有这个键的界面文字", "'{@guidee}', but there is no interface label"),
]


@pytest.mark.parametrize(("tail", "marker", "zh", "en"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_references_are_located_in_both_languages(tmp_path: Path, tail: str, marker: str, zh: str,
                                                      en: str) -> None:
    for lang, fragment in (("zh", zh), ("en", en)):
        text, found = _problems(tail, tmp_path, lang)
        line = _line(text, marker)
        assert any(f"c.yaml:{line}:" in p and fragment in p for p in found), (lang, line, found)


def test_an_edition_reference_and_a_borrowed_text_name_the_language_s_own_label(tmp_path: Path) -> None:
    tail = ("labels:\n  zh:\n    worksheet: 打分表\n    rp_empty: 先去{@worksheet}。\n"
            "  en:\n    worksheet: Score sheet\n")
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8") + tail, encoding="utf-8")
    texts = load_edition(str(path)).texts
    assert texts["zh"].label("rp_empty") == "先去打分表。"
    assert texts["zh"].label("rp_to_worksheet") == "去打分表打分"
    assert texts["en"].label("rp_to_worksheet") == "Score on the Score sheet"


def test_a_sheet_name_made_of_a_reference_follows_excel_s_rules(tmp_path: Path) -> None:
    tail = "labels:\n  en:\n    checklist: Phone/screen\n    wb_sheet_scoring: '{@checklist}'\n"
    text, found = _problems(tail, tmp_path, "en")
    line = _line(text, "wb_sheet_scoring:")
    assert any(f"c.yaml:{line}:" in p and "wb_sheet_scoring" in p and "/" in p for p in found), found
