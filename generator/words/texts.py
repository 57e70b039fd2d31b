"""Every text one language of an edition shows: interface labels and page texts, resolved once.

A text comes from the first language of the language's fallback chain (``generator.words.fallback``)
that has it; in each language, the criteria file's own text (``labels:``, ``texts:``) before the
built-in one. The result is frozen: renderers read it, nothing changes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from generator.model import PageValue
from generator.words.fallback import fallback_chain, first_found
from generator.words.labels import LABELS
from generator.words.page_texts import PageText, PageTexts, default_texts
from generator.words.references import resolve_labels, resolve_page_text

__all__ = ["Texts", "language_texts"]


@dataclass(frozen=True)
class Texts:
    """The labels and page texts of one language, each key resolved through the fallback chain."""

    lang: str
    """The language."""
    chain: tuple[str, ...]
    """Where its texts come from, in order: itself, its ``meta.fallback``, English."""
    labels: Mapping[str, str]
    """Every interface label, by key, with its ``{@references}`` resolved and ``{placeholders}`` still in it."""
    pages: PageTexts
    """Every page text: {page: {key: text or list of texts}}, its ``{@references}`` resolved."""
    shown_in: Mapping[str, str]
    """The language each text comes from, by ``key`` (labels) or ``page.key`` (page texts)."""

    def label(self, key: str, /, **values: object) -> str:
        """The label ``key`` with its ``{placeholders}`` filled in."""
        return self.labels[key].format(**values)

    def page(self, page: str) -> Mapping[str, PageValue]:
        """Every text of ``page``, by key."""
        return self.pages[page]

    def page_text(self, page: str) -> PageText:
        """The texts of a data-born printable page."""
        texts = self.pages[page]
        return PageText(str(texts["intro"]), str(texts["instructions"]), str(texts["empty"]))

    def label_gaps(self) -> list[tuple[str, str]]:
        """(key, language shown instead) for every label this language lacks."""
        return [(key, self.shown_in[key]) for key in self.labels if self.shown_in[key] != self.lang]

    def text_gaps(self) -> list[tuple[str, str, str]]:
        """(page, key, language shown instead) for every page text this language lacks."""
        return [(page, key, shown) for page, keys in self.pages.items() for key in keys
                if (shown := self.shown_in[f"{page}.{key}"]) != self.lang]


def language_texts(lang: str, fallback: Mapping[str, Sequence[str]],
                   file_labels: Mapping[str, Mapping[str, str]],
                   file_texts: Mapping[str, PageTexts]) -> Texts:
    """The texts of ``lang``: the file's labels and page texts over the built-in ones, along the chain."""
    chain = fallback_chain(lang, fallback)
    shown: dict[str, str] = {}

    def label_tables(other: str) -> tuple[Mapping[str, str], ...]:
        return file_labels.get(other, {}), LABELS.get(other, {})

    labels = {}
    for key in LABELS["en"]:
        found = first_found(chain, label_tables, key)
        assert found is not None  # English has every key
        labels[key], shown[key] = found
    labels = resolve_labels(labels)  # after the chain: a borrowed text names this language's labels
    pages = {}
    for page, keys in default_texts("en").items():
        def page_tables(other: str, page: str = page) -> tuple[Mapping[str, PageValue], ...]:
            return file_texts.get(other, {}).get(page, {}), default_texts(other).get(page, {})

        resolved = {}
        for key in keys:
            found_text = first_found(chain, page_tables, key)
            assert found_text is not None
            text, shown[f"{page}.{key}"] = found_text
            resolved[key] = (resolve_page_text(text, labels) if isinstance(text, str)
                             else tuple(resolve_page_text(item, labels) for item in text))
        pages[page] = MappingProxyType(resolved)
    return Texts(lang, chain, MappingProxyType(labels), MappingProxyType(pages), MappingProxyType(shown))
