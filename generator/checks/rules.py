"""Rules a JSON Schema cannot express: translations, unique ids, references, scale shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.checks.sittings import sitting_problems
from generator.checks.text_keys import comma_key
from generator.model import UNSCORED_KEYS
from generator.parse.source import Parsed, Path
from generator.problems import Problem
from generator.words.chinese_script import AUTONYMS, conversion
from generator.words.labels import LABELS

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
    yield from sitting_problems(parsed, _criteria(data))


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


BOOLEAN_KEYS = frozenset({"knockout", "self_check"})
"""Keys whose value is true or false: an unquoted yes there gets the schema's one hint, "write true"."""


def _yaml11_traps(parsed: Parsed) -> Iterator[Problem]:
    for path, text in parsed.plain.items():
        if path and path[-1] in BOOLEAN_KEYS:
            continue
        if text.lower() in YAML11_BOOLEANS and isinstance(_get(parsed.data, path), str):
            yield parsed.at(path, "yaml11_trap", text=text)


def _get(data: Any, path: Path) -> Any:
    for step in path:
        data = data[step]
    return data


def text_paths(data: dict[str, Any]) -> Iterator[Path]:
    """Paths of every localised text in the file."""
    meta = _mapping(data.get("meta"))
    yield from _keys(meta, ("meta",), "title", "description", "licence")
    for i, source in _dicts(meta.get("sources")):
        yield from _keys(source, ("meta", "sources", i), "title", "publisher", "note")
    scale = _mapping(data.get("scale"))
    for i, level in _dicts(scale.get("levels")):
        yield from _keys(level, ("scale", "levels", i), "label", "description")
    for path, section in _sections(data):
        yield from _keys(section, path, "title", "intro")
        yield from _keys(section.get("minimum"), (*path, "minimum"), "reason")
    for i, release in _dicts(data.get("changelog")):
        yield from _keys(release, ("changelog", i), "note")
    for path, criterion in _criteria(data):
        yield from _keys(criterion, path, "title", "why", "weight_reason")
        for name in ("must_ask", "questions", "evidence", "red_flags", "after_signing", "check_who", "check_keep",
                     "clauses"):
            for i, _ in _dicts(criterion.get(name)):
                yield (*path, name, i)
        # check_who and check_keep: one text for every check, or a list of texts (above).
        yield from ((*path, n) for n in ("check_who", "check_keep") if isinstance(criterion.get(n), dict))
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
    from_file, fallback = _mapping(data.get("labels")), _mapping(_mapping(meta).get("fallback"))
    for i, lang in enumerate(languages):
        if lang not in LABELS and lang not in from_file and not fallback.get(lang):  # a chain lends labels
            yield parsed.at(("meta", "languages", i), "no_labels", lang=lang, builtin=", ".join(sorted(LABELS)))
        elif lang not in LABELS and lang not in from_file and not _autonym(lang, fallback.get(lang)):
            # Labels come from the chain, but a language's own name cannot.
            yield parsed.at(("meta", "languages", i), "labels_name", lang=lang)
    for path in text_paths(data):
        text = _get(data, path)
        if not isinstance(text, dict):
            continue
        for lang in languages:
            chain = fallback.get(lang)
            if lang not in text and not (isinstance(chain, list) and any(other in text for other in chain)):
                yield parsed.at(path, "missing_text", lang=lang, languages=", ".join(languages))
        yield from _other_languages(parsed, path, text, languages)


def _autonym(lang: str, chain: Any) -> bool:
    """Whether ``lang`` gets its name in the language switcher from the kit (a Chinese code borrowing
    across scripts)."""
    first = chain[0] if isinstance(chain, list) and chain and isinstance(chain[0], str) else ""
    return lang.lower() in AUTONYMS and conversion(first, lang) is not None


def _other_languages(parsed: Parsed, path: Path, text: dict[str, Any], languages: list[str]) -> Iterator[Problem]:
    """Keys of a text that are not listed languages: a comma inside {…}, zh_Hant for zh-Hant, or another language."""
    keys = list(text)
    for i, lang in enumerate(keys):
        if lang in languages:
            continue
        if comma_key(parsed, (*path, lang)):
            before = keys[i - 1]
            example = f'{before}: "{text[before]}, {lang}"'
            yield parsed.at((*path, lang), "flow_comma", on_key=True, word=lang, example=example)
        elif lang.replace("_", "-") in languages:
            yield parsed.at((*path, lang), "text_language_hyphen", on_key=True, lang=lang,
                            fixed=lang.replace("_", "-"))
        else:
            yield parsed.at((*path, lang), "unknown_text_language", on_key=True, lang=lang)


def _unique_ids(parsed: Parsed, data: dict[str, Any]) -> Iterator[Problem]:
    seen: dict[str, Path] = {}
    for path, item in [*_sections(data), *_criteria(data)]:
        ident: Any = item.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            line = parsed.value_at.get(seen[ident] + ("id",), (0, 0))[0]
            yield parsed.at((*path, "id"), "duplicate_id", id=ident, line=line)
        else:
            seen[ident] = path


def _source_ids(data: dict[str, Any]) -> list[Any]:
    meta = _mapping(data.get("meta"))
    return [s.get("id") for _, s in _dicts(meta.get("sources")) if isinstance(s, dict)]


def _source_refs(parsed: Parsed, data: dict[str, Any]) -> Iterator[Problem]:
    known = _source_ids(data)
    for i, ident in enumerate(known):
        if known.index(ident) != i:
            yield parsed.at(("meta", "sources", i, "id"), "duplicate_source", id=ident)
    for path, criterion in _criteria(data):
        for i, ref in _dicts(criterion.get("sources")):
            if isinstance(ref, str) and ref not in known:
                yield parsed.at((*path, "sources", i), "unknown_source", id=ref,
                                known=", ".join(str(k) for k in known))


def _scale_scores(data: dict[str, Any]) -> list[Any]:
    scale = _mapping(data.get("scale"))
    return [lv.get("score") for _, lv in _dicts(scale.get("levels")) if isinstance(lv, dict)]


def _scale_and_levels(parsed: Parsed, data: dict[str, Any]) -> Iterator[Problem]:
    scores = _scale_scores(data)
    if not all(type(s) is int for s in scores):
        return
    if scores != sorted(set(scores)):
        yield parsed.at(("scale", "levels"), "scale_order", found=scores)
        return
    for path, criterion in _criteria(data):
        levels = criterion.get("levels")
        if not isinstance(levels, list) or _is_self_check(_get(data, path[:2])):
            continue
        found = [lv.get("score") if isinstance(lv, dict) else None for lv in levels]
        if found != scores:
            yield parsed.at((*path, "levels"), "level_scores", scores=scores, found=found)
    yield from _knockout_levels(parsed, data, scores)


def _knockout_levels(parsed: Parsed, data: dict[str, Any], scores: list[int]) -> Iterator[Problem]:
    """``knockout: {below: n}`` names a level of the scale above the lowest (else nothing or everything eliminates)."""
    if not scores:
        return
    for path, criterion in _criteria(data):
        knockout = criterion.get("knockout")
        below = knockout.get("below") if isinstance(knockout, dict) else None
        if type(below) is int and (below not in scores or below == scores[0]):
            yield parsed.at((*path, "knockout", "below"), "knockout_below", found=below,
                            allowed=", ".join(str(s) for s in scores[1:]))


def _is_self_check(section: Any) -> bool:
    return isinstance(section, dict) and section.get("self_check") is True


def _self_check(parsed: Parsed, data: dict[str, Any]) -> Iterator[Problem]:
    sections = list(_sections(data))
    for path, criterion in _criteria(data):
        if not _is_self_check(_get(data, path[:2])):
            continue
        for key in UNSCORED_KEYS:
            if key in criterion:
                yield parsed.at((*path, key), "self_check_key", on_key=True, name=key)
    for path, section in sections:
        if _is_self_check(section) and "minimum" in section:
            yield parsed.at((*path, "minimum"), "self_check_key", on_key=True, name="minimum")
    if sections and all(_is_self_check(section) for _, section in sections):
        yield parsed.at(sections[0][0], "all_self_check")
