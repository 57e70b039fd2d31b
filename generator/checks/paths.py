"""A place in the criteria file written for an editor: items by their id, or counted from 1.

``sections[identity].criteria[business-licence].weight`` names the weight of that
criterion; ``questions[1]`` is the first question. Numbers never start at 0."""

from __future__ import annotations

from typing import Any

from generator.parse.source import Path

__all__ = ["shown_path"]


def shown_path(data: Any, path: Path) -> str:
    """``path`` in ``data`` as ``key.key[id][2].key`` (ids where the item has one, else 1-based numbers)."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            item = data[step] if isinstance(data, list) and 0 <= step < len(data) else None
            ident = item.get("id") if isinstance(item, dict) else None
            parts.append(f"[{ident}]" if isinstance(ident, str) and ident else f"[{step + 1}]")
            data = item
        else:
            parts.append(f".{step}")
            data = data.get(step) if isinstance(data, dict) else None
    return "".join(parts).lstrip(".")
