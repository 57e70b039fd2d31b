"""Format a ``generator.diff.Diff`` as Markdown (for people, e.g. a pull request) or JSON (for tools)."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.diff import Change, Diff

__all__ = ["HEADINGS", "to_json", "to_markdown"]

_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")


def _inline(text: str) -> str:
    """One line of text for a report that stays readable in a terminal: only characters
    that change meaning inside a Markdown line (emphasis, code, links, HTML) are escaped."""
    return _INLINE.sub(r"\\\1", " ".join(text.split()))

HEADINGS = {
    "added": "Added", "removed": "Removed", "moved": "Moved to another section",
    "self_check": "Self-check (unscored) changed", "weight": "Weight changed", "knockout": "Knock-out changed",
    "must_ask": "Must-ask questions changed (count before → after)",
    "after_signing": "First-month checks after signing changed (count before → after)", "reworded": "Reworded",
    "sources": "Sources changed",
}
"""Markdown section heading per kind of item change (version, languages and scale are listed first)."""


def to_json(diff: Diff) -> str:
    """The diff as a JSON document (stable key order, UTF-8 text, trailing newline)."""
    document = {
        "old": {"id": diff.old.meta.id, "version": diff.old.meta.version},
        "new": {"id": diff.new.meta.id, "version": diff.new.meta.version},
        "changes": [_json_change(change) for change in diff.changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_change(change: Change) -> dict[str, Any]:
    entry: dict[str, Any] = {"kind": change.kind, "item": change.item, "id": change.id}
    if change.title:
        entry["title"] = change.title
    if change.old is not None:
        entry["old"] = change.old
    if change.new is not None:
        entry["new"] = change.new
    if change.fields:
        entry["fields"] = {name: list(langs) for name, langs in change.fields}
    return entry


def to_markdown(diff: Diff) -> str:
    """The diff as Markdown: a summary line per file-wide change, then one list per kind."""
    old, new = diff.old.meta, diff.new.meta
    lines = [f"# Changes from {_inline(old.title(old.languages[0]))} {_inline(old.version)} "
             f"to {_inline(new.title(new.languages[0]))} {_inline(new.version)}", ""]
    for change in diff.changes:
        if change.kind in ("version", "languages", "scale"):
            lines.append(f"- {change.kind.capitalize()}: {_value(change.old)} → {_value(change.new)}")
    for kind, heading in HEADINGS.items():
        found = [change for change in diff.changes if change.kind == kind]
        if found:
            lines += ["", f"## {heading} ({len(found)})", "", *(f"- {_line(change)}" for change in found)]
    if not diff.changes:
        lines.append("No changes.")
    return "\n".join(lines) + "\n"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    return _inline(str(value))


def _line(change: Change) -> str:
    name = f"{change.item} `{change.id}`" + (f" {_inline(change.title)}" if change.title else "")
    if change.kind == "added":
        return name + (f" (in section `{change.new}`)" if change.new else "")
    if change.kind == "removed":
        return name + (f" (was in section `{change.old}`)" if change.old else "")
    if change.kind == "moved":
        return f"{name}: section `{change.old}` → `{change.new}`"
    if change.kind == "reworded":
        return f"{name}: " + "; ".join(f"{field} ({', '.join(langs)})" for field, langs in change.fields)
    langs = f" (texts changed: {', '.join(change.fields[0][1])})" if change.fields else ""
    return f"{name}: {_value(change.old)} → {_value(change.new)}{langs}"
