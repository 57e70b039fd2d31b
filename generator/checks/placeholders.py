"""The {placeholders} of built-in texts, and what is wrong with the braces of a file-supplied one."""

from __future__ import annotations

import re
import string

from generator.words.messages import Msg

__all__ = ["placeholder_problem", "placeholders"]


def placeholders(text: str) -> set[str]:
    """The ``{names}`` of a built-in label text (written by the kit, so well formed)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def placeholder_problem(text: str, allowed: set[str], kind: str = "label") -> Msg | None:
    """What is wrong with the braces of a file-supplied label (``kind`` "label") or page text
    (``kind`` "text"), or None.

    The only braces a label may hold are its placeholders, written ``{name}`` exactly:
    no format (``{n:>99999}`` builds a huge text), no attribute or index (``{n.real}``),
    and no other brace, not even doubled (``{{: onclick=...}}`` would reach the page
    as ``{: onclick=...}``, which Markdown's attribute lists turn into HTML attributes)."""
    names = ", ".join("{" + n + "}" for n in sorted(allowed))
    label = kind == "label"
    none = "braces_none_label" if label else "braces_none_text"
    only = Msg.of("braces_only", names=names) if allowed else Msg.of(none)
    for match in _BRACES.finditer(text):
        inner = match.group(1)
        if inner is None:
            return Msg.of("braces_stray", brace=match.group(), at=match.start() + 1, only=only)
        if inner in allowed:
            continue
        stem = re.split(r"[.\[:!]", inner, maxsplit=1)[0]
        if stem in allowed:
            return Msg.of("braces_format", stem="{" + stem + "}", written="{" + inner + "}")
        return Msg.of("braces_unknown_label" if label else "braces_unknown_text", written="{" + inner + "}",
                      only=only)
    return None


_BRACES = re.compile(r"\{([^{}]*)\}|[{}]")
