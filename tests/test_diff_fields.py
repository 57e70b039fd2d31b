"""``generator diff`` reports a change to every field of the criteria schema, with old and new values.

The fields are read from generator/schema/criteria.schema.json, so a field added to the
schema fails ``test_every_schema_field_has_a_case`` until a case below changes it, and
its case fails until the diff reports it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import ROOT
from generator.checks.schema_check import schema
from generator.diff.compare import compare
from generator.diff.report import to_json, to_markdown
from generator.load import load_criteria

SELF_CHECK = ROOT / "tests" / "fixtures" / "self_check.yaml"
LOGO = ROOT / "examples" / "cross-border" / "logo.svg"


def schema_fields() -> list[str]:
    """Every leaf field of the schema, as ``meta.sources[].publisher`` (texts and lists of plain values are leaves)."""
    root = schema()

    def resolve(node: Any) -> Any:
        while "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
        return node

    def walk(prefix: str, node: Any) -> Iterator[str]:
        node = resolve(node)
        if node.get("type") == "array" and "properties" in resolve(node.get("items", {})):
            yield from walk(prefix + "[]", node["items"])
        elif "properties" in node:
            if isinstance(node.get("type"), list):  # a plain value or a mapping (knockout: true or {below: n})
                yield prefix
            for key, child in node["properties"].items():
                yield from walk(f"{prefix}.{key}".lstrip("."), child)
        else:
            yield prefix

    return sorted(walk("", root))


def add_language(value: Any, lang: str = "fr") -> None:
    """Give every text of ``value`` a ``lang`` entry (a copy of its English)."""
    if isinstance(value, dict):
        if "en" in value and "zh" in value and all(isinstance(v, str) for v in value.values()):
            value[lang] = value["en"]
        for item in value.values():
            add_language(item, lang)
    elif isinstance(value, list):
        for item in value:
            add_language(item, lang)


def rich_data() -> Any:
    """The self-check fixture with every optional field set, a third language with its own labels,
    page texts and fallback."""
    data: Any = YAML(typ="safe").load(SELF_CHECK.read_text(encoding="utf-8"))
    meta = data["meta"]
    meta["sources"][0].update(publisher={"zh": "出版者", "en": "Publisher"}, url="https://example.org/a",
                              note={"zh": "备注", "en": "Note"})
    meta["sources"].append({"id": "second", "title": {"zh": "第二篇", "en": "Second article"}})
    meta.update(site_url="https://example.org/kit/", branding={"primary": "teal", "accent": "amber",
                                                                 "logo": "logo.svg"})
    for level in data["scale"]["levels"]:
        level["description"] = {"zh": f"{level['score']} 分", "en": f"Score {level['score']}"}
    data["changelog"] = [{"version": meta["version"], "date": "2026-01-01", "note": {"zh": "首版", "en": "First"}}]
    data["sections"][0]["minimum"] = {"score": 50, "reason": {"zh": "理由", "en": "Reason."}}
    add_language(data)
    meta["languages"].append("fr")
    data["labels"] = {"fr": {"language_name": "Français"}}
    meta["fallback"] = {"fr": ["zh"]}
    data["texts"] = {"fr": {"scoring": {"intro": "Avant."}}}
    return data


def criterion(data: Any, ident: str) -> Any:
    return next(c for s in data["sections"] for c in s["criteria"] if c["id"] == ident)


def shift_scores(data: Any) -> None:
    for level in [*data["scale"]["levels"], *(lv for s in data["sections"] for c in s["criteria"]
                                             for lv in c.get("levels", []))]:
        level["score"] += 1


def rename_source(data: Any) -> None:
    data["meta"]["sources"][0]["id"] = "renamed"
    for c in (c for s in data["sections"] for c in s["criteria"]):
        c["sources"] = ["renamed" if ref == "article" else ref for ref in c["sources"]]


def score_own_section(data: Any) -> None:
    own = data["sections"][-1]
    del own["self_check"]
    for c in own["criteria"]:
        c.update(weight=1, knockout=False, levels=[{"score": lv["score"], "text": {"zh": "x", "en": "x", "fr": "x"}}
                                                   for lv in data["scale"]["levels"]])


def new_version(data: Any) -> None:
    data["meta"]["version"] = "0.2.0"
    data["changelog"].insert(0, {"version": "0.2.0", "date": "2026-02-01", "note": {"zh": "二", "en": "Two", "fr": "2"}})


def set_in(*path: Any, value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        target = data
        for step in path[:-1]:
            target = criterion(data, step[1:]) if isinstance(step, str) and step.startswith("@") else target[step]
        target[path[-1]] = value
    return change


def text(en: str) -> dict[str, str]:
    return {"zh": en, "en": en, "fr": en}


CASES: dict[str, tuple[Callable[[Any], None] | None, str]] = {
    "format": (None, "always 1 (a const): no file can change it"),
    "meta.id": (set_in("meta", "id", value="other-id"), "- edition `other-id`"),
    "meta.title": (set_in("meta", "title", "en", value="New title"), "title (en): “Self-check example” → “New title”"),
    "meta.description": (set_in("meta", "description", value=text("Now described")), "description (en):"),
    "meta.version": (new_version, "- Version: 0.1.0 → 0.2.0"),
    "meta.languages": (set_in("meta", "languages", value=["en", "zh", "fr"]), "- Languages: zh, en, fr → en, zh, fr"),
    "meta.licence": (set_in("meta", "licence", value="CC-BY-SA-4.0"), "licence: CC-BY-4.0 → CC-BY-SA-4.0"),
    "meta.sources[].id": (rename_source, "- source `renamed` Example article"),
    "meta.sources[].title": (set_in("meta", "sources", 0, "title", "en", value="Retitled"),
                             "title (en): “Example article” → “Retitled”"),
    "meta.sources[].publisher": (set_in("meta", "sources", 0, "publisher", "zh", value="新出版者"),
                                 "publisher (zh): “出版者” → “新出版者”"),
    "meta.sources[].url": (set_in("meta", "sources", 0, "url", value="https://example.org/b"),
                           "url: https://example.org/a → https://example.org/b"),
    "meta.sources[].note": (set_in("meta", "sources", 0, "note", "en", value="Other note"), "note (en):"),
    "meta.site_url": (set_in("meta", "site_url", value="https://example.com/"),
                      "site_url: https://example.org/kit/ → https://example.com/"),
    "meta.fallback": (set_in("meta", "fallback", "fr", value=["en"]), "fallback.fr: zh → en"),
    "meta.maintainer_pages": (set_in("meta", "maintainer_pages", value=False), "maintainer_pages: (none) → no"),
    "meta.forms": (set_in("meta", "forms", value=["worksheet"]), "forms: (none) → worksheet"),
    "meta.branding.primary": (set_in("meta", "branding", "primary", value="indigo"), "branding.primary: teal → indigo"),
    "meta.branding.accent": (set_in("meta", "branding", "accent", value="pink"), "branding.accent: amber → pink"),
    "meta.branding.logo": (set_in("meta", "branding", "logo", value="logo2.svg"), "branding.logo: logo.svg → logo2.svg"),
    "scale.levels[].score": (shift_scores, "- Scale: 0, 1, 2, 3 → 1, 2, 3, 4"),
    "scale.levels[].label": (set_in("scale", "levels", 0, "label", "en", value="Missing"),
                             "levels[score=0].label (en): “Not met” → “Missing”"),
    "scale.levels[].description": (set_in("scale", "levels", 3, "description", "en", value="Best"),
                                   "levels[score=3].description (en): “Score 3” → “Best”"),
    "sections[].id": (set_in("sections", 1, "id", value="ability"), "- section `ability`"),
    "sections[].title": (set_in("sections", 1, "title", "zh", value="专业水平"), "title (zh): “专业能力” → “专业水平”"),
    "sections[].intro": (set_in("sections", 1, "intro", "en", value="Now check skill."), "intro (en):"),
    "sections[].self_check": (score_own_section, "- section `yourself`"),
    "sections[].criteria[].id": (set_in("sections", 1, "criteria", 0, "id", value="method"),
                                 "- criterion `method` Process details (in section `skill`; weight 1.5, knock-out no)"),
    "sections[].criteria[].title": (set_in("@licence", "title", "en", value="Licence"), "title (en): “Business licence” → “Licence”"),
    "sections[].criteria[].why": (set_in("@licence", "why", "en", value="Because."), "why (en):"),
    "sections[].criteria[].must_ask": (set_in("@process", "must_ask", value=[text("Who?")]), "must_ask[1] (en): (none) → “Who?”"),
    "sections[].criteria[].questions": (set_in("@licence", "questions", 0, "en", value="Show me."),
                                        "questions[1] (en):"),
    "sections[].criteria[].evidence": (set_in("@visit", "evidence", 0, "fr", value="Le bureau"),
                                       "evidence[1] (fr): “The office” → “Le bureau”"),
    "sections[].criteria[].red_flags": (set_in("@visit", "red_flags", 0, "zh", value="拒绝"), "red_flags[1] (zh):"),
    "sections[].criteria[].after_signing": (set_in("@licence", "after_signing", value=[text("Check it.")]),
                                            "after_signing[1] (en): (none) → “Check it.”"),
    "sections[].criteria[].sitting": (set_in("@licence", "sitting", value="phone"),
                                   "- criterion `licence` Business licence: sitting: (none) → phone"),
    "sections[].criteria[].answer_lines": (set_in("@licence", "answer_lines", value=3),
                                        "- criterion `licence` Business licence: answer_lines: (none) → 3"),
    "sections[].criteria[].check_day": (set_in("@licence", "check_day", value=7),
                                     "- criterion `licence` Business licence: check_day: (none) → 7"),
    "sections[].criteria[].check_who": (set_in("@visit", "check_who", "en", value="Your operations lead"),
                                     "check_who (en): “You” → “Your operations lead”"),
    "sections[].criteria[].check_keep": (set_in("@visit", "check_keep", 1, "en", value="The lease"),
                                      "check_keep[2] (en): “A photo of the office address” → “The lease”"),
    "sections[].criteria[].clauses": (set_in("@licence", "clauses", value=[text("The agency keeps its licence valid.")]),
                                      "clauses[1] (en): (none) → “The agency keeps its licence valid.”"),
    "sections[].criteria[].declare": (set_in("@licence", "declare", value=True),
                                      "- criterion `licence` Business licence: declare: (none) → yes"),
    "sections[].criteria[].levels[].score": (shift_scores, "- Scale: 0, 1, 2, 3 → 1, 2, 3, 4"),
    "sections[].criteria[].levels[].text": (set_in("@licence", "levels", 1, "text", "en", value="A photo"),
                                            "levels[score=1].text (en): “Photo only” → “A photo”"),
    "sections[].criteria[].weight": (set_in("@licence", "weight", value=5), "- criterion `licence` Business licence: 3 → 5"),
    "sections[].criteria[].weight_reason": (set_in("@licence", "weight_reason", "en", value="Basis."),
                                            "weight_reason (en):"),
    "sections[].criteria[].knockout": (set_in("@licence", "knockout", value=False),
                                       "- criterion `licence` Business licence: yes → no"),
    "sections[].criteria[].knockout.below": (set_in("@licence", "knockout", value={"below": 2}),
                                             "- criterion `licence` Business licence: yes → {below: 2}"),
    "sections[].minimum.score": (set_in("sections", 1, "minimum", value={"score": 40, "reason": text("Why.")}),
                                 "minimum.score: (none) → 40"),
    "sections[].minimum.reason": (set_in("sections", 0, "minimum", "reason", "en", value="Other reason."),
                                  "minimum.reason (en):"),
    "verdict.unscored_limit": (set_in("verdict", value={"unscored_limit": 30}), "verdict.unscored_limit: (none) → 30"),
    "verdict.close_call_margin": (set_in("verdict", value={"close_call_margin": 2.5}),
                                  "verdict.close_call_margin: (none) → 2.5"),
    "sections[].criteria[].sources": (set_in("@licence", "sources", value=["article", "second"]),
                                      "- criterion `licence` Business licence: article → article, second"),
    "labels": (set_in("labels", "fr", "language_name", value="français"),
               "- interface labels `fr`: language_name: Français → français"),
    "texts": (set_in("texts", "fr", "scoring", "intro", value="Après."),
              "texts.fr.scoring.intro: Avant. → Après."),
    "changelog[].version": (new_version, "- changelog entry `0.2.0`"),
    "changelog[].date": (set_in("changelog", 0, "date", value="2025-12-31"),
                         "- changelog entry `0.1.0`: date: 2026-01-01 → 2025-12-31"),
    "changelog[].note": (set_in("changelog", 0, "note", "en", value="The first"), "note (en): “First” → “The first”"),
}
"""Per schema field: a change to make to it (None if no valid file can change it) and a line of the report."""


def write(folder: Path, name: str, data: Any) -> Path:
    for logo in ("logo.svg", "logo2.svg"):
        if not (folder / logo).exists():
            shutil.copy(LOGO, folder / logo)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def test_every_schema_field_has_a_case() -> None:
    assert sorted(CASES) == schema_fields()


@pytest.mark.slow
@pytest.mark.parametrize("field", schema_fields())
def test_a_change_to_each_schema_field_is_reported(field: str, tmp_path: Path) -> None:
    assert field in CASES, f"the schema has a field {field} that tests/test_diff_fields.py does not change"
    change, expected = CASES[field]
    if change is None:
        pytest.skip(expected)
    old = write(tmp_path, "old.yaml", rich_data())
    data = rich_data()
    change(data)
    new = write(tmp_path, "new.yaml", data)
    diff = compare(load_criteria(old), load_criteria(new), "en")
    assert diff.changes, f"{field}: the diff says no changes"
    report = to_markdown(diff, "en")
    assert expected in report, (field, report)
    assert json.loads(to_json(diff))["changes"]


def test_the_logo_image_is_compared_not_only_its_name(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", rich_data())
    new_folder = tmp_path / "new"
    new_folder.mkdir()
    new = write(new_folder, "new.yaml", rich_data())
    (new_folder / "logo.svg").write_text(LOGO.read_text(encoding="utf-8").replace("#ffc107", "#00bcd4"),
                                         encoding="utf-8")
    diff = compare(load_criteria(old), load_criteria(new), "en")
    assert [(c.kind, c.fields) for c in diff.changes] == [("changed", (("branding.logo.logo image", ()),))]


def test_rich_file_against_itself_has_no_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", rich_data())
    assert compare(load_criteria(path), load_criteria(path)).changes == ()
