"""The {placeholders} of built-in texts, and what is wrong with the braces of a file-supplied one."""

from __future__ import annotations

import difflib
import re
import string

from generator.words.labels import LABELS
from generator.words.messages import Msg

__all__ = ["placeholder_problem", "placeholders", "reference_problem"]


def placeholders(text: str) -> set[str]:
    """The ``{names}`` of a built-in label text (written by the kit, so well formed); ``{@key}``
    references to other labels are not placeholders."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None and not name.startswith("@")}


def reference_problem(key: str) -> Msg | None:
    """What is wrong with a reference ``{@key}``, or None: no such label, or a label with placeholders."""
    english = LABELS["en"]
    if key not in english:
        close = difflib.get_close_matches(key, list(english), n=1)
        hint = Msg.of("did_you_mean", close="{@" + close[0] + "}") if close else Msg.of("ref_see_keys")
        return Msg.of("ref_unknown", written="{@" + key + "}", hint=hint)
    if placeholders(english[key]):
        names = ", ".join("{" + n + "}" for n in sorted(placeholders(english[key])))
        return Msg.of("ref_placeholders", written="{@" + key + "}", names=names)
    return None


def placeholder_problem(text: str, allowed: set[str], kind: str = "label") -> Msg | None:
    """What is wrong with the braces of a file-supplied label (``kind`` "label") or page text
    (``kind`` "text"), or None.

    The only braces a label may hold are its placeholders, written ``{name}`` exactly, and
    references to other labels, ``{@key}`` (generator.words.references):
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
        if inner.startswith("@"):
            if (wrong := reference_problem(inner[1:])) is not None:
                return wrong
            continue
        stem = re.split(r"[.\[:!]", inner, maxsplit=1)[0]
        if stem in allowed:
            return Msg.of("braces_format", stem="{" + stem + "}", written="{" + inner + "}")
        return Msg.of("braces_unknown_label" if label else "braces_unknown_text", written="{" + inner + "}",
                      only=only)
    return None


_BRACES = re.compile(r"\{([^{}]*)\}|[{}]")
