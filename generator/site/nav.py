"""Site navigation and language switcher, as plain data for the site engine."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from generator.edition import Edition
from generator.model import Criteria
from generator.render.pages import REPORT, published_forms
from generator.words.language_tags import language_tag
from generator.words.texts import Texts

__all__ = ["language_root", "page_alternates", "site_nav"]


def site_nav(edition: Edition, lang: str) -> list[dict[str, Any]]:
    """Navigation in ``lang``: guide pages, then one entry per section.

    Titles are HTML-escaped ``Markup``: the site's theme prints menu and page titles
    as HTML, and a section title is data (``<script>`` must show as text).
    """
    return _escaped(_nav(edition.criteria, edition.texts[lang]))


def _escaped(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{escape(title): _escaped(value) if isinstance(value, list) else value for title, value in item.items()}
            for item in items]


def _nav(criteria: Criteria, texts: Texts) -> list[dict[str, Any]]:
    lang, label = texts.lang, texts.label
    return [
        {label("home"): "index.md"},
        {label("how_to_use"): "how-to-use.md"},
        {label("scoring"): "scoring.md"},
        {label("interview"): "interview.md"},
        {label("forms"): [*({label(form): f"{form}.md"} for form in published_forms(criteria)),
                          {label(REPORT): f"{REPORT}.md"}]},
        {label("downloads"): "downloads.md"},
        {label("sections"): [
            {section.title(lang): f"sections/{section.id}.md"} for section in criteria.sections
        ]},
        _editions(criteria, texts),
    ]


def _editions(criteria: Criteria, texts: Texts) -> dict[str, Any]:
    """The editions group; just the changelog when the maintainer pages are hidden (no group of one)."""
    changelog = {texts.label("changelog"): "changelog.md"}
    pages = _maintainer_pages(criteria, texts)
    return {texts.label("editions"): [*pages, changelog]} if pages else changelog


def _maintainer_pages(criteria: Criteria, texts: Texts) -> list[dict[str, Any]]:
    """The editor pages, unless the edition leaves them out (``meta.maintainer_pages: false``)."""
    if not criteria.meta.maintainer_pages:
        return []
    return [{texts.label("make_edition"): "edition.md"}, {texts.label("schema_reference"): "schema.md"}]


def language_root(criteria: Criteria, lang: str) -> str:
    """Path of a language's site below the site root: '' for the main language, else '<lang>/'."""
    return "" if lang == criteria.meta.languages[0] else f"{lang}/"


def page_alternates(edition: Edition, lang: str, page_url: str) -> list[dict[str, str]]:
    """Switcher entries linking page ``page_url`` (relative to its language root,
    e.g. 'sections/identity/') to the same page in every language, as relative links."""
    criteria = edition.criteria
    depth = page_url.count("/") + language_root(criteria, lang).count("/")
    return [
        {"name": edition.texts[other].label("language_name"), "lang": language_tag(other),
         "link": ("../" * depth + language_root(criteria, other) + page_url) or "./"}
        for other in criteria.meta.languages
    ]
