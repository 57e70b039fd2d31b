"""Interface labels of generated pages, per language.

The built-in labels are data: ``generator/texts/labels/<language>.yaml``, each key described
in ``generator/texts/labels/keys.yaml``. A criteria file may use any language listed there. For
another language the criteria file supplies the labels itself (top-level ``labels:``); ``load``
registers them with ``use_file_labels`` and any key it lacks falls back to English. Built-in
languages cannot be overridden from a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml

__all__ = ["LABELS", "LABELS_DIR", "file_label_gaps", "label", "use_file_labels"]

LABELS_DIR = Path(__file__).parent / "texts" / "labels"
"""Folder of the built-in label files: ``<language>.yaml``, and ``keys.yaml`` describing every key."""


def _read(path: Path) -> Mapping[str, str]:
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    return MappingProxyType({str(key): str(text) for key, text in table.items()})


LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {path.stem: _read(path) for path in sorted(LABELS_DIR.glob("*.yaml")) if path.stem != "keys"}
)
"""The built-in labels, by language."""


_FROM_FILE: dict[str, Mapping[str, str]] = {}
"""Labels supplied by the last loaded criteria file, for languages not in LABELS."""


def use_file_labels(labels: Mapping[str, Mapping[str, str]]) -> None:
    """Make a criteria file's labels available to ``label`` (languages without built-in labels only)."""
    for lang, table in labels.items():
        if lang not in LABELS:
            _FROM_FILE[lang] = MappingProxyType(dict(table))


def file_label_gaps(lang: str) -> list[str]:
    """Keys a file-supplied language lacks (shown in English); [] for built-in languages."""
    if lang in LABELS:
        return []
    table = _FROM_FILE.get(lang, {})
    return [key for key in LABELS["en"] if key not in table]


def label(lang: str, key: str, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled in (English if the file lacks it)."""
    table = LABELS.get(lang) or _FROM_FILE.get(lang, {})
    text = table[key] if key in table else LABELS["en"][key]
    return text.format(**values)
