"""The comparison report page (``report.md``): the agencies scored in the browser, on one page.

The page holds a short introduction, a link to the worksheet, and a ``<template>`` with
the report's data (``report_data``): the scorer's data (generator/render/scoring_data.py,
each criterion's red flags included) plus the report's interface strings and the edition stamp.
``overrides/assets/javascripts/scorer/report.js`` reads the saved scores from the
browser's storage and builds the report, its print layout and its PNG image in place of
the empty ``#kit-report-slot``. Nothing here depends on the scores, so the page is the
same for every merchant and the build stays deterministic (the report's date is the
browser's, added when it is shown).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from markupsafe import Markup

from generator.render.base import Context, Files, banner, page_style, running_title
from generator.render.pages import REPORT
from generator.render.scoring_data import data_element, page_strings, scoring_data
from generator.render.templates import render

__all__ = ["ELEMENT_ID", "STRINGS", "render_report", "report_data", "report_element"]

ELEMENT_ID = "kit-report-data"
"""Id of the ``<template>`` element holding the report's JSON."""
STRINGS = MappingProxyType({
    "report": "report", "empty": "rp_empty", "corrupt": "rp_corrupt", "ranking": "rp_ranking",
    "sections": "rp_sections", "details": "rp_details", "knockouts": "rp_knockouts",
    "noKnockout": "rp_no_knockout", "flags": "rp_flags", "noFlags": "rp_no_flags", "unscored": "rp_unscored",
    "unscoredCount": "rp_unscored_count", "allScored": "rp_all_scored", "notesHead": "rp_notes",
    "noNotes": "rp_no_notes", "scoredWith": "rp_scored_with", "date": "rp_date", "printReport": "rp_print",
    "image": "rp_image", "imageHint": "rp_image_hint", "imageDone": "rp_image_done",
    "imageFailed": "rp_image_failed", "actions": "rp_actions", "agencyTotal": "rp_agency_total",
    "flagCount": "rp_flag_count", "toWorksheet": "rp_to_worksheet", "listSep": "list_sep", "colon": "colon",
    "picture": "rp_picture", "pictureHint": "rp_picture_hint", "pictureInapp": "rp_picture_inapp",
    "entry": "rp_entry",
})
"""Key in the report's ``strings`` → label key in generator/words/labels.py (added to the scorer's)."""


def report_data(ctx: Context) -> dict[str, Any]:
    """The scorer's data (red flags per criterion included) plus the report's strings and the stamp."""
    data = scoring_data(ctx)
    stamp = running_title(ctx)
    data["strings"].update(page_strings(ctx, STRINGS, stamp=stamp))
    data["stamp"] = stamp
    return data


def report_element(ctx: Context) -> Markup:
    """The ``<template>`` element holding ``report_data`` as JSON."""
    return data_element(ELEMENT_ID, report_data(ctx))


def render_report(ctx: Context, name: str = REPORT) -> Files:
    """The report page, as ``{path relative to the language's docs: Markdown}``."""
    html = render("report", "report.html.j2", form=name, t=ctx.label, running=running_title(ctx),
                  page_style=page_style(ctx, name), report_data=report_element(ctx))
    return {f"{name}.md": banner(ctx) + "\n" + html}
