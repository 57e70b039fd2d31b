"""Read a criteria file: decode, parse, validate everything, build the model (and the edition).

Pure but for reading the file (and its logo): loading a file changes nothing that a later load or
render sees."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path as FsPath
from typing import Any

from generator.borrow import borrow_texts, borrowing, converted_labels, converted_page_texts
from generator.checks.edition_rules import edition_problems, logo_file
from generator.checks.rules import rule_problems
from generator.checks.schema_check import schema_problems
from generator.edition import Edition, edition_of
from generator.model import (
    Branding,
    Criteria,
    Criterion,
    Descriptor,
    Level,
    Logo,
    Meta,
    Release,
    Scale,
    Section,
    Source,
    Text,
    VerdictRules,
)
from generator.parse.source import parse_yaml
from generator.problems import InputError, problem
from generator.reading import NotAFileError, read_at_most

__all__ = ["MAX_BYTES", "load_criteria", "load_edition", "parse_criteria"]

MAX_BYTES = 8 * 1024 * 1024
"""Largest criteria file accepted; far above any real edition."""


def load_criteria(path: str | FsPath, assets: bool = True) -> Criteria:
    """Load and validate the criteria file at ``path``; raise InputError listing every problem.
    Without ``assets`` a logo file that is not there is left out (for ``diff``, which builds nothing)."""
    name = str(path)
    try:
        raw, size = read_at_most(path, MAX_BYTES)
    except NotAFileError:
        raise InputError([problem(name, 1, 1, "not_a_file")]) from None
    except OSError as exc:
        raise InputError([problem(name, 1, 1, "cannot_read", reason=exc.strerror)]) from None
    if len(raw) > MAX_BYTES:
        raise InputError([problem(name, 1, 1, "too_many_bytes", size=max(size, len(raw)), limit=MAX_BYTES)])
    return parse_criteria(raw, name, assets)


def load_edition(path: str | FsPath) -> Edition:
    """Load and validate the criteria file at ``path``; its criteria with every language's texts."""
    return edition_of(load_criteria(path))


def parse_criteria(raw: bytes, name: str, assets: bool = True) -> Criteria:
    """Validate criteria given as bytes; ``name`` is used in messages."""
    parsed = parse_yaml(_decode(raw, name), name)
    problems = [*parsed.problems, *schema_problems(parsed), *rule_problems(parsed), *edition_problems(parsed, assets)]
    if problems:
        raise InputError(problems)
    return _borrowed(parsed.data, name)


def _borrowed(data: dict[str, Any], name: str) -> Criteria:
    """The model of valid ``data``, with what each language lacks filled from its fallback chain."""
    languages, chains = tuple(data["meta"]["languages"]), data["meta"].get("fallback", {})
    counts = borrow_texts(data, languages, chains)
    labels, texts = data.get("labels", {}), data.get("texts", {})
    converted = {lang: (converted_labels(lang, chains.get(lang, []), labels),
                        converted_page_texts(lang, chains.get(lang, []), texts)) for lang in languages}
    criteria = _criteria(data, name)
    return replace(criteria, borrowed=tuple(borrowing(
        languages, counts, chains, {lang: pair[0] for lang, pair in converted.items()},
        {lang: pair[1] for lang, pair in converted.items()})), converted=tuple(
        (lang, tuple(table.items()), _texts({lang: pages})[0][1]) for lang, (table, pages) in converted.items()
        if table or pages))


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_BYTES:
        raise InputError([problem(name, 1, 1, "too_many_bytes", size=len(raw), limit=MAX_BYTES)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError([problem(name, line, col, "not_utf8")]) from None
    if "\0" in text:
        offset = text.index("\0")
        line = text.count("\n", 0, offset) + 1
        raise InputError([problem(name, line, offset - text.rfind("\n", 0, offset), "nul_character")])
    return text.replace("\r\n", "\n")


def _criteria(data: dict[str, Any], name: str) -> Criteria:
    meta = data["meta"]
    languages = tuple(meta["languages"])

    def text(value: Any) -> Text:
        # Store texts in the file's language order, whatever order they were written in.
        return Text(tuple((lang, str(value[lang])) for lang in languages))

    def opt(value: Any) -> Text | None:
        return None if value is None else text(value)

    sources = tuple(
        Source(s["id"], text(s["title"]), opt(s.get("publisher")), s.get("url"), opt(s.get("note")))
        for s in meta["sources"]
    )
    licence = meta["licence"] if isinstance(meta["licence"], str) else text(meta["licence"])
    return Criteria(
        meta=Meta(meta["id"], text(meta["title"]), opt(meta.get("description")), meta["version"],
                  languages, licence, sources, meta.get("site_url"), _branding(meta, name),
                  tuple((lang, tuple(chain)) for lang, chain in meta.get("fallback", {}).items()),
                  meta.get("maintainer_pages", True), tuple(meta["forms"]) if "forms" in meta else None),
        scale=Scale(tuple(Level(lv["score"], text(lv["label"]), opt(lv.get("description")))
                          for lv in data["scale"]["levels"])),
        sections=tuple(
            Section(s["id"], text(s["title"]), text(s["intro"]),
                    tuple(_criterion(c, text, opt) for c in s["criteria"]),
                    s.get("self_check", False), *_minimum(s, opt))
            for s in data["sections"]
        ),
        labels=tuple((lang, tuple(table.items())) for lang, table in data.get("labels", {}).items()),
        texts=_texts(data.get("texts", {})),
        changelog=tuple(Release(r["version"], r["date"], text(r["note"])) for r in data.get("changelog", [])),
        verdict=VerdictRules(**data.get("verdict", {})),
    )


def _minimum(section: dict[str, Any], opt: Any) -> tuple[Any, Text | None]:
    minimum = section.get("minimum", {})
    return minimum.get("score"), opt(minimum.get("reason"))


def _texts(texts: dict[str, Any]) -> Any:
    return tuple(
        (lang, tuple((page, tuple((key, value if isinstance(value, str) else tuple(value))
                                  for key, value in keys.items())) for page, keys in pages.items()))
        for lang, pages in texts.items()
    )


def _branding(meta: dict[str, Any], name: str) -> Branding | None:
    branding = meta.get("branding")
    if branding is None:
        return None
    logo = branding.get("logo")
    return Branding(branding.get("primary"), branding.get("accent"),
                    None if logo is None else Logo(logo, _logo_bytes(logo_file(name, logo))))


def _logo_bytes(path: FsPath) -> bytes:
    """The logo's bytes; empty when it is not there (only a file loaded without assets gets this far)."""
    return path.read_bytes() if path.is_file() else b""


def _criterion(c: dict[str, Any], text: Any, opt: Any) -> Criterion:
    return Criterion(
        id=c["id"], title=text(c["title"]), why=text(c["why"]),
        questions=tuple(text(q) for q in c["questions"]),
        evidence=tuple(text(e) for e in c["evidence"]),
        red_flags=tuple(text(r) for r in c["red_flags"]),
        # Self-check criteria have no levels, weight or knockout: they are never scored.
        levels=tuple(Descriptor(lv["score"], text(lv["text"])) for lv in c.get("levels", [])),
        weight=c.get("weight", 0), weight_reason=opt(c.get("weight_reason")),
        knockout=bool(c.get("knockout", False)), sources=tuple(c["sources"]),
        must_ask=tuple(text(q) for q in c.get("must_ask", [])),
        after_signing=tuple(text(a) for a in c.get("after_signing", [])),
        knockout_below=c["knockout"]["below"] if isinstance(c.get("knockout"), dict) else None,
        sitting=_written(c.get("sitting")), answer_lines=c.get("answer_lines", 1),
        check_day=_written(c.get("check_day")),
        check_who=_texts_written(c.get("check_who"), text), check_keep=_texts_written(c.get("check_keep"), text),
        clauses=tuple(text(k) for k in c.get("clauses", [])), declare=c.get("declare"),
    )


def _texts_written(value: Any, text: Any) -> Any:
    """A one-or-list key of texts as the model keeps it: one text, a tuple of texts, or None when absent."""
    if value is None:
        return None
    return tuple(text(v) for v in value) if isinstance(value, list) else text(value)


def _written(value: Any) -> Any:
    """A one-or-list key as the model keeps it: the single value, or the list as a tuple."""
    return tuple(value) if isinstance(value, list) else value
