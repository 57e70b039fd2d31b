"""Rules for an edition's page texts (``texts:``) and fallback chains (``meta.fallback``)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from generator.checks.placeholders import placeholder_problem, placeholders
from generator.parse.source import Parsed
from generator.problems import Problem
from generator.words.messages import Msg
from generator.words.page_texts import default_texts
from generator.words.text_markup import markup_problem, outside_code

__all__ = ["fallback_problems", "text_problems"]


def _known(name: str, known: list[str], what: str) -> Msg:
    """A hint for an unknown ``name``: the closest of ``known``, or all of them (``what`` is "pages" or "keys")."""
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return Msg.of("did_you_mean", close=close[0])
    return Msg.of("known_pages" if what == "pages" else "known_keys", known=", ".join(known))


def fallback_problems(parsed: Parsed, meta: dict[str, Any]) -> Iterator[Problem]:
    """Each language of ``meta.fallback`` and of its chains is one of meta.languages, and not the language itself."""
    fallback, languages = meta.get("fallback"), meta.get("languages")
    if not isinstance(fallback, dict) or not isinstance(languages, list):
        return
    for lang, chain in fallback.items():
        if lang not in languages:
            yield parsed.at(("meta", "fallback", lang), "fallback_language", on_key=True, lang=lang)
        for i, other in enumerate(chain if isinstance(chain, list) else []):
            if other == lang:
                yield parsed.at(("meta", "fallback", lang, i), "fallback_itself", lang=lang)
            elif other not in languages and other != "en":
                yield parsed.at(("meta", "fallback", lang, i), "fallback_unknown", other=other,
                                languages=", ".join(map(str, languages)))


def text_problems(parsed: Parsed, data: dict[str, Any], meta: dict[str, Any]) -> Iterator[Problem]:
    """Every problem in ``texts:``: languages, pages, keys, list or text, placeholders, links."""
    texts = data.get("texts")
    if not isinstance(texts, dict):
        return
    languages: list[Any] = meta["languages"] if isinstance(meta.get("languages"), list) else []
    english = default_texts("en")
    for lang, pages in texts.items():
        if lang not in languages:
            yield parsed.at(("texts", lang), "texts_language", on_key=True, lang=lang)
        for page, keys in (pages.items() if isinstance(pages, dict) else []):
            if page not in english:
                yield parsed.at(("texts", lang, page), "text_page_unknown", on_key=True, page=page,
                                hint=_known(page, list(english), "pages"))
                continue
            for key, value in (keys.items() if isinstance(keys, dict) else []):
                yield from _entry(parsed, ("texts", lang, page, key), english[page], key, value)


def _entry(parsed: Parsed, where: tuple[str, str, str, str], page: Any, key: str, value: Any) -> Iterator[Problem]:
    if key not in page:
        yield parsed.at(where, "text_key_unknown", on_key=True, name=key, page=where[2],
                        hint=_known(key, list(page), "keys"))
        return
    reference = page[key]
    if isinstance(reference, str) != isinstance(value, str):
        yield parsed.at(where, "text_one" if isinstance(reference, str) else "text_list", name=key)
        return
    allowed = set().union(*(placeholders(outside_code(text)) for text in _items(reference)))
    for i, text in enumerate(_items(value)):
        if not isinstance(text, str):
            continue  # the schema reports the type
        at: tuple[str | int, ...] = where if isinstance(value, str) else (*where, i)
        problem = placeholder_problem(outside_code(text), allowed, "text") or markup_problem(text)
        if problem:
            yield parsed.at(at, "text_other", name=key, what=problem)


def _items(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
