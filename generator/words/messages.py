"""Texts the editor's tools print (``check`` problems, ``diff`` reports), one YAML file per language.

``generator/texts/messages/<lang>.yaml`` maps a message id to its text, with
``{name}`` placeholders. Every language file has the same ids and placeholders
(tests/test_messages.py). A language without a file falls back as every text does
(``generator.words.fallback``): its chain is itself, its base language ("zh-Hant" → "zh"), English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import yaml

from generator.root import PACKAGE
from generator.words.fallback import fallback_chain, first_found

__all__ = ["MESSAGES_DIR", "Msg", "message", "message_language", "message_languages", "messages"]

MESSAGES_DIR = PACKAGE / "texts" / "messages"
"""Folder of the per-language message files."""

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@cache
def message_languages() -> tuple[str, ...]:
    """Languages that have a message file."""
    return tuple(sorted(path.stem for path in MESSAGES_DIR.glob("*.yaml")))


@cache
def messages(lang: str) -> Mapping[str, str]:
    """Every message of ``lang`` (which must have a file), by id."""
    loaded = yaml.safe_load((MESSAGES_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    return MappingProxyType({str(key): str(text) for key, text in loaded.items()})


def _chain(lang: str | None) -> tuple[str, ...]:
    lang = lang or "en"
    return fallback_chain(lang, {lang: (lang.split("-")[0],)})


def _tables(lang: str) -> tuple[Mapping[str, str], ...]:
    return (messages(lang),) if lang in message_languages() else ()


def message_language(lang: str | None) -> str:
    """The language messages are shown in for ``lang``: the first of its chain that has a file."""
    return next(other for other in _chain(lang) if _tables(other))


def message(lang: str | None, key: str, /, **values: object) -> str:
    """The message ``key`` in ``lang`` with its ``{placeholders}`` filled in.

    Only ``{name}`` with a lower-case name is a placeholder, so texts may show YAML
    such as ``{zh: 标题, en: Title}`` as written."""
    found = first_found(_chain(lang), _tables, key)
    if found is None:
        raise KeyError(key)
    return _PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), found[0])


@dataclass(frozen=True, order=True)
class Msg:
    """A message id and its values, not yet put into words (a value may itself be a Msg)."""

    key: str
    """Id in generator/texts/messages/<lang>.yaml."""
    values: tuple[tuple[str, str | Msg], ...] = ()
    """(placeholder, value) pairs."""

    @classmethod
    def of(cls, key: str, /, **values: object) -> Msg:
        """``key`` with ``values``; values that are not messages become text."""
        return cls(key, tuple(sorted((name, v if isinstance(v, Msg) else str(v)) for name, v in values.items())))

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (English by default)."""
        return message(lang, self.key, **{name: v.text(lang) if isinstance(v, Msg) else v
                                           for name, v in self.values})
