"""Excel's rules for worksheet names, which the workbook takes from interface labels."""

from __future__ import annotations

from collections.abc import Sequence

from generator.words.messages import Msg

__all__ = ["MAX_LENGTH", "SHEET_KEYS", "sheet_key", "sheet_name", "sheet_name_problem", "sheet_names_clash",
           "utf16_length"]

SHEET_KEYS = ("wb_sheet_instructions", "wb_sheet_scoring", "wb_sheet_comparison")
"""Label keys of the workbook's sheets, in sheet order."""
MAX_LENGTH = 31
"""Longest sheet name, counted as Excel counts: in UTF-16 units (an emoji is 2)."""
_FORBIDDEN = "[]:*?/\\"
_RESERVED = "history"
"""Excel keeps a sheet of this name (any case) for its change history."""


def utf16_length(name: str) -> int:
    """Length of ``name`` in UTF-16 units, as Excel (and XlsxWriter) count it."""
    return len(name.encode("utf-16-le")) // 2


def sheet_name(text: str) -> str:
    """The sheet name the workbook makes of label ``text``: outer spaces and apostrophes trimmed,
    characters Excel forbids made spaces, cut to 31 UTF-16 units (never inside a character).
    ``check`` refuses labels that would need more than the trimming; this keeps a model built
    some other way from crashing XlsxWriter."""
    name = "".join(" " if char in _FORBIDDEN else char for char in text).strip(" '")
    while utf16_length(name) > MAX_LENGTH:
        name = name[:-1].rstrip(" '")
    return name or "Sheet"


def sheet_name_problem(name: str) -> Msg | None:
    """Why Excel would refuse ``name`` as a sheet name, or None (judged as the workbook uses it:
    outer spaces trimmed, so "history " is the reserved name too)."""
    if not name.strip():
        return Msg.of("sheet_empty")
    length = utf16_length(name)
    if length > MAX_LENGTH and length != len(name):
        return Msg.of("sheet_too_long_units", length=length, limit=MAX_LENGTH)
    if length > MAX_LENGTH:
        return Msg.of("sheet_too_long", length=length, limit=MAX_LENGTH)
    bad = sorted({char for char in name if char in _FORBIDDEN})
    if bad:
        return Msg.of("sheet_characters", chars=" ".join(bad), forbidden=" ".join(_FORBIDDEN))
    if name.startswith("'") or name.endswith("'"):
        return Msg.of("sheet_apostrophe")
    if sheet_key(name) == _RESERVED:
        return Msg.of("sheet_history")
    return None


def sheet_key(name: str) -> str:
    """What Excel compares sheet names by, once the workbook trimmed outer spaces: case ignored."""
    return name.strip(" ").casefold()


def sheet_names_clash(names: Sequence[str]) -> int | None:
    """Index of the first name equal to an earlier one when case is ignored (as Excel does), or None."""
    seen: set[str] = set()
    for index, name in enumerate(names):
        key = sheet_key(name)
        if key in seen:
            return index
        seen.add(key)
    return None
