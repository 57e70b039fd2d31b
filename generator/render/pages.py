"""The render table: every page (or group of pages) one language of the site has, in menu order.

Each row names a page and the kind of renderer that makes it (``generator.render.language``
holds one renderer per kind, each a pure function of a ``Context`` and the row's name). A
form's name is also its page's file name (``<name>.md``), its title's label key and its
template (``templates/forms/<name>.html.j2``; a sitting's form shares ``sitting.html.j2``, see
generator.render.sittings). Adding a data-born form page is one row of kind
``DATA_FORM`` here, one template, and its texts (the label ``<name>`` and the page texts
``<name>:`` intro, instructions, empty); see the contributors' guide on the edition page.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Criteria
from generator.render.sittings import SITTING_FORMS, sitting_items

__all__ = [
    "ALL_FORMS",
    "DATA_FORM",
    "DATA_FORMS",
    "DOWNLOADS",
    "EDITION",
    "FORM",
    "FORMS",
    "GUIDE",
    "GUIDE_SEARCH_BOOST",
    "INTERVIEW",
    "PAGES",
    "REPORT",
    "SEARCHED_FORMS",
    "Page",
    "published",
    "published_forms",
    "search_options",
    "skip_label",
    "skip_target",
]

GUIDE = "guide"
"""Home, how to use, scoring and one page per section (generator.render.guide)."""
FORM = "form"
"""A printable form about the agencies (generator.render.forms)."""
DATA_FORM = "data-form"
"""A printable form whose instructions are data too (generator.render.data_forms)."""
INTERVIEW = "interview"
"""The phone interview (generator.render.interview)."""
REPORT = "report"
"""The comparison report (generator.render.report): built in the browser, printed like a form."""
DOWNLOADS = "downloads"
"""The downloads page and its files (generator.render.downloads)."""
EDITION = "edition"
"""The editor pages and the changelog (generator.render.edition)."""


@dataclass(frozen=True)
class Page:
    """One row of the render table."""

    name: str
    """The page's name: for forms, its file name (``<name>.md``), title label key and template."""
    kind: str
    """Which renderer makes it: GUIDE, FORM, DATA_FORM, INTERVIEW, REPORT, DOWNLOADS or EDITION."""


PAGES = (
    Page("guide", GUIDE),
    Page("questionnaire", FORM),
    Page("checklist", FORM),
    Page("worksheet", FORM),
    Page("desk-check", DATA_FORM),
    Page("visit", DATA_FORM),
    Page("declaration", DATA_FORM),
    Page("contract-review", DATA_FORM),
    Page("clauses", DATA_FORM),
    Page("after-signing", DATA_FORM),
    Page("self-check", DATA_FORM),
    Page("interview", INTERVIEW),
    Page("report", REPORT),
    Page("downloads", DOWNLOADS),
    Page("edition", EDITION),
)
"""The render table, in menu order."""

FORMS = tuple(page.name for page in PAGES if page.kind == FORM)
"""Forms about the agencies."""
DATA_FORMS = tuple(page.name for page in PAGES if page.kind == DATA_FORM)
"""Forms whose instructions are data too (generator/texts/). The first three are the sittings after the phone
screen (whose form is the checklist): see generator.render.sittings."""
ALL_FORMS = FORMS + DATA_FORMS
"""Every printable form, in menu order."""


def published_forms(criteria: Criteria) -> tuple[str, ...]:
    """The forms the site publishes, in menu order: those ``meta.forms`` chooses (all by default), less
    those with no content: a sitting's form without any must-ask question in that sitting, the
    declaration without any criterion it asks, the clauses page without any ``clauses``, the
    post-signing checklist without any ``after_signing`` item, the self-check without a self-check
    section. No page, menu entry, home link or PDF is made for the others."""
    chosen = criteria.meta.forms or ALL_FORMS
    empty = {"after-signing": not any(c.after_signing for c in criteria.criteria),
             "self-check": not criteria.self_check_sections,
             "declaration": not criteria.declared_criteria, "clauses": not criteria.clause_criteria,
             **{form: not sitting_items(criteria, sitting) for form, sitting in SITTING_FORMS.items()}}
    return tuple(form for form in ALL_FORMS if form in chosen and not empty.get(form, False))


def published(criteria: Criteria) -> tuple[Page, ...]:
    """The rows of the render table this edition publishes: every row but the forms it leaves out."""
    forms = published_forms(criteria)
    return tuple(page for page in PAGES if page.name not in ALL_FORMS or page.name in forms)


def skip_target(page: str) -> str | None:
    """Where a form page's skip link leads (an element id), or None for pages that are not forms.

    The interview page (generator.render.interview) is an HTML page too and gets one as well.

    Form pages are HTML, so Material finds no headings for its own skip link; without one a
    keyboard user tabs through the whole header and menu first. The link leads to the form's
    title, so the next Tab reaches the form's first control (on the worksheet, the scorer's).
    The comparison report is HTML too and gets one to its title."""
    form = page.removesuffix(".md")
    return form if form in ALL_FORMS or form in (REPORT, INTERVIEW) else None


def skip_label(target: str) -> str:
    """The label key of the skip link leading to ``target`` (a ``skip_target``)."""
    return "skip_to_report" if target == REPORT else "skip_to_form"


GUIDE_SEARCH_BOOST = 4.0
"""How much more a section page of the guide weighs in search than other pages (Material's ``search.boost``)."""

SEARCHED_FORMS = ("clauses", "after-signing")
"""The printable forms that stay in search: they hold text the guide does not (the model contract
clauses; the merchant's own tasks after signing). See ``search_options``."""


def search_options(page: str) -> dict[str, bool | float] | None:
    """Material's per-page ``search`` options for the page ``page`` (its path in the language's docs,
    e.g. ``sections/identity.md``), or None for the defaults.

    A merchant searches for a word such as 刷单 to learn what it means for an agency and what to ask.
    The guide's section page answers that: the criterion's heading has its own anchor, and the
    result lands on it. So the section pages rank first, and the other printable forms are left out
    of search: each of their criterion blocks repeats, as blank lines to fill in on paper, what that
    criterion's guide section says; indexed, such a form came first and opened at its top, thousands
    of pixels above the word, and its blocks would double every result list. They stay one tap away
    in the menu and on the home page. The forms of ``SEARCHED_FORMS`` rank below the guide, and open
    scrolled to the word (overrides/partials/search-landing.html). (The editor pages set their own
    options in their front matter, see generator.render.edition.)"""
    form = page.removesuffix(".md")
    if form in ALL_FORMS and form not in SEARCHED_FORMS:
        return {"exclude": True}
    if page.startswith("sections/"):
        return {"boost": GUIDE_SEARCH_BOOST}
    return None
