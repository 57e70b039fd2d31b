"""Characters a criteria file may not put into a text or key.

YAML lets a double-quoted string spell any code point with an escape
(``"\\0"``, ``"\\e"``, ``"\\ud800"``). Control characters break the outputs in
ways nobody can see (XML in the workbook forbids most of them, a lone
surrogate cannot even be written as UTF-8, an escape sequence rewrites the
terminal that shows a message), so they are refused where they are read. Tabs and line
breaks (line feed, carriage return) are allowed; so is every printable
character, including right-to-left marks and overrides (real Arabic or Hebrew
text needs them; renderers treat all text as plain text).
"""

from __future__ import annotations

import re
import unicodedata

from generator.words.messages import Msg

__all__ = ["FORBIDDEN", "forbidden_character"]

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""C0 controls but tab, line feed and carriage return; DEL; C1 controls; lone surrogates; U+FFFE, U+FFFF."""


def forbidden_character(text: str) -> Msg | None:
    """A description of the first forbidden character in ``text``, or None if there is none."""
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return Msg.of("char_surrogate", code=code)
    return Msg.of("char_control" if unicodedata.category(char) == "Cc" else "char_noncharacter", code=code)
