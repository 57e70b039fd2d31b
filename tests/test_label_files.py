"""The built-in interface labels are data files with the same keys, documented in keys.yaml."""

from __future__ import annotations

import yaml

from generator.checks.edition_rules import placeholders
from generator.words.labels import LABELS, LABELS_DIR


def _keys() -> dict[str, str]:
    return yaml.safe_load((LABELS_DIR / "keys.yaml").read_text(encoding="utf-8"))


def test_every_key_is_described_in_one_line() -> None:
    keys = _keys()
    assert list(keys) == list(LABELS["en"])
    assert all(isinstance(text, str) and text.strip() and "\n" not in text for text in keys.values())


def test_every_language_file_has_every_key_with_the_same_placeholders() -> None:
    assert {"zh", "en"} <= set(LABELS)
    for lang, table in LABELS.items():
        assert list(table) == list(LABELS["en"]), lang
        for key, text in table.items():
            assert placeholders(text) == placeholders(LABELS["en"][key]), (lang, key)
