"""An edition's own colours (``meta.branding``): a palette name, or a hex colour that text can be read on.

Material for MkDocs writes the header's text in white on the primary colour, and links in the primary
colour (the accent colour on hover) on the white page. A hex colour must give that text the contrast
WCAG 2 asks of body text at level AA, 4.5:1; a palette name is Material's own, already checked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from generator.parse.source import Parsed
from generator.problems import Problem

__all__ = ["AA_TEXT", "HEX_COLOUR", "WHITE", "colour_problems", "contrast", "darker", "is_hex"]

HEX_COLOUR = "^#[0-9A-Fa-f]{6}$"
"""A colour as the schema accepts it besides a palette name: # and six hex digits (#1565C0)."""
WHITE = "#FFFFFF"
"""The header text's colour and the page's background."""
AA_TEXT = 4.5
"""Least contrast ratio for text (WCAG 2, success criterion 1.4.3, level AA)."""


def is_hex(value: object) -> bool:
    """Whether ``value`` is a hex colour (#RRGGBB)."""
    return isinstance(value, str) and re.fullmatch(HEX_COLOUR, value) is not None


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _luminance(colour: str) -> float:
    """WCAG relative luminance of ``colour`` (#RRGGBB)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darker(colour: str, target: float = AA_TEXT) -> str:
    """``colour`` darkened (every channel scaled down alike, so the hue stays) just enough for white
    text to reach ``target``."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    for step in range(100, -1, -1):
        shade = "#{:02X}{:02X}{:02X}".format(*(round(c * step / 100) for c in (r, g, b)))
        if contrast(shade, WHITE) >= target:
            return shade
    return "#000000"


def shown_ratio(ratio: float) -> str:
    """A ratio as the message shows it: rounded down, so that 4.49 never reads 4.5."""
    return f"{math.floor(ratio * 100) / 100:.2f}"


def colour_problems(parsed: Parsed, meta: dict[str, Any]) -> Iterator[Problem]:
    """A problem at each hex colour of ``meta.branding`` that white text or the page cannot be read on."""
    branding = meta.get("branding")
    if not isinstance(branding, dict):
        return
    for key in ("primary", "accent"):
        colour = branding.get(key)
        if not isinstance(colour, str) or not is_hex(colour):
            continue  # a palette name, or the schema reports it
        ratio = contrast(colour, WHITE)
        if ratio < AA_TEXT:
            fix = darker(colour)
            message = "colour_contrast_primary" if key == "primary" else "colour_contrast_accent"
            yield parsed.at(("meta", "branding", key), message, colour=colour,
                            ratio=shown_ratio(ratio), least=AA_TEXT, darker=fix,
                            darker_ratio=shown_ratio(contrast(fix, WHITE)))
