"""How many agencies each output compares, in one place, so the pages tell one story about it."""

from __future__ import annotations

from types import MappingProxyType

from generator.render.workbook.layout import AGENCIES as WORKBOOK

__all__ = ["COUNTS", "ONLINE", "PRINTED", "WORKBOOK"]

PRINTED = ("A", "B", "C")
"""Column groups of the printed worksheet, one per agency compared."""
ONLINE = 10
"""Most agencies the online scorer compares (``LIMITS.agencies`` in overrides/.../scorer/storage.js)."""
COUNTS = MappingProxyType({"printed": len(PRINTED), "workbook": WORKBOOK, "online": ONLINE})
"""The three numbers, as label placeholders."""
