"""Machine-readable exports of the criteria: JSON (the YAML's structure) and CSV (one row per criterion).

The JSON is built from the model field by field (model names are the file's
keys), so it validates against generator/schema/criteria.schema.json and
equals the parsed YAML. The CSV is UTF-8 with a byte order mark (so that
Excel and WPS detect Chinese correctly) and every cell that a spreadsheet
would read as a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any

from generator.checks.schema_check import SCHEMA_PATH
from generator.model import UNSCORED_KEYS, Criteria, Logo, Text

__all__ = ["FORMULA_STARTS", "criteria_data", "csv_columns", "neutralise", "render_csv", "render_json",
           "schema_text"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these may run as a formula in a spreadsheet (CSV injection)."""
_NOT_IN_FILE = frozenset({"borrowed", "converted"})
"""Model fields worked out when the file is loaded, which the file has no key for."""


def _plain(value: Any, name: str = "") -> Any:
    if isinstance(value, Text):
        return dict(value.values)
    if isinstance(value, Logo):
        return value.name
    if name == "labels":  # ((language, ((key, text), ...)), ...)
        return {lang: dict(table) for lang, table in value}
    if name == "fallback":  # ((language, (other, ...)), ...)
        return {lang: list(chain) for lang, chain in value}
    if name == "texts":  # ((language, ((page, ((key, text or texts), ...)), ...)), ...)
        return {lang: {page: {key: text if isinstance(text, str) else list(text) for key, text in keys}
                       for page, keys in pages} for lang, pages in value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _plain(item, field.name)
            for field in dataclasses.fields(value)
            if (item := getattr(value, field.name)) is not None and item != field.default
            and field.name not in _NOT_IN_FILE
        }
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def criteria_data(criteria: Criteria) -> dict[str, Any]:
    """The criteria as plain data with the criteria file's structure (optional keys left out when unset)."""
    data: dict[str, Any] = {"format": 1, **_plain(criteria)}
    for section in data["sections"]:
        _file_keys(section)
        if section.get("self_check"):
            # The model fills unscored defaults in; the file (and the schema) has no such keys here.
            for criterion in section["criteria"]:
                for key in UNSCORED_KEYS:
                    criterion.pop(key, None)
    return data


def _file_keys(section: dict[str, Any]) -> None:
    """Model fields back into the file's keys: knockout: {below: n} and minimum: {score, reason}."""
    if "minimum" in section:
        section["minimum"] = {"score": section["minimum"], "reason": section.pop("minimum_reason")}
    for criterion in section["criteria"]:
        if "knockout_below" in criterion:
            criterion["knockout"] = {"below": criterion.pop("knockout_below")}


def render_json(criteria: Criteria) -> str:
    """The criteria as JSON, readable and stable."""
    return json.dumps(criteria_data(criteria), ensure_ascii=False, indent=2) + "\n"


def schema_text() -> bytes:
    """The published JSON Schema of the criteria file, as shipped."""
    return SCHEMA_PATH.read_bytes()


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: a leading apostrophe if it could start a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def csv_columns(criteria: Criteria) -> list[str]:
    """Column names of the CSV export."""
    langs = criteria.meta.languages
    per_lang = ["section_title", "title", "why", "must_ask", "questions", "evidence", "red_flags", "after_signing",
                "check_who", "check_keep", "clauses", "weight_reason"]
    levels = [f"level_{lv.score}" for lv in criteria.scale.levels]
    return ["edition_id", "version", "section_id", "self_check", "criterion_id", "weight", "knockout", "knockout_below",
            "declare",
            "sources",
            *(f"{name}_{lang}" for name in [*per_lang, *levels] for lang in langs)]


def _flag(value: bool | None) -> str:
    """A true/false key as written: "true", "false", or empty when the file leaves it out."""
    return "" if value is None else "true" if value else "false"


def _row(criteria: Criteria, section: Any, criterion: Any) -> list[str]:
    # Every row names its edition and version, so rows copied elsewhere stay traceable.
    # A self-check criterion is never scored: its weight and knock-out cells stay empty.
    below = "" if criterion.knockout_below is None else str(criterion.knockout_below)
    scored = [_number(criterion.weight), "true" if criterion.knockout else "false", below]
    cells = [criteria.meta.id, criteria.meta.version, section.id, "true" if section.self_check else "false",
             criterion.id, *(["", "", ""] if section.self_check else scored), _flag(criterion.declare),
             " ".join(criterion.sources)]
    by_score = {d.score: d.text for d in criterion.levels}
    texts = [section.title, criterion.title, criterion.why, criterion.must_ask, criterion.questions,
             criterion.evidence, criterion.red_flags, criterion.after_signing,
             # One line per after-signing check, as after_signing (empty where the file gives none).
             criterion.check_whos, criterion.check_keeps, criterion.clauses, criterion.weight_reason,
             *(by_score.get(lv.score) for lv in criteria.scale.levels)]
    for value in texts:
        for lang in criteria.meta.languages:
            if value is None:
                cells.append("")
            elif isinstance(value, tuple):
                cells.append("\n".join(item(lang) for item in value))
            else:
                cells.append(value(lang))
    return cells


def render_csv(criteria: Criteria) -> str:
    """One row per criterion; lists are joined with line breaks inside the cell.

    RFC 4180: rows end with CRLF, which also makes the csv module quote any
    cell holding a lone CR. A byte order mark comes first.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_columns(criteria))
    for section in criteria.sections:
        for criterion in section.criteria:
            writer.writerow([neutralise(cell) for cell in _row(criteria, section, criterion)])
    return "\ufeff" + out.getvalue()
