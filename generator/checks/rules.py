"""Rules a JSON Schema cannot express: translations, unique ids, references, scale shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.checks.problems import Problem
from generator.labels import LABELS
from generator.model import UNSCORED_KEYS
from generator.parse.source import Parsed, Path

__all__ = ["YAML11_BOOLEANS", "rule_problems"]

YAML11_BOOLEANS = frozenset(["y", "yes", "n", "no", "on", "off", "true", "false"])
"""Plain words that YAML 1.1 tools (PyYAML, many editors) read as booleans."""


def rule_problems(parsed: Parsed) -> Iterator[Problem]:
    """Every cross-field problem in ``parsed``; tolerant of malformed parts."""
    data = parsed.data if isinstance(parsed.data, dict) else {}
    yield from _yaml11_traps(parsed)
    yield from _languages(parsed, data)
    yield from _unique_ids(parsed, data)
    yield from _source_refs(parsed, data)
    yield from _scale_and_levels(parsed, data)
    yield from _self_check(parsed, data)


def _dicts(value: Any) -> list[tuple[int, Any]]:
    return list(enumerate(value)) if isinstance(value, list) else []


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _sections(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for i, section in _dicts(data.get("sections")):
        if isinstance(section, dict):
            yield ("sections", i), section


def _criteria(data: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path, section in _sections(data):
        for j, criterion in _dicts(section.get("criteria")):
            if isinstance(criterion, dict):
                yield (*path, "criteria", j), criterion


def _yaml11_traps(parsed: Parsed) -> Iterator[Problem]:
    for path, text in parsed.plain.items():
        if text.lower() in YAML11_BOOLEANS and isinstance(_get(parsed.data, path), str):
            yield parsed.at(path, f"unquoted {text} is read as true/false by YAML 1.1 tools "
                            f"(PyYAML, many editors); write it in quotes, \"{text}\"")


def _get(data: Any, path: Path) -> Any:
    for step in path:
        data = data[step]
    return data


def text_paths(data: dict[str, Any]) -> Iterator[Path]:
    """Paths of every localised text in the file."""
    meta = _mapping(data.get("meta"))
    yield from _keys(meta, ("meta",), "title", "description")
    for i, source in _dicts(meta.get("sources")):
        yield from _keys(source, ("meta", "sources", i), "title", "publisher", "note")
    scale = _mapping(data.get("scale"))
    for i, level in _dicts(scale.get("levels")):
        yield from _keys(level, ("scale", "levels", i), "label", "description")
    for path, section in _sections(data):
        yield from _keys(section, path, "title", "intro")
    for i, release in _dicts(data.get("changelog")):
        yield from _keys(release, ("changelog", i), "note")
    for path, criterion in _criteria(data):
        yield from _keys(criterion, path, "title", "why", "weight_reason")
        for name in ("must_ask", "questions", "evidence", "red_flags", "after_signing"):
            for i, _ in _dicts(criterion.get(name)):
                yield (*path, name, i)
        for i, level in _dicts(criterion.get("levels")):
            yield from _keys(level, (*path, "levels", i), "text")


def _keys(parent: Any, path: Path, *names: str) -> Iterator[Path]:
    if isinstance(parent, dict):
        yield from ((*path, n) for n in names if n in parent)


def _languages(parsed: Parsed, data: dict[str, Any]) -> Iterator[Problem]:
    meta = data.get("meta")
    languages = meta.get("languages") if isinstance(meta, dict) else None
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        return
    from_file = _mapping(data.get("labels"))
    for i, lang in enumerate(languages):
        if lang not in LABELS and lang not in from_file:
            yield parsed.at(("meta", "languages", i), f"no interface labels for language '{lang}'; "
                            f"built in: {', '.join(sorted(LABELS))}; add them under labels.{lang} "
                            "(see the criteria file reference)")
    for path in text_paths(data):
        text = _get(data, path)
        if not isinstance(text, dict):
            continue
        for lang in languages:
            if lang not in text:
                yield parsed.at(path, f"missing the '{lang}' text (meta.languages is "
                                f"[{', '.join(languages)}]); add '{lang}: …'")
        for lang in text:
            if lang not in languages:
                yield parsed.at((*path, lang), f"language '{lang}' is not in meta.languages; "
                                "add it there or remove this text", key=True)


def _unique_ids(parsed: Parsed, data: dict[str, Any]) -> Iterator[Problem]:
    seen: dict[str, Path] = {}
    for path, item in [*_sections(data), *_criteria(data)]:
        ident: Any = item.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            line = parsed.value_at.get(seen[ident] + ("id",), (0, 0))[0]
            yield parsed.at((*path, "id"), f"duplicate id '{ident}' (already used at line {line}); "
                            "ids must be unique across sections and criteria")
        else:
            seen[ident] = path


def _source_ids(data: dict[str, Any]) -> list[Any]:
    meta = _mapping(data.get("meta"))
    return [s.get("id") for _, s in _dicts(meta.get("sources")) if isinstance(s, dict)]


def _source_refs(parsed: Parsed, data: dict[str, Any]) -> Iterator[Problem]:
    known = _source_ids(data)
    for i, ident in enumerate(known):
        if known.index(ident) != i:
            yield parsed.at(("meta", "sources", i, "id"), f"duplicate source id '{ident}'")
    for path, criterion in _criteria(data):
        for i, ref in _dicts(criterion.get("sources")):
            if isinstance(ref, str) and ref not in known:
                yield parsed.at((*path, "sources", i), f"unknown source '{ref}'; "
                                f"known sources: {', '.join(str(k) for k in known)}")


def _scale_scores(data: dict[str, Any]) -> list[Any]:
    scale = _mapping(data.get("scale"))
    return [lv.get("score") for _, lv in _dicts(scale.get("levels")) if isinstance(lv, dict)]


def _scale_and_levels(parsed: Parsed, data: dict[str, Any]) -> Iterator[Problem]:
    scores = _scale_scores(data)
    if not all(type(s) is int for s in scores):
        return
    if scores != sorted(set(scores)):
        yield parsed.at(("scale", "levels"), "scale levels must go from lowest to highest score, "
                        f"each score once; found {scores}")
        return
    for path, criterion in _criteria(data):
        levels = criterion.get("levels")
        if not isinstance(levels, list) or _is_self_check(_get(data, path[:2])):
            continue
        found = [lv.get("score") if isinstance(lv, dict) else None for lv in levels]
        if found != scores:
            yield parsed.at((*path, "levels"), f"levels must describe scores {scores} in that "
                            f"order, one each; found {found}")


def _is_self_check(section: Any) -> bool:
    return isinstance(section, dict) and section.get("self_check") is True


def _self_check(parsed: Parsed, data: dict[str, Any]) -> Iterator[Problem]:
    sections = list(_sections(data))
    for path, criterion in _criteria(data):
        if not _is_self_check(_get(data, path[:2])):
            continue
        for key in UNSCORED_KEYS:
            if key in criterion:
                yield parsed.at((*path, key), f"'{key}' is not allowed in a self-check section "
                                "(self_check: true): its criteria are the merchant's own check and are "
                                f"never scored; remove '{key}', or remove self_check from the section",
                                key=True)
    if sections and all(_is_self_check(section) for _, section in sections):
        yield parsed.at(sections[0][0], "every section is a self-check (self_check: true); at least one "
                        "section must be scored: remove self_check from the sections about the agency")
