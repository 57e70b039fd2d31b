"""Label references that lead back to their label: ``worksheet: 新{@report}`` with ``report: {@worksheet}``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.parse.source import Parsed
from generator.problems import Problem
from generator.words.fallback import fallback_chain, first_found
from generator.words.labels import LABELS
from generator.words.messages import Msg
from generator.words.references import reference_cycle

__all__ = ["cycle_problems"]


def cycle_problems(parsed: Parsed, data: dict[str, Any], meta: dict[str, Any]) -> Iterator[Problem]:
    """A problem at each file-supplied label whose references lead back to it, in the language it is
    resolved in: its own labels, then its fallback chain's (file's over built-in), as pages resolve them."""
    labels = data.get("labels")
    if not isinstance(labels, dict):
        return
    files = {lang: {key: text for key, text in table.items() if isinstance(text, str)}
             for lang, table in labels.items() if isinstance(table, dict)}
    for lang, own in files.items():
        table = _resolved_in(str(lang), files, _fallback(meta))
        for key in own:
            cycle = reference_cycle(table, key) if key in LABELS["en"] else None
            if cycle:
                shown = " → ".join("{@" + step + "}" for step in cycle)
                yield parsed.at(("labels", lang, key), "label_other", name=key, what=Msg.of("ref_cycle", cycle=shown))


def _fallback(meta: dict[str, Any]) -> dict[str, list[str]]:
    fallback = meta.get("fallback")
    if not isinstance(fallback, dict):
        return {}
    return {lang: [other for other in chain if isinstance(other, str)]
            for lang, chain in fallback.items() if isinstance(chain, list)}


def _resolved_in(lang: str, files: Mapping[Any, Mapping[str, str]],
                 fallback: Mapping[str, list[str]]) -> dict[str, str]:
    """Every label of ``lang`` as the pages take it, references not yet resolved."""
    chain = fallback_chain(lang, fallback)
    table = {}
    for key in LABELS["en"]:
        found = first_found(chain, lambda other: (files.get(other, {}), LABELS.get(other, {})), key)
        if found is not None:
            table[key] = found[0]
    return table
