"""The {placeholders} of built-in texts, and what is wrong with the braces of a file-supplied one."""

from __future__ import annotations

import re
import string

__all__ = ["placeholder_problem", "placeholders"]


def placeholders(text: str) -> set[str]:
    """The ``{names}`` of a built-in label text (written by the kit, so well formed)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def placeholder_problem(text: str, allowed: set[str]) -> str | None:
    """What is wrong with the braces of a file-supplied label, or None.

    The only braces a label may hold are its placeholders, written ``{name}`` exactly:
    no format (``{n:>99999}`` builds a huge text), no attribute or index (``{n.real}``),
    and no other brace, not even doubled (``{{: onclick=...}}`` would reach the page
    as ``{: onclick=...}``, which Markdown's attribute lists turn into HTML attributes)."""
    names = ", ".join("{" + n + "}" for n in sorted(allowed))
    only = f"braces may only enclose its placeholders ({names})" if allowed else "this label has no placeholders"
    for match in _BRACES.finditer(text):
        inner = match.group(1)
        if inner is None:
            return (f"has a '{match.group()}' at character {match.start() + 1} that is not part of a "
                    f"placeholder: {only}, and pages would read any other brace as markup; rephrase without it")
        if inner in allowed:
            continue
        stem = re.split(r"[.\[:!]", inner, maxsplit=1)[0]
        if stem in allowed:
            return (f"writes the placeholder {{{stem}}} as '{{{inner}}}'; write just {{{stem}}} "
                    "(no format, attribute or index)")
        return f"uses '{{{inner}}}', which is not a placeholder of this label: {only}"
    return None


_BRACES = re.compile(r"\{([^{}]*)\}|[{}]")
