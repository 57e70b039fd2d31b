"""Contexts and labels for tests: one language of an edition, as renderers take it."""

from __future__ import annotations

from functools import cache

from conftest import DEFAULT_CRITERIA
from generator.edition import Edition, edition_of
from generator.load import load_criteria
from generator.model import Criteria
from generator.render.base import CommitLike, Context, contexts
from generator.words.texts import Texts

__all__ = ["context", "default_edition", "label", "texts"]


@cache
def default_edition() -> Edition:
    """The edition of data/criteria.yaml."""
    return edition_of(load_criteria(DEFAULT_CRITERIA))


def label(lang: str, key: str, /, **values: object) -> str:
    """The label ``key`` in ``lang`` as the default edition shows it."""
    return default_edition().texts[lang].label(key, **values)


def context(criteria: Criteria, lang: str, source: str = "criteria.yaml", commit: CommitLike | None = None,
            pdf: bool = False) -> Context:
    """The context of ``lang`` of the edition of ``criteria``."""
    found = contexts(edition_of(criteria), source, commit, pdf)
    return next(ctx for ctx in found if ctx.lang == lang)


def texts(criteria: Criteria, lang: str) -> Texts:
    """The texts of ``lang`` of the edition of ``criteria``."""
    return edition_of(criteria).texts[lang]
