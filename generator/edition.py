"""An edition: its criteria, and the texts each of its languages shows.

``generator.load.load_edition`` builds it from a criteria file; ``edition_of`` from a model
already loaded. The texts are resolved once, with the one fallback rule of
``generator.words.fallback``, from the file's own ``labels:``/``texts:`` and ``meta.fallback`` and
the built-in texts. Nothing is held anywhere else: two editions in one process never mix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from generator.model import Criteria
from generator.words.texts import Texts, language_texts

__all__ = ["Edition", "edition_of"]


@dataclass(frozen=True)
class Edition:
    """A criteria model with the texts of each of its languages."""

    criteria: Criteria
    """The validated criteria."""
    texts: Mapping[str, Texts]
    """The texts of each language of ``criteria.meta.languages``."""


def edition_of(criteria: Criteria) -> Edition:
    """The edition of ``criteria``: its texts per language resolved from the file and the built-in texts.

    A language's own texts are the file's words over those converted to its Chinese script from its
    fallback chain (``criteria.converted``, see generator.borrow)."""
    fallback = dict(criteria.meta.fallback)
    labels = {lang: dict(table) for lang, table, _ in criteria.converted}
    texts = {lang: {page: dict(keys) for page, keys in pages} for lang, _, pages in criteria.converted}
    for lang, table in criteria.labels:  # the file's own words win over converted ones
        labels[lang] = {**labels.get(lang, {}), **dict(table)}
    for lang, own in criteria.texts:
        for page, keys in own:
            texts.setdefault(lang, {})[page] = {**texts.get(lang, {}).get(page, {}), **dict(keys)}
    return Edition(criteria, MappingProxyType({
        lang: language_texts(lang, fallback, labels, texts) for lang in criteria.meta.languages}))
