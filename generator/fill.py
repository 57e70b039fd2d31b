"""``python -m generator fill``: write the criteria texts a language lacks into the criteria file.

Each text the new language lacks gets a line copied from another language (converted between
Simplified and Traditional Chinese when the two differ in script, see ``generator.words.chinese_script``),
placed just above that language's line, so the file keeps its comments, order and layout::

    title:                         title:
      zh: 评估方面          →        zh-Hant: "評估方面"
      en: Aspects                    zh: 评估方面
                                     en: Aspects

In a one-line mapping ``{zh: 标题, en: Title}`` the new entry goes first inside the braces.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from generator.checks.rules import text_paths
from generator.parse.source import Parsed, parse_yaml
from generator.problems import InputError
from generator.words.chinese_script import convert

__all__ = ["fill_file", "filled_text"]


def _insertions(parsed: Parsed, lang: str, source: str) -> list[tuple[int, int, str]]:
    """(line, col, text) to insert for every text that has ``source`` and lacks ``lang``."""
    found = []
    for path in text_paths(parsed.data):
        text = parsed.data
        for step in path:
            text = text[step]
        if not isinstance(text, dict) or lang in text or source not in text:
            continue
        line, col = parsed.key_at[(*path, source)]
        value = json.dumps(convert(str(text[source]), source, lang), ensure_ascii=False)
        entry = f"{lang}: {value}"
        found.append((line, col, f"{entry}, " if path in parsed.flow_maps else f"{entry}\n{' ' * (col - 1)}"))
    return found


def filled_text(text: str, name: str, lang: str, source: str | None) -> tuple[str, int, str]:
    """``text`` (a criteria file named ``name``) with ``lang``'s missing texts written in from ``source``
    (default: the first language of ``lang``'s fallback chain, else the file's first language), how many
    were written, and the source used. Raises InputError for a YAML syntax error or an unknown language."""
    parsed = parse_yaml(text, name)
    meta = parsed.data.get("meta") if isinstance(parsed.data, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    languages, chains = meta.get("languages"), meta.get("fallback")
    if source is None:
        chain = chains.get(lang) if isinstance(chains, dict) else None
        source = str(chain[0]) if isinstance(chain, list) and chain else str((languages or [lang])[0])
    for code in (lang, source):
        if not isinstance(languages, list) or code not in languages:
            raise InputError([parsed.at(("meta", "languages"), "fill_language", lang=code,
                                        languages=", ".join(map(str, languages or [])))])
    lines = text.split("\n")
    insertions = _insertions(parsed, lang, source)
    for line, col, entry in sorted(insertions, reverse=True):
        lines[line - 1] = lines[line - 1][:col - 1] + entry + lines[line - 1][col - 1:]
    return "\n".join(lines), len(insertions), source


def fill_file(path: str, lang: str, source: str | None) -> tuple[int, str]:
    """Write ``lang``'s missing criteria texts into the file at ``path`` from ``source``; return how many,
    and from which language."""
    text = Path(path).read_bytes().decode("utf-8-sig")
    newline = "\r\n" if "\r\n" in text else "\n"
    filled, count, source = filled_text(text.replace("\r\n", "\n"), path, lang, source)
    if count:
        temporary = Path(f"{path}.fill-tmp")
        temporary.write_bytes(filled.replace("\n", newline).encode("utf-8"))
        os.replace(temporary, path)
    return count, source
