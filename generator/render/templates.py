"""The one way renderers fill templates from ``generator/templates/<kind>/``."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from generator.render.markdown import md, md_cell, md_inline
from generator.root import PACKAGE
from generator.words.text_markup import md_code

__all__ = ["render"]

_ROOT = PACKAGE / "templates"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_ROOT)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Markdown templates (*.md.j2) escape every data value with the md filters;
        # HTML templates (*.html.j2) are autoescaped.
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
    )
    env.filters.update(md=md, md_cell=md_cell, md_code=md_code, md_inline=md_inline)
    return env


def render(kind: str, name: str, **context: Any) -> str:
    """Render ``templates/<kind>/<name>`` with ``context``."""
    return _environment().get_template(f"{kind}/{name}").render(**context)
