"""Page texts into Markdown or plain text: plain words plus a little safe markup.

A page text (generator/texts/pages/, or ``texts:`` in a criteria file) is plain text in which
only these are markup: ``**bold**``, ``*italic*``, ``` `code` ```, ``[words](page.md#anchor)``
(a page of the site, written out) and ``{name}`` placeholders. Everything else is escaped as
data is, so a reworded text can never become HTML, an attribute list, an image or a link to
another host. A placeholder is never a link target: its value (a title, a stamp) is data, and
``[x]({title})`` with a title such as ``javascript:…`` or ``) <img …> [`` would make it a link
or markup; it is escaped wherever it lands (text or link words).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType

from generator.words.messages import Msg

__all__ = ["LINE_BREAK", "LINK_TARGET", "Raw", "lines", "map_outside_code", "markup_problem", "md_code", "md_text",
           "outside_code", "plain_text"]

LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""Every line break ``str.splitlines`` knows (CR-LF, CR, U+2028, U+2029 among them): Python-Markdown
and browsers may treat each as one, so every escaper reads them as line feeds."""

LINK_TARGET = re.compile(r"(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?|#[a-z0-9-]+")
"""Where a page text may link: a page of the site (``scoring.md#rule``) or an anchor, never a placeholder."""

_TOKEN = re.compile(r"`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|\[([^\]]+)\]\(([^)\s]*)\)|\{(\w+)\}")
_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")
"""Escaped in text and placeholder values (``!`` too: before a link it would make an image)."""
_LEAD = re.compile(r"^(\d+)([.)])|^([-+=])")
"""What would start a list or a heading underline at the start of a line."""
_HTML = MappingProxyType(str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}))


class Raw(str):
    """A placeholder value that is Markdown already (an address, a formatted stamp): not escaped."""


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(lines(text))).translate(_HTML)


def _value(values: Mapping[str, object], name: str) -> str:
    value = values[name]
    return value if isinstance(value, Raw) else _escape(str(value))


def lines(text: str) -> list[str]:
    """``text`` split at every line break (as ``str.split("\\n")`` splits at line feeds)."""
    return LINE_BREAK.split(text)


def md_code(text: str) -> str:
    """An inline code span showing ``text`` literally (one line; safe in table cells)."""
    flat = " ".join(lines(text))
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
            out.append(f"[{md_text(words, values)}]({target})")
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


def _inner(match: re.Match[str]) -> str | None:
    """The text inside a token that ``md_text`` reads as markup again: bold, italic, a link's words."""
    _code, bold, italic, words, target, _name = match.groups()
    if words is not None:
        return words if LINK_TARGET.fullmatch(target) else None
    return bold if bold is not None else italic


def _tokens(text: str) -> Iterator[re.Match[str]]:
    """Every token of ``text`` as ``md_text`` reads it, those inside bold, italic and link words too."""
    for match in _TOKEN.finditer(text):
        yield match
        inner = _inner(match)
        if inner is not None:
            yield from _tokens(inner)


def outside_code(text: str) -> str:
    """``text`` without its code spans, found as ``md_text`` finds them (code shows braces as written,
    so only the rest may hold placeholders). A check that finds code spans some other way would
    pass a placeholder ``md_text`` cannot fill: ``**`a** {nope} `b``` is bold, then ``{nope}``."""
    out, pos = [], 0
    for match in _TOKEN.finditer(text):
        out.append(text[pos:match.start()])
        if match.group(1) is None and _inner(match) is None:
            out.append(match.group())
        elif match.group(1) is None:
            group = next(g for g in (2, 3, 4) if match.group(g) is not None)
            start, end = match.span(group)
            out.append(text[match.start():start] + outside_code(text[start:end]) + text[end:match.end()])
        pos = match.end()
    return "".join(out) + text[pos:]


def map_outside_code(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to every part outside its code spans (found as ``md_text``
    finds them); code spans are kept as written."""
    out, pos = [], 0
    for match in _TOKEN.finditer(text):
        out.append(change(text[pos:match.start()]))
        if match.group(1) is not None:
            out.append(match.group())
        elif _inner(match) is None:
            out.append(change(match.group()))
        else:
            group = next(g for g in (2, 3, 4) if match.group(g) is not None)
            start, end = match.span(group)
            out.append(text[match.start():start] + map_outside_code(text[start:end], change) + text[end:match.end()])
        pos = match.end()
    return "".join(out) + change(text[pos:])


def markup_problem(text: str) -> Msg | None:
    """What is wrong with the markup of a file-supplied page text (its links), or None."""
    for match in _tokens(text):
        target = match.group(5)
        if target is None:
            continue
        if re.fullmatch(r"\{\w+\}", target):
            return Msg.of("text_link_placeholder", target=target)
        if not LINK_TARGET.fullmatch(target):
            return Msg.of("text_link", target=target)
        if match.string[:match.start()].endswith("!"):
            return Msg.of("text_image", link=match.group())
    return None
