"""Put text from the criteria file into Markdown safely.

Text fields are plain text: every character that Markdown or HTML would
interpret is escaped, so data can never become a link, raw HTML, a heading
or a template. Blank lines separate paragraphs; single line breaks are spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import MappingProxyType

from generator.words.texts import Texts

__all__ = ["md", "md_cell", "md_inline", "md_label", "md_labels"]

# Python-Markdown honours a backslash before each of these.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_HTML = MappingProxyType(str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}))


def md_inline(text: str) -> str:
    """One line of escaped Markdown (line breaks become spaces)."""
    joined = " ".join(part.strip() for part in text.split("\n") if part.strip())
    return _SPECIAL.sub(r"\\\1", joined).translate(_HTML)


def md(text: str) -> str:
    """Escaped Markdown paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(md_inline(p) for p in paragraphs if p.strip())


def md_cell(text: str) -> str:
    """Escaped Markdown for a table cell (pipes escaped, one line)."""
    return md_inline(text).replace("|", "\\|")


def md_label(texts: Texts, key: str, /, **values: object) -> str:
    """The interface label ``key`` in ``lang``, filled in and escaped like data: a label from a
    criteria file is text, never Markdown, HTML or an attribute list (``{: onclick=...}``).
    Unlike ``md_inline`` it keeps outer spaces (the colon label is ": ")."""
    text = " ".join(texts.label(key, **values).splitlines())
    return _SPECIAL.sub(r"\\\1", text).translate(_HTML).replace("|", "\\|")


def md_labels(texts: Texts) -> Callable[..., str]:
    """``md_label`` of ``texts``, as templates call it: ``t("key", name=value)``."""
    return lambda key, /, **values: md_label(texts, key, **values)
