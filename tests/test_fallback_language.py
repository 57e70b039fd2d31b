"""A new language that leans on another: meta.fallback fills criteria texts too, converted between
Simplified and Traditional Chinese with OpenCC, counted in a warning, and written out by ``fill``."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from generator.cli import main
from generator.load import load_criteria, parse_criteria
from generator.problems import InputError
from generator.words.chinese_script import conversion, convert
from generator.words.starter import starter_file

DEFAULT = ROOT / "data" / "criteria.yaml"
FALLBACK = "  languages: [zh, en, zh-Hant]\n  fallback: {zh-Hant: [zh]}\n"
SIMPLIFIED_ONLY = "们这评为说对项运营还时应发现问题条见数单据页签约让"
"""Common characters that only Simplified Chinese writes (the Traditional forms differ)."""


def with_zh_hant(source: Path, target: Path, extra: str = "") -> Path:
    """A copy of ``source`` that adds zh-Hant with only a fallback to zh."""
    text = source.read_text(encoding="utf-8").replace("  languages: [zh, en]\n", FALLBACK + extra, 1)
    assert FALLBACK in text
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize(("source", "target", "config"), [
    ("zh", "zh-Hant", "s2tw"), ("zh", "zh-TW", "s2twp"), ("zh-Hans", "zh-HK", "s2hk"), ("zh-Hant", "zh", "tw2s"),
    ("zh", "zh", None), ("en", "zh-Hant", None), ("zh", "en", None), ("zh-TW", "zh-Hant", None)])
def test_conversion_only_between_chinese_scripts(source: str, target: str, config: str | None) -> None:
    assert conversion(source, target) == config


def test_convert_writes_everyday_traditional_forms() -> None:
    assert convert("代运营公司的评分表为什么重要", "zh", "zh-Hant") == "代運營公司的評分表為什麼重要"
    assert convert("評分表", "zh-Hant", "zh") == "评分表"
    assert convert("Agency {letter}", "zh", "zh-Hant") == "Agency {letter}"


def test_without_a_fallback_every_missing_text_is_an_error(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace("[zh, en]", "[zh, en, zh-Hant]"), encoding="utf-8")
    assert main(["check", "--criteria", str(path), "--lang", "zh"]) == 1
    assert "缺少“zh-Hant”的文字" in capsys.readouterr().err


def test_a_fallback_only_language_passes_check_with_warnings_that_count(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = with_zh_hant(DEFAULT, tmp_path / "criteria.yaml")
    assert main(["check", "--criteria", str(path)]) == 0
    err = capsys.readouterr().err
    texts = sum(1 for _ in re.finditer(r"^\s*zh: ", DEFAULT.read_text(encoding="utf-8"), re.M))
    counted = re.search(r"“zh-Hant”有 (\d+) 段标准文字没有自己的译文，暂时显示 zh 的文字", err)
    assert counted and int(counted.group(1)) >= texts - 10, err
    assert "python -m generator fill --lang zh-Hant --from zh" in err
    assert re.search(r"“zh-Hant”显示的 \d+ 条界面文字和 \d+ 段页面文字取自 zh，已用 OpenCC（s2tw）转换", err)
    assert main(["check", "--criteria", str(path), "--lang", "en"]) == 0
    assert "'zh-Hant' has" in capsys.readouterr().err


def test_borrowed_texts_are_converted_and_the_files_own_win(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("[zh, en]", "[zh, en, zh-Hant]\n  fallback: {zh-Hant: [zh]}")
    text = text.replace("title: {zh: 实地考察, en: On-site visit}", "title: {zh: 实地考察, en: On-site visit, zh-Hant: 到場看看}")
    criteria = parse_criteria(text.encode(), "c.yaml")
    assert criteria.meta.title("zh-Hant") == "最小示例" and criteria.meta.description("zh-Hant") == "用於測試的最小標準文件。"
    first, second = criteria.criteria[:2]
    assert first.title("zh-Hant") == "營業執照" and first.red_flags[0]("zh-Hant") == "拒絕出示執照"
    assert first.levels[3].text("zh-Hant") == "原件且名稱一致" and criteria.scale.levels[1].label("zh-Hant") == "勉強"
    assert second.title("zh-Hant") == "到場看看"
    [borrowed] = criteria.borrowed
    assert (borrowed.lang, borrowed.sources, borrowed.script) == ("zh-Hant", ("zh",), "s2tw")
    assert borrowed.labels > 100 and borrowed.page_texts > 50


def test_an_english_fallback_borrows_unconverted_and_exports_keep_the_files_shape(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("[zh, en]", "[zh, en, fr]\n  fallback: {fr: [en]}")
    with pytest.raises(InputError, match=r"labels\.fr needs language_name"):  # a name is never borrowed
        parse_criteria(text.encode(), "c.yaml")
    criteria = parse_criteria((text + "labels:\n  fr: {language_name: français}\n").encode(), "c.yaml")
    assert criteria.criteria[0].title("fr") == "Business licence"
    [borrowed] = criteria.borrowed
    assert borrowed.script is None and borrowed.labels == borrowed.page_texts == 0
    from generator.render.exports import criteria_data
    assert "borrowed" not in criteria_data(criteria) and "converted" not in criteria_data(criteria)


def test_fill_writes_the_lines_into_the_file_keeping_its_layout(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = with_zh_hant(MINIMAL, tmp_path / "c.yaml")
    before = path.read_text(encoding="utf-8")
    assert main(["fill", "--criteria", str(path), "--lang", "zh-Hant"]) == 0
    assert "已从“zh”写入" in capsys.readouterr().out
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# yaml-language-server") and before.count("\n#") == after.count("\n#")
    assert 'title: {zh-Hant: "最小示例", zh: 最小示例, en: Minimal example}' in after
    assert 'red_flags:\n          - {zh-Hant: "拒絕出示執照", zh: 拒绝出示执照' in after
    assert main(["check", "--criteria", str(path)]) == 0
    assert "标准文字没有自己的译文" not in capsys.readouterr().err  # nothing borrowed any more
    assert main(["fill", "--criteria", str(path), "--lang", "zh-Hant"]) == 0
    assert path.read_text(encoding="utf-8") == after  # a second run has nothing to add


def test_fill_block_mappings_and_unknown_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "  title: {zh: 最小示例, en: Minimal example}\n",
        "  title:\n    # the name on every page\n    zh: >-\n      最小\n      示例\n    en: Minimal example\n"), encoding="utf-8")
    assert main(["fill", "--criteria", str(path), "--lang", "zh-Hant", "--from", "zh"]) == 1
    assert "“zh-Hant”不在 meta.languages [zh, en] 中" in capsys.readouterr().err
    path.write_text(path.read_text(encoding="utf-8").replace("[zh, en]", "[zh, en, zh-Hant]\n  fallback: {zh-Hant: [zh]}"),
                    encoding="utf-8")
    assert main(["fill", "--criteria", str(path), "--lang", "zh-Hant", "--from", "zh"]) == 0
    text = path.read_text(encoding="utf-8")
    assert '  title:\n    # the name on every page\n    zh-Hant: "最小 示例"\n    zh: >-\n' in text
    assert load_criteria(path).meta.title("zh-Hant") == "最小 示例"


def test_label_and_text_starters_convert_from_simplified() -> None:
    labels = starter_file("labels", "zh-Hant", "zh")
    assert "為" in labels or "評" in labels
    assert not set(SIMPLIFIED_ONLY) & set(re.sub(r"^# .*$", "", labels, flags=re.M))
    texts = starter_file("texts", "zh-Hant", "zh")
    assert not set(SIMPLIFIED_ONLY) & set(re.sub(r"^\s*# .*$", "", texts, flags=re.M))


def _visible(page: str) -> str:
    """A page's text as a reader sees it, less the language switcher (each language's own name)."""
    page = re.sub(r'<div class="md-select".*?</div>', "", page, flags=re.S)
    page = re.sub(r"<(script|style|code|template)\b.*?</\1>", "", page, flags=re.S)  # data of every language
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.slow
def test_a_fallback_only_zh_hant_builds_traditional_pages(tmp_path: Path) -> None:
    path = with_zh_hant(DEFAULT, tmp_path / "criteria.yaml")
    assert main(["site", "--no-pdf", "--criteria", str(path), "--docs", str(tmp_path / "docs"),
                 "--site", str(tmp_path / "site"), "--config", str(ROOT / "mkdocs.yml")]) == 0
    site, criteria = tmp_path / "site", load_criteria(path)
    pages = sorted((site / "zh-Hant").rglob("*.html"))
    assert len(pages) > 20
    home = (site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant"' in home and "電商代運營評估工具包" in home
    # The switcher names each language in its own script: 繁體中文, never 簡體中文 converted from 简体中文.
    assert re.search(r'hreflang="zh-Hant"[^>]*>\s*繁體中文\s*<', home) and "簡體中文" not in home
    assert re.search(r'hreflang="zh-Hans"[^>]*>\s*简体中文\s*<', home)
    first = criteria.criteria[0]
    section = (site / "zh-Hant" / "sections" / criteria.sections[0].id / "index.html").read_text(encoding="utf-8")
    assert first.title("zh-Hant") == convert(first.title("zh"), "zh", "zh-Hant") in html.unescape(section)
    for page in pages:
        found = set(SIMPLIFIED_ONLY) & set(_visible(page.read_text(encoding="utf-8")))
        assert not found, (page.relative_to(site), sorted(found))


def test_starters_start_from_the_editions_own_rewordings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8") + "labels:\n  zh: {worksheet: 打分表}\ntexts:\n"
                    "  zh:\n    how-to-use: {intro: 先读一遍评估方面。}\n", encoding="utf-8")
    assert main(["labels", "--lang", "zh-Hant", "--from", "zh", "--criteria", str(path)]) == 0
    labels = capsys.readouterr().out
    assert 'worksheet: "打分表"' in labels and 'language_name: "繁體中文"' in labels
    assert main(["texts", "--lang", "zh-Hant", "--from", "zh", "--criteria", str(path)]) == 0
    assert 'intro: "先讀一遍評估方面。"' in capsys.readouterr().out
    assert main(["labels", "--lang", "zh-Hant", "--from", "zh", "--criteria", str(tmp_path / "none.yaml")]) == 0
    assert 'worksheet: "評分表"' in capsys.readouterr().out  # no file: the built-in words


def test_check_warns_of_a_rewording_in_one_language_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8") + "labels:\n  zh: {worksheet: 打分表, home: 首页}\n"
                    "  en: {home: Start}\ntexts:\n  en:\n    how-to-use: {intro: Read first.}\n", encoding="utf-8")
    assert main(["check", "--criteria", str(path)]) == 0
    err = capsys.readouterr().err
    assert "labels.zh.worksheet 只在“zh”里改写了工具包的文字；en 的页面仍用原来的说法" in err
    assert "texts.en.how-to-use.intro 只在“en”里改写了工具包的文字；zh 的页面仍用原来的说法" in err
    assert "labels.zh.home" not in err and "labels.en.home" not in err  # reworded in both
    assert main(["check", "--criteria", str(path), "--lang", "en"]) == 0
    assert "labels.zh.worksheet rewords the kit's text in 'zh' only; the pages in en keep the kit's wording" in (
        capsys.readouterr().err)
