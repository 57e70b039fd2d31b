"""Names of the printable forms; each is also its page's file name (``<form>.md``) and its label key."""

from __future__ import annotations

from generator.model import Criteria

__all__ = ["ALL_FORMS", "DATA_FORMS", "FORMS", "REPORT", "REQUIRED_FORM", "published_forms", "skip_label",
           "skip_target"]

FORMS = ("questionnaire", "checklist", "worksheet")
"""Forms about the agencies, made by generator.render.forms."""
DATA_FORMS = ("desk-check", "visit", "contract-review", "after-signing", "self-check")
"""Forms whose instructions are data too (generator/texts/); made by generator.render.data_forms. The first three
are the sittings after the phone screen (whose form is the checklist): see generator.render.sittings."""
ALL_FORMS = FORMS + DATA_FORMS
"""Every printable form, in menu order."""
REQUIRED_FORM = "worksheet"
"""The form an edition cannot leave out: the interview and the comparison report lead to it."""
REPORT = "report"
"""The comparison report page (generator.render.report): built in the browser, printed like a form."""


def published_forms(criteria: Criteria) -> tuple[str, ...]:
    """The forms the site publishes, in menu order: those ``meta.forms`` chooses (all by default), less
    those with no content: a sitting's form without any must-ask question in that sitting, the
    post-signing checklist without any ``after_signing`` item, the self-check without a self-check
    section. No page, menu entry, home link or PDF is made for the others."""
    from generator.render.sittings import SITTING_FORMS, sitting_items  # sittings reads the model only

    chosen = criteria.meta.forms or ALL_FORMS
    empty = {"after-signing": not any(c.after_signing for c in criteria.criteria),
             "self-check": not criteria.self_check_sections,
             **{form: not sitting_items(criteria, sitting) for form, sitting in SITTING_FORMS.items()}}
    return tuple(form for form in ALL_FORMS if form in chosen and not empty.get(form, False))


def skip_target(page: str) -> str | None:
    """Where a form page's skip link leads (an element id), or None for pages that are not forms.

    The interview page (generator.render.interview) is an HTML page too and gets one as well.

    Form pages are HTML, so Material finds no headings for its own skip link; without one a
    keyboard user tabs through the whole header and menu first. The link leads to the form's
    title, so the next Tab reaches the form's first control (on the worksheet, the scorer's).
    The comparison report is HTML too and gets one to its title."""
    form = page.removesuffix(".md")
    return form if form in ALL_FORMS or form in (REPORT, "interview") else None


def skip_label(target: str) -> str:
    """The label key of the skip link leading to ``target`` (a ``skip_target``)."""
    return "skip_to_report" if target == REPORT else "skip_to_form"
