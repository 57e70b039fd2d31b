"""JSON and CSV exports, the downloads page, and text that looks like a formula."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from editions import context, texts

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.edition import edition_of
from generator.load import load_criteria, parse_criteria
from generator.model import Criteria, Text
from generator.parse.source import parse_yaml
from generator.render.downloads import download_files
from generator.render.exports import FORMULA_STARTS, csv_columns, render_csv, render_json
from generator.render.workbook.book import render_workbook, sheet_names
from generator.site.nav import site_nav
from generator.site.outputs import render_all
from generator.site.version import read_commit

SCHEMA = json.loads((ROOT / "generator" / "schema" / "criteria.schema.json").read_text(encoding="utf-8"))
GOLDEN = ROOT / "tests" / "golden" / "minimal" / "criteria.yaml"
SELF_CHECK = ROOT / "tests" / "fixtures" / "self_check.yaml"
TRAPS = [  # (original, replacement) in tests/fixtures/minimal.yaml
    ("title: {zh: 营业执照, en: Business licence}", 'title: {zh: "=HYPERLINK(\\"http://x\\")", en: "+SUM(1)"}'),
    ("{zh: 能给我看营业执照吗？, en: Can I see your business licence?}", '{zh: "-1+2", en: "@cmd"}'),
    ("why: {zh: 没有执照就没有合同主体。, en: Without a licence there is no one to sign with.}",
     'why: {zh: "\\t制表符", en: "carriage"}'),
]
"""The texts of the first criterion; its English why gets a leading carriage return past check (_carriage)."""


def _traps() -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in TRAPS:
        assert old in text
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("path", [DEFAULT_CRITERIA, MINIMAL, GOLDEN, SELF_CHECK],
                         ids=["default", "minimal", "golden", "self-check"])
def test_json_follows_the_schema_and_equals_the_yaml(path: Path) -> None:
    exported = json.loads(render_json(load_criteria(path)))
    jsonschema.Draft202012Validator(SCHEMA).validate(exported)
    assert exported == parse_yaml(path.read_text(encoding="utf-8"), str(path)).data


def test_csv_round_trips_with_one_row_per_criterion() -> None:
    criteria = load_criteria(DEFAULT_CRITERIA)
    text = render_csv(criteria)
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"), newline="")))
    assert rows[0] == csv_columns(criteria)
    by_name = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [(r["section_id"], r["criterion_id"]) for r in by_name] == [
        (s.id, c.id) for s in criteria.sections for c in s.criteria]
    assert {(r["edition_id"], r["version"]) for r in by_name} == {(criteria.meta.id, criteria.meta.version)}
    for row, criterion in zip(by_name, criteria.criteria, strict=True):
        for lang in criteria.meta.languages:
            assert row[f"title_{lang}"] == criterion.title(lang)
            assert row[f"questions_{lang}"].split("\n") == [q(lang) for q in criterion.questions]
        if criterion in criteria.scored_criteria:
            assert float(row["weight"]) == criterion.weight
            assert row["knockout"] == ("true" if criterion.knockout else "false")
        else:  # self-check: never scored
            assert (row["weight"], row["knockout"]) == ("", "")


def test_csv_carries_must_ask_after_signing_and_self_check() -> None:
    criteria = load_criteria(SELF_CHECK)
    rows = list(csv.reader(io.StringIO(render_csv(criteria).lstrip("\ufeff"), newline="")))
    by_id = {r["criterion_id"]: r for r in (dict(zip(rows[0], row, strict=True)) for row in rows[1:])}
    licence, visit, own = by_id["licence"], by_id["visit"], by_id["own-goals"]
    assert licence["must_ask_en"].split("\n") == [q("en") for q in criteria.criteria[0].must_ask]
    assert visit["must_ask_zh"] == "" and visit["after_signing_zh"].count("\n") == 1
    assert (licence["self_check"], licence["weight"], licence["knockout"]) == ("false", "3", "true")
    # A self-check criterion is never scored: no weight or knock-out in the export.
    assert (own["self_check"], own["weight"], own["knockout"]) == ("true", "", "")
    assert own["after_signing_en"] == "Compare the figures with the target every week"


def _carriage(criteria: Criteria) -> Criteria:
    """``criteria`` with "\\rcarriage" as the first criterion's English why: check refuses a carriage
    return in a text (issue 22), but a model built some other way must not make a CSV formula either."""
    section = criteria.sections[0]
    first = section.criteria[0]
    why = Text(tuple((lang, "\rcarriage" if lang == "en" else text) for lang, text in first.why.values))
    section = replace(section, criteria=(replace(first, why=why), *section.criteria[1:]))
    return replace(criteria, sections=(section, *criteria.sections[1:]))


def test_formula_like_text_is_neutralised_in_csv_and_stays_text_in_xlsx() -> None:
    criteria = _carriage(parse_criteria(_traps().encode("utf-8"), "traps.yaml"))
    rows = list(csv.reader(io.StringIO(render_csv(criteria).lstrip("\ufeff"), newline="")))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["title_zh"], row["title_en"]) == ("'=HYPERLINK(\"http://x\")", "'+SUM(1)")
    assert (row["questions_zh"], row["questions_en"]) == ("'-1+2", "'@cmd")
    assert (row["why_zh"], row["why_en"]) == ("'\t制表符", "'\rcarriage")
    assert not [cell for r in rows for cell in r if cell.startswith(FORMULA_STARTS)]
    plain = render_workbook(context(load_criteria(MINIMAL), "zh"))
    for lang in criteria.meta.languages:
        book = openpyxl.load_workbook(io.BytesIO(render_workbook(context(criteria, lang))))
        scoring = book[sheet_names(texts(criteria, lang))[1]]
        title = next(c for r in scoring.iter_rows() for c in r if c.value == criteria.criteria[0].title(lang))
        assert title.data_type == "s"
        formulas = sum(c.data_type == "f" for s in book.worksheets for r in s.iter_rows() for c in r)
        expected = openpyxl.load_workbook(io.BytesIO(plain))
        assert formulas == sum(c.data_type == "f" for s in expected.worksheets for r in s.iter_rows() for c in r)


def test_downloads_page_links_every_download_and_is_in_the_nav() -> None:
    criteria = load_criteria(MINIMAL)
    files = render_all(criteria, "criteria.yaml")
    for lang in criteria.meta.languages:
        page = files[f"{lang}/downloads.md"]
        assert isinstance(page, str)
        for path in download_files(criteria, lang).values():
            assert f"{lang}/{path}" in files
            assert f"]({path})" in page
        assert {"downloads.md"} & {v for entry in site_nav(edition_of(criteria), lang) for v in entry.values() if isinstance(v, str)}


def test_built_site_serves_the_downloads(built_site: Path) -> None:
    criteria = load_criteria(DEFAULT_CRITERIA)
    for lang in criteria.meta.languages:
        root = built_site if lang == criteria.meta.languages[0] else built_site / lang
        html = (root / "downloads" / "index.html").read_text(encoding="utf-8")
        for path in download_files(criteria, lang).values():
            assert (root / path).is_file()
            assert f'href="{path.split("/")[-1]}"' in html
        # The site shows the git commit with the version (generator.site.version), so must its workbook.
        commit = read_commit(DEFAULT_CRITERIA.parent)
        assert (root / download_files(criteria, lang)["workbook"]).read_bytes() == render_workbook(context(criteria, lang, commit=commit))
