"""Intro and instruction texts of the data-born printable pages, one YAML file per language.

``generator/texts/<lang>.yaml`` maps each page of ``DATA_FORMS`` to its texts. A language
without a file uses the English one, as interface labels do (generator/labels.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from generator.render.form_names import DATA_FORMS

__all__ = ["TEXTS_DIR", "PageText", "page_text", "text_languages"]

TEXTS_DIR = Path(__file__).parent / "texts"
"""Folder of the per-language text files."""


@dataclass(frozen=True)
class PageText:
    """The texts of one page in one language."""

    intro: str
    """What the page is for, shown under its title."""
    instructions: str
    """How to fill it in."""
    empty: str
    """Shown instead of the list when the criteria give it nothing to list."""


def text_languages() -> tuple[str, ...]:
    """Languages that have a text file."""
    return tuple(sorted(path.stem for path in TEXTS_DIR.glob("*.yaml")))


@cache
def _load(lang: str) -> dict[str, PageText]:
    raw = yaml.safe_load((TEXTS_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    return {page: PageText(**raw[page]) for page in DATA_FORMS}


def page_text(lang: str, page: str) -> PageText:
    """The texts of ``page`` (one of DATA_FORMS) in ``lang``, or in English if ``lang`` has no file."""
    return _load(lang if lang in text_languages() else "en")[page]
