"""The per-language texts of the data-born pages: same keys everywhere, all used."""

from __future__ import annotations

import dataclasses

import yaml
from self_check_cases import SELF_CHECK

from generator.page_texts import TEXTS_DIR, PageText, page_text, text_languages
from generator.parse.load import load_criteria
from generator.render.form_names import DATA_FORMS
from generator.site.outputs import render_all


def test_every_language_file_has_the_same_keys() -> None:
    fields = {f.name for f in dataclasses.fields(PageText)}
    languages = text_languages()
    assert {"zh", "en"} <= set(languages)
    for lang in languages:
        raw = yaml.safe_load((TEXTS_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
        assert sorted(raw) == sorted(DATA_FORMS), lang
        for page, texts in raw.items():
            assert set(texts) == fields, (lang, page)
            assert all(isinstance(v, str) and v.strip() for v in texts.values()), (lang, page)


def test_chinese_texts_have_no_stray_spaces() -> None:
    for page in DATA_FORMS:
        for value in dataclasses.asdict(page_text("zh", page)).values():
            assert " " not in value, (page, value)


def test_pages_show_their_texts_and_other_languages_fall_back_to_english() -> None:
    criteria = load_criteria(SELF_CHECK)
    files = render_all(criteria, "criteria.yaml")
    for lang in criteria.meta.languages:
        for page in DATA_FORMS:
            html = files[f"{lang}/{page}.md"]
            assert isinstance(html, str)
            assert page_text(lang, page).intro.split("“")[0] in html.replace("&#34;", '"').replace("&#39;", "'")
    assert page_text("ja", "self-check") == page_text("en", "self-check")
