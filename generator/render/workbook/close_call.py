"""The close-call note of the workbook (generator.verdict.close_call), in formulas.

The web report warns when the first two ranked agencies are close; the comparison sheet does the
same with one formula cell under the agencies, fed by hidden cells of the scoring sheet:

- per agency (hidden rows): the total's numerator and denominator unrounded, and a key placing
  each ranked agency by rounded total (ties: the first column first), -1 for the others;
- the pair (hidden row): columns of the first and second ranked agency (-1 without two), whether
  some criterion decides, and whether it is a close call;
- per criterion (hidden columns, ``CLOSE_COLUMNS``): 1 if one level down for the first or up for
  the second swaps their rounded totals; a key of their weighted difference; 1 if the note names it
  (the deciding criteria, or else the three that differ most).

Only functions every spreadsheet has (Excel 97, WPS, LibreOffice): SUMPRODUCT, INDEX, MATCH, MAX,
LARGE, MOD, SUM, ABS, IF, INT, LEN, MID, ISNUMBER.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell  # type: ignore[import-untyped]

from generator.model import Criteria
from generator.render.workbook import formulas as f
from generator.render.workbook.layout import CLOSE_COLUMNS, HEADER_ROW, Layout
from generator.words.texts import Texts

__all__ = ["TOP_DIFFERENCES", "close_note", "write_close_cells"]

TOP_DIFFERENCES = 3
"""Criteria the note names when none decides alone (generator.verdict._differences)."""
_MARKERS = MappingProxyType({"first": "\x01", "second": "\x02", "ids": "\x03"})


def _levels(criteria: Criteria) -> str:
    return "{" + ",".join(str(lv.score) for lv in criteria.scale.levels) + "}"


def _across(lay: Layout, row: int) -> str:
    """The agencies' cells of ``row``, absolute."""
    return f"${xl_col_to_name(lay.agencies[0])}${row + 1}:${xl_col_to_name(lay.agencies[-1])}${row + 1}"


def _pair(lay: Layout, n: int) -> str:
    """The pair cell ``n`` (0 first, 1 second, 2 deciding, 3 close), absolute."""
    return str(xl_rowcol_to_cell(lay.pair, lay.agencies[n], row_abs=True, col_abs=True))


def write_close_cells(sheet: Any, criteria: Criteria, fmt: Any, lay: Layout) -> None:
    """The hidden cells of the scoring sheet the note reads; ``criteria`` is the scored part."""
    _agency_cells(sheet, criteria, fmt, lay)
    _pair_cells(sheet, criteria, fmt, lay)
    top = min(TOP_DIFFERENCES, len(criteria.criteria))
    for position, criterion in enumerate(criteria.criteria):
        _criterion_cells(sheet, criteria, fmt, lay, lay.criteria[criterion.id], position, top)
    sheet.set_column(CLOSE_COLUMNS[0], CLOSE_COLUMNS[-1], None, None, {"hidden": True})
    for row in (lay.points, lay.weight, lay.key, lay.pair):
        sheet.set_row(row, None, None, {"hidden": True})


def _agency_cells(sheet: Any, criteria: Criteria, fmt: Any, lay: Layout) -> None:
    """Per agency: the total's numerator and denominator, and its key among the ranked."""
    levels, low = _levels(criteria), criteria.scale.min_score
    weights = f"$C${lay.first + 1}:$C${lay.last + 1}"
    count = len(lay.agencies)
    for n, col in enumerate(lay.agencies):
        name = xl_col_to_name(col)
        answers = f"{name}{lay.first + 1}:{name}{lay.last + 1}"
        valid = f"--ISNUMBER(MATCH({answers},{levels},0))"
        total, code = xl_rowcol_to_cell(lay.total, col), xl_rowcol_to_cell(lay.code, col)
        sheet.write_formula(lay.points, col, f"=SUMPRODUCT({weights},{valid},{answers})-{low}*SUMPRODUCT("
                                             f"{weights},{valid})", fmt["count"], 0)
        sheet.write_formula(lay.weight, col, f"=SUMPRODUCT({weights},{valid})", fmt["count"], 0)
        sheet.write_formula(lay.key, col, f"=IF({code}=0,IF(ISNUMBER({total}),INT({total}*10+0.5)*10+"
                                          f"{count - 1 - n},-1),-1)", fmt["count"], -1)


def _of(lay: Layout, row: int, which: str) -> str:
    """The cell of ``row`` in the column of agency ``which`` (a pair cell: 0-based)."""
    return f"INDEX({_across(lay, row)},1+{which})"


def _pair_cells(sheet: Any, criteria: Criteria, fmt: Any, lay: Layout) -> None:
    """The first two ranked agencies, whether some criterion decides, and whether it is a close call."""
    keys, count = _across(lay, lay.key), len(lay.agencies)
    first, second, deciding = _pair(lay, 0), _pair(lay, 1), _pair(lay, 2)
    span = criteria.scale.max_score - criteria.scale.min_score
    decide_col = xl_col_to_name(CLOSE_COLUMNS[0])
    exact = {w: f"{_of(lay, lay.points, w)}*100/({span}*{_of(lay, lay.weight, w)})" for w in (first, second)}
    margin = float(criteria.verdict.close_call_margin)
    cells = (f"=IF(SUMPRODUCT(--({keys}>=0))<2,-1,{count - 1}-MOD(MAX({keys}),10))",
             f"=IF({first}<0,-1,{count - 1}-MOD(LARGE({keys},2),10))",
             f"=IF({first}<0,0,SUM(${decide_col}${lay.first + 1}:${decide_col}${lay.last + 1}))",
             f"=IF({first}<0,0,IF({deciding}>0,1,IF({exact[first]}-{exact[second]}<={margin!r}+1E-9,1,0)))")
    for n, formula in enumerate(cells):
        sheet.write_formula(lay.pair, lay.agencies[n], formula, fmt["count"], -1 if n < 2 else 0)


def _criterion_cells(sheet: Any, criteria: Criteria, fmt: Any, lay: Layout, row: int, position: int,
                     top: int) -> None:
    """Whether the criterion on ``row`` decides, its weighted difference, whether the note names it."""
    levels, size = _levels(criteria), len(criteria.scale.levels)
    span = criteria.scale.max_score - criteria.scale.min_score
    first, second, deciding = _pair(lay, 0), _pair(lay, 1), _pair(lay, 2)
    a, b, weight = _of(lay, row, first), _of(lay, row, second), f"$C${row + 1}"
    down = _moved(a, f"INDEX({levels},MATCH({a},{levels},0)-1)", weight, _of(lay, lay.points, first),
                  _of(lay, lay.weight, first), span)
    up = _moved(b, f"INDEX({levels},MATCH({b},{levels},0)+1)", weight, _of(lay, lay.points, second),
                _of(lay, lay.weight, second), span)
    at_a, at_b = f"MATCH({a},{levels},0)", f"MATCH({b},{levels},0)"
    swaps_down = f"IF(ISNUMBER({at_a}),IF({at_a}>1,{_of(lay, lay.total, second)}>{down},0),0)"
    swaps_up = f"IF(ISNUMBER({at_b}),IF({at_b}<{size},{up}>{_of(lay, lay.total, first)},0),0)"
    sheet.write_formula(row, CLOSE_COLUMNS[0], f"=IF({first}<0,0,IF({swaps_down},1,IF({swaps_up},1,0)))",
                        fmt["count"], 0)
    both = f"IF(ISNUMBER({at_a}),ISNUMBER({at_b}),0)"  # entries off the scale count as not scored
    key = f"INT({weight}*ABS({a}-{b})*1000+0.5)*1000+{999 - position}"  # ties: the earlier criterion
    sheet.write_formula(row, CLOSE_COLUMNS[1], f"=IF({first}<0,0,IF({both},IF({a}<>{b},{key},0),0))",
                        fmt["count"], 0)
    gap_col = xl_col_to_name(CLOSE_COLUMNS[1])
    gaps = f"${gap_col}${lay.first + 1}:${gap_col}${lay.last + 1}"
    gap = xl_rowcol_to_cell(row, CLOSE_COLUMNS[1])
    sheet.write_formula(row, CLOSE_COLUMNS[2], f"=IF({deciding}>0,{xl_rowcol_to_cell(row, CLOSE_COLUMNS[0])},"
                                               f"IF({gap}>0,IF({gap}>=LARGE({gaps},{top}),1,0),0))", fmt["count"], 0)


def _moved(answer: str, level: str, weight: str, points: str, den: str, span: int) -> str:
    """The rounded total with one criterion moved from ``answer`` to ``level`` (its weight scored stays)."""
    return f"INT(({points}+{weight}*({level}-{answer}))*100/({span}*{den})*10+0.5+1E-9)/10"


def close_note(criteria: Criteria, texts: Texts, scoring: str, lay: Layout, names: Sequence[str]) -> str:
    """The comparison sheet's note: vd_close with the two agencies' names and the criteria to check
    again, or "" when the first two are not close. ``names`` are the default agency names."""
    def there(cell: str) -> str:
        return f.ref(scoring, cell)

    first, second = there(_pair(lay, 0)), there(_pair(lay, 1))
    header = there(_across(lay, HEADER_ROW))
    defaults = "{" + ",".join(_quote(name) for name in names) + "}"

    def name(which: str) -> str:
        own = f"INDEX({header},1+{which})"
        return f'IF(LEN({own})=0,INDEX({defaults},1+{which}),""&{own})'

    listed_col = xl_col_to_name(CLOSE_COLUMNS[2])
    sep = texts.label("list_sep")
    # Each criterion by its number and title as the scoring sheet shows them: a title is never part of
    # a formula's text, whatever it holds (=HYPERLINK(…), quotes).
    parts = "&".join(f"IF({there(f'${listed_col}${row + 1}')}=1,{_quote(sep)}&{there(f'$A${row + 1}')}&"
                     f"\" \"&{there(f'$B${row + 1}')},\"\")"
                     for row in (lay.criteria[c.id] for c in criteria.criteria))
    inner = {"first": name(first), "second": name(second), "ids": f"MID({parts or chr(34) * 2},{len(sep) + 1},4000)"}
    text = texts.label("vd_close", **_MARKERS)
    pieces = []
    for part in re.split("([" + "".join(_MARKERS.values()) + "])", text):  # placeholders in the label's order
        name_of = next((key for key, marker in _MARKERS.items() if marker == part), None)
        if name_of is not None:
            pieces.append(inner[name_of])
        elif part:
            pieces.append(_quote(part))
    return f"=IF({there(_pair(lay, 3))}=1,{'&'.join(pieces)},\"\")"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'

