"""The scoring workbook (.xlsx) for Excel and WPS: model + language -> bytes.

Three sheets: instructions, scoring (one column per agency, a dropdown of the
scale's scores and N/A in every input cell, section subtotals, total,
knock-out and check rows) and comparison (total, disqualified, rank per
agency). Formulas implement generator.scoring (see formulas.py) and
cache the values generator.scoring gives for an empty workbook, so programs
that show a file without recalculating it (previewers) show the right thing.
Inputs are the only unlocked cells; sheets are protected without a password.

The file is deterministic: fixed creation date, fixed zip timestamps
(XlsxWriter's), all text written as strings (never as formulas).
"""

from __future__ import annotations

import io
from datetime import datetime

import xlsxwriter  # type: ignore[import-untyped]

from generator.checks.sheet_names import SHEET_KEYS, sheet_name, sheet_name_problem, sheet_names_clash
from generator.render.base import Context, running_title
from generator.render.workbook.layout import Layout, layout
from generator.render.workbook.scoring_sheet import write_scoring
from generator.render.workbook.sheets import write_comparison, write_instructions
from generator.render.workbook.style import add_formats
from generator.scoring import score_criteria
from generator.words.labels import LABELS
from generator.words.texts import Texts

__all__ = ["CREATED", "FALLBACK_SHEETS", "Layout", "layout", "render_workbook", "sheet_names"]

CREATED = datetime(2000, 1, 1)
"""Creation date written into every workbook, so that the same input gives the same bytes."""


FALLBACK_SHEETS = ("Instructions", "Scoring", "Comparison")
"""Sheet names when neither ``lang``'s labels nor English ones make valid names."""


def sheet_names(texts: Texts, english: Texts | None = None) -> tuple[str, str, str]:
    """Names of the instructions, scoring and comparison sheets in ``texts``' language (the English
    names, the edition's or the built-in ones, if those would break Excel's rules, then
    FALLBACK_SHEETS: never a loop)."""
    for label in (texts.label, english.label if english is not None else LABELS["en"].__getitem__):
        first, second, third = (sheet_name(label(key)) for key in SHEET_KEYS)
        if sheet_names_clash((first, second, third)) is None and not any(
                sheet_name_problem(name) for name in (first, second, third)):
            return first, second, third
    return FALLBACK_SHEETS


def render_workbook(ctx: Context) -> bytes:
    """The scoring workbook in the context's language; the commit (if known) is shown with the version.

    Self-check sections are left out: they are part of no agency's score.
    """
    criteria, texts = ctx.criteria.scored, ctx.texts
    title = running_title(ctx)
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {
        "in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
    })
    workbook.set_properties({
        "title": title, "subject": texts.label("wb_sheet_scoring"),
        "keywords": f"{criteria.meta.id} {criteria.meta.version}", "created": CREATED,
    })
    fmt = add_formats(workbook, texts)
    lay = layout(criteria)
    empty = score_criteria(criteria, {})
    instructions, scoring, comparison = sheet_names(texts, ctx.edition.texts.get("en"))
    write_instructions(workbook.add_worksheet(instructions), criteria, texts, fmt, title)
    write_scoring(workbook.add_worksheet(scoring), criteria, texts, fmt, lay, empty, title)
    write_comparison(workbook.add_worksheet(comparison), criteria, texts, fmt, lay, scoring, empty, title)
    workbook.close()
    return stream.getvalue()
