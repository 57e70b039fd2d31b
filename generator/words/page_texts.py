"""The built-in texts of the kit's long pages and of the data-born printable pages, per language.

``generator/texts/pages/<lang>.yaml`` maps each page to its texts by key; English is the
reference (every key, and the placeholders each text may use). A criteria file rewords or
translates keys under ``texts:``; a key a language lacks comes from its fallback chain
(``generator.words.fallback``), as interface labels do. An edition's page texts, resolved,
are ``generator.words.texts.Texts``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

import yaml

from generator.model import PageValue
from generator.root import PACKAGE

__all__ = ["PAGES_DIR", "TEXTS_DIR", "PageText", "PageTexts", "default_texts", "text_languages"]

TEXTS_DIR = PACKAGE / "texts"
"""Folder of the kit's text data (labels/ and pages/)."""
PAGES_DIR = TEXTS_DIR / "pages"
"""Folder of the built-in page texts, one file per language."""

PageTexts = Mapping[str, Mapping[str, PageValue]]
"""Page texts of one language: {page: {key: text or list of texts}}."""


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
def default_texts(lang: str) -> PageTexts:
    """The built-in page texts of ``lang`` (empty for a language without a file)."""
    path = PAGES_DIR / f"{lang}.yaml"
    if not path.is_file():
        return MappingProxyType({})
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return MappingProxyType({page: MappingProxyType({k: _frozen(v) for k, v in keys.items()})
                             for page, keys in raw.items()})
