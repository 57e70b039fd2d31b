"""Where the kit lives on disk: its checkout and the generator package. Defined here once."""

from __future__ import annotations

from pathlib import Path

__all__ = ["PACKAGE", "PROJECT"]

PACKAGE = Path(__file__).resolve().parent
"""The ``generator`` package: its templates, texts and schema."""
PROJECT = PACKAGE.parent
"""The kit's checkout: ``mkdocs.yml``, ``overrides/``, ``data/``."""
