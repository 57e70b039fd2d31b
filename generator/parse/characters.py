"""Characters a criteria file may not put into a text or key.

YAML lets a double-quoted string spell any code point with an escape
(``"\\0"``, ``"\\e"``, ``"\\ud800"``). Control characters break the outputs in
ways nobody can see (XML in the workbook forbids most of them, a lone
surrogate cannot even be written as UTF-8, an escape sequence rewrites the
terminal that shows a message), so they are refused where they are read. So are the line
breaks other than line feed: a carriage return (``"\\r"``) and the line and paragraph
separators U+2028 and U+2029. MkDocs reads a carriage return as a new line where the kit's
escapers see none, so a code span cut by ``\\r\\r`` would leave raw HTML, and a line could
start a heading, a list or an admonition. (A file saved with CR-LF or CR line endings is
fine: YAML turns those into line feeds before any text is built.) Tabs and line feeds are
allowed; so is every printable character, including right-to-left marks and overrides (real
Arabic or Hebrew text needs them; renderers treat all text as plain text).
"""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType

from generator.words.messages import Msg

__all__ = ["FORBIDDEN", "LINE_BREAKS", "forbidden_character"]

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
"""C0 controls but tab and line feed; DEL; C1 controls; U+2028, U+2029; lone surrogates; U+FFFE, U+FFFF."""
LINE_BREAKS = MappingProxyType({"\r": "char_cr", "\u2028": "char_line_separator", "\u2029": "char_paragraph_separator"})
"""The line breaks refused, each with the message naming it."""


def forbidden_character(text: str) -> Msg | None:
    """A description of the first forbidden character in ``text``, or None if there is none."""
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    code = f"U+{ord(char):04X}"
    if char in LINE_BREAKS:
        return Msg.of("char_line_break", code=code, name=Msg.of(LINE_BREAKS[char]))
    if "\ud800" <= char <= "\udfff":
        return Msg.of("char_surrogate", code=code)
    return Msg.of("char_control" if unicodedata.category(char) == "Cc" else "char_noncharacter", code=code)
