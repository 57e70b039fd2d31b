"""The self-check fixture in three arrangements, for tests that it changes no agency's score."""

from __future__ import annotations

from conftest import ROOT
from generator.load import parse_criteria
from generator.model import Criteria

SELF_CHECK = ROOT / "tests" / "fixtures" / "self_check.yaml"
_MARK = "  - id: yourself\n"


def variants() -> dict[str, Criteria]:
    """The fixture as written (self-check last), with it moved first, and without it."""
    text = SELF_CHECK.read_text(encoding="utf-8")
    head, own = text.split(_MARK)
    before, scored = head.split("sections:\n")
    first = f"{before}sections:\n{_MARK}{own}{scored}"
    texts = {"last": text, "first": first, "without": head}
    return {name: parse_criteria(body.encode("utf-8"), f"{name}.yaml") for name, body in texts.items()}
