"""Format a ``generator.diff.compare.Diff`` as Markdown (for people, e.g. a pull request) or JSON (for tools).

The Markdown's words are messages (``generator/texts/messages/<lang>.yaml``, ids ``diff_*``)."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.diff.compare import KINDS, Change, Diff
from generator.words.messages import message

__all__ = ["SUMMARY", "to_json", "to_markdown"]

_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
SUMMARY = ("version", "languages", "scale")
"""Kinds listed as one line each at the top; every other kind gets a heading of its own."""


def _inline(text: str) -> str:
    """One line of text for a report that stays readable in a terminal: only characters
    that change meaning inside a Markdown line (emphasis, code, links, HTML) are escaped."""
    return _INLINE.sub(r"\\\1", " ".join(text.split()))


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
    if change.texts:
        entry["texts"] = [{"field": t.field, "language": t.language, "old": t.old, "new": t.new}
                          for t in change.texts]
    if change.details:
        entry |= dict(change.details)
    return entry


def to_markdown(diff: Diff, lang: str | None = None) -> str:
    """The diff as Markdown in ``lang``: a summary line per file-wide change, then one list per kind."""
    old, new = diff.old.meta, diff.new.meta
    lines = [message(lang, "diff_title", old=_inline(_title(diff.old, lang)), old_version=_inline(old.version),
                     new=_inline(_title(diff.new, lang)), new_version=_inline(new.version)), ""]
    for change in diff.changes:
        if change.kind in SUMMARY:
            lines.append(message(lang, f"diff_{change.kind}", old=_value(change.old, lang),
                                 new=_value(change.new, lang)))
    for kind in KINDS:
        found = [change for change in diff.changes if change.kind == kind]
        if found and kind not in SUMMARY:
            lines += [*([""] if lines[-1] else []), f"## {message(lang, f'diff_{kind}')} ({len(found)})", ""]
            lines += [line for change in found for line in _lines(change, lang)]
    if not diff.changes:
        lines.append(message(lang, "diff_none"))
    return "\n".join(lines) + "\n"


def _title(criteria: Any, lang: str | None) -> str:
    languages = criteria.meta.languages
    return str(criteria.meta.title(lang if lang in languages else languages[0]))


def _value(value: object, lang: str | None) -> str:
    if isinstance(value, bool):
        return message(lang, "diff_yes" if value else "diff_no")
    if value is None:
        return message(lang, "diff_absent")
    if isinstance(value, list):
        return ", ".join(_inline(str(v)) for v in value) or message(lang, "diff_nothing")
    return _inline(str(value))


def _quoted(text: str, lang: str | None) -> str:
    return message(lang, "diff_quote", text=_inline(text)) if text else message(lang, "diff_absent")


def _lines(change: Change, lang: str | None) -> list[str]:
    name = message(lang, f"diff_item_{change.item}") + f" `{change.id}`" + (
        f" {_inline(change.title)}" if change.title else "")
    if change.kind == "added":  # a new criterion in full, in the report's language where it has one
        shown = {t.language for t in change.texts}
        pick = lang if lang in shown else next(iter(shown), None)
        return [f"- {name}{_detail(change, lang)}",
                *(f"  - {t.field}: {_quoted(t.new, lang)}" for t in change.texts if t.language == pick)]
    return [f"- {name}{_detail(change, lang)}",
            *(f"  - {t.field} ({t.language}): {_quoted(t.old, lang)} → {_quoted(t.new, lang)}"
              for t in change.texts)]


def _detail(change: Change, lang: str | None) -> str:
    if change.kind == "added" and change.item == "criterion":
        details = dict(change.details)
        if not details:
            return message(lang, "diff_added_in_self_check", section=change.new)
        return message(lang, "diff_added_in", section=change.new, weight=_value(details["weight"], lang),
                       knockout=_value(details["knockout"], lang))
    if change.kind == "removed" and change.item == "criterion":
        return message(lang, "diff_was_in", section=change.old)
    if change.kind in ("added", "removed"):
        return ""
    if change.kind == "moved":
        return message(lang, "diff_moved_detail", old=change.old, new=change.new)
    if change.kind == "reworded":
        return ": " + "; ".join(f"{field} ({', '.join(langs)})" for field, langs in change.fields)
    field = f"{change.fields[0][0]}: " if change.kind == "changed" else ""
    return f": {field}{_value(change.old, lang)} → {_value(change.new, lang)}"
