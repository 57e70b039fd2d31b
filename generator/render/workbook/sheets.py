"""The instructions sheet and the comparison sheet of the scoring workbook."""

from __future__ import annotations

import io
from typing import Any

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell  # type: ignore[import-untyped]

from generator.checks.sheet_names import SHEET_KEYS
from generator.model import Criteria
from generator.render.colours import primary_colour
from generator.render.forms import number
from generator.render.logo_image import logo_picture
from generator.render.page_words import Words
from generator.render.workbook import formulas as f
from generator.render.workbook import verdict_cells as v
from generator.render.workbook.close_call import close_note
from generator.render.workbook.layout import AGENCIES, HEADER_ROW, Layout
from generator.render.workbook.scoring_sheet import levels_text
from generator.render.workbook.style import Formats, fit_row, setup_page, text_width, width_for
from generator.scoring import Result
from generator.verdict import judge_all, rule_of
from generator.words.texts import Texts

__all__ = ["write_comparison", "write_instructions"]

_TEXT_WIDTH = 90
"""Width of the instructions column, in Excel units."""
_NARROW = 10
"""Width of the section and count columns of the comparison sheet."""


def _instructions(criteria: Criteria, texts: Texts) -> list[tuple[str, list[str]]]:
    """The instructions sheet's headings, each with its lines (page texts ``workbook``)."""
    words = Words(texts, "workbook", {
        "low": criteria.scale.min_score, "high": criteria.scale.max_score, "levels": levels_text(criteria),
        "na": f.NA_TEXT, "agencies": AGENCIES, "scoring_sheet": texts.label(SHEET_KEYS[1]),
        "comparison_sheet": texts.label(SHEET_KEYS[2]), "margin": number(criteria.verdict.close_call_margin),
    }, plain=True)
    return [(words("use_title"), [f"{n}. {item}" for n, item in enumerate(words.items("use"), 1)]),
            (words("rule_title"), [f"- {item}" for item in words.items("rule")]),
            (words("lock_title"), [f"- {item}" for item in words.items("lock")])]


def write_instructions(sheet: Any, criteria: Criteria, texts: Texts, fmt: Formats, title: str) -> None:
    """Title, how to use the workbook (from a template), and the scoring scale."""
    levels = criteria.scale.levels
    sheet.write_string(0, 0, title, fmt["title"])
    _logo(sheet, criteria)
    sheet.write_string(1, 0, f"{texts.label('licence')} {criteria.meta.licence_in(texts.lang)}", fmt["note"])
    row = 3
    for heading, lines in _instructions(criteria, texts):
        sheet.write_string(row + 1, 0, heading, fmt["heading"])
        for offset, line in enumerate(lines, row + 2):
            sheet.write_string(offset, 1, line, fmt["para"])
            fit_row(sheet, offset, line, _TEXT_WIDTH)
        row += 2 + len(lines)
    row += 1
    sheet.write_string(row, 0, texts.label("scale"), fmt["heading"])
    sheet.write_string(row + 1, 0, texts.label("wb_score"), fmt["head"])
    sheet.write_string(row + 1, 1, texts.label("wb_meaning"), fmt["head_left"])
    for offset, level in enumerate(levels, row + 2):
        meaning = level.label(texts.lang) if level.description is None else texts.label(
            "wb_level_meaning", label=level.label(texts.lang), description=level.description(texts.lang))
        sheet.write_number(offset, 0, level.score, fmt["no"])
        sheet.write_string(offset, 1, meaning, fmt["text"])
        fit_row(sheet, offset, meaning, _TEXT_WIDTH)
    end = row + 2 + len(levels)
    sheet.write_string(end, 0, f.NA_TEXT, fmt["no"])
    sheet.write_string(end, 1, texts.label("wb_na_meaning"), fmt["text"])
    sheet.set_column(0, 0, 8)
    sheet.set_column(1, 1, _TEXT_WIDTH)
    sheet.protect("", {"format_columns": True, "format_rows": True})
    setup_page(sheet, criteria, texts, landscape=False, repeat_to=0)


def _logo(sheet: Any, criteria: Criteria) -> None:
    """The edition's logo at the top right of the instructions, on a badge of the site header's colour,
    over a title row as high as it."""
    branding = criteria.meta.branding
    if branding is None or branding.logo is None or not branding.logo.data:
        return
    data, width, height = logo_picture(branding.logo, primary_colour(criteria))
    sheet.set_row(0, height * 0.75 + 4)  # points: 3/4 of a pixel
    sheet.insert_image(0, 1, "logo.png", {
        "image_data": io.BytesIO(data), "x_offset": max(0, _TEXT_WIDTH * 7 + 5 - width - 4), "y_offset": 2,
        "object_position": 3, "description": criteria.meta.title(criteria.meta.languages[0]),
        "decorative": False})


def write_comparison(sheet: Any, criteria: Criteria, texts: Texts, fmt: Formats, lay: Layout, scoring: str,
                     empty: Result, title: str) -> None:
    """One row per agency: total, disqualified, rank, section scores and counts, all from the scoring sheet."""
    cols = lay.summary
    heads = [(cols.name, texts.label("wb_agency_head")), (cols.total, texts.label("wb_total")),
             (cols.out, texts.label("wb_disqualified")), (cols.rank, texts.label("wb_rank")),
             (cols.verdict, texts.label("vd_head"))]
    heads += [(cols.first_section + i, s.title(texts.lang)) for i, s in enumerate(criteria.sections)]
    heads += [(cols.scored + i, texts.label(key))
              for i, key in enumerate(("wb_scored", "wb_na", "wb_blank", "wb_invalid_short"))]
    sheet.write_string(0, 0, title, fmt["title"])
    sheet.write_string(1, 0, texts.label("wb_rank_rule"), fmt["note"])
    for col, text in heads:
        sheet.write_string(HEADER_ROW, col, text, fmt["head_left" if col == cols.name else "head"])
    first, last = lay.summary_rows[0], lay.summary_rows[-1]
    # Rank by the scoring sheet's rows (one cell per agency): rounded total and verdict code.
    def across(row: int) -> str:
        left, right = (xl_col_to_name(c) for c in (lay.agencies[0], lay.agencies[-1]))
        return f.ref(scoring, f"${left}${row + 1}:${right}${row + 1}")

    results, verdicts, ranks = judge_all(rule_of(criteria), [{}] * len(lay.agencies))
    place = f.cached(ranks[0])
    words = v.verdict_words(criteria, texts, verdicts[0], results[0].unscored_share)
    places = {**{c.id: lay.criteria[c.id] for c in criteria.criteria},
              **{s.id: r.subtotal for s, r in zip(criteria.sections, lay.sections, strict=True)},
              "code": lay.code, "unchecked": lay.unchecked, "share": lay.share}
    for n, (row, col) in enumerate(zip(lay.summary_rows, lay.agencies, strict=True), 1):
        def there(source_row: int, col: int = col) -> str:
            return f.ref(scoring, xl_rowcol_to_cell(source_row, col))

        sheet.write_formula(row, cols.name, f'=""&{there(HEADER_ROW)}', fmt["name_out"],
                            texts.label("wb_agency", n=n))
        sheet.write_formula(row, cols.total, _number(there(lay.total)), fmt["total"], f.cached(empty.total))
        sheet.write_formula(row, cols.out, f"=IF({there(lay.knocked)}>0,1,0)", fmt["out"],
                            int(empty.disqualified))
        sheet.write_formula(row, cols.rank, v.rank(across(lay.total), across(lay.code), there(lay.total),
                                                   there(lay.code)), fmt["rank"], place)
        def cell(source_row: int, col: int = col) -> str:
            return str(xl_rowcol_to_cell(source_row, col))

        sheet.write_formula(row, cols.verdict, v.verdict_text(criteria, texts, scoring, cell, places), fmt["verdict"],
                            words)
        for i, rows in enumerate(lay.sections):
            sheet.write_formula(row, cols.first_section + i, _number(there(rows.subtotal)), fmt["score"],
                                f.cached(empty.sections[i].value))
        counts = (empty.scored, empty.not_applicable, empty.unscored, 0)
        for i, (source_row, value) in enumerate(zip((lay.scored, lay.na, lay.blank, lay.invalid), counts,
                                                    strict=True)):
            sheet.write_formula(row, cols.scored + i, f"={there(source_row)}", fmt["count"], value)
    sheet.conditional_format(first, cols.out, last, cols.out, {
        "type": "cell", "criteria": ">", "value": 0, "format": fmt["alert"]})
    sheet.conditional_format(first, cols.verdict, last, cols.verdict, {
        "type": "formula", "criteria": '={}<>"{}"'.format(xl_rowcol_to_cell(first, cols.verdict, col_abs=True),
                                                          texts.label("vd_ranked").replace('"', '""')),
        "format": fmt["alert"]})
    names = [texts.label("wb_agency", n=n) for n in range(1, len(lay.agencies) + 1)]
    note = lay.summary_rows[-1] + 2
    sheet.merge_range(note, cols.name, note, cols.last, "", fmt["close"])
    sheet.write_formula(note, cols.name, close_note(criteria, texts, scoring, lay, names), fmt["close"], "")
    sheet.set_row(note, 48)
    sheet.set_column(cols.name, cols.name, width_for(names, 14, 20))
    sheet.set_column(cols.total, cols.rank, width_for([texts.label("wb_disqualified")], 9, 14))
    sheet.set_column(cols.verdict, cols.verdict, 36)
    sheet.set_column(cols.first_section, cols.last, _NARROW)
    fit_row(sheet, HEADER_ROW, max((text for _, text in heads[1:]), key=text_width), _NARROW)
    for row in lay.summary_rows:
        sheet.set_row(row, 20)
    sheet.freeze_panes(HEADER_ROW + 1, 1)
    sheet.protect("", {"format_columns": True, "format_rows": True})
    setup_page(sheet, criteria, texts, landscape=True, repeat_to=HEADER_ROW)


def _number(cell: str) -> str:
    return f'=IF(ISNUMBER({cell}),{cell},"")'
