"""Rules for an edition's page texts (``texts:``) and fallback chains (``meta.fallback``)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from generator.checks.placeholders import placeholder_problem, placeholders
from generator.checks.problems import Problem
from generator.page_texts import default_texts
from generator.parse.source import Parsed
from generator.render.text_markup import markup_problem

__all__ = ["fallback_problems", "text_problems"]

_CODE = re.compile(r"`[^`]+`")


def _known(name: str, known: list[str], what: str) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"did you mean '{close[0]}'?" if close else f"known {what}: {', '.join(known)}"


def fallback_problems(parsed: Parsed, meta: dict[str, Any]) -> Iterator[Problem]:
    """Each language of ``meta.fallback`` and of its chains is one of meta.languages, and not the language itself."""
    fallback, languages = meta.get("fallback"), meta.get("languages")
    if not isinstance(fallback, dict) or not isinstance(languages, list):
        return
    for lang, chain in fallback.items():
        if lang not in languages:
            yield parsed.at(("meta", "fallback", lang), f"a fallback for '{lang}', which is not in meta.languages; "
                            "add it there or remove this entry", key=True)
        for i, other in enumerate(chain if isinstance(chain, list) else []):
            if other == lang:
                yield parsed.at(("meta", "fallback", lang, i), f"'{lang}' falls back to itself; list other languages")
            elif other not in languages and other != "en":
                yield parsed.at(("meta", "fallback", lang, i), f"'{other}' is not in meta.languages "
                                f"[{', '.join(map(str, languages))}]; a language falls back only to one the site has")


def text_problems(parsed: Parsed, data: dict[str, Any], meta: dict[str, Any]) -> Iterator[Problem]:
    """Every problem in ``texts:``: languages, pages, keys, list or text, placeholders, links."""
    texts = data.get("texts")
    if not isinstance(texts, dict):
        return
    languages: list[Any] = meta["languages"] if isinstance(meta.get("languages"), list) else []
    english = default_texts("en")
    for lang, pages in texts.items():
        if lang not in languages:
            yield parsed.at(("texts", lang), f"texts for '{lang}', which is not in meta.languages; add it there "
                            "or remove these texts", key=True)
        for page, keys in (pages.items() if isinstance(pages, dict) else []):
            if page not in english:
                yield parsed.at(("texts", lang, page), f"unknown page '{page}'; {_known(page, list(english), 'pages')}",
                                key=True)
                continue
            for key, value in (keys.items() if isinstance(keys, dict) else []):
                yield from _entry(parsed, ("texts", lang, page, key), english[page], key, value)


def _entry(parsed: Parsed, where: tuple[str, str, str, str], page: Any, key: str, value: Any) -> Iterator[Problem]:
    if key not in page:
        yield parsed.at(where, f"unknown text '{key}' of page '{where[2]}'; {_known(key, list(page), 'keys')}",
                        key=True)
        return
    reference = page[key]
    if isinstance(reference, str) != isinstance(value, str):
        shape = "one text" if isinstance(reference, str) else "a list of texts (one per item)"
        yield parsed.at(where, f"text '{key}' must be {shape}, as in the kit's own texts")
        return
    allowed = set().union(*(placeholders(_CODE.sub("", text)) for text in _items(reference)))
    for i, text in enumerate(_items(value)):
        if not isinstance(text, str):
            continue  # the schema reports the type
        at: tuple[str | int, ...] = where if isinstance(value, str) else (*where, i)
        problem = placeholder_problem(_CODE.sub("", text), allowed) or markup_problem(text)
        if problem:
            yield parsed.at(at, f"text '{key}' {problem.replace('this label', 'this text')}")


def _items(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
