"""Site navigation and language switcher, as plain data for the site engine."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from generator.model import Criteria
from generator.render.form_names import ALL_FORMS, REPORT
from generator.words.labels import label
from generator.words.language_tags import language_tag

__all__ = ["language_root", "page_alternates", "site_nav"]


def site_nav(criteria: Criteria, lang: str) -> list[dict[str, Any]]:
    """Navigation in ``lang``: guide pages, then one entry per section.

    Titles are HTML-escaped ``Markup``: the site's theme prints menu and page titles
    as HTML, and a section title is data (``<script>`` must show as text).
    """
    return _escaped(_nav(criteria, lang))


def _escaped(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{escape(title): _escaped(value) if isinstance(value, list) else value for title, value in item.items()}
            for item in items]


def _nav(criteria: Criteria, lang: str) -> list[dict[str, Any]]:
    return [
        {label(lang, "home"): "index.md"},
        {label(lang, "how_to_use"): "how-to-use.md"},
        {label(lang, "scoring"): "scoring.md"},
        {label(lang, "interview"): "interview.md"},
        {label(lang, "forms"): [*({label(lang, form): f"{form}.md"} for form in ALL_FORMS),
                                {label(lang, REPORT): f"{REPORT}.md"}]},
        {label(lang, "downloads"): "downloads.md"},
        {label(lang, "sections"): [
            {section.title(lang): f"sections/{section.id}.md"} for section in criteria.sections
        ]},
        {label(lang, "editions"): [
            *_maintainer_pages(criteria, lang),
            {label(lang, "changelog"): "changelog.md"},
        ]},
    ]


def _maintainer_pages(criteria: Criteria, lang: str) -> list[dict[str, Any]]:
    """The editor pages, unless the edition leaves them out (``meta.maintainer_pages: false``)."""
    if not criteria.meta.maintainer_pages:
        return []
    return [{label(lang, "make_edition"): "edition.md"}, {label(lang, "schema_reference"): "schema.md"}]


def language_root(criteria: Criteria, lang: str) -> str:
    """Path of a language's site below the site root: '' for the main language, else '<lang>/'."""
    return "" if lang == criteria.meta.languages[0] else f"{lang}/"


def page_alternates(criteria: Criteria, lang: str, page_url: str) -> list[dict[str, str]]:
    """Switcher entries linking page ``page_url`` (relative to its language root,
    e.g. 'sections/identity/') to the same page in every language, as relative links."""
    depth = page_url.count("/") + language_root(criteria, lang).count("/")
    return [
        {"name": label(other, "language_name"), "lang": language_tag(other),
         "link": ("../" * depth + language_root(criteria, other) + page_url) or "./"}
        for other in criteria.meta.languages
    ]
