"""The edition's logo as the printed forms' PDFs and the workbook take it.

A logo is made for the site's header, where Material draws it on the primary colour: typically white
strokes, which vanish on a white page. Both therefore stand it on a badge of that colour
(generator.render.colours.primary_colour) with rounded corners, so it reads as it does on the site,
whatever its own colours.

The PDFs embed the logo file itself (a ``data:`` address: WeasyPrint draws SVG as vector
graphics) and draw the badge as the picture's background (pdf.css). Spreadsheets show PNG and JPEG
pictures only, so the workbook gets a PNG of the badge at a fixed height with the logo on it: an SVG
drawn by CairoSVG (its references are same-document only, see generator.checks.svg_check), a raster
logo resized by Pillow. Both are pure functions of the logo's bytes and the colour, so two builds give
the same workbook.
"""

from __future__ import annotations

import base64
import io
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import TYPE_CHECKING

from generator.model import Logo

if TYPE_CHECKING:
    from PIL.Image import Image as Picture

__all__ = ["BADGE_PADDING", "LOGO_HEIGHT", "logo_data_uri", "logo_picture"]

LOGO_HEIGHT = 48
"""Height of the workbook's logo picture, the badge, in pixels (about 13 mm)."""
BADGE_PADDING = 5
"""Pixels of the badge's colour around the logo in the workbook's picture (a tenth of its height, as in
the PDFs: 1 mm around 8 mm)."""
_RADIUS = 7
"""Radius of the badge's corners, in pixels (1.5 mm of the PDFs' 10 mm)."""
_FINE = 4
"""The badge's shape is drawn this many times larger, then shrunk: smooth corners, the same pixels each time."""
_TYPES = MappingProxyType({".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
                           ".jpeg": "image/jpeg", ".webp": "image/webp"})


def _suffix(logo: Logo) -> str:
    return PurePosixPath(logo.name).suffix.lower()


def logo_data_uri(logo: Logo) -> str:
    """The logo as a ``data:`` address (for the PDFs, which load nothing else)."""
    return f"data:{_TYPES[_suffix(logo)]};base64,{base64.b64encode(logo.data).decode('ascii')}"


def logo_picture(logo: Logo, badge: str) -> tuple[bytes, int, int]:
    """The logo on a badge of colour ``badge`` (#RRGGBB) as a PNG ``LOGO_HEIGHT`` pixels high (the logo's
    aspect kept), with its width and height."""
    from PIL import Image, ImageDraw  # loaded only by a workbook with a logo

    inner = _logo_image(logo, LOGO_HEIGHT - 2 * BADGE_PADDING)
    size = (inner.width + 2 * BADGE_PADDING, LOGO_HEIGHT)
    shape = Image.new("L", (size[0] * _FINE, size[1] * _FINE), 0)
    ImageDraw.Draw(shape).rounded_rectangle((0, 0, shape.width - 1, shape.height - 1), _RADIUS * _FINE, fill=255)
    picture = Image.new("RGBA", size, badge)
    picture.putalpha(shape.resize(size, Image.Resampling.LANCZOS))
    picture.alpha_composite(inner, (BADGE_PADDING, BADGE_PADDING))
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=False)
    return out.getvalue(), size[0], size[1]


def _logo_image(logo: Logo, height: int) -> Picture:
    """The logo as an RGBA Pillow image ``height`` pixels high, its aspect kept."""
    from PIL import Image

    if _suffix(logo) == ".svg":
        import cairosvg  # type: ignore[import-untyped]  # loads Cairo: only an SVG logo pays it

        data: bytes = cairosvg.svg2png(bytestring=logo.data, output_height=height)
        with Image.open(io.BytesIO(data)) as image:
            return image.convert("RGBA")
    with Image.open(io.BytesIO(logo.data)) as image:
        width = max(1, round(image.width * height / image.height))
        return image.convert("RGBA").resize((width, height), Image.Resampling.LANCZOS)
