"""Excel's rules for worksheet names, which the workbook takes from interface labels."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["SHEET_KEYS", "sheet_name_problem", "sheet_names_clash"]

SHEET_KEYS = ("wb_sheet_instructions", "wb_sheet_scoring", "wb_sheet_comparison")
"""Label keys of the workbook's sheets, in sheet order."""
MAX_LENGTH = 31
_FORBIDDEN = "[]:*?/\\"
_RESERVED = "history"
"""Excel keeps a sheet of this name (any case) for its change history."""


def sheet_name_problem(name: str) -> str | None:
    """Why Excel would refuse ``name`` as a sheet name, or None."""
    if not name.strip():
        return "is empty"
    if len(name) > MAX_LENGTH:
        return f"is {len(name)} characters long; Excel allows at most {MAX_LENGTH}"
    bad = sorted({char for char in name if char in _FORBIDDEN})
    if bad:
        return f"contains {' '.join(bad)}, which Excel does not allow in a sheet name ({' '.join(_FORBIDDEN)})"
    if name.startswith("'") or name.endswith("'"):
        return "starts or ends with an apostrophe, which Excel does not allow"
    if name.casefold() == _RESERVED:
        return "is 'History', a name Excel keeps for itself"
    return None


def sheet_names_clash(names: Sequence[str]) -> int | None:
    """Index of the first name equal to an earlier one when case is ignored (as Excel does), or None."""
    seen: set[str] = set()
    for index, name in enumerate(names):
        if name.casefold() in seen:
            return index
        seen.add(name.casefold())
    return None
