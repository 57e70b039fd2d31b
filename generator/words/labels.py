"""The built-in interface labels of generated pages, per language.

The built-in labels are data: ``generator/texts/labels/<language>.yaml``, each key described
in ``generator/texts/labels/keys.yaml``. A criteria file may use any language listed there. For
another language the criteria file supplies the labels itself (top-level ``labels:``); it may
also reword single keys of a built-in language. An edition's labels, each key resolved through
its fallback chain, are ``generator.words.texts.Texts``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml

from generator.root import PACKAGE

__all__ = ["LABELS", "LABELS_DIR"]

LABELS_DIR = PACKAGE / "texts" / "labels"
"""Folder of the built-in label files: ``<language>.yaml``, and ``keys.yaml`` describing every key."""


def _read(path: Path) -> Mapping[str, str]:
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    return MappingProxyType({str(key): str(text) for key, text in table.items()})


LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {path.stem: _read(path) for path in sorted(LABELS_DIR.glob("*.yaml")) if path.stem != "keys"}
)
"""The built-in labels, by language."""
