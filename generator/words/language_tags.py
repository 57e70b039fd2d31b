"""The BCP 47 tag a page declares for each criteria language."""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["LANGUAGE_TAGS", "language_tag"]

LANGUAGE_TAGS = MappingProxyType({"zh": "zh-Hans"})
"""The BCP 47 tag pages declare for a criteria language, where the bare code is ambiguous: the
kit's Chinese is Simplified, and ``zh-Hans`` makes browsers and screen readers pick Simplified
glyphs and voices."""


def language_tag(lang: str) -> str:
    """The ``lang`` attribute of pages in criteria language ``lang`` (zh -> zh-Hans, en -> en)."""
    return LANGUAGE_TAGS.get(lang, lang)
