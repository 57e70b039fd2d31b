"""Texts of the kit's long pages and of the data-born printable pages, per language.

``generator/texts/pages/<lang>.yaml`` maps each page to its texts by key; English is the
reference (every key, and the placeholders each text may use). A criteria file rewords or
translates keys under ``texts:``; a key a language lacks comes from its fallback chain
(``generator.words.labels.fallback_chain``), as interface labels do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from generator.model import PageValue
from generator.words.labels import fallback_chain

__all__ = ["PAGES_DIR", "TEXTS_DIR", "PageText", "default_texts", "page_text", "page_texts", "text_gaps",
           "text_languages", "use_file_texts"]

TEXTS_DIR = Path(__file__).parent.parent / "texts"
"""Folder of the kit's text data (labels/ and pages/)."""
PAGES_DIR = TEXTS_DIR / "pages"
"""Folder of the built-in page texts, one file per language."""

Texts = Mapping[str, Mapping[str, PageValue]]
"""Page texts of one language: {page: {key: text or list of texts}}."""

_FROM_FILE: dict[str, Texts] = {}
"""Page texts supplied by the last loaded criteria file, by language."""


@dataclass(frozen=True)
class PageText:
    """The texts of one data-born printable page in one language."""

    intro: str
    """What the page is for, shown under its title."""
    instructions: str
    """How to fill it in."""
    empty: str
    """Shown instead of the list when the criteria give it nothing to list."""


def text_languages() -> tuple[str, ...]:
    """Languages that have a built-in page text file."""
    return tuple(sorted(path.stem for path in PAGES_DIR.glob("*.yaml")))


def _frozen(value: Any) -> PageValue:
    return str(value) if isinstance(value, str) else tuple(str(item) for item in value)


@cache
def default_texts(lang: str) -> Texts:
    """The built-in page texts of ``lang`` (empty for a language without a file)."""
    path = PAGES_DIR / f"{lang}.yaml"
    if not path.is_file():
        return MappingProxyType({})
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return MappingProxyType({page: MappingProxyType({k: _frozen(v) for k, v in keys.items()})
                             for page, keys in raw.items()})


def use_file_texts(texts: Mapping[str, Mapping[str, Mapping[str, PageValue]]]) -> None:
    """Make a criteria file's page texts the ones ``page_texts`` uses."""
    _FROM_FILE.clear()
    _FROM_FILE.update(texts)


def _lookup(lang: str, page: str, key: str) -> PageValue | None:
    for table in (_FROM_FILE.get(lang, {}), default_texts(lang)):
        if key in table.get(page, {}):
            return table[page][key]
    return None


def _resolved(lang: str, page: str, key: str) -> tuple[PageValue, str]:
    for other in fallback_chain(lang):
        value = _lookup(other, page, key)
        if value is not None:
            return value, other
    raise KeyError(f"{page}.{key}")


def page_texts(lang: str, page: str) -> Mapping[str, PageValue]:
    """Every text of ``page`` in ``lang``, each key from the first language of its chain that has it."""
    return {key: _resolved(lang, page, key)[0] for key in default_texts("en")[page]}


def text_gaps(lang: str) -> list[tuple[str, str, str]]:
    """(page, key, language shown instead) for every page text ``lang`` lacks."""
    return [(page, key, shown) for page, keys in default_texts("en").items() for key in keys
            if (shown := _resolved(lang, page, key)[1]) != lang]


def page_text(lang: str, page: str) -> PageText:
    """The texts of ``page`` (one of DATA_FORMS) in ``lang``."""
    texts = page_texts(lang, page)
    return PageText(str(texts["intro"]), str(texts["instructions"]), str(texts["empty"]))
