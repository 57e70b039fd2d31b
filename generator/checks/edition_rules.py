"""Rules for what a sector edition changes: logo file, file-supplied labels, page texts, fallback, changelog order."""

from __future__ import annotations

import difflib
import stat
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import Any

from generator.checks.placeholders import placeholder_problem, placeholders
from generator.checks.problems import Problem
from generator.checks.sheet_names import SHEET_KEYS, sheet_name_problem, sheet_names_clash
from generator.checks.svg_check import svg_problem
from generator.checks.text_rules import fallback_problems, text_problems
from generator.labels import LABELS
from generator.parse.source import Parsed

__all__ = ["LABEL_MARKUP", "MAX_LOGO_BYTES", "edition_problems", "logo_file", "placeholder_problem", "placeholders"]

MAX_LOGO_BYTES = 1024 * 1024
"""Largest logo image accepted (the site loads it on every page)."""
LABEL_MARKUP = "<>&`*_|#[]\\"
"""Characters a file-supplied interface label may not hold: HTML and Markdown syntax. Labels
are written into pages, menus and the language switcher unescaped, like the built-in ones."""


def edition_problems(parsed: Parsed) -> Iterator[Problem]:
    """Every problem in the edition-specific parts of ``parsed``; tolerant of malformed parts."""
    data: dict[str, Any] = parsed.data if isinstance(parsed.data, dict) else {}
    meta: dict[str, Any] = data["meta"] if isinstance(data.get("meta"), dict) else {}
    yield from _logo(parsed, meta)
    yield from _labels(parsed, data, meta)
    yield from fallback_problems(parsed, meta)
    yield from text_problems(parsed, data, meta)
    yield from _changelog(parsed, data, meta)


def logo_file(criteria_file: str, logo: str) -> FsPath:
    """Where the logo named in ``criteria_file`` lives: relative to that file's folder."""
    return FsPath(criteria_file).parent / logo


def _logo_path_problem(criteria_file: str, logo: str) -> str | None:
    """Why the logo path may not be read, or None: a symbolic link on the way (it could point at
    /etc/passwd, /proc/self/environ or .git/config), a device, pipe or folder, or a file that
    resolves outside the criteria file's folder."""
    folder = FsPath(criteria_file).parent
    current = folder
    for part in FsPath(logo).parts:
        current = current / part
        if current.is_symlink():
            return f"is reached through a symbolic link ({current.relative_to(folder)})"
    if not current.exists():
        return None  # reported as not found
    if not stat.S_ISREG(current.lstat().st_mode):
        return "is not an ordinary file (a folder, device or pipe)"
    if not current.resolve().is_relative_to(folder.resolve()):
        return "lies outside the criteria file's folder"
    return None


def _logo(parsed: Parsed, meta: dict[str, Any]) -> Iterator[Problem]:
    branding = meta.get("branding")
    logo = branding.get("logo") if isinstance(branding, dict) else None
    if not isinstance(logo, str) or ".." in logo or logo.startswith("/"):
        return  # the schema reports a malformed path
    path, where = logo_file(parsed.file, logo), ("meta", "branding", "logo")
    if (unsafe := _logo_path_problem(parsed.file, logo)) is not None:
        yield parsed.at(where, f"logo file '{logo}' {unsafe}; the site would publish whatever it points to, so "
                        "the logo must be an ordinary file in the criteria file's folder (copy the image there)")
    elif not path.is_file():
        yield parsed.at(where, f"logo file '{logo}' not found (looked for {path}); put the image "
                        "next to the criteria file, or remove meta.branding.logo")
    elif path.stat().st_size > MAX_LOGO_BYTES:
        yield parsed.at(where, f"logo file '{logo}' is {path.stat().st_size} bytes; the limit is "
                        f"{MAX_LOGO_BYTES} (every page loads it)")
    elif path.suffix.lower() == ".svg" and (unsafe := svg_problem(path.read_bytes())):
        yield parsed.at(where, f"logo file '{logo}' contains {unsafe}; the site publishes the logo as a page "
                        "of its own, so it may hold drawing only (export it again as plain SVG, or use PNG)")


def _labels(parsed: Parsed, data: dict[str, Any], meta: dict[str, Any]) -> Iterator[Problem]:
    labels = data.get("labels")
    if not isinstance(labels, dict):
        return
    languages: list[Any] = meta["languages"] if isinstance(meta.get("languages"), list) else []
    english = LABELS["en"]
    for lang, table in labels.items():
        where = ("labels", lang)
        if lang not in languages:
            yield parsed.at(where, f"labels for '{lang}', which is not in meta.languages; add it there "
                            "or remove these labels", key=True)
        if not isinstance(table, dict):
            continue
        if "language_name" not in table and lang not in LABELS:
            yield parsed.at(where, f"labels.{lang} needs language_name (the language's own name, shown "
                            "in the language switcher)")
        for key, text in table.items():
            yield from _label_entry(parsed, (*where, key), key, text, english)
        yield from _sheet_labels(parsed, where, table, _base_labels(lang, meta))


def _base_labels(lang: str, meta: dict[str, Any]) -> Any:
    """The labels a file's table for ``lang`` falls back to: built-in ones, its first built-in fallback, English."""
    fallback = meta.get("fallback")
    chain = fallback.get(lang, []) if isinstance(fallback, dict) else []
    built_in = [other for other in [lang, *(chain if isinstance(chain, list) else [])] if other in LABELS]
    return LABELS[built_in[0]] if built_in else LABELS["en"]


def _sheet_labels(parsed: Parsed, where: tuple[str, ...], table: dict[str, Any],
                  english: Any) -> Iterator[Problem]:
    """The workbook's sheet names (file labels, or English where the file has none) follow Excel's rules."""
    names = [table[key] if isinstance(table.get(key), str) else english[key] for key in SHEET_KEYS]
    for key, name in zip(SHEET_KEYS, names, strict=True):
        problem = sheet_name_problem(name) if key in table else None
        if problem:
            yield parsed.at((*where, key), f"label '{key}' names a workbook sheet and {problem}; "
                            "choose a short name without [ ] : * ? / \\")
    clash = sheet_names_clash(names)
    if clash is not None:
        first = next(i for i in range(clash) if names[i].casefold() == names[clash].casefold())
        key = SHEET_KEYS[clash] if SHEET_KEYS[clash] in table else SHEET_KEYS[first]
        yield parsed.at((*where, key), f"labels '{SHEET_KEYS[first]}' and '{SHEET_KEYS[clash]}' both name a "
                        f"workbook sheet '{names[clash]}' (Excel ignores case); give each sheet its own name")


def _label_entry(parsed: Parsed, where: tuple[str, ...], key: str, text: Any,
                 english: Any) -> Iterator[Problem]:
    if key not in english:
        close = difflib.get_close_matches(key, list(english), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(sorted(english))}"
        yield parsed.at(where, f"unknown interface label '{key}'; {hint}", key=True)
        return
    if not isinstance(text, str):
        return  # the schema reports the type
    if any(char in LABEL_MARKUP for char in text):
        yield parsed.at(where, f"label '{key}' may not contain any of {' '.join(LABEL_MARKUP)} "
                        "(interface labels are put into pages as written, so they must be plain words)")
        return
    if "\n" in text or "\r" in text or "\t" in text:
        yield parsed.at(where, f"label '{key}' must be one line (no line breaks or tabs)")
        return
    problem = placeholder_problem(text, placeholders(english[key]))
    if problem:
        yield parsed.at(where, f"label '{key}' {problem}")


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
                yield parsed.at(("changelog", i, "version"), f"version '{version}' is listed twice")
            seen.add(version)
        if isinstance(date, str):
            if previous is not None and date > previous:
                yield parsed.at(("changelog", i, "date"), f"{date} is later than the entry above "
                                f"({previous}); list the newest version first")
            previous = date
    first = releases[0] if releases and isinstance(releases[0], dict) else {}
    current = meta.get("version")
    if isinstance(current, str) and isinstance(first.get("version"), str) and first["version"] != current:
        yield parsed.at(("changelog", 0, "version"), f"the newest changelog entry is {first['version']} but "
                        f"meta.version is {current}; add an entry for {current} at the top")
