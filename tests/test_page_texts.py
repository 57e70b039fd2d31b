"""The per-language page texts: same keys and shapes everywhere, used by the pages, with fallback chains."""

from __future__ import annotations

import dataclasses

import yaml
from editions import texts as edition_texts
from self_check_cases import SELF_CHECK

from generator.checks.placeholders import placeholders
from generator.load import load_criteria
from generator.render.pages import DATA_FORMS, published_forms
from generator.site.outputs import render_all
from generator.words.page_texts import PAGES_DIR, PageText, text_languages
from generator.words.texts import language_texts


def _raw(lang: str) -> dict[str, dict[str, object]]:
    return yaml.safe_load((PAGES_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))


def test_every_language_file_has_the_same_keys_shapes_and_placeholders() -> None:
    languages = text_languages()
    assert {"zh", "en"} <= set(languages)
    english = _raw("en")
    assert set(DATA_FORMS) | {"how-to-use", "scoring", "downloads", "workbook", "edition", "schema"} == set(english)
    for page in DATA_FORMS:
        # the after-signing checklist also lists what to do on day 0, before granting any access
        # the declaration also closes with the text the agency signs
        extra = {"after-signing": {"day0_title", "day0"}, "declaration": {"closing"}}.get(page, set())
        assert set(english[page]) == {f.name for f in dataclasses.fields(PageText)} | extra
    for lang in languages:
        raw = _raw(lang)
        assert list(raw) == list(english), lang
        for page, texts in raw.items():
            assert list(texts) == list(english[page]), (lang, page)
            for key, value in texts.items():
                reference = english[page][key]
                assert type(value) is type(reference), (lang, page, key)
                items = [value] if isinstance(value, str) else value
                assert all(isinstance(v, str) and v.strip() for v in items), (lang, page, key)
                ref_items = [reference] if isinstance(reference, str) else reference
                assert set().union(*map(placeholders, items)) <= set().union(*map(placeholders, ref_items))


def test_chinese_texts_have_no_stray_spaces() -> None:
    for page in DATA_FORMS:
        for value in dataclasses.asdict(language_texts("zh", {}, {}, {}).page_text(page)).values():
            assert " " not in value, (page, value)


def test_pages_show_their_texts_and_other_languages_fall_back_to_english() -> None:
    criteria = load_criteria(SELF_CHECK)
    files = render_all(criteria, "criteria.yaml")
    shown = [page for page in DATA_FORMS if page in published_forms(criteria)]  # forms with content
    assert {"visit", "after-signing", "self-check"} <= set(shown)
    for lang in criteria.meta.languages:
        for page in shown:
            html = files[f"{lang}/{page}.md"]
            assert isinstance(html, str)
            assert edition_texts(criteria, lang).page_text(page).intro.split("“")[0] in html.replace("&#34;", '"').replace("&#39;", "'")
    assert language_texts("ja", {}, {}, {}).page_text("self-check") == edition_texts(criteria, "en").page_text("self-check")
