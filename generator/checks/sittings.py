"""Keys with one value per entry of another list: ``sitting`` per must-ask question; ``check_day``,
``check_who`` and ``check_keep`` per after-signing check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.parse.source import Parsed, Path
from generator.problems import Problem

__all__ = ["sitting_problems"]

_PAIRS = (("sitting", "must_ask"), ("check_day", "after_signing"), ("check_who", "after_signing"),
          ("check_keep", "after_signing"))
"""(key, the list it has one entry per): a list under the key must be as long as that list."""


def sitting_problems(parsed: Parsed, criteria: Iterator[tuple[Path, dict[str, Any]]]) -> Iterator[Problem]:
    """A located problem for each ``sitting``, ``check_day``, ``check_who`` or ``check_keep`` list whose length
    differs from its list's."""
    for path, criterion in criteria:
        for key, other in _PAIRS:
            value = criterion.get(key)
            if not isinstance(value, list):
                continue
            entries = criterion.get(other)
            count = len(entries) if isinstance(entries, list) else int(other == "must_ask")
            if len(value) != count:
                yield parsed.at((*path, key), "per_entry_count", key=key, other=other, found=len(value), count=count)
