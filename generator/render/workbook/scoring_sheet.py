"""The scoring sheet: one row per criterion, one column per agency, subtotals, total, checks."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell  # type: ignore[import-untyped]

from generator.model import Criteria, numbered_sections
from generator.render.workbook import formulas as f
from generator.render.workbook import verdict_cells as v
from generator.render.workbook.close_call import write_close_cells
from generator.render.workbook.layout import HEADER_ROW, Layout
from generator.render.workbook.style import Formats, fit_row, setup_page, width_for
from generator.scoring import Result, eliminates_at
from generator.verdict import GROUPS, judge, rule_of
from generator.words.texts import Texts

__all__ = ["levels_text", "write_scoring"]


def levels_text(criteria: Criteria) -> str:
    """The scores of the scale as people write them: "0–3", or "0, 1, 3" if there are gaps."""
    scores = [lv.score for lv in criteria.scale.levels]
    if scores == list(range(scores[0], scores[-1] + 1)):
        return f"{scores[0]}–{scores[-1]}"
    return ", ".join(str(s) for s in scores)


def _column(col: int, first: int, last: int, absolute: bool = False) -> str:
    name = xl_col_to_name(col, absolute)
    dollar = "$" if absolute else ""
    return f"{name}{dollar}{first + 1}:{name}{dollar}{last + 1}"


def write_scoring(sheet: Any, criteria: Criteria, texts: Texts, fmt: Formats, lay: Layout, empty: Result,
                  title: str) -> None:
    """Fill ``sheet``; formula cells cache ``empty``, the result of a workbook nobody has filled in."""
    t = texts.label
    sheet.write_string(0, 0, title, fmt["title"])
    sheet.write_string(1, 0, t("wb_hint", levels=levels_text(criteria)), fmt["note"])
    for col, key in enumerate(("wb_no", "wb_criterion", "weight", "wb_knockout")):
        sheet.write_string(HEADER_ROW, col, t(key), fmt["head" if col != 1 else "head_left"])
    names = [t("wb_agency", n=n) for n in range(1, len(lay.agencies) + 1)]
    for col, name in zip(lay.agencies, names, strict=True):
        sheet.write_string(HEADER_ROW, col, name, fmt["name"])
    _write_sections(sheet, criteria, texts, fmt, lay, empty)
    _write_results(sheet, criteria, texts, fmt, lay, empty)
    titles = [c.title(texts.lang) for c in criteria.criteria] + [s.title(texts.lang) for s in criteria.sections]
    sheet.set_column(0, 0, width_for([t("wb_no"), "10.10"], 5, 8))
    sheet.set_column(1, 1, width := width_for([*titles, t("wb_knocked", low=0)], 24, 46))
    for section, rows in zip(criteria.sections, lay.sections, strict=True):
        fit_row(sheet, rows.header, section.title(texts.lang), width)
        for criterion in section.criteria:
            fit_row(sheet, lay.criteria[criterion.id], criterion.title(texts.lang), width)
    sheet.set_column(2, 2, width_for([t("weight")], 6, 10))
    sheet.set_column(3, 3, width_for([t("wb_knockout")], 6, 12))
    sheet.set_column(lay.agencies[0], lay.agencies[-1], width_for([*names, t("wb_disqualified")], 12, 16))
    sheet.set_row(HEADER_ROW, 32)
    sheet.freeze_panes(HEADER_ROW + 1, 2)
    sheet.protect("", {"format_columns": True, "format_rows": True})
    setup_page(sheet, criteria, texts, landscape=True, repeat_to=HEADER_ROW)


def _write_sections(sheet: Any, criteria: Criteria, texts: Texts, fmt: Formats, lay: Layout, empty: Result) -> None:
    scores = [lv.score for lv in criteria.scale.levels]
    first, last = lay.agencies[0], lay.agencies[-1]
    legend = " · ".join(f"{lv.score} {lv.label(texts.lang)}" for lv in criteria.scale.levels)

    def validation(na: bool) -> dict[str, Any]:
        # No N/A on a knock-out criterion: it must be checked.
        choices = [str(s) for s in scores] + ([f.NA_TEXT] if na else [])
        return {
            "validate": "list", "source": choices,
            "input_title": texts.label("wb_choose")[:32],
            "input_message": (f"{legend} · {f.NA_TEXT} {texts.label('wb_na_meaning')}" if na else legend)[:255],
            "error_title": texts.label("wb_error_title")[:32],
            "error_message": texts.label("wb_error", choices=", ".join(choices))[:255],
        }
    numbered = numbered_sections(criteria.sections)
    for i, ((number, section, ks), rows) in enumerate(zip(numbered, lay.sections, strict=True)):
        sheet.write_string(rows.header, 0, number, fmt["section"])
        sheet.write_string(rows.header, 1, section.title(texts.lang), fmt["section"])
        for col in range(2, last + 1):
            sheet.write_blank(rows.header, col, None, fmt["section"])
        for criterion_number, criterion in ks:
            row = lay.criteria[criterion.id]
            sheet.write_string(row, 0, criterion_number, fmt["no"])
            sheet.write_string(row, 1, criterion.title(texts.lang), fmt["text"])
            sheet.write_number(row, 2, criterion.weight, fmt["weight"])
            at = eliminates_at(criteria, criterion)
            if at is not None:
                sheet.write_number(row, 3, at, fmt["knockout"])
                answer = xl_rowcol_to_cell(row, first)
                sheet.conditional_format(row, first, row, last, {
                    "type": "formula", "criteria": f"=AND(ISNUMBER({answer}),{answer}<={at})",
                    "format": fmt["alert"]})
            else:
                sheet.write_blank(row, 3, None, fmt["knockout"])
            for col in range(first, last + 1):
                sheet.write_blank(row, col, None, fmt["input"])
            sheet.data_validation(row, first, row, last, validation(at is None))
        sheet.write_blank(rows.subtotal, 0, None, fmt["section"])
        sheet.write_string(rows.subtotal, 1, texts.label("wb_subtotal"), fmt["section"])
        sheet.write_blank(rows.subtotal, 2, None, fmt["section"])
        sheet.write_blank(rows.subtotal, 3, None, fmt["section"])
        weights = _column(2, rows.first, rows.last, absolute=True)
        value = f.cached(empty.sections[i].value)
        for col in range(first, last + 1):
            formula = f.average(weights, _column(col, rows.first, rows.last), scores)
            sheet.write_formula(rows.subtotal, col, formula, fmt["subtotal"], value)


def _write_results(sheet: Any, criteria: Criteria, texts: Texts, fmt: Formats, lay: Layout, empty: Result) -> None:
    scores = [lv.score for lv in criteria.scale.levels]
    levels = levels_text(criteria)
    weights = _column(2, lay.first, lay.last, absolute=True)
    knockouts = _column(3, lay.first, lay.last, absolute=True)
    rows: list[tuple[int, str, str, Callable[[str], str], Fraction | int | None]] = [
        (lay.total, "wb_total", "total", lambda a: f.average(weights, a, scores), empty.total),
        (lay.knocked, "wb_knocked", "out", lambda a: v.knocked_count(knockouts, a, scores),
         len(empty.knocked_out)),
        (lay.scored, "wb_scored", "count", lambda a: f.scored_count(weights, a, scores), empty.scored),
        (lay.na, "wb_na", "count", lambda a: f.na_count(weights, a, knockouts), empty.not_applicable),
        (lay.blank, "wb_blank", "count", lambda a: f.blank_count(weights, a), empty.unscored),
    ]
    for row, key, style, formula, value in rows:
        text = texts.label(key, low=scores[0])
        sheet.write_string(row, 1, text, fmt["total_label" if style == "total" else "label"])
        for col in lay.agencies:
            answers = _column(col, lay.first, lay.last)
            sheet.write_formula(row, col, formula(answers), fmt[style], f.cached(value))
    sheet.write_string(lay.invalid, 1, texts.label("wb_invalid", levels=levels), fmt["label"])
    for col in lay.agencies:
        cells = [xl_rowcol_to_cell(r, col) for r in (lay.scored, lay.na, lay.blank)]
        sheet.write_formula(lay.invalid, col, f.invalid_count(len(criteria.criteria), *cells), fmt["count"], 0)
    _write_verdict(sheet, criteria, texts, fmt, lay, empty)
    write_close_cells(sheet, criteria, fmt, lay)
    for row in (lay.knocked, lay.invalid, lay.unchecked, lay.below, lay.code):
        sheet.conditional_format(row, lay.agencies[0], row, lay.agencies[-1], {
            "type": "cell", "criteria": ">", "value": 0, "format": fmt["alert"]})


def _write_verdict(sheet: Any, criteria: Criteria, texts: Texts, fmt: Formats, lay: Layout, empty: Result) -> None:
    """The rows the verdict needs: knock-outs not scored, weight not scored, sections below minimum, code."""
    scores = [lv.score for lv in criteria.scale.levels]
    weights = _column(2, lay.first, lay.last, absolute=True)
    levels = _column(3, lay.first, lay.last, absolute=True)
    minimums = [(rows, section.minimum) for rows, section in zip(lay.sections, criteria.sections, strict=True)
                if section.minimum is not None]
    verdict = judge(rule_of(criteria), {}, empty)
    rows: list[tuple[int, str, str, Callable[[int], str], Fraction | int]] = [
        (lay.unchecked, "wb_unchecked", "count", lambda c: v.unchecked_count(levels, _column(c, lay.first, lay.last),
                                                                            scores), len(empty.unchecked)),
        (lay.share, "wb_unscored_share", "score", lambda c: v.unscored_share(
            weights, levels, _column(c, lay.first, lay.last), scores), empty.unscored_share),
        (lay.below, "wb_below", "count", lambda c: v.below_count(
            [(xl_rowcol_to_cell(r.subtotal, c), Fraction(repr(m))) for r, m in minimums]), len(verdict.sections)),
        (lay.code, "wb_verdict_code", "count", lambda c: v.verdict_code(
            xl_rowcol_to_cell(lay.knocked, c), xl_rowcol_to_cell(lay.unchecked, c), xl_rowcol_to_cell(lay.share, c),
            xl_rowcol_to_cell(lay.below, c), Fraction(repr(criteria.verdict.unscored_limit))),
         GROUPS.index(verdict.kind)),
    ]
    for row, key, style, formula, value in rows:
        sheet.write_string(row, 1, texts.label(key), fmt["label"])
        for col in lay.agencies:
            cached = float(value) if isinstance(value, Fraction) else value
            sheet.write_formula(row, col, formula(col), fmt[style], cached)
