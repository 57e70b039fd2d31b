"""What a starter file may be asked for: ``--lang`` a language code, ``--from`` a language the kit has."""

from __future__ import annotations

from generator.checks.schema_check import ecma_search
from generator.checks.text_keys import LANGUAGE_PATTERN
from generator.words.labels import LABELS
from generator.words.messages import Msg
from generator.words.page_texts import text_languages

__all__ = ["starter_problem"]


def starter_problem(kind: str, lang: str, source: str) -> Msg | None:
    """What is wrong with ``--lang`` and ``--from`` of a starter file, or None. Both are written into
    the file's comments (a line break would add lines to the YAML the editor pastes), and ``--from``
    names a built-in file (``--from ../../x`` would read another one)."""
    if not ecma_search(LANGUAGE_PATTERN, lang):
        return Msg.of("bad_language", where="--lang: ", value=lang)
    known = sorted(LABELS) if kind == "labels" else list(text_languages())
    if source not in known:
        return Msg.of("starter_from", value=source, known=", ".join(known))
    return None
