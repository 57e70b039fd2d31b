"""Criteria 1.1 content (issue 13): every criterion names its must-ask questions explicitly.

Fails until the 1.1.0 content of data/criteria.yaml is merged: it reads the raw YAML, so the
model's fallback (the first question) does not count.
"""

from __future__ import annotations

from typing import Any

import yaml

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria


def test_every_criterion_has_one_or_two_must_ask_questions() -> None:
    raw: Any = yaml.safe_load(DEFAULT_CRITERIA.read_text(encoding="utf-8"))
    counts = {c["id"]: len(c.get("must_ask", [])) for s in raw["sections"] for c in s["criteria"]}
    assert counts and not {i: n for i, n in counts.items() if not 1 <= n <= 2}


def test_at_least_one_self_check_section_and_scored_sections_remain() -> None:
    criteria = load_criteria(DEFAULT_CRITERIA)
    assert criteria.self_check_sections and criteria.scored_sections
