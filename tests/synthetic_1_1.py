"""A criteria file of the size criteria 1.1 will have, built from the default criteria's own texts.

48 scored criteria (the default ones, then copies under new ids), each with two must-ask
questions (its first two questions) and three red flags (its own, topped up from the next
criterion's), so that print tests measure the short interview form at its real length. It has no
``sitting`` keys, so every must-ask question lands on the visit form (1.2).
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from conftest import DEFAULT_CRITERIA

CRITERIA = 48
MUST_ASK = 2
RED_FLAGS = 3


def synthetic_1_1() -> str:
    """The YAML text of the synthetic file."""
    data: Any = yaml.safe_load(DEFAULT_CRITERIA.read_text(encoding="utf-8"))
    data["sections"] = [s for s in data["sections"] if not s.get("self_check")]  # scored criteria only
    flat = [c for s in data["sections"] for c in s["criteria"]]
    while len(flat) > CRITERIA:  # 1.2.0 has more than 48: drop the last ones
        last = next(s for s in reversed(data["sections"]) if len(s["criteria"]) > 1)
        flat.remove(last["criteria"].pop())
    extra = len(flat)
    for n, source in enumerate(flat[: CRITERIA - len(flat)]):
        clone = copy.deepcopy(source)
        clone["id"] = f"{source['id']}-copy{n}"
        data["sections"][n % len(data["sections"])]["criteria"].append(clone)
        extra += 1
    flat = [c for s in data["sections"] for c in s["criteria"]]
    assert extra == len(flat) == CRITERIA
    for i, c in enumerate(flat):
        c.pop("sitting", None), c.pop("answer_lines", None)  # as a file without sittings (all on the visit form)
        questions = c["questions"] + flat[(i + 1) % len(flat)]["questions"]
        c["must_ask"], c["questions"] = questions[:MUST_ASK], questions[MUST_ASK:] or questions[:1]
        flags = c["red_flags"] + flat[(i + 1) % len(flat)]["red_flags"]
        c["red_flags"] = flags[:RED_FLAGS]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
