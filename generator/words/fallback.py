"""The one fallback rule: a text a language lacks comes from the next language of its chain.

Interface labels, page texts and the tools' messages all follow it. The chain of a language is
itself, then the languages its edition names for it (``meta.fallback``; for messages, which no
edition rewords, its base language: zh-Hant → zh), then English, which has every text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

__all__ = ["fallback_chain", "first_found"]

V = TypeVar("V")


def fallback_chain(lang: str, fallback: Mapping[str, Sequence[str]] | None = None) -> tuple[str, ...]:
    """The languages a text of ``lang`` is looked up in, in order: ``lang``, its ``fallback``, English."""
    chain = [lang, *(fallback or {}).get(lang, ()), "en"]
    return tuple(dict.fromkeys(chain))


def first_found(chain: Sequence[str], tables: Callable[[str], Iterable[Mapping[str, V]]],
                key: str) -> tuple[V, str] | None:
    """``key``'s value in the first language of ``chain`` whose ``tables`` have it, with that language."""
    for lang in chain:
        for table in tables(lang):
            if key in table:
                return table[key], lang
    return None
