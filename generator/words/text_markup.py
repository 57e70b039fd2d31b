"""Page texts into Markdown or plain text: plain words plus a little safe markup.

A page text (generator/texts/pages/, or ``texts:`` in a criteria file) is plain text in which
only these are markup: ``**bold**``, ``*italic*``, ``` `code` ```, ``[words](page.md#anchor)``
(a page of the site, or a ``{placeholder}`` the kit fills with an address) and ``{name}``
placeholders. Everything else is escaped as data is, so a reworded text can never become
HTML, an attribute list or a link to another host.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from generator.words.messages import Msg

__all__ = ["LINK_TARGET", "Raw", "markup_problem", "md_code", "md_text", "plain_text"]

LINK_TARGET = re.compile(r"\{\w+\}|(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?|#[a-z0-9-]+")
"""Where a page text may link: a page of the site (``scoring.md#rule``) or a placeholder."""

_TOKEN = re.compile(r"`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|\[([^\]]+)\]\(([^)\s]*)\)|\{(\w+)\}")
_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")
_LEAD = re.compile(r"^(\d+)([.)])|^([-+=])")
"""What would start a list or a heading underline at the start of a line."""
_HTML = MappingProxyType(str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}))


class Raw(str):
    """A placeholder value that is Markdown already (an address, a formatted stamp): not escaped."""


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split("\n"))).translate(_HTML)


def _value(values: Mapping[str, object], name: str) -> str:
    value = values[name]
    return value if isinstance(value, Raw) else _escape(str(value))


def md_code(text: str) -> str:
    """An inline code span showing ``text`` literally (one line; safe in table cells)."""
    flat = " ".join(text.split("\n"))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def md_text(text: str, values: Mapping[str, object] | None = None) -> str:
    """``text`` as Markdown: its markup kept, everything else escaped, placeholders filled."""
    values = values or {}
    out, pos = [], 0
    for match in _TOKEN.finditer(text):
        out.append(_escape(text[pos:match.start()]))
        code, bold, italic, words, target, name = match.groups()
        if code is not None:
            out.append(md_code(code))
        elif bold is not None:
            out.append(f"**{md_text(bold, values)}**")
        elif italic is not None:
            out.append(f"*{md_text(italic, values)}*")
        elif words is not None and LINK_TARGET.fullmatch(target):
            address = str(values[target[1:-1]]) if target.startswith("{") else target
            out.append(f"[{md_text(words, values)}]({address})")
        elif words is not None:
            out.append(_escape(match.group()))
        else:
            out.append(_value(values, name))
        pos = match.end()
    return _LEAD.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}",
                     "".join(out) + _escape(text[pos:]))


def plain_text(text: str, values: Mapping[str, object] | None = None) -> str:
    """``text`` without its markup (for the workbook): bold, code and link words as plain words."""
    values = values or {}

    def plain(match: re.Match[str]) -> str:
        code, bold, italic, words, _target, name = match.groups()
        if name is not None:
            return str(values[name])
        return code if code is not None else plain_text(bold or italic or words, values)

    return _TOKEN.sub(plain, text)


def markup_problem(text: str) -> Msg | None:
    """What is wrong with the markup of a file-supplied page text (its links), or None."""
    for match in _TOKEN.finditer(text):
        target = match.group(5)
        if target is not None and not LINK_TARGET.fullmatch(target):
            return Msg.of("text_link", target=target)
    return None
