"""Fill what a language lacks from its ``meta.fallback`` chain, once, when the file is loaded.

Criteria texts (titles, questions, red flags, levels, …) a language lacks are taken from the
first language of its chain that has them, so a new language can start with only
``meta.fallback: {zh-Hant: [zh]}``. Labels and page texts fall back by themselves
(``generator.words.labels``); here they are only converted when the chain crosses Chinese scripts
(see ``generator.words.chinese_script``), so that a Traditional page shows no Simplified characters.
Everything borrowed is counted, for ``check`` to warn about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from generator.checks.rules import text_paths
from generator.model import Borrowed, PageValue
from generator.words.chinese_script import AUTONYMS, conversion, convert
from generator.words.labels import LABELS
from generator.words.page_texts import default_texts

__all__ = ["borrow_texts", "borrowing", "converted_labels", "converted_page_texts"]

Chains = Mapping[str, list[str]]


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def borrow_texts(data: dict[str, Any], languages: tuple[str, ...], chains: Chains) -> Counter[tuple[str, str]]:
    """Fill, in ``data``, every criteria text a language lacks from its chain; count them by (language, source)."""
    counts: Counter[tuple[str, str]] = Counter()
    for path in list(text_paths(data)):
        text = _get(data, path)
        if not isinstance(text, dict):
            continue
        for lang in languages:
            source = next((other for other in chains.get(lang, ()) if other in text), None)
            if lang not in text and source is not None:
                text[lang] = convert(str(text[source]), source, lang)
                counts[lang, source] += 1
    return counts


def _first(chain: list[str], find: Any) -> tuple[str, Any] | None:
    for other in chain:
        value = find(other)
        if value is not None:
            return other, value
    return None


def converted_labels(lang: str, chain: list[str], files: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The labels ``lang`` lacks that its chain has in another Chinese script, converted to ``lang``'s."""
    own = {**LABELS.get(lang, {}), **files.get(lang, {})}
    out = {}
    name = AUTONYMS.get(lang.lower())
    if "language_name" not in own and name and chain and conversion(chain[0], lang):
        out["language_name"] = name
    for key in LABELS["en"]:
        if key == "language_name":
            continue  # a language's own name: never another language's, converted
        found = None if key in own else _first(chain, lambda o, k=key: {**LABELS.get(o, {}), **files.get(o, {})}.get(k))
        if found and conversion(found[0], lang):
            out[key] = convert(found[1], found[0], lang)
    return out


def _page_value(lang: str, page: str, key: str, files: Mapping[str, Any]) -> PageValue | None:
    value = files.get(lang, {}).get(page, {}).get(key)
    return value if value is not None else default_texts(lang).get(page, {}).get(key)


def converted_page_texts(lang: str, chain: list[str],
                         files: Mapping[str, Any]) -> dict[str, dict[str, PageValue]]:
    """The page texts ``lang`` lacks that its chain has in another Chinese script, converted to ``lang``'s."""
    out: dict[str, dict[str, PageValue]] = {}
    for page, keys in default_texts("en").items():
        for key in keys:
            found = None if _page_value(lang, page, key, files) is not None else _first(
                chain, lambda o, p=page, k=key: _page_value(o, p, k, files))
            if found and conversion(found[0], lang):
                source, value = found
                out.setdefault(page, {})[key] = (convert(value, source, lang) if isinstance(value, str)
                                                 else tuple(convert(v, source, lang) for v in value))
    return out


def borrowing(languages: tuple[str, ...], counts: Counter[tuple[str, str]], chains: Chains,
              labels: Mapping[str, Mapping[str, str]], texts: Mapping[str, Any]) -> Iterator[Borrowed]:
    """One record per language that borrows anything: how many criteria texts, and how many labels
    and page texts were converted to its script."""
    for lang in languages:
        chain = chains.get(lang, [])
        used = tuple(source for source in chain if counts.get((lang, source)))
        converted = (len(labels.get(lang, {})), sum(map(len, texts.get(lang, {}).values())))
        if used or any(converted):
            script = next((c for source in chain if (c := conversion(source, lang))), None)
            keys = (*labels.get(lang, {}), *(f"{page}.{key}" for page, keys in texts.get(lang, {}).items()
                                             for key in keys))
            yield Borrowed(lang, used or tuple(chain[:1]), sum(counts.get((lang, s), 0) for s in used),
                           *converted, script, keys)
