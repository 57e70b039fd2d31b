"""A warning for a label or page text reworded in one language but not in the others.

Renaming the worksheet 打分表 under ``labels.zh`` leaves the English pages saying "Worksheet",
which may be what the editor wants, or an oversight; ``check`` names each case so it is a choice.
Only languages with built-in words are compared: a language that borrows through ``meta.fallback``
follows its source's rewording by itself."""

from __future__ import annotations

from generator.model import Criteria
from generator.words.labels import LABELS
from generator.words.page_texts import default_texts

__all__ = ["one_language_rewordings"]


def one_language_rewordings(criteria: Criteria) -> list[tuple[str, str, tuple[str, ...]]]:
    """(language, ``labels.<lang>.<key>`` or ``texts.<lang>.<page>.<key>``, languages not reworded) for each rewording
    of a built-in label or page text that the file's other built-in languages lack."""
    built_in = [lang for lang in criteria.meta.languages if lang in LABELS]
    labels = {lang: dict(table) for lang, table in criteria.labels}
    texts = {lang: {page: dict(keys) for page, keys in pages} for lang, pages in criteria.texts}
    found = []
    for lang in built_in:
        for key in labels.get(lang, {}):
            missing = tuple(o for o in built_in if o != lang and key in LABELS[o] and key not in labels.get(o, {}))
            if key in LABELS[lang] and missing:
                found.append((lang, f"labels.{lang}.{key}", missing))
        for page, keys in texts.get(lang, {}).items():
            for key in keys:
                missing = tuple(o for o in built_in if o != lang and key in default_texts(o).get(page, {})
                                and key not in texts.get(o, {}).get(page, {}))
                if key in default_texts(lang).get(page, {}) and missing:
                    found.append((lang, f"texts.{lang}.{page}.{key}", missing))
    return found
