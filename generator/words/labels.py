"""Interface labels of generated pages, per language.

The built-in labels are data: ``generator/texts/labels/<language>.yaml``, each key described
in ``generator/texts/labels/keys.yaml``. A criteria file may use any language listed there. For
another language the criteria file supplies the labels itself (top-level ``labels:``); ``load``
registers them with ``use_file_labels``; it may also reword single keys of a built-in language.
A key a language lacks comes from the languages of its ``meta.fallback`` chain, then English.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml

__all__ = ["LABELS", "LABELS_DIR", "fallback_chain", "file_label_gaps", "label", "use_file_labels"]

LABELS_DIR = Path(__file__).parent.parent / "texts" / "labels"
"""Folder of the built-in label files: ``<language>.yaml``, and ``keys.yaml`` describing every key."""


def _read(path: Path) -> Mapping[str, str]:
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    return MappingProxyType({str(key): str(text) for key, text in table.items()})


LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {path.stem: _read(path) for path in sorted(LABELS_DIR.glob("*.yaml")) if path.stem != "keys"}
)
"""The built-in labels, by language."""


_FROM_FILE: dict[str, Mapping[str, str]] = {}
"""Labels supplied by the last loaded criteria file, by language: a whole table for a language
without built-in labels, or the reworded keys of a built-in one."""
_FALLBACK: dict[str, tuple[str, ...]] = {}
"""The last loaded file's ``meta.fallback``: which languages fill a language's gaps, in order."""


def use_file_labels(labels: Mapping[str, Mapping[str, str]],
                    fallback: Mapping[str, tuple[str, ...]] | None = None) -> None:
    """Make a criteria file's labels and fallback chains the ones ``label`` uses."""
    _FROM_FILE.clear()
    _FROM_FILE.update({lang: MappingProxyType(dict(table)) for lang, table in labels.items()})
    _FALLBACK.clear()
    _FALLBACK.update(fallback or {})


def fallback_chain(lang: str) -> tuple[str, ...]:
    """The languages a text of ``lang`` is looked up in, in order: ``lang``, its ``meta.fallback``, English."""
    chain = [lang, *_FALLBACK.get(lang, ()), "en"]
    return tuple(dict.fromkeys(chain))


def _lookup(lang: str, key: str) -> str | None:
    for table in (_FROM_FILE.get(lang, {}), LABELS.get(lang, {})):
        if key in table:
            return table[key]
    return None


def file_label_gaps(lang: str) -> list[tuple[str, str]]:
    """Keys ``lang`` has no label for, each with the language shown instead; [] for built-in languages."""
    gaps = []
    for key in LABELS["en"]:
        if _lookup(lang, key) is None:
            gaps.append((key, next(other for other in fallback_chain(lang) if _lookup(other, key) is not None)))
    return gaps


def label(lang: str, key: str, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled in; a key the language lacks is
    taken from the first language of its fallback chain that has it."""
    for other in fallback_chain(lang):
        text = _lookup(other, key)
        if text is not None:
            return text.format(**values)
    raise KeyError(key)
