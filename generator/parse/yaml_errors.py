"""Plain words for the YAML syntax errors editors make most: indentation, tabs, quotes, brackets,
a missing colon, and the slips of a Chinese input method (full-width colon, full-width spaces).

libyaml describes a syntax error in parser terms ("while parsing a block collection did
not find expected '-' indicator"), often one line after the slip. The words become advice, and
the place becomes the line of the slip where it can be told.
"""

from __future__ import annotations

import re
from types import MappingProxyType

import yaml

from generator.words.messages import Msg

__all__ = ["syntax_message", "typing_slips"]

_FULL_WIDTH_INDENT = re.compile(r"^( *)\u3000[\u3000 ]*(?:-|[A-Za-z_][\w-]*[ \u3000]*[:：])", re.M)
"""A line whose indentation holds a full-width space (全角空格, U+3000) before a key or a list item."""
_FULL_WIDTH_COLON = re.compile(r"^ *(?:- +)?([A-Za-z_][\w-]*)[ \u3000]*(：)", re.M)
"""A key followed by a full-width colon (：) instead of ": "."""


def typing_slips(text: str) -> list[tuple[int, int, Msg]]:
    """Line, column and advice for each full-width space in an indentation and each full-width colon after
    a key: slips a Chinese input method makes, which the parser reports elsewhere or not at all."""
    found = [(m.start(0) + len(m.group(1)), Msg.of("yaml_fullwidth_space")) for m in _FULL_WIDTH_INDENT.finditer(text)]
    found += [(m.start(2), Msg.of("yaml_fullwidth_colon", key=m.group(1))) for m in _FULL_WIDTH_COLON.finditer(text)]
    return sorted((text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at), msg) for at, msg in found)

_CLOSERS = MappingProxyType({"flow mapping": ("{", "}"), "flow sequence": ("[", "]")})


def syntax_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, Msg]:
    """1-based line and column of ``exc`` in ``text``, and what to do about it."""
    mark = exc.problem_mark or exc.context_mark
    if "quoted scalar" in str(exc.context) and exc.context_mark:
        mark = exc.context_mark  # where the quote opens, not the end of the file where the parser gave up
    if "simple key" in str(exc.context) and "expected ':'" in str(exc.problem) and exc.context_mark:
        mark = exc.context_mark  # the line that lacks its colon, not the next one where the parser noticed
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = " ".join(filter(None, [exc.context, exc.problem]))
    return line, col, _advice(exc, what, text)


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    return row[col - 1] if 0 < col <= len(row) else ""


def _advice(exc: yaml.MarkedYAMLError, what: str, text: str) -> Msg:
    context, problem = exc.context or "", exc.problem or ""
    start, at = exc.context_mark, exc.problem_mark or exc.context_mark
    opened = start.line + 1 if start else 1
    tab_here = at is not None and _char_at(text, at.line + 1, at.column + 1) == "\t"
    if "tab character" in problem or ("cannot start any token" in problem and tab_here):
        return Msg.of("yaml_tab")
    if "quoted scalar" in context and "end of stream" in problem and start:
        quote = _char_at(text, start.line + 1, start.column + 1)
        return Msg.of("yaml_unclosed_quote", line=opened, quote=quote if quote in "'\"" else '"')
    if "simple key" in context and "expected ':'" in problem and start:
        word = re.match(r" *(?:- +)?([^\s:#]*)", text.split("\n")[start.line])
        return Msg.of("yaml_missing_colon", key=word.group(1) if word else "")
    for kind, (opener, closer) in _CLOSERS.items():
        if kind in context:
            return Msg.of("yaml_unclosed_flow", line=opened, open=opener, close=closer)
    if "expected key" in problem or "expected '-' indicator" in problem:
        return Msg.of("yaml_indent", what=what)
    if "mapping values are not allowed" in problem and at is not None:
        before = text.split("\n")[at.line][: at.column] if at.line < text.count("\n") + 1 else ""
        # "key: text: more" is a colon inside a text; a lone "key:" lines up wrongly.
        return Msg.of("yaml_colon" if ": " in before else "yaml_indent", what=what)
    return Msg.of("yaml_error", what=what)

