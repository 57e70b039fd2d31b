"""The ``<meta name="description">`` of a page: the text of its first paragraph, or the edition's title.

Search engines show it under the page's title in their results (Lighthouse's SEO audit asks for
one on every page). It is taken from the page's own HTML as MkDocs rendered it, so it is in the
page's language and changes only when the page does; a page without a paragraph (or whose first
paragraph is only a link or two) gets the edition's title. Text inside ``<template>``,
``<noscript>``, ``<script>`` and ``<style>`` is not the page's text and is skipped, and so is the
printed forms' running header (``kit-running``: the edition's title, version and commit).

A printable form's first paragraph is a print hint or instructions to fill it in, which say nothing of
what the page is for; a form page is described by its title and its line on the home page instead
(``form_description``: the label ``<form>_about``, so an edition's wording reaches it too).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from generator.render.agencies import COUNTS
from generator.render.pages import ALL_FORMS
from generator.words.texts import Texts

__all__ = ["DESCRIPTION_MAX", "form_description", "page_description"]

DESCRIPTION_MAX = 160
"""At most this many characters (search engines cut longer descriptions themselves)."""

MIN_WORDS = 4
"""A first paragraph shorter than this (in Latin words, or twice as many other characters) is passed over."""

_SKIPPED = frozenset({"template", "noscript", "script", "style"})
_SKIPPED_CLASSES = frozenset({"kit-running"})
_SPACE = re.compile(r"\s+")


class _Paragraphs(HTMLParser):
    """The whitespace-normalised text of each top-level ``<p>`` outside skipped elements, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0
        self._depth = 0
        self._parts: list[str] = []
        self._skip_p = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "p" and not self._skip:
            if self._depth == 0 and _SKIPPED_CLASSES & set((dict(attrs).get("class") or "").split()):
                self._skip_p = True
            if self._depth == 0:
                self._parts = []
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag == "p" and self._depth and not self._skip:
            self._depth -= 1
            if self._depth == 0:
                if not self._skip_p:
                    self.texts.append(_SPACE.sub(" ", "".join(self._parts)).strip())
                self._skip_p = False

    def handle_data(self, data: str) -> None:
        if self._depth and not self._skip:
            self._parts.append(data)


def _long_enough(text: str) -> bool:
    words = len(text.split())
    wide = sum(1 for ch in text if ord(ch) > 0x2E7F)  # CJK and other scripts written without spaces
    return words >= MIN_WORDS or wide >= 2 * MIN_WORDS


def _shortened(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # Latin text: end at a word
        cut = cut[:space]
    return cut.rstrip(" ,;:，、；：") + "…"


def page_description(html: str, fallback: str, limit: int = DESCRIPTION_MAX) -> str:
    """The first paragraph of ``html`` that reads as a sentence, shortened to ``limit`` characters, or
    ``fallback`` (the edition's title)."""
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    for text in parser.texts:
        if _long_enough(text):
            return _shortened(text, limit)
    return _shortened(_SPACE.sub(" ", fallback).strip(), limit)


def form_description(texts: Texts, page: str, limit: int = DESCRIPTION_MAX) -> str | None:
    """What the form page ``page`` (its path in the language's docs, e.g. ``worksheet.md``) is for, in
    ``texts``'s language: "Scoring worksheet · The printed sheet scores …"; None for a page that is no form."""
    form = page.removesuffix(".md")
    if form not in ALL_FORMS:
        return None
    text = f"{texts.label(form)} · {texts.label(f'{form}_about', **COUNTS)}"
    return _shortened(_SPACE.sub(" ", text).strip(), limit)
