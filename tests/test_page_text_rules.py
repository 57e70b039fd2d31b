"""Page texts and fallback chains of an edition: validated with located errors, used by the pages."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from ruamel.yaml import YAML
from test_livestream import DATA

from generator.cli import main
from generator.load import parse_criteria
from generator.problems import InputError
from generator.site.outputs import render_all
from generator.words.chinese_script import convert
from generator.words.labels import LABELS
from generator.words.page_texts import default_texts


def _text(change: Any) -> str:
    data = copy.deepcopy(DATA)
    change(data)
    return json.dumps(data, ensure_ascii=False, indent=1)


def _problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_criteria(text.encode("utf-8"), "c.yaml")
    return [str(p) for p in caught.value.problems]


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: Any) -> None:
        for key in path[:-1]:
            data = data[key] if isinstance(key, int) else data.setdefault(key, {})
        data[path[-1]] = value
    return change


BAD_TEXTS = [
    ("unknown page", ("texts", "zh-Hant", "how-to-uze"), {"intro": "x"}, (), "did you mean 'how-to-use'?"),
    ("unknown key", ("texts", "zh-Hant", "scoring", "intro2"), "x", (), "unknown text 'intro2'"),
    ("list where a text is", ("texts", "zh-Hant", "scoring", "intro"), ["a", "b"], (), "must be one text"),
    ("text where a list is", ("texts", "zh-Hant", "scoring", "rules"), "one", (), "must be a list of texts"),
    ("unknown placeholder", ("texts", "zh-Hant", "scoring", "intro"), "共 {total} 分", (),
     "'{total}', which is not a placeholder"),
    ("link to another host", ("texts", "en", "how-to-use", "read"), "Read [this](https://evil.example/)", (),
     "may link only to pages of this site"),
    ("placeholder as link target", ("texts", "en", "downloads", "intro"), "See [the criteria]({title}).", (),
     "a placeholder's value is text, never a link target"),
    ("image", ("texts", "en", "downloads", "intro"), "{title} ![logo](index.md)", (), "which would make it an image"),
    ("carriage return", ("texts", "en", "downloads", "intro"), "`a\r\r<b>x</b>` {title}", (),
     "the line break U+000D (a carriage return"),
    ("line separator", ("texts", "en", "scoring", "rules"), ["x\u2028# heading"], ('"x',), "the line break U+2028"),
    ("paragraph separator in a criterion", ("sections", 0, "criteria", 0, "why", "en"), "a\u2029- b", (),
     "the line break U+2029 (a paragraph separator)"),
    ("placeholder after code in link words", ("texts", "en", "downloads", "intro"), "[`x](scoring.md) {nope} `y`",
     (), "uses '{nope}', which is not a placeholder of this text"),
    ("placeholder after code in bold", ("texts", "en", "downloads", "intro"), "**`a** {nope} `b`", (),
     "uses '{nope}', which is not a placeholder of this text"),
    ("link to another host in bold", ("texts", "en", "downloads", "intro"), "**[x](https://evil.example/)**", (),
     "may link only to pages of this site"),
    ("language not in the file", ("texts", "ja"), {"scoring": {"intro": "x"}}, (), "not in meta.languages"),
    ("fallback to itself", ("meta", "fallback", "zh-Hant"), ["zh-Hant"], ('"zh-Hant"',), "falls back to itself"),
    ("fallback to an absent language", ("meta", "fallback", "zh"), ["ko"], ('"ko"',), "'ko' is not in meta.languages"),
]


def _line(text: str, markers: list[str]) -> int:
    """Line of the last of ``markers``, each searched for after the one before (a path of keys)."""
    position = 0
    for marker in markers:
        position = text.index(marker, position + 1)
    return text[:position].count("\n") + 1


@pytest.mark.parametrize(("path", "value", "more", "fragment"), [c[1:] for c in BAD_TEXTS],
                         ids=[c[0] for c in BAD_TEXTS])
def test_bad_page_texts_are_located(path: tuple[Any, ...], value: Any, more: tuple[str, ...], fragment: str) -> None:
    text = _text(_set(path, value))
    found = _problems(text)
    line = _line(text, [f'"{key}"' for key in path if isinstance(key, str)] + list(more))
    assert any(p.startswith(f"c.yaml:{line}:") and fragment in p for p in found), (line, found)


def test_missing_texts_come_from_the_fallback_chain_and_check_lists_every_one(
        tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    def change(data: Any) -> None:
        del data["labels"]["zh-Hant"]["home"], data["labels"]["zh-Hant"]["weight"]
        del data["texts"]["zh-Hant"]["how-to-use"]["intro"]
    text = _text(change)
    files = render_all(parse_criteria(text.encode("utf-8"), "c.yaml"), "c.yaml")
    how = str(files["zh-Hant/how-to-use.md"])
    # zh for the gap, converted to Traditional characters; zh-Hant's own text elsewhere
    assert "選代運營公司，最怕的是兩件事" in how and "2\\. 再面談" in how
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--criteria", str(path)]) == 0
    err = capsys.readouterr().err
    assert ("“zh-Hant”显示的 2 条界面文字和 1 段页面文字取自 zh，已用 OpenCC（s2tw）转换成它自己的中文字形" in err
            and "转换的有：home, weight, how-to-use.intro" in err), err


def test_without_a_fallback_gaps_are_english_and_every_key_is_listed(
        tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    def change(data: Any) -> None:
        data["labels"]["zh-Hant"] = {"language_name": "繁體中文"}
        del data["meta"]["fallback"], data["texts"]["zh-Hant"]
    path = tmp_path / "c.yaml"
    path.write_text(_text(change), encoding="utf-8")
    assert main(["check", "--criteria", str(path)]) == 0
    err = capsys.readouterr().err
    labels = next(line for line in err.splitlines() if "interface label" in line)
    assert f"lacks {len(LABELS['en']) - 1} interface label(s), shown in 'en' (fallback zh-Hant → en)" in labels
    listed = labels.rsplit("): ", 1)[1].split(", ")
    assert listed == [key for key in DATA["labels"]["zh-Hant"] if key != "language_name"]  # every key, in order


def test_reworded_built_in_texts_reach_the_page() -> None:
    def change(data: Any) -> None:
        data["texts"]["en"] = {"how-to-use": {"read_title": "1. Read first", "decide": ["Only **this** one."]}}
    files = render_all(parse_criteria(_text(change).encode("utf-8"), "c.yaml"), "c.yaml")
    how = str(files["en/how-to-use.md"])
    assert "## 1\\. Read first { #read }" in how and "- Only **this** one." in how
    assert "Close scores" not in how and "2\\. Interview" in how


@pytest.mark.parametrize("kind", ["labels", "texts"])
def test_starter_files_hold_every_key_with_the_english_text_and_pass_check(
        kind: str, tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([kind, "--lang", "zh-Hant", "--from", "zh"]) == 0
    starter = capsys.readouterr().out
    table = YAML(typ="safe").load(starter)
    reference = LABELS["en"] if kind == "labels" else default_texts("en")
    assert list(table) == list(reference)
    assert "fallback: {zh-Hant: [zh]}" in starter
    assert '# en: "Questions to ask"' in starter if kind == "labels" else '# en: "1. Read"' in starter
    if kind == "labels":
        assert table["questions"] == convert(LABELS["zh"]["questions"], "zh", "zh-Hant") != LABELS["zh"]["questions"]
    def change(data: Any) -> None:
        data[kind]["zh-Hant"] = table
        data["labels"]["zh-Hant"]["language_name"] = "繁體中文"
    path = tmp_path / "c.yaml"
    path.write_text(_text(change), encoding="utf-8")
    assert main(["check", "--criteria", str(path)]) == 0
    assert "lacks" not in capsys.readouterr().err


@pytest.mark.parametrize(("args", "fragment"), [
    (["--lang", "fr\nhome: <b>x</b>"], "is not a language code"),
    (["--lang", "fr\n"], "is not a language code"),
    (["--lang", "fr", "--from", "../../../../etc/hostname"], "is not a language the kit has these texts in"),
    (["--lang", "fr", "--from", "ko"], "choose one of en, zh"),
])
@pytest.mark.parametrize("kind", ["labels", "texts"])
def test_starter_files_refuse_a_bad_language_or_source(kind: str, args: list[str], fragment: str,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIT_CRITERIA", "/nonexistent.yaml")  # messages in English
    assert main([kind, *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and fragment in err and "Traceback" not in err, err
