"""Help for a new language: starter files with every label or page text, and what it still lacks."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from generator.words.chinese_script import AUTONYMS, convert
from generator.words.labels import LABELS
from generator.words.page_texts import default_texts
from generator.words.texts import Texts

__all__ = ["gap_warnings", "starter_file"]


def _scalar(text: str) -> str:
    """A YAML scalar for ``text`` (JSON strings are valid YAML, and keep every character)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return _scalar(text)


def _labels(lang: str, source: str, own: Mapping[str, Any]) -> Iterator[str]:
    english = LABELS["en"]
    start = {**LABELS.get(source, LABELS["en"]), **_strings(own.get("labels", {}).get(source))}
    if lang.lower() in AUTONYMS:  # the language's own name, never the source's converted
        start["language_name"] = AUTONYMS[lang.lower()]
    yield f"# Interface labels for '{lang}', starting from '{source}'. Translate each value; the English"
    yield "# text is in the comment above it. Keep {placeholders} exactly as they are. Paste this under"
    yield f"# `labels:` in the criteria file, indented under `{lang}:`. A key left out is shown in the"
    yield "# languages of the fallback chain, then in English; to fill gaps from this starting language,"
    yield f"# add to the criteria file:  meta: {{fallback: {{{lang}: [{source}]}}}}"
    for key, text in english.items():
        yield f"# en: {_comment(text)}"
        value = start.get(key, text)
        yield f"{key}: {_scalar(value if key == 'language_name' else convert(value, source, lang))}"


def _texts(lang: str, source: str, own: Mapping[str, Any]) -> Iterator[str]:
    english = default_texts("en")
    reworded = own.get("texts", {}).get(source)
    reworded = reworded if isinstance(reworded, dict) else {}
    start = {page: {**default_texts(source).get(page, {}), **(keys if isinstance(keys, dict) else {})}
             for page, keys in [*default_texts(source).items(), *reworded.items()]}
    yield f"# Page texts for '{lang}', starting from '{source}'. Translate each value; the English text is"
    yield "# in the comment above it. Keep {placeholders}, **bold**, `code` and [links](page.md) as they are."
    yield f"# Paste this under `texts:` in the criteria file, indented under `{lang}:`. A key left out is"
    yield (f"# shown in the languages of the fallback chain (meta: {{fallback: {{{lang}: [{source}]}}}}), "
           "then in English.")
    for page, keys in english.items():
        yield f"{page}:"
        for key, text in keys.items():
            value = start.get(page, {}).get(key, text)
            if isinstance(text, str):
                yield f"  # en: {_comment(text)}"
                yield f"  {key}: {_scalar(convert(str(value), source, lang))}"
                continue
            yield f"  {key}:"
            items = (value,) if isinstance(value, str) else value
            for i, item in enumerate(items):
                if i < len(text):
                    yield f"    # en: {_comment(text[i])}"
                yield f"    - {_scalar(convert(item, source, lang))}"


def starter_file(kind: str, lang: str, source: str, own: Mapping[str, Any] | None = None) -> str:
    """The starter YAML for ``kind`` ("labels" or "texts") of language ``lang``, from ``source``'s texts:
    the built-in ones with the edition's own rewordings over them (``own``: the criteria file's data)."""
    lines = _labels(lang, source, own or {}) if kind == "labels" else _texts(lang, source, own or {})
    return "\n".join(lines) + "\n"


def _strings(table: Any) -> dict[str, str]:
    return {str(k): v for k, v in table.items() if isinstance(v, str)} if isinstance(table, dict) else {}


def gap_warnings(language: Texts) -> list[str]:
    """One line per fallback language: every label and page text ``language`` lacks, by key."""
    lines = []
    lang, chain = language.lang, " → ".join(language.chain)
    labels, texts = language.label_gaps(), language.text_gaps()
    for shown in dict.fromkeys([s for _, s in labels] + [s for _, _, s in texts]):
        keys = [key for key, s in labels if s == shown]
        if keys:
            lines.append(f"labels.{lang} lacks {len(keys)} interface label(s), shown in '{shown}' "
                         f"(fallback {chain}): {', '.join(keys)}")
        pages = [f"{page}.{key}" for page, key, s in texts if s == shown]
        if pages:
            lines.append(f"texts.{lang} lacks {len(pages)} page text(s), shown in '{shown}' "
                         f"(fallback {chain}): {', '.join(pages)}")
    return lines
