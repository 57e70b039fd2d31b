"""The data of the online declaration on the ``declaration/`` page, as JSON in a ``<template>`` element.

The agency fills the declaration on its own phone or computer; ``scorer/declaration-form.js``
builds the form from this element (``#kit-declaration-data``) and saves the file that
``scorer/declaration.js`` describes, which the merchant imports on her worksheet or in the
interview. Only the declared questions are here (generator.render.paper.declaration_items):
no weights, knock-outs or red flags, since the form is meant for the agency.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from markupsafe import Markup

from generator.render.base import Context
from generator.render.paper import declaration_items
from generator.render.scoring_data import DECLARATION_FORMAT, data_element, page_strings

__all__ = ["ELEMENT_ID", "STRINGS", "declaration_data", "declaration_element"]

ELEMENT_ID = "kit-declaration-data"
"""Id of the ``<template>`` element holding the JSON."""
STRINGS = MappingProxyType({
    "title": "dc_online_title", "intro": "dc_online_intro", "answer": "answer", "attached": "evidence_attached",
    "company": "field_company", "code": "field_credit_code", "signatory": "field_signatory", "date": "field_date",
    "save": "dc_save", "copy": "dc_copy", "savedFile": "dc_saved_file", "copied": "dc_copied",
    "copyFallback": "sc_copy_fallback", "copyBox": "sc_copy_box", "draft": "dc_draft", "noStorage": "dc_no_storage",
    "needCompany": "dc_need_company", "nothing": "dc_nothing", "inapp": "dc_inapp", "clear": "dc_clear",
    "clearConfirm": "dc_clear_confirm", "printShow": "dc_print_show", "printHide": "dc_print_hide",
    "signHead": "dc_sign_head", "appWechat": "app_wechat", "appWecom": "app_wecom", "appDingtalk": "app_dingtalk",
    "appQq": "app_qq", "appAlipay": "app_alipay",
})
"""Key in the form's ``strings`` → label key (generator/texts/labels/)."""


def declaration_data(ctx: Context) -> dict[str, Any]:
    """The declared questions, the file's format and the criteria stamp, and the form's strings."""
    criteria, lang = ctx.criteria, ctx.lang
    return {
        "declarationFormat": dict(DECLARATION_FORMAT),
        "lang": lang,
        "criteria": {"id": criteria.meta.id, "version": criteria.meta.version, "title": criteria.meta.title(lang)},
        # One section of the declared criteria, in the shape scorer/declaration.js reads (declare: true).
        "sections": [{"criteria": [
            {"id": item.criterion.id, "number": item.number, "title": item.criterion.title(lang), "declare": True,
             "questions": [q(lang) for q in item.questions]}
            for item in declaration_items(criteria)]}],
        "strings": page_strings(ctx, STRINGS),
    }


def declaration_element(ctx: Context) -> Markup:
    """The ``<template>`` element holding ``declaration_data`` as JSON."""
    return data_element(ELEMENT_ID, declaration_data(ctx))
