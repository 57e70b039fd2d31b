"""The edition's logo as the printed forms' PDFs and the workbook take it.

The PDFs embed the logo file itself (a ``data:`` address: WeasyPrint draws SVG as vector
graphics). Spreadsheets show PNG and JPEG pictures only, so the workbook gets a PNG at a fixed
height: an SVG drawn by CairoSVG (its references are same-document only, see
generator.checks.svg_check), a WebP re-encoded by Pillow. Both are pure functions of the logo's
bytes, so two builds give the same workbook.
"""

from __future__ import annotations

import base64
import io
from pathlib import PurePosixPath
from types import MappingProxyType

from generator.model import Logo

__all__ = ["LOGO_HEIGHT", "logo_data_uri", "logo_picture"]

LOGO_HEIGHT = 48
"""Height of the workbook's logo picture, in pixels (about 13 mm)."""
_TYPES = MappingProxyType({".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
                           ".jpeg": "image/jpeg", ".webp": "image/webp"})


def _suffix(logo: Logo) -> str:
    return PurePosixPath(logo.name).suffix.lower()


def logo_data_uri(logo: Logo) -> str:
    """The logo as a ``data:`` address (for the PDFs, which load nothing else)."""
    return f"data:{_TYPES[_suffix(logo)]};base64,{base64.b64encode(logo.data).decode('ascii')}"


def logo_picture(logo: Logo) -> tuple[bytes, int, int]:
    """The logo as a PNG ``LOGO_HEIGHT`` pixels high (aspect kept), with its width and height."""
    from PIL import Image  # loaded only by a workbook with a logo

    if _suffix(logo) == ".svg":
        import cairosvg  # type: ignore[import-untyped]  # loads Cairo: only an SVG logo pays it

        data: bytes = cairosvg.svg2png(bytestring=logo.data, output_height=LOGO_HEIGHT)
        with Image.open(io.BytesIO(data)) as image:
            return data, image.width, image.height
    with Image.open(io.BytesIO(logo.data)) as image:
        width = max(1, round(image.width * LOGO_HEIGHT / image.height))
        picture = image.convert("RGBA").resize((width, LOGO_HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=False)
    return out.getvalue(), width, LOGO_HEIGHT
