"""Simplified ↔ Traditional Chinese for texts one language borrows from another, with OpenCC.

A language that falls back to another (``meta.fallback``) shows the other's texts. When both are
Chinese in different scripts, e.g. zh-Hant borrowing from zh, the borrowed texts are converted
with OpenCC's dictionaries (the ``opencc`` package, which ships them), so that Traditional pages
do not show Simplified characters. The conversion is a draft for the editor to review: OpenCC
picks one Traditional form per word, and regional words (Taiwan's 軟體 for 软件) come only with the
regional codes zh-TW or zh-HK.
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType

__all__ = ["AUTONYMS", "conversion", "convert"]

_SIMPLIFIED = frozenset({"zh", "zh-hans", "zh-cn", "zh-sg", "zh-hans-cn", "zh-hans-sg"})
"""Language codes written in Simplified characters (compared in lower case)."""
_TRADITIONAL = MappingProxyType({
    "zh-hant": ("s2tw", "tw2s"), "zh-tw": ("s2twp", "tw2sp"), "zh-hant-tw": ("s2twp", "tw2sp"),
    "zh-hk": ("s2hk", "hk2s"), "zh-hant-hk": ("s2hk", "hk2s"), "zh-mo": ("s2hk", "hk2s"),
    "zh-hant-mo": ("s2hk", "hk2s")})
"""Language codes written in Traditional characters, with OpenCC's configurations to and from Simplified.
zh-Hant takes the character forms in everyday use in Taiwan (為, 裡, 核對) rather than OpenCC's
standard ones (爲, 裏, 覈對), which readers rarely meet; zh-TW also takes Taiwan's words (軟體 for
软件); zh-HK and zh-MO take Hong Kong's forms."""


AUTONYMS = MappingProxyType({"zh-hant": "繁體中文", "zh-tw": "繁體中文（台灣）", "zh-hant-tw": "繁體中文（台灣）",
            "zh-hk": "繁體中文（香港）", "zh-hant-hk": "繁體中文（香港）", "zh-mo": "繁體中文（澳門）",
            "zh-hant-mo": "繁體中文（澳門）", "zh-hans": "简体中文", "zh-cn": "简体中文"})
"""The language switcher's name of each Chinese language code (compared in lower case): a name is never
borrowed, since 簡體中文 converted from 简体中文 would name the wrong script."""


def conversion(source: str, target: str) -> str | None:
    """The OpenCC configuration that turns ``source``'s script into ``target``'s, or None if they share one."""
    source, target = source.lower(), target.lower()
    if source in _SIMPLIFIED and target in _TRADITIONAL:
        return _TRADITIONAL[target][0]
    if source in _TRADITIONAL and target in _SIMPLIFIED:
        return _TRADITIONAL[source][1]
    return None


@cache
def _converter(config: str) -> object:
    import opencc  # loaded only by an edition that borrows across scripts

    return opencc.OpenCC(config)


def convert(text: str, source: str, target: str) -> str:
    """``text`` of language ``source`` written in ``target``'s script (unchanged if they share one)."""
    config = conversion(source, target)
    if config is None:
        return text
    converted: str = _converter(config).convert(text)  # type: ignore[attr-defined]
    return converted
