"""Plain words for the YAML syntax errors editors make most: indentation, tabs, quotes, brackets.

libyaml describes a syntax error in parser terms ("while parsing a block collection did
not find expected '-' indicator"). The place it names stays; the words become advice.
"""

from __future__ import annotations

from types import MappingProxyType

import yaml

from generator.words.messages import Msg

__all__ = ["syntax_message"]

_CLOSERS = MappingProxyType({"flow mapping": ("{", "}"), "flow sequence": ("[", "]")})


def syntax_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, Msg]:
    """1-based line and column of ``exc`` in ``text``, and what to do about it."""
    mark = exc.problem_mark or exc.context_mark
    if "quoted scalar" in str(exc.context) and exc.context_mark:
        mark = exc.context_mark  # where the quote opens, not the end of the file where the parser gave up
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

