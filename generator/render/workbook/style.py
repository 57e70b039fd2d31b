"""Cell formats, column widths and A4 page setup shared by the workbook's sheets."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from generator.model import Criteria
from generator.words.texts import Texts

__all__ = ["Formats", "add_formats", "fit_row", "setup_page", "text_width", "width_for"]

Formats = dict[str, Any]
"""Named XlsxWriter formats of one workbook."""

_INPUT = "#FFF2CC"
_HEAD = "#D9E1F2"
_SECTION = "#EDEDED"
_HEADER_LIMIT = 80
"""Longest title in the printed page header (Excel allows 255 characters in all)."""


def text_width(text: str) -> int:
    """Width in Excel column units: wide (CJK) characters count two, others one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def width_for(texts: list[str], low: float, high: float) -> float:
    """A column width that fits the longest of ``texts`` (plus padding), kept within [low, high]."""
    longest = max((text_width(t) for t in texts), default=0)
    return max(low, min(high, longest + 2))


def fit_row(sheet: Any, row: int, text: str, width: float) -> None:
    """Make ``row`` tall enough for ``text`` wrapped in a column ``width`` wide.

    Spreadsheet programs do not all size rows of wrapped text when they open
    a file, so rows needing more than one line get an explicit height.
    """
    lines = sum(max(1, math.ceil(text_width(part) / (width - 1.5))) for part in text.split("\n"))
    if lines > 1:
        sheet.set_row(row, 15.75 * lines)


def _number_text(text: str) -> str:
    # A literal text inside a number format: quoted, with quotes doubled away.
    return '"' + text.replace('"', "'") + '"'


def add_formats(workbook: Any, texts: Texts) -> Formats:
    """Every cell format the sheets use; inputs are the only unlocked cells."""
    cell = {"border": 1, "border_color": "#808080", "valign": "top"}
    centred = {**cell, "align": "center"}
    specs: dict[str, dict[str, Any]] = {
        "title": {"bold": True, "font_size": 14},
        "note": {"font_color": "#404040"},
        "heading": {"bold": True, "font_size": 12},
        "para": {"text_wrap": True, "valign": "top"},
        "head": {**centred, "bold": True, "bg_color": _HEAD, "text_wrap": True, "valign": "vcenter"},
        "head_left": {**cell, "bold": True, "bg_color": _HEAD, "text_wrap": True, "valign": "vcenter"},
        "name": {**centred, "bold": True, "bg_color": _INPUT, "text_wrap": True, "valign": "vcenter",
                 "locked": False},
        "section": {**cell, "bold": True, "bg_color": _SECTION},
        "no": centred,
        "text": {**cell, "text_wrap": True},
        "weight": centred,
        # The eliminating level of a knock-out criterion: "≤ 1" eliminates at 1 and below.
        "knockout": {**centred, "bold": True, "font_color": "#C00000", "num_format": '"≤ "0'},
        "verdict": {**cell, "bold": True, "text_wrap": True, "valign": "vcenter"},
        "input": {**centred, "bg_color": _INPUT, "valign": "vcenter", "locked": False},
        "subtotal": {**centred, "bold": True, "bg_color": _SECTION, "num_format": "0.0"},
        "total": {**centred, "bold": True, "bg_color": _HEAD, "num_format": "0.0", "font_size": 12},
        "total_label": {**cell, "bold": True, "bg_color": _HEAD, "font_size": 12},
        "out": {**centred, "bold": True, "font_color": "#C00000",
                "num_format": _number_text(texts.label("wb_disqualified")) + ';;""'},
        "count": {**centred, "num_format": "0"},
        "label": {**cell, "text_wrap": True},
        "name_out": {**cell, "bold": True, "text_wrap": True},
        "rank": {**centred, "bold": True, "num_format": "0"},
        "score": {**centred, "num_format": "0.0"},
        "alert": {"bg_color": "#F8CBAD", "font_color": "#9C0006"},
        "close": {"bold": True, "text_wrap": True, "valign": "top", "font_color": "#9C0006"},
    }
    return {name: workbook.add_format(spec) for name, spec in specs.items()}


def _header_text(text: str) -> str:
    # "&" starts a control code in page headers; a literal one is written "&&".
    short = text if len(text) <= _HEADER_LIMIT else text[: _HEADER_LIMIT - 1] + "…"
    return short.replace("&", "&&")


def setup_page(sheet: Any, criteria: Criteria, texts: Texts, landscape: bool, repeat_to: int) -> None:
    """A4, fit to the page width, header rows repeated, title and version in the page header."""
    sheet.set_paper(9)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, repeat_to)
    sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    sheet.set_header(f"&L{_header_text(criteria.meta.title(texts.lang))}"
                     f"&R{_header_text(texts.label('version') + ' ' + criteria.meta.version)}")
    sheet.set_footer("&C&P / &N")
