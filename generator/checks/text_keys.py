"""Keys of a language-to-text mapping that are not languages: what a comma or an underscore made."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from generator.parse.source import Parsed, Path

__all__ = ["LANGUAGE_PATTERN", "YAML11_WORDS", "comma_key"]

LANGUAGE_PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
"""A language code as the schema writes it (zh, en, zh-Hant)."""

YAML11_WORDS = MappingProxyType({"yes": "true", "y": "true", "on": "true", "no": "false", "n": "false", "off": "false"})
"""The true/false an editor means by an unquoted YAML 1.1 word."""


def comma_key(parsed: Parsed, path: Path) -> bool:
    """Whether ``path`` is a key without a value, after the first, in a ``{…}`` mapping, and not a
    listed language: the text after a comma in ``{en: Hello, world}`` reads as a key ``world``."""
    if len(path) < 2 or not isinstance(path[-1], str) or path[:-1] not in parsed.flow_maps:
        return False
    parent = _get(parsed.data, path[:-1])
    if not isinstance(parent, dict) or parent.get(path[-1], "") is not None or next(iter(parent)) == path[-1]:
        return False
    return path[-1] not in _languages(parsed.data)


def _languages(data: Any) -> list[Any]:
    meta = data.get("meta") if isinstance(data, dict) else None
    languages = meta.get("languages") if isinstance(meta, dict) else None
    return languages if isinstance(languages, list) else []


def _get(data: Any, path: Path) -> Any:
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data
