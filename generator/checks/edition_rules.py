"""Rules for what a sector edition changes: logo file, file-supplied labels, page texts, fallback, changelog order."""

from __future__ import annotations

import difflib
import re
import stat
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import Any

from generator.checks.colours import colour_problems
from generator.checks.label_cycles import cycle_problems
from generator.checks.placeholders import placeholder_problem, placeholders
from generator.checks.sheet_names import SHEET_KEYS, sheet_key, sheet_name_problem, sheet_names_clash
from generator.checks.svg_check import svg_problem
from generator.checks.text_rules import fallback_problems, text_problems
from generator.model import REQUIRED_FORM
from generator.parse.source import Parsed
from generator.problems import Problem
from generator.words.chinese_script import AUTONYMS, conversion
from generator.words.labels import LABELS
from generator.words.messages import Msg
from generator.words.references import REFERENCE, resolve_labels

__all__ = ["LABEL_MARKUP", "MAX_LOGO_BYTES", "edition_problems", "logo_file", "placeholder_problem", "placeholders"]

LOGO_NAME = re.compile(r"(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.(svg|png|jpg|jpeg|webp)")
"""The logo paths the schema accepts (meta.branding.logo's pattern): Latin letters, digits, _ . / -."""
MAX_LOGO_BYTES = 1024 * 1024
"""Largest logo image accepted (the site loads it on every page)."""
LABEL_MARKUP = "<>&`*_|#[]\\"
"""Characters a file-supplied interface label may not hold: HTML and Markdown syntax. Labels
are written into pages, menus and the language switcher unescaped, like the built-in ones."""


def edition_problems(parsed: Parsed, assets: bool = True) -> Iterator[Problem]:
    """Every problem in the edition-specific parts of ``parsed``; tolerant of malformed parts. Without
    ``assets`` a logo file that is not there is no problem (a file compared, not built)."""
    data: dict[str, Any] = parsed.data if isinstance(parsed.data, dict) else {}
    meta: dict[str, Any] = data["meta"] if isinstance(data.get("meta"), dict) else {}
    yield from _logo(parsed, meta, assets)
    yield from colour_problems(parsed, meta)
    yield from _labels(parsed, data, meta)
    yield from cycle_problems(parsed, data, meta)
    yield from fallback_problems(parsed, meta)
    yield from text_problems(parsed, data, meta)
    yield from _changelog(parsed, data, meta)
    forms = meta.get("forms")
    if isinstance(forms, list) and forms and REQUIRED_FORM not in forms:
        yield parsed.at(("meta", "forms"), "forms_worksheet", form=REQUIRED_FORM)


def logo_file(criteria_file: str, logo: str) -> FsPath:
    """Where the logo named in ``criteria_file`` lives: relative to that file's folder."""
    return FsPath(criteria_file).parent / logo


def _logo_path_problem(criteria_file: str, logo: str) -> Msg | None:
    """Why the logo path may not be read, or None: a symbolic link on the way (it could point at
    /etc/passwd, /proc/self/environ or .git/config), a device, pipe or folder, or a file that
    resolves outside the criteria file's folder."""
    folder = FsPath(criteria_file).parent
    current = folder
    for part in FsPath(logo).parts:
        current = current / part
        if current.is_symlink():
            return Msg.of("logo_symlink", link=current.relative_to(folder))
    if not current.exists():
        return None  # reported as not found
    if not stat.S_ISREG(current.lstat().st_mode):
        return Msg.of("logo_not_file")
    if not current.resolve().is_relative_to(folder.resolve()):
        return Msg.of("logo_outside")
    return None


def _logo(parsed: Parsed, meta: dict[str, Any], assets: bool = True) -> Iterator[Problem]:
    branding = meta.get("branding")
    logo = branding.get("logo") if isinstance(branding, dict) else None
    if not isinstance(logo, str) or not LOGO_NAME.fullmatch(logo):
        return  # the schema reports a malformed path
    path, where = logo_file(parsed.file, logo), ("meta", "branding", "logo")
    if (unsafe := _logo_path_problem(parsed.file, logo)) is not None:
        yield parsed.at(where, "logo_not_plain", logo=logo, what=unsafe)
    elif not path.is_file():
        if assets:
            yield parsed.at(where, "logo_missing", logo=logo, path=path)
    elif path.stat().st_size > MAX_LOGO_BYTES:
        yield parsed.at(where, "logo_too_big", logo=logo, size=path.stat().st_size, limit=MAX_LOGO_BYTES)
    elif path.suffix.lower() == ".svg" and (drawing := svg_problem(path.read_bytes())):
        yield parsed.at(where, "logo_unsafe", logo=logo, what=drawing)


def _labels(parsed: Parsed, data: dict[str, Any], meta: dict[str, Any]) -> Iterator[Problem]:
    labels = data.get("labels")
    if not isinstance(labels, dict):
        return
    languages: list[Any] = meta["languages"] if isinstance(meta.get("languages"), list) else []
    english = LABELS["en"]
    for lang, table in labels.items():
        where = ("labels", lang)
        if lang not in languages:
            yield parsed.at(where, "labels_language", on_key=True, lang=lang)
        if not isinstance(table, dict):
            continue
        if "language_name" not in table and lang not in LABELS and not _named_by_the_kit(lang, meta):
            yield parsed.at(where, "labels_name", lang=lang)
        for key, text in table.items():
            yield from _label_entry(parsed, (*where, key), key, text, english)
        yield from _sheet_labels(parsed, where, table, _base_labels(lang, meta))


def _named_by_the_kit(lang: str, meta: dict[str, Any]) -> bool:
    """Whether the kit names ``lang`` in the language switcher: a Chinese code that falls back across scripts."""
    fallback = meta.get("fallback")
    chain = fallback.get(lang) if isinstance(fallback, dict) else None
    first = chain[0] if isinstance(chain, list) and chain and isinstance(chain[0], str) else ""
    return lang.lower() in AUTONYMS and conversion(first, lang) is not None


def _base_labels(lang: str, meta: dict[str, Any]) -> Any:
    """The labels a file's table for ``lang`` falls back to: built-in ones, its first built-in fallback, English."""
    fallback = meta.get("fallback")
    chain = fallback.get(lang, []) if isinstance(fallback, dict) else []
    built_in = [other for other in [lang, *(chain if isinstance(chain, list) else [])] if other in LABELS]
    return LABELS[built_in[0]] if built_in else LABELS["en"]


def _sheet_labels(parsed: Parsed, where: tuple[str, ...], table: dict[str, Any],
                  english: Any) -> Iterator[Problem]:
    """The workbook's sheet names (file labels, or English where the file has none) follow Excel's rules."""
    words = resolve_labels({**english, **{k: v for k, v in table.items() if isinstance(v, str)}})  # {@key} as shown
    names = [words[key] for key in SHEET_KEYS]
    for key, name in zip(SHEET_KEYS, names, strict=True):
        problem = sheet_name_problem(name) if key in table else None
        if problem:
            yield parsed.at((*where, key), "label_sheet", name=key, what=problem)
    clash = sheet_names_clash(names)
    if clash is not None:
        first = next(i for i in range(clash) if sheet_key(names[i]) == sheet_key(names[clash]))
        key = SHEET_KEYS[clash] if SHEET_KEYS[clash] in table else SHEET_KEYS[first]
        yield parsed.at((*where, key), "label_sheet_clash", first=SHEET_KEYS[first], second=SHEET_KEYS[clash],
                        sheet=names[clash])


def _label_entry(parsed: Parsed, where: tuple[str, ...], key: str, text: Any,
                 english: Any) -> Iterator[Problem]:
    if key not in english:
        close = difflib.get_close_matches(key, list(english), n=1)
        yield parsed.at(where, "label_unknown_close" if close else "label_unknown", on_key=True, name=key,
                        close=close[0] if close else "", known=", ".join(sorted(english)))
        return
    if not isinstance(text, str):
        return  # the schema reports the type
    if any(char in LABEL_MARKUP for char in REFERENCE.sub("", text)):  # a key such as {@sc_title} may hold _
        yield parsed.at(where, "label_markup", name=key, chars=" ".join(LABEL_MARKUP))
        return
    if "\n" in text or "\r" in text or "\t" in text:
        yield parsed.at(where, "label_one_line", name=key)
        return
    problem = placeholder_problem(text, placeholders(english[key]))
    if problem:
        yield parsed.at(where, "label_other", name=key, what=problem)


def _changelog(parsed: Parsed, data: dict[str, Any], meta: dict[str, Any]) -> Iterator[Problem]:
    releases = data.get("changelog")
    if not isinstance(releases, list):
        return
    seen: set[str] = set()
    previous: str | None = None
    for i, release in enumerate(releases):
        if not isinstance(release, dict):
            continue
        version, date = release.get("version"), release.get("date")
        if isinstance(version, str):
            if version in seen:
                yield parsed.at(("changelog", i, "version"), "changelog_twice", version=version)
            seen.add(version)
        if isinstance(date, str):
            if previous is not None and date > previous:
                yield parsed.at(("changelog", i, "date"), "changelog_order", date=date, previous=previous)
            previous = date
    first = releases[0] if releases and isinstance(releases[0], dict) else {}
    current = meta.get("version")
    if isinstance(current, str) and isinstance(first.get("version"), str) and first["version"] != current:
        yield parsed.at(("changelog", 0, "version"), "changelog_current", newest=first["version"], current=current)
