"""Put text from the criteria file into Markdown safely.

Text fields are plain text: every character that Markdown or HTML would
interpret is escaped, so data can never become a link, raw HTML, a heading
or a template. Blank lines separate paragraphs; single line breaks are spaces.

A line break is every character Python-Markdown or a browser may treat as one, not just the
line feed: Python-Markdown turns a carriage return into a new line before it parses, so a
text split only on ``\n`` could start a heading or list mid-text, and a code span cut by
``\r\r`` would leave raw HTML. ``check`` refuses them in a criteria file; the escapers read
them as line feeds anyway, whatever the text's source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import MappingProxyType

from generator.words.text_markup import lines
from generator.words.texts import Texts

__all__ = ["html_comment", "md", "md_cell", "md_inline", "md_label", "md_labels"]

# Python-Markdown honours a backslash before each of these.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_HTML = MappingProxyType(str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}))


def html_comment(text: str) -> str:
    """``text`` as an HTML comment that nothing in it can end early or turn into markup.

    A comment ends at ``-->`` or ``--!>`` (and at ``>`` right after ``<!--``): so ``<``, ``>`` and
    ``&`` become character references, which a comment shows as written and never decodes, and no
    two hyphens stay adjacent (XML and old parsers end or refuse a comment at ``--``). One line:
    a blank line would end the HTML block Markdown reads the comment as."""
    flat = " ".join(part for part in lines(text) if part)
    encoded = re.sub("-(?=-)", "&#45;", flat.translate(_HTML))
    return f"<!-- {encoded} -->"


def md_inline(text: str) -> str:
    """One line of escaped Markdown (line breaks become spaces)."""
    joined = " ".join(part.strip() for part in lines(text) if part.strip())
    return _SPECIAL.sub(r"\\\1", joined).translate(_HTML)


def md(text: str) -> str:
    """Escaped Markdown paragraphs."""
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines(text)).strip())
    return "\n\n".join(md_inline(p) for p in paragraphs if p.strip())


def md_cell(text: str) -> str:
    """Escaped Markdown for a table cell (pipes escaped, one line)."""
    return md_inline(text).replace("|", "\\|")


def md_label(texts: Texts, key: str, /, **values: object) -> str:
    """The interface label ``key`` in ``lang``, filled in and escaped like data: a label from a
    criteria file is text, never Markdown, HTML or an attribute list (``{: onclick=...}``).
    Unlike ``md_inline`` it keeps outer spaces (the colon label is ": ")."""
    text = " ".join(lines(texts.label(key, **values)))
    return _SPECIAL.sub(r"\\\1", text).translate(_HTML).replace("|", "\\|")


def md_labels(texts: Texts) -> Callable[..., str]:
    """``md_label`` of ``texts``, as templates call it: ``t("key", name=value)``."""
    return lambda key, /, **values: md_label(texts, key, **values)
