"""The language an editor reads the tools' messages in: ``--lang``, else the edition's first language.

The first language is read from the file's text, not its parsed data, so that it is known even
when the file has a YAML syntax error."""

from __future__ import annotations

import re
from pathlib import Path

from generator.reading import read_at_most

__all__ = ["editor_language", "first_language"]

_HEAD = 1 << 20
"""Bytes read from the top of the file: meta comes first."""
_KEY = r"[\"']?\blanguages[\"']?[ \t]*:[ \t]*"
_CODE = r"[\"']?([A-Za-z][A-Za-z0-9_-]*)"
_FLOW = re.compile(_KEY + r"\[\s*" + _CODE)
_BLOCK = re.compile(_KEY + r"(?:#.*)?\n[ \t]*-[ \t]+" + _CODE)


def first_language(text: str) -> str | None:
    """The first entry of ``meta.languages`` as written in ``text``, or None if it cannot be found."""
    found = _FLOW.search(text) or _BLOCK.search(text)
    return found.group(1) if found else None


def editor_language(asked: str | None, path: str | Path) -> str | None:
    """``asked`` if given, else the first language of the criteria file at ``path`` (None if unreadable)."""
    if asked:
        return asked
    try:
        head, _size = read_at_most(path, _HEAD)  # never blocks on a pipe, never reads a device
    except OSError:
        return None
    return first_language(head.decode("utf-8-sig", errors="replace"))
