"""The edition's hex colours as CSS for Material for MkDocs (its ``custom`` palette).

A palette name (teal) is Material's own: the hook sets it and nothing is written here. A hex
colour (#1565C0; ``check`` made sure white text reads on it) becomes the variables Material's
custom palette reads, with a lighter and a darker shade for its hovers and a see-through one
for the accent's backgrounds. ``primary_colour`` gives the hex of the colour the site's header is
drawn in, for what stands the logo on that colour elsewhere (the PDFs, the workbook).
"""

from __future__ import annotations

from types import MappingProxyType

from generator.checks.colours import is_hex
from generator.model import Criteria
from generator.render.base import Context

__all__ = ["COLOURS_CSS", "DEFAULT_PRIMARY", "PRIMARY_HEX", "colours_css", "palette_colours", "primary_colour"]

COLOURS_CSS = "assets/edition/colours.css"
"""Where the edition's colours are written in each language's docs folder."""
DEFAULT_PRIMARY = "indigo"
"""The primary palette of mkdocs.yml (and Material's own default): the header of an edition that sets none."""
PRIMARY_HEX = MappingProxyType({
    "red": "#EF5552", "pink": "#E92063", "purple": "#AB47BD", "deep purple": "#7E56C2", "indigo": "#4051B5",
    "blue": "#2094F3", "light blue": "#02A6F2", "cyan": "#00BDD6", "teal": "#009485", "green": "#4CAE4F",
    "light green": "#8BC34B", "lime": "#CBDC38", "yellow": "#FFEC3D", "amber": "#FFC105", "orange": "#FFA724",
    "deep orange": "#FF6E42", "brown": "#795649", "grey": "#757575", "blue grey": "#546D78",
    "black": "#14151A", "white": "#FFFFFF"})
"""Each primary palette name's ``--md-primary-fg-color`` in Material's palette stylesheet (black and white
as its hsla at the default hue, 225deg), checked against the installed Material by tests/test_branding.py."""


def _mix(colour: str, towards: int, share: float) -> str:
    """``colour`` moved ``share`` of the way to grey level ``towards`` (255 white, 0 black)."""
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(*(round(c + (towards - c) * share) for c in channels))


def palette_colours(criteria: Criteria) -> dict[str, str]:
    """Material's ``theme.palette`` colours of the edition: a palette name as it is, a hex one as custom."""
    branding = criteria.meta.branding
    if branding is None:
        return {}
    pairs = (("primary", branding.primary), ("accent", branding.accent))
    return {key: "custom" if is_hex(value) else value for key, value in pairs if value}


def primary_colour(criteria: Criteria) -> str:
    """The hex (#RRGGBB) of the site header's colour: the edition's primary colour, or the default one."""
    branding = criteria.meta.branding
    primary = branding.primary if branding is not None and branding.primary else DEFAULT_PRIMARY
    return primary.upper() if is_hex(primary) else PRIMARY_HEX[primary]


def colours_css(ctx: Context) -> str | None:
    """The CSS of the edition's hex colours, or None when it has none."""
    branding = ctx.criteria.meta.branding
    if branding is None or not (is_hex(branding.primary) or is_hex(branding.accent)):
        return None
    rules = [f"/* {ctx.label('banner', source=ctx.source).replace('*/', '* /')} */"]
    if branding.primary is not None and is_hex(branding.primary):
        colour = branding.primary.upper()
        rules.append(f'[data-md-color-primary="custom"] {{\n  --md-primary-fg-color: {colour};\n'
                     f"  --md-primary-fg-color--light: {_mix(colour, 255, 0.25)};\n"
                     f"  --md-primary-fg-color--dark: {_mix(colour, 0, 0.25)};\n"
                     "  --md-primary-bg-color: #FFFFFF;\n  --md-primary-bg-color--light: #FFFFFFB3;\n"
                     f"  --md-typeset-a-color: {colour};\n}}")
    if branding.accent is not None and is_hex(branding.accent):
        colour = branding.accent.upper()
        rules.append(f'[data-md-color-accent="custom"] {{\n  --md-accent-fg-color: {colour};\n'
                     f"  --md-accent-fg-color--transparent: {colour}1A;\n"
                     "  --md-accent-bg-color: #FFFFFF;\n  --md-accent-bg-color--light: #FFFFFFB3;\n}}")
    return "\n".join(rules) + "\n"
