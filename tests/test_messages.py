"""``check`` speaks the editor's language: messages as data in zh and en, plain words for YAML mistakes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from generator.cli import main
from generator.load import parse_criteria
from generator.problems import InputError
from generator.words.edition_language import first_language
from generator.words.messages import message_language, message_languages, messages

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
TEXT = MINIMAL.read_text(encoding="utf-8")


def test_every_message_is_in_every_language_with_the_same_placeholders() -> None:
    assert set(message_languages()) >= {"zh", "en"}
    english = messages("en")
    for lang in message_languages():
        assert set(messages(lang)) == set(english), lang
        for key, text in messages(lang).items():
            assert text.strip(), (lang, key)
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(english[key])), (lang, key)


def test_every_message_is_used_by_the_code() -> None:
    code = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "generator").rglob("*.py"))
    unused = [key for key in messages("en") if f'"{key}"' not in code and not key.startswith("diff_")]
    assert unused == []


@pytest.mark.parametrize(("lang", "shown"), [("zh", "zh"), ("en", "en"), ("zh-Hant", "zh"), ("fr", "en"),
                                             (None, "en")])
def test_message_language_falls_back_to_the_base_language_then_english(lang: str | None, shown: str) -> None:
    assert message_language(lang) == shown


def located(text: str, lang: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_criteria(text.encode("utf-8"), "c.yaml")
    return [p.text(lang) for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


MISTAKES = [
    ("indentation", ("    criteria:\n      - id: licence", "    criteria:\n     - id: licence"),
     "        title: {zh: 营业执照",  # libyaml notices on the next line
     "the indentation is wrong here", "这里缩进不对"),
    ("tab", ("      - id: visit", "\t- id: visit"), "\t- id: visit",
     "a tab is used for indentation here; YAML allows only spaces", "这里用 Tab 键缩进了；YAML 只允许用空格缩进"),
    ("unclosed quote", ("en: \"Original, names match\"}}", "en: \"Original, names match}}"),
     "\"Original, names match}}", "this quote (line 41) is never closed; add the closing \"", "这个引号（第 41 行）没有结束"),
    ("colon in a text", ("licence: CC-BY-4.0", "licence: Licence: CC-BY-4.0"), "licence: Licence: CC-BY-4.0",
     "a colon followed by a space inside a text", "文字里有“冒号加空格”"),
    ("colon in a {…} text", ("en: Refuses}}\n          - {score: 1", "en: Refuses: never}}\n          - {score: 1"),
     "en: Refuses: never}}", "put a text holding commas, brackets or colons in quotes", "请给文字加上引号"),
    ("comma in a flow mapping", ("en: Business licence}", "en: Business licence, registration}"),
     "en: Business licence, registration}",
     "'registration' reads as a new language, because the comma before it ends the text in {…}; put the text in "
     "quotes: en: \"Business licence, registration\"",
     "“registration”被当成了一种新语言，因为它前面的逗号在 {…} 里结束了文字；请给文字加上引号"),
    ("zh_Hant in meta.languages", ("languages: [zh, en]", "languages: [zh, en, zh_Hant]"), "languages: [zh, en, zh_Hant]",
     "meta.languages[3]: 'zh_Hant' is not a language code; write zh-Hant (with a hyphen, not an underscore)",
     "meta.languages[3]: “zh_Hant”不是语言代码；请写 zh-Hant（用连字符“-”，不是下划线“_”）"),
    ("knockout: yes", ("knockout: true", "knockout: yes"), "knockout: yes",
     "sections[trust].criteria[licence].knockout: expected true or false, found text; write true (without quotes)",
     "sections[trust].criteria[licence].knockout: 这里应该是true 或 false，实际是文字；请写 true（不加引号）"),
    ("path by id and counted from 1", ("- {zh: 营业执照原件, en: The original business licence}", "- {zh: 营业执照原件}"),
     "- {zh: 营业执照原件}", "missing the 'en' text", "缺少“en”的文字"),
    ("missing colon", ("  licence: CC-BY-4.0", "  licence CC-BY-4.0"), "licence CC-BY-4.0",
     "this line has no colon after 'licence': write a colon and a space between the key and its value, as in "
     "\"licence: …\"", "这一行的“licence”后面缺少冒号：键和值之间要写一个半角冒号和一个空格，例如“licence: …”"),
    ("missing colon before a list", ("        questions:\n", "        questions\n", 1), "questions\n",
     "this line has no colon after 'questions'", "这一行的“questions”后面缺少冒号"),
    ("full-width colon", ("  licence: CC-BY-4.0", "  licence： CC-BY-4.0"), "licence： CC-BY-4.0",
     "'licence' is followed by a full-width colon (：, typed by a Chinese input method); YAML needs an ordinary colon "
     "and a space: write \"licence: …\"", "“licence”后面是全角冒号“：”（中文输入法打出来的）；YAML 只认半角冒号加空格：请改成“licence: …”"),
    ("full-width colon, no space", ("        weight: 3", "        weight：3"), "weight：3",
     "'weight' is followed by a full-width colon", "“weight”后面是全角冒号“：”"),
    ("full-width space indent", ("  licence: CC-BY-4.0", "　licence: CC-BY-4.0"), "　licence: CC-BY-4.0",
     "the indentation of this line holds a full-width space (　, 全角空格, typed by a Chinese input method)",
     "这一行的缩进里有全角空格（　，中文输入法打出来的）；YAML 只认半角空格缩进：请换成半角空格"),
    ("full-width space after spaces", ("  licence: CC-BY-4.0", "  　licence: CC-BY-4.0"), "　licence: CC-BY-4.0",
     "holds a full-width space", "缩进里有全角空格"),
    ("logo named in Chinese", ("  licence: CC-BY-4.0", "  licence: CC-BY-4.0\n  branding: {logo: 标志.svg}"),
     "branding: {logo: 标志.svg}",
     "the logo's file name '标志.svg' may hold only Latin letters (a–z, A–Z), digits (0–9), '_', '-', '.' and '/'",
     "标志文件名“标志.svg”里只能有英文字母（a–z、A–Z）、数字（0–9）、“_”、“-”、“.”，以及分隔文件夹的“/”（不能有汉字"),
    ("weight path", ("weight: 2\n", "weight: -2\n"), "weight: -2",
     "sections[trust].criteria[visit].weight: must be greater than 0, found -2",
     "sections[trust].criteria[visit].weight: 必须大于 0，实际是 -2"),
]


@pytest.mark.parametrize(("name", "change", "marker", "english", "chinese"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_mistake_is_explained_in_place_in_both_languages(name: str, change: tuple[str, str], marker: str,
                                                         english: str, chinese: str) -> None:
    assert change[0] in TEXT
    text = TEXT.replace(change[0], change[1], 1)
    line = line_of(text, marker)
    for lang, fragment in (("en", english), ("zh", chinese)):
        found = located(text, lang)
        hits = [p for p in found if p.startswith(f"c.yaml:{line}:") and fragment in p]
        assert len(hits) == 1, (lang, line, found)
        assert "while parsing" not in hits[0] and "while scanning" not in hits[0], hits[0]  # no parser words
        assert "^[a-z]" not in hits[0] and "^(?!" not in hits[0], hits[0]  # no regex


def test_a_full_width_colon_or_space_inside_a_text_is_text() -> None:
    old = "  description: {zh: 用于测试的最小标准文件。, en: The smallest criteria file used in tests.}"
    assert old in TEXT
    text = TEXT.replace(old, "  description:\n    zh: >-\n      说明\n      Excel：用 WPS 也可以\n      　　第二段\n"
                        "    en: Notes", 1)
    assert parse_criteria(text.encode("utf-8"), "c.yaml").meta.description("zh") == "说明 Excel：用 WPS 也可以 　　第二段"


def test_knockout_yes_gets_one_hint_only() -> None:
    found = located(TEXT.replace("knockout: true", "knockout: yes", 1), "en")
    assert len(found) == 1 and "in quotes" not in found[0], found


def test_a_text_key_with_an_underscore_is_named_with_its_hyphen() -> None:
    text = TEXT.replace("languages: [zh, en]", "languages: [zh, en, zh-Hant]")
    text = text.replace("title: {zh: 最小示例, en: Minimal example}",
                        "title: {zh: 最小示例, en: Minimal example, zh_Hant: 最小示例}")
    found = [p for p in located(text, "en") if ":5:" in p]
    assert any("language 'zh_Hant' is not in meta.languages; did you mean 'zh-Hant' (with a hyphen)?" in p
               for p in found), found


def test_paths_never_count_from_zero() -> None:
    text = TEXT.replace("          - {zh: 能给我看营业执照吗？, en: Can I see your business licence?}",
                        "          - {zh: 能给我看营业执照吗？, en: Can I see your business licence?}\n          - 42")
    found = located(text, "en")
    assert any("sections[trust].criteria[licence].questions[2]: expected a mapping from language to text" in p
               for p in found), found
    assert not any("[0]" in p for p in found), found


@pytest.mark.parametrize(("argv", "words"), [([], "发现 1 个问题；没有写入任何文件。"),
                                             (["--lang", "en"], "1 problem(s) found; nothing was written."),
                                             (["--lang", "zh"], "发现 1 个问题")])
def test_check_speaks_the_first_language_or_lang(argv: list[str], words: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "c.yaml"
    bad.write_text(TEXT.replace("knockout: true", "knockout: yes", 1), encoding="utf-8")
    assert main(["check", "--criteria", str(bad), *argv]) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err, err


def test_an_english_edition_gets_english_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "c.yaml"
    example = (ROOT / "examples" / "cross-border" / "criteria.yaml").read_text(encoding="utf-8")
    (tmp_path / "logo.svg").write_bytes((ROOT / "examples" / "cross-border" / "logo.svg").read_bytes())
    bad.write_text(example.replace("knockout: true", "knockout: yes", 1), encoding="utf-8")
    assert main(["check", "--criteria", str(bad)]) == 1
    assert "1 problem(s) found" in capsys.readouterr().err


def test_syntax_errors_are_in_the_first_language_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "c.yaml"
    bad.write_text(TEXT.replace("      - id: visit", "\t- id: visit"), encoding="utf-8")
    assert main(["check", "--criteria", str(bad)]) == 1
    assert "这里用 Tab 键缩进了" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "lang"), [("meta:\n  languages: [zh-Hant, en]\n", "zh-Hant"),
                                            ("meta:\n  languages:\n    - en\n", "en"),
                                            ('{"meta": {"languages": ["fr"]}}', "fr"), ("a: 1\n", None)])
def test_first_language_is_read_from_the_text(text: str, lang: str | None) -> None:
    assert first_language(text) == lang
