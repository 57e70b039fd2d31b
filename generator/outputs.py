"""Everything generated from one criteria model, as ``{path under docs/: content}``."""

from __future__ import annotations

from generator.model import Criteria
from generator.render.guide import render_guide

__all__ = ["render_all"]


def render_all(criteria: Criteria, source: str) -> dict[str, str | bytes]:
    """Every generated file, keyed by path relative to the docs folder (``<lang>/...``)."""
    files: dict[str, str | bytes] = {}
    for lang in criteria.meta.languages:
        for path, content in render_guide(criteria, lang, source).items():
            files[f"{lang}/{path}"] = content
    return files
