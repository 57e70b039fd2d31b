"""The data of the in-browser scorer on the worksheet page, as JSON in a ``<template>`` element.

``overrides/assets/javascripts/scorer/`` reads this element (``#kit-scoring-data``)
and builds the interactive scorer from it: criteria ids, weights, knock-outs and
sections, the scale, the criteria's id and version, and the interface strings in
the page's language.

Why not ``<script type="application/json">``: Material's instant navigation re-creates
every inline ``<script>`` of the new page from its text alone, dropping ``type`` and
``id``, so the JSON would run as JavaScript (a syntax error) and could not be found.
A ``<template>`` is inert, never shown, and ``data-search-exclude`` keeps it out of the
search index. The JSON is made safe as HTML text: ``<``, ``>`` and ``&`` (so no
``</template>``, ``</script>`` or character reference can appear) and U+2028/U+2029
are ``\\u``-escaped, which JSON.parse reads back unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from markupsafe import Markup

from generator.model import numbered_sections
from generator.render.agencies import COUNTS
from generator.render.base import Context
from generator.scoring import eliminates_at

__all__ = ["DECLARATION_FORMAT", "ELEMENT_ID", "FORMAT", "STRINGS", "data_element", "json_for_html", "page_strings",
           "scoring_data", "scoring_element"]

ELEMENT_ID = "kit-scoring-data"
"""Id of the ``<template>`` element holding the JSON."""
FORMAT = MappingProxyType({"name": "kit-scoring", "version": 2})
"""Name and version of the saved and exported scoring document (see scorer/storage.js)."""
DECLARATION_FORMAT = MappingProxyType({"name": "kit-declaration", "version": 1})
"""Name and version of the agency's declaration file (see scorer/declaration.js)."""
STRINGS = MappingProxyType({
    # Several reviewers (people-view.js, people-text.js).
    "colon": "colon", "ppMe": "pp_me", "ppWho": "pp_who", "ppOwnerName": "pp_owner_name",
    "ppOwnerHint": "pp_owner_hint", "ppNoReviewers": "pp_no_reviewers", "ppPerson": "pp_person",
    "ppExport": "pp_export",
    "ppExported": "pp_exported", "ppForget": "pp_forget", "ppForgetConfirm": "pp_forget_confirm",
    "ppForgotten": "pp_forgotten", "ppReviewName": "pp_review_name", "ppReviewAdd": "pp_review_add",
    "ppReviewHint": "pp_review_hint", "ppReviewed": "pp_reviewed", "ppReviewFailed": "pp_review_failed",
    "ppReviewerN": "pp_reviewer_n", "ppDisagree": "pp_disagree", "ppDisagreeIntro": "pp_disagree_intro",
    "ppDisagreeNone": "pp_disagree_none", "ppDisagreeCount": "pp_disagree_count",
    "ppAgencyCount": "pp_agency_count", "ppKoDiffers": "pp_ko_differs", "ppAgreePick": "pp_agree_pick",
    "ppSettled": "pp_settled", "ppUnsettle": "pp_unsettle", "ppCountsAgreed": "pp_counts_agreed",
    "ppCountsReviewer": "pp_counts_reviewer", "ppReport": "pp_report", "ppReportPeople": "pp_report_people",
    "ppReportOpen": "pp_report_open", "ppReportSettled": "pp_report_settled", "ppReportOwn": "pp_report_own",
    "ppReportOpenShort": "pp_report_open_short", "ppShareAs": "pp_share_as", "ppPrintStar": "pp_print_star",
    "ppPeopleLine": "pp_people_line", "ppNameTaken": "pp_name_taken", "ppUpdate": "pp_update",
    "ppUpdateHint": "pp_update_hint", "ppUpdated": "pp_updated", "ppReviewNew": "pp_review_new",
    "ppReviewNewName": "pp_review_new_name", "ppReportRemarks": "pp_report_remarks",
    # The worksheet, its ranking and files (scorer.js, views.js, state-text.js, share*.js, verdict-text.js).
    "title": "sc_title", "intro": "sc_intro", "agencies": "sc_agencies", "agencyName": "sc_agency_name",
    "defaultName": "ws_agency", "unnamed": "sc_unnamed", "add": "sc_add", "remove": "sc_remove",
    "removeConfirm": "sc_remove_confirm", "max": "sc_max", "scoringFor": "sc_scoring_for",
    "noAgencies": "sc_no_agencies", "notScored": "sc_not_scored", "na": "na", "naMeaning": "wb_na_meaning",
    "notes": "notes", "weight": "weight", "ko": "knockout_short", "knocked": "sc_knocked",
    "weightShort": "ws_weight_short", "koShort": "ws_ko_short",
    "sectionScore": "ws_section_score", "total": "ws_total", "counts": "sc_counts",
    "disqualified": "sc_disqualified", "compare": "sc_compare", "rank": "ws_rank", "agency": "wb_agency_head",
    "scored": "sc_scored", "status": "sc_status", "chart": "sc_chart", "chartDesc": "sc_chart_desc",
    "data": "sc_data", "saved": "sc_saved", "noStorage": "sc_no_storage", "exportJson": "sc_export_json",
    "importJson": "sc_import_json", "exportCsv": "sc_export_csv", "print": "sc_print",
    "printHint": "sc_print_hint", "clear": "sc_clear", "clearConfirm": "sc_clear_confirm",
    "corrupt": "sc_corrupt", "downloadRaw": "sc_download_raw", "reset": "sc_reset",
    "changed": "sc_changed", "versionChanged": "sc_version_changed", "removed": "sc_removed",
    "added": "sc_added", "invalid": "sc_invalid", "kept": "sc_kept", "ok": "sc_ok",
    "imported": "sc_imported", "importError": "sc_import_error", "wrongCriteria": "sc_wrong_criteria",
    "badJson": "sc_bad_json", "badShape": "sc_bad_shape", "tooBig": "sc_too_big", "tooMany": "sc_too_many",
    "tooLong": "sc_too_long", "damaged": "sc_damaged", "barLabel": "sc_bar_label", "importAsk": "sc_import_ask",
    "importReplace": "sc_import_replace", "importMerge": "sc_import_merge", "importCancel": "sc_import_cancel",
    "importCancelled": "sc_import_cancelled", "merged": "sc_merged", "mergeTooMany": "sc_merge_too_many",
    "printTitle": "sc_print_title", "remote": "sc_remote", "remoteMore": "sc_remote_more", "listSep": "list_sep",
    "flagsHead": "red_flags", "flagged": "iv_flagged", "flagsTitle": "rp_flags", "toRanking": "sc_to_ranking",
    "blankShow": "sc_blank_show", "blankHide": "sc_blank_hide", "reportLink": "rp_link",
    "appWechat": "app_wechat", "appWecom": "app_wecom", "appDingtalk": "app_dingtalk", "appQq": "app_qq",
    "appAlipay": "app_alipay", "inappNote": "inapp_note", "copyJson": "sc_copy_json", "copied": "sc_copied",
    "copyFallback": "sc_copy_fallback", "copyBox": "sc_copy_box", "pasteJson": "sc_paste_json",
    "pasteBox": "sc_paste_box", "pasteGo": "sc_paste_go", "pasteEmpty": "sc_paste_empty",
    "pictureLink": "sc_picture_link", "shTitle": "sh_title", "shIntro": "sh_intro", "shWhich": "sh_which",
    "shAll": "sh_all", "shNotes": "sh_notes", "shContains": "sh_contains", "shNotesIn": "sh_notes_in",
    "shNotesOut": "sh_notes_out", "shMake": "sh_make", "shCopy": "sh_copy", "shCopied": "sh_copied",
    "shLink": "sh_link", "shQr": "sh_qr", "shNoQr": "sh_no_qr", "shTooLong": "sh_too_long", "shPlain": "sh_plain",
    "shReceived": "sh_received", "shAdd": "sh_add", "shReplace": "sh_replace", "shIgnore": "sh_ignore",
    "shAdded": "sh_added", "shReplaced": "sh_replaced", "shIgnored": "sh_ignored", "shBad": "sh_bad",
    "shLinkTooLong": "sh_link_too_long", "shNoInflate": "sh_no_inflate", "shNewer": "sh_newer",
    "shOtherVersion": "sh_other_version", "newerFile": "sc_newer_file",
    "section": "sc_section", "no": "wb_no", "criterionId": "sc_criterion_id", "criterion": "wb_criterion",
    "score": "wb_score", "yes": "wb_yes", "removedShort": "sc_removed_short", "notesTitle": "sc_notes_title",
    "verdict": "vd_head", "vdRanked": "vd_ranked", "vdEliminated": "vd_eliminated", "vdIncomplete": "vd_incomplete",
    "vdIncompleteShort": "vd_incomplete_short",
    "vdIncompleteShare": "vd_incomplete_share", "vdBelow": "vd_below", "vdClose": "vd_close",
    # The agency's written answers on the worksheet, interview and report (claims*.js).
    "clImport": "cl_import", "clImportIntro": "cl_import_intro", "clChooseFile": "cl_choose_file",
    "clPasteBox": "cl_paste_box", "clPasteGo": "cl_paste_go", "clImported": "cl_imported", "clHead": "cl_head",
    "clAttached": "evidence_attached", "clContradict": "cl_contradict", "clContradicted": "cl_contradicted",
    "clUndo": "cl_undo", "clDeclaredBy": "cl_declared_by", "clOtherCriteria": "cl_other_criteria",
    "clNewer": "cl_newer", "clBadJson": "cl_bad_json", "clBadShape": "cl_bad_shape",
    "clOtherVersion": "cl_other_version", "rpContradicted": "rp_contradicted",
    "rpContradictedIntro": "rp_contradicted_intro", "clUseImport": "cl_use_import",
    # The evidence status (evidence.js; issue 27).
    "evHead": "ev_head", "evClaimed": "ev_claimed", "evSeen": "ev_seen", "evChecked": "ev_checked",
    "evClaimedMeans": "ev_claimed_means", "evSeenMeans": "ev_seen_means", "evCheckedMeans": "ev_checked_means",
    "evDate": "ev_date", "evWhere": "ev_where", "evWhereClaimed": "ev_where_claimed", "evWhereSeen": "ev_where_seen",
    "evWhereChecked": "ev_where_checked", "evShare": "ev_share", "evShareNone": "ev_share_none", "evHeavy": "ev_heavy",
    "evHeavyNone": "ev_heavy_none", "evHeavyCount": "ev_heavy_count", "evNone": "ev_none",
    "evCsvDate": "ev_csv_date", "evCsvWhere": "ev_csv_where", "evColon": "colon",
    "evHeavyMeans": "ev_heavy_means",
})
"""Key in the ``strings`` of every page that scores → label key in generator/words/labels.py; the interview and
the report add their own (generator/render/interview.py, report.py)."""
_PLACEHOLDERS = ("n", "letter", "name", "max", "reason", "old", "new", "ids", "id", "scored", "na", "blank",
                 "where", "size", "names", "current", "what", "first", "second", "share",
                 "app", "scores", "flags", "notes", "version", "company", "signatory", "date",
                 "score", "who", "open", "total", "item", "median", "suggestion")
"""Placeholders left in the strings of every page (scorer, interview, report, declaration) for its script to fill in."""


def page_strings(ctx: Context, table: Mapping[str, str], **values: object) -> dict[str, str]:
    """A page's ``strings`` (key → label in the context's language) from ``table`` (key → label key):
    ``values`` filled in, the placeholders of ``_PLACEHOLDERS`` left as ``{name}`` for the script; a label with any
    other placeholder raises KeyError."""
    keep: dict[str, object] = {name: "{" + name + "}" for name in _PLACEHOLDERS if name not in values}
    return {key: ctx.label(name, **keep, **values) for key, name in table.items()}


def scoring_data(ctx: Context) -> dict[str, Any]:
    """Everything the scorer needs, in the context's language; self-check sections are left out (never scored)."""
    criteria, lang, label = ctx.criteria.scored, ctx.lang, ctx.label
    declared = {k.id for k in criteria.declared_criteria}
    return {
        "format": dict(FORMAT),
        "declarationFormat": dict(DECLARATION_FORMAT),
        "lang": lang,
        "criteria": {"id": criteria.meta.id, "version": criteria.meta.version,
                     "title": criteria.meta.title(lang)},
        "scale": {"min": criteria.scale.min_score, "max": criteria.scale.max_score,
                  "levels": [{"score": lv.score, "label": lv.label(lang)} for lv in criteria.scale.levels]},
        "sections": [
            {"id": s.id, "number": sn, "title": s.title(lang), "minimum": s.minimum,
             "minimumReason": s.minimum_reason(lang) if s.minimum_reason else None, "criteria": [
                {"id": k.id, "number": kn, "title": k.title(lang), "weight": k.weight,
                 "knockout": k.knockout, "eliminatesAt": eliminates_at(criteria, k), "declare": k.id in declared,
                 "flags": [flag(lang) for flag in k.red_flags]}
                for kn, k in ks]}
            for sn, s, ks in numbered_sections(criteria.sections)],
        "verdict": {"unscoredLimit": criteria.verdict.unscored_limit,
                    "closeCallMargin": criteria.verdict.close_call_margin},
        "strings": page_strings(ctx, STRINGS, **COUNTS),
        # The worksheet's scorer links the phone interview page (generator/render/interview.py).
        "interview": {"text": label("iv_from_worksheet"), "link": label("interview"),
                      "href": "../interview/"},
        # Default agency names in every language, so that they follow the page's language until renamed.
        "defaultNames": [ctx.edition.texts[other].label("ws_agency", letter="{letter}")
                         for other in criteria.meta.languages],
    }


def json_for_html(value: Any) -> str:
    """``value`` as compact JSON that reads back unchanged as HTML text (no ``<``, ``>`` or ``&``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def data_element(element_id: str, value: Any) -> Markup:
    """The inert ``<template id="element_id">`` holding ``value`` as JSON, left out of the search index."""
    return Markup(f'<template id="{element_id}" data-search-exclude>{json_for_html(value)}</template>')


def scoring_element(ctx: Context) -> Markup:
    """The ``<template>`` element holding ``scoring_data`` as JSON."""
    return data_element(ELEMENT_ID, scoring_data(ctx))
