"""The scoring workbook: recalculated by LibreOffice, it agrees with generator.scoring.

Random answers are written into copies of the workbook with openpyxl (which
keeps the formulas and drops their cached values), all copies are
recalculated in ONE headless LibreOffice run, and every subtotal, total,
knock-out flag, count and rank read back must equal generator.scoring's.
"""

from __future__ import annotations

import io
import random
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from editions import context, label, texts

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.model import Criteria, numbered_sections
from generator.render.workbook.book import CREATED, layout, render_workbook, sheet_names
from generator.render.workbook.layout import HEADER_ROW, Layout
from generator.scoring import NA, rounded
from generator.verdict import GROUPS, close_call, judge_all, rule_of

CRITERIA = load_criteria(DEFAULT_CRITERIA)
LAYOUT = layout(CRITERIA)
ALLOWED_FUNCTIONS = {"SUMPRODUCT", "ISNUMBER", "MATCH", "IF", "INT", "LEN", "MID", "INDEX", "MAX", "LARGE", "MOD",
                     "SUM", "ABS"}
"""Functions every spreadsheet has had since Excel 97 (WPS and LibreOffice too)."""
INVALID = ["abc", 7, 1.5, "2", -1]
"""Entries a user could paste past the dropdown; the workbook must count them as invalid."""
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""

Answers = dict[str, Any]
"""Criterion id -> int score, "na", None, or an invalid raw entry."""


@pytest.fixture(scope="module")
def books() -> dict[str, bytes]:
    return {lang: render_workbook(context(CRITERIA, lang)) for lang in CRITERIA.meta.languages}


def _valid(criteria: Criteria, answer: Any) -> bool:
    scores = [lv.score for lv in criteria.scale.levels]
    return answer is None or answer == NA or (type(answer) is int and answer in scores)


def expected(criteria: Criteria, agencies: list[Answers]) -> list[dict[str, Any]]:
    """What each agency's cells must show, computed by generator.scoring and generator.verdict."""
    valid = [{k: v for k, v in answers.items() if _valid(criteria, v)} for answers in agencies]
    results, verdicts, ranks = judge_all(rule_of(criteria.scored), valid)
    knockouts = {c.id for c in criteria.scored_criteria if c.knockout}

    def value(x: Fraction | None) -> float | None:
        return None if x is None else float(rounded(x))

    return [{
        "sections": [value(s.value) for s in r.sections], "total": value(r.total),
        "knocked": len(r.knocked_out), "out": int(r.disqualified), "rank": ranks[i],
        "scored": r.scored, "na": r.not_applicable,
        "blank": sum(1 for c in criteria.scored_criteria if agencies[i].get(c.id) is None),
        # N/A is not offered on a knock-out criterion: the workbook counts it as an invalid entry.
        "invalid": sum(1 for k, v in agencies[i].items() if not _valid(criteria, v) or (v == NA and k in knockouts)),
        "unchecked": len(r.unchecked), "code": GROUPS.index(verdicts[i].kind), "verdict": verdicts[i],
        "share": float(r.unscored_share),
    } for i, r in enumerate(results)]


def read(book: Any, criteria: Criteria, lay: Layout, lang: str) -> list[dict[str, Any]]:
    """The same figures, read from a workbook opened with data_only=True."""
    _, scoring, comparison = (book[name] for name in sheet_names(texts(CRITERIA, lang)))

    def cell(sheet: Any, row: int, col: int) -> Any:
        found = sheet.cell(row=row + 1, column=col + 1).value
        return None if found == "" else found

    cols, found = lay.summary, []
    for col, row in zip(lay.agencies, lay.summary_rows, strict=True):
        figures = {key: cell(scoring, getattr(lay, key), col)
                   for key in ("total", "knocked", "scored", "na", "blank", "invalid", "unchecked", "code", "share")}
        figures["sections"] = [cell(scoring, s.subtotal, col) for s in lay.sections]
        summary = {"total": cell(comparison, row, cols.total), "out": cell(comparison, row, cols.out),
                   "rank": cell(comparison, row, cols.rank), "verdict": cell(comparison, row, cols.verdict),
                   "sections": [cell(comparison, row, cols.first_section + i) for i in range(len(lay.sections))],
                   "counts": [cell(comparison, row, cols.scored + i) for i in range(4)]}
        found.append((figures, summary))
    return found


def close_words(criteria: Criteria, lang: str, agencies: list[Answers], names: list[str | None]) -> str | None:
    """The close-call note as the web report words it (generator.verdict.close_call), or None."""
    call = close_call(rule_of(criteria), [{k: v for k, v in a.items() if _valid(criteria, v)} for a in agencies])
    if call is None:
        return None
    titles = {c.id: f"{n} {c.title(lang)}" for _, _, ks in numbered_sections(criteria.sections) for n, c in ks}
    shown = [name or label(lang, "wb_agency", n=n) for n, name in enumerate(names, 1)]
    return label(lang, "vd_close", first=shown[call.first], second=shown[call.second],
                 ids=label(lang, "list_sep").join(titles[i] for i in call.criteria))


def close_note(book: Any, lang: str) -> str | None:
    """The close-call note read from the comparison sheet of a recalculated workbook."""
    found = book[sheet_names(texts(CRITERIA, lang))[2]].cell(row=LAYOUT.summary_rows[-1] + 3, column=1).value
    return found or None


def _same(actual: Any, wanted: Any) -> bool:
    if wanted is None or actual is None:
        return actual is wanted
    return abs(float(actual) - float(wanted)) < 1e-9


def check(found: list[Any], wanted: list[dict[str, Any]], where: str) -> None:
    for n, ((figures, summary), want) in enumerate(zip(found, wanted, strict=True), 1):
        at = f"{where}, agency {n}"
        for key in ("total", "knocked", "scored", "na", "blank", "invalid", "unchecked", "code"):
            assert _same(figures[key], want[key]), f"{at}: {key} {figures[key]!r} != {want[key]!r}"
        assert abs(float(figures["share"]) - want["share"]) < 1e-6, f"{at}: share"
        assert summary["verdict"] and isinstance(summary["verdict"], str), f"{at}: verdict text"
        for i, (got, exp) in enumerate(zip(figures["sections"], want["sections"], strict=True)):
            assert _same(got, exp), f"{at}: section {i + 1} {got!r} != {exp!r}"
            assert _same(summary["sections"][i], exp), f"{at}: comparison section {i + 1}"
        assert _same(summary["total"], want["total"]), f"{at}: comparison total"
        assert summary["out"] == want["out"], f"{at}: disqualified {summary['out']!r} != {want['out']!r}"
        assert _same(summary["rank"], want["rank"]), f"{at}: rank {summary['rank']!r} != {want['rank']!r}"
        assert summary["counts"] == [want[k] for k in ("scored", "na", "blank", "invalid")], at


def random_agencies(rng: random.Random, criteria: Criteria, invalid: bool) -> list[Answers]:
    """Five agencies: random, sparse, empty, all N/A, copies (ties) and knock-outs."""
    scores = [lv.score for lv in criteria.scale.levels]
    agencies: list[Answers] = []
    for n in range(5):
        kind = rng.choices(["random", "sparse", "empty", "na", "copy", "tweak"], [8, 3, 1, 1, 2, 2])[0]
        if kind in ("copy", "tweak") and agencies:
            answers = dict(rng.choice(agencies))
            if kind == "tweak":
                answers[rng.choice(criteria.scored_criteria).id] = rng.choice(scores)
        else:
            answers = {}
            blank, na = {"random": (0.1, 0.1), "sparse": (0.8, 0.05), "empty": (1, 0), "na": (0, 1),
                         "copy": (0.1, 0.1), "tweak": (0.1, 0.1)}[kind]
            for c in criteria.scored_criteria:  # the workbook has no self-check rows
                roll = rng.random()
                answers[c.id] = (None if roll < blank else NA if roll < blank + na
                                 else scores[0] if c.knockout and rng.random() < 0.1 else rng.choice(scores))
        if invalid and n == 4:
            for c in rng.sample(criteria.scored_criteria, rng.randint(1, 3)):
                answers[c.id] = rng.choice(INVALID)
        agencies.append(answers)
    return agencies


def fill(data: bytes, lang: str, agencies: list[Answers], names: list[str | None], target: Path) -> None:
    """Write answers and names into a copy of the workbook, keeping its formulas."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[sheet_names(texts(CRITERIA, lang))[1]]
    for col, answers, name in zip(LAYOUT.agencies, agencies, names, strict=True):
        sheet.cell(row=HEADER_ROW + 1, column=col + 1).value = name
        for ident, answer in answers.items():
            sheet.cell(row=LAYOUT.criteria[ident] + 1, column=col + 1).value = "N/A" if answer == NA else answer
    book.save(target)


def recalculate(folder: Path, sources: list[Path]) -> Path:
    """Recalculate every workbook in one headless LibreOffice run; return the output folder."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed to recalculate the workbook"
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    out = folder / "out"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", str(out), *map(str, sources)],
                   check=True, capture_output=True, timeout=300)
    return out


@pytest.mark.browser
def test_recalculated_workbooks_match_the_scoring_module(books: dict[str, bytes], tmp_path: Path) -> None:
    rng = random.Random(20240601)
    cases: list[tuple[Path, str, list[Answers], list[str | None]]] = []
    (tmp_path / "in").mkdir()
    for index in range(44):
        lang = CRITERIA.meta.languages[1 if index % 11 == 10 else 0]  # a few in the second language
        agencies = random_agencies(rng, CRITERIA, invalid=index % 4 == 3)
        names = [rng.choice([None, f"代运营 {index}-{n}", f"Agency {n}"]) for n in range(5)]
        path = tmp_path / "in" / f"case-{index:02d}.xlsx"
        fill(books[lang], lang, agencies, names, path)
        cases.append((path, lang, agencies, names))
    out = recalculate(tmp_path, [path for path, *_ in cases])
    compared, kinds = 0, set()
    for path, lang, agencies, names in cases:
        book = openpyxl.load_workbook(out / path.name, data_only=True)
        wanted = expected(CRITERIA, agencies)
        check(read(book, CRITERIA, LAYOUT, lang), wanted, path.name)
        comparison = book[sheet_names(texts(CRITERIA, lang))[2]]
        assert [comparison.cell(row=r + 1, column=1).value or None for r in LAYOUT.summary_rows] == names
        note = close_words(CRITERIA.scored, lang, agencies, names)
        assert close_note(book, lang) == note, path.name
        compared += len(agencies)
        kinds |= {k for w in wanted for k, hit in [("out", w["out"]), ("no total", w["total"] is None),
                                                  ("invalid", w["invalid"]), ("na", w["na"])] if hit}
        ranked = [w["rank"] for w in wanted if w["rank"]]
        kinds |= {"tie"} if len(set(ranked)) < len(ranked) else set()
    assert compared >= 200
    assert kinds == {"out", "no total", "invalid", "na", "tie"}


def test_fresh_workbook_caches_the_results_of_an_empty_workbook(books: dict[str, bytes]) -> None:
    for lang, data in books.items():
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        check(read(book, CRITERIA, LAYOUT, lang), expected(CRITERIA, [{}] * 5), f"fresh {lang} workbook")


def _cells(ranges: Iterator[Any]) -> list[tuple[int, int]]:
    return [(r - 1, c - 1) for rng in ranges for r in range(rng.min_row, rng.max_row + 1)
            for c in range(rng.min_col, rng.max_col + 1)]


def test_every_input_has_the_dropdown_and_only_inputs_are_unlocked(books: dict[str, bytes]) -> None:
    inputs = {(row, col) for row in LAYOUT.criteria.values() for col in LAYOUT.agencies}
    names = {(HEADER_ROW, col) for col in LAYOUT.agencies}
    for lang, data in books.items():
        book = openpyxl.load_workbook(io.BytesIO(data))
        for sheet in book.worksheets:
            assert sheet.protection.sheet and not sheet.protection.password, sheet.title
        scoring = book[sheet_names(texts(CRITERIA, lang))[1]]
        covered = []
        knockouts = {LAYOUT.criteria[c.id] for c in CRITERIA.scored_criteria if c.knockout}
        for dv in scoring.data_validations.dataValidation:
            cells = _cells(iter(dv.sqref.ranges))
            # No N/A on a knock-out criterion's row.
            wanted = '"0,1,2,3"' if {row for row, _ in cells} <= knockouts else '"0,1,2,3,N/A"'
            assert not {row for row, _ in cells} & knockouts or wanted == '"0,1,2,3"'
            assert dv.type == "list" and dv.formula1 == wanted and not dv.showDropDown
            assert dv.allow_blank and dv.showErrorMessage and dv.errorStyle in (None, "stop")
            covered += cells
        assert sorted(covered) == sorted(inputs)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    where = (cell.row - 1, cell.column - 1)
                    editable = sheet is scoring and where in inputs | names
                    assert cell.protection.locked is not editable, f"{sheet.title}!{cell.coordinate}"
                    if cell.data_type == "f":
                        used = set(re.findall(r"([A-Z][A-Z0-9.]*)\(", cell.value))
                        assert used <= ALLOWED_FUNCTIONS, f"{cell.coordinate}: {used - ALLOWED_FUNCTIONS}"


def test_workbook_is_byte_identical_and_carries_no_timestamp(books: dict[str, bytes]) -> None:
    again = load_criteria(DEFAULT_CRITERIA)
    for lang, data in books.items():
        assert render_workbook(context(again, lang)) == data
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            parts = b"".join(archive.read(name) for name in archive.namelist())
        stamp = CREATED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
        assert set(re.findall(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", parts)) == {stamp[:-1]}


def test_every_sheet_shows_title_and_version(books: dict[str, bytes]) -> None:
    for lang, data in books.items():
        book = openpyxl.load_workbook(io.BytesIO(data))
        for sheet in book.worksheets:
            assert CRITERIA.meta.title(lang) in sheet["A1"].value and CRITERIA.meta.version in sheet["A1"].value
            assert CRITERIA.meta.version in sheet.oddHeader.right.text
            assert sheet.page_setup.paperSize == "9" or sheet.page_setup.paperSize == 9
            assert sheet.print_title_rows


@pytest.mark.browser
def test_self_check_section_changes_no_total_in_the_recalculated_workbook(tmp_path: Path) -> None:
    from self_check_cases import variants

    cases = variants()
    rng = random.Random(13)
    (tmp_path / "in").mkdir()
    filled: list[tuple[Path, str, Criteria, list[Answers]]] = []
    for name, criteria in cases.items():
        lay = layout(criteria)
        assert set(lay.criteria) == {c.id for c in cases["without"].criteria}, name
        for lang in criteria.meta.languages:
            agencies = random_agencies(rng, cases["without"], invalid=False)
            book = openpyxl.load_workbook(io.BytesIO(render_workbook(context(criteria, lang))))
            sheet = book[sheet_names(texts(CRITERIA, lang))[1]]
            for col, answers in zip(lay.agencies, agencies, strict=True):
                for ident, answer in answers.items():
                    sheet.cell(row=lay.criteria[ident] + 1, column=col + 1).value = "N/A" if answer == NA else answer
            path = tmp_path / "in" / f"{name}-{lang}.xlsx"
            book.save(path)
            filled.append((path, lang, criteria, agencies))
    out = recalculate(tmp_path, [path for path, *_ in filled])
    for path, lang, criteria, agencies in filled:
        book = openpyxl.load_workbook(out / path.name, data_only=True)
        # Totals from the workbook with the self-check section equal generator.scoring's without it.
        check(read(book, criteria, layout(criteria), lang), expected(cases["without"], agencies), path.name)


@pytest.mark.browser
def test_three_traps_rank_after_the_honest_agency_in_libreoffice(books: dict[str, bytes], tmp_path: Path) -> None:
    from verdict_cases import EXPECTED, four_agencies

    agencies: list[Answers] = [*four_agencies(CRITERIA.scored), {}]
    (tmp_path / "in").mkdir()
    paths = []
    for lang in CRITERIA.meta.languages:
        path = tmp_path / "in" / f"traps-{lang}.xlsx"
        fill(books[lang], lang, agencies, ["six zeros", "all N/A", "fake orders", "honest", None], path)
        paths.append((path, lang))
    out = recalculate(tmp_path, [path for path, _ in paths])
    titles = {c.id: c.title for c in CRITERIA.scored_criteria}
    for path, lang in paths:
        book = openpyxl.load_workbook(out / path.name, data_only=True)
        found = read(book, CRITERIA, LAYOUT, lang)
        wanted = expected(CRITERIA, agencies)
        check(found, wanted, path.name)
        assert [GROUPS[int(figures["code"])] for figures, _ in found[:4]] == EXPECTED
        ranks = [summary["rank"] for _, summary in found[:4]]
        assert ranks[3] == 1 and all(r > 1 for r in ranks[:3]), ranks
        verdicts = [summary["verdict"] for _, summary in found]
        assert verdicts[3] == label(lang, "vd_ranked")
        assert all(titles[i](lang) in verdicts[0] for i in ("background-check", "sales-guarantee", "exit-terms"))
        assert titles["fake-orders"](lang) in verdicts[2] and titles["exit-terms"](lang) not in verdicts[2]
        assert titles["written-contract"](lang) in verdicts[1]
        assert verdicts[0].startswith(label(lang, "vd_eliminated", ids="")), verdicts[0]
        assert verdicts[1].startswith(label(lang, "vd_incomplete", ids="").split("{")[0][:4]), verdicts[1]
        assert not verdicts[0].endswith(label(lang, "list_sep")), "no separator left over"


def _close_cases() -> list[tuple[str, list[Answers]]]:
    """Five agencies per case, the others left blank (incomplete, so unranked): the first two decided by
    one criterion, within the margin with no criterion deciding alone, far apart, and one ranked."""
    from generator.verdict import _differences

    rule = rule_of(CRITERIA.scored)
    scored = CRITERIA.scored_criteria
    top, next_ = CRITERIA.scale.levels[-1].score, CRITERIA.scale.levels[-2].score
    best = {c.id: top for c in scored}
    heaviest = sorted(scored, key=lambda c: (-c.weight, c.id))

    def lowered(count: int) -> Answers:
        return {**best, **{c.id: next_ for c in heaviest[:count]}}

    def gap(second: Answers) -> Fraction:
        results, _, _ = judge_all(rule, [best, second])
        assert results[0].total is not None and results[1].total is not None
        return results[0].total - results[1].total

    within = next(n for n in range(2, len(scored)) if gap(lowered(n)) > 2 * gap(lowered(1)))
    lightest = {**best, heaviest[-1].id: next_}
    cases = {"deciding": [lowered(1), lightest], "within margin": [lowered(within), best],
             "far apart": [best, {c.id: next_ for c in scored}], "one ranked": [best]}
    out = []
    for kind, first_two in cases.items():
        agencies = [*first_two, *([{}] * (5 - len(first_two)))]
        call = close_call(rule, agencies)
        found = ("one ranked" if len(first_two) == 1 else "far apart") if call is None else (
            "within margin" if call.criteria == _differences(rule, agencies[call.first], agencies[call.second])
            else "deciding")
        assert found == kind, (kind, found)
        out.append((kind, agencies))
    return out


@pytest.mark.browser
def test_close_call_note_matches_the_web_report_after_recalculation(books: dict[str, bytes], tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    cases = []
    for kind, agencies in _close_cases():
        for lang in CRITERIA.meta.languages:
            names: list[str | None] = ["甲", None, "Agency C", None, "戊"]
            path = tmp_path / "in" / f"{kind.replace(' ', '-')}-{lang}.xlsx"
            fill(books[lang], lang, agencies, names, path)
            cases.append((path, kind, lang, agencies, names))
    out = recalculate(tmp_path, [case[0] for case in cases])
    for path, kind, lang, agencies, names in cases:
        book = openpyxl.load_workbook(out / path.name, data_only=True)
        wanted = close_words(CRITERIA.scored, lang, agencies, names)
        assert (wanted is None) == (kind in ("far apart", "one ranked")), kind
        assert close_note(book, lang) == wanted, (kind, lang)


def test_fresh_workbook_shows_no_close_call(books: dict[str, bytes]) -> None:
    for lang, data in books.items():
        assert close_note(openpyxl.load_workbook(io.BytesIO(data), data_only=True), lang) is None


def test_the_instructions_explain_the_close_call_note(books: dict[str, bytes]) -> None:
    margin = f"{CRITERIA.verdict.close_call_margin:g}"
    wanted = {"zh": f"相差 {margin} 分或更少", "en": f"{margin} points apart or less"}
    for lang, data in books.items():
        sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
        lines = [str(c.value) for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
        assert any(wanted[lang] in line and label(lang, "report") * (lang == "zh") in line for line in lines), lang
