"""What a saved or imported scoring file can do to the worksheet scorer, in Debian's Chromium.

Issue 15, item 6: the agency and size limits hold for import and for what is loaded from
storage; an agency id with quotes does not break the page; criterion ids named like
``Object.prototype`` members (``constructor``, and kept data under ``__proto__`` and
``toString``) are plain ids.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import scorer_pages as sp
from editions import label

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.cli import main
from generator.load import load_criteria, parse_criteria
from generator.model import Criteria
from generator.scoring import display, score_criteria

CRITERIA = load_criteria(DEFAULT_CRITERIA)
IDS = [k.id for k in CRITERIA.criteria]


@pytest.fixture
def open_page(browser: Any, base: str) -> Iterator[sp.Opener]:
    yield from sp.opener(browser, base, CRITERIA)


def _many(n: int) -> dict[str, Any]:
    return sp.doc(CRITERIA, [(f"Agency {i}", {IDS[0]: 1, IDS[1]: "na"}, {}) for i in range(n)])


def _huge_note() -> dict[str, Any]:
    return sp.doc(CRITERIA, [("Big", {}, {IDS[0]: "x" * (1100 * 1024)})])


def _long_note() -> dict[str, Any]:
    return sp.doc(CRITERIA, [("Fine", {}, {}), ("Long", {}, {IDS[0]: "长" * 6000})])


# (document, texts the refusal must contain)
REFUSED = {
    "2000 agencies": (_many(2000), ["2000", "10"]),
    "1.1 MB": (_huge_note(), ["1024"]),
    "6000-character note": (_long_note(), ["2", "5000"]),
}


@pytest.mark.parametrize("case", REFUSED)
def test_import_over_the_limits_is_refused_quickly(open_page: sp.Opener, tmp_path: Path, case: str) -> None:
    document, needles = REFUSED[case]
    page = open_page("en")
    before = sp.state(page, CRITERIA)
    path = tmp_path / "scores.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    start = time.monotonic()
    page.locator("input.kit-sc-file").set_input_files(str(path))
    message = page.locator(".kit-sc-message.kit-sc-warning")
    message.wait_for()
    assert time.monotonic() - start < 3, "refused without building the agencies"
    text = message.inner_text()
    assert all(needle in text for needle in needles), text
    assert sp.state(page, CRITERIA) == before, "a refused import changes nothing"
    assert len(sp.names(page)) == 3
    assert page.evaluate("() => { const t = performance.now(); for (let i = 0; i < 1e5; i += 1); return performance.now() - t; }") < 500


@pytest.mark.parametrize("case", REFUSED)
def test_saved_data_over_the_limits_is_not_loaded(open_page: sp.Opener, case: str) -> None:
    document, needles = REFUSED[case]
    page = open_page("zh")
    start = time.monotonic()
    sp.store(page, CRITERIA, document)
    alert = page.locator(".kit-sc-corrupt")
    assert alert.is_visible()
    assert time.monotonic() - start < 5
    assert all(needle in alert.inner_text() for needle in needles), alert.inner_text()
    assert page.locator(".kit-sc-live").count() == 0 and page.locator("input.kit-sc-name").count() == 0
    page.click('#kit-scorer button[data-action="reset"]')
    assert len(sp.names(page)) == 3


def test_agency_ids_with_quotes_work(open_page: sp.Opener) -> None:
    ids = ['a"]', "b'] [x=\"", "c\\\"]>"]
    document = sp.doc(CRITERIA, [(f"Agency {i}", {}, {}) for i in range(3)])
    for agency, ident in zip(document["agencies"], ids, strict=True):
        agency["id"] = ident
    page = open_page("en")
    sp.store(page, CRITERIA, document)
    page.locator("input.kit-sc-name").nth(0).fill("Quoted Co")
    assert page.locator(".kit-sc-pick-name").nth(0).inner_text() == "Quoted Co"
    assert sp.state(page, CRITERIA)["agencies"][0] == {"id": ids[0], "name": "Quoted Co", "scores": {}, "notes": {},
                                                        **sp.EMPTY_PARTS}
    page.locator(".kit-sc-pick input").nth(1).check()
    sp.pick(page, IDS[0], 2)
    assert sp.state(page, CRITERIA)["agencies"][1]["scores"] == {IDS[0]: 2}
    remove = page.locator('li[data-agency] button[data-action="remove"]').nth(2)
    remove.click()
    remove.click()
    assert [a["id"] for a in sp.state(page, CRITERIA)["agencies"]] == ids[:2]
    assert page.locator(".kit-sc-rank-name").count() == 2


@pytest.fixture(scope="module")
def member_site(tmp_path_factory: pytest.TempPathFactory, serve_dir: Any) -> tuple[Criteria, str]:
    """A site from the minimal criteria whose knock-out criterion has the id ``constructor``."""
    base = tmp_path_factory.mktemp("member-ids")
    text = MINIMAL.read_text(encoding="utf-8").replace("      - id: licence\n", "      - id: constructor\n")
    path = base / "criteria.yaml"
    path.write_text(text, encoding="utf-8")
    criteria = parse_criteria(text.encode("utf-8"), str(path))
    assert "constructor" in [k.id for k in criteria.criteria]
    assert main(["site", "--no-pdf", "--criteria", str(path), "--docs", str(base / "docs"), "--site", str(base / "site"),
                 "--config", str(ROOT / "mkdocs.yml")]) == 0
    return criteria, str(serve_dir(base / "site"))


@pytest.fixture
def member_ids(member_site: tuple[Criteria, str], browser: Any) -> Iterator[tuple[Criteria, sp.Opener]]:
    criteria, base = member_site
    for open_page in sp.opener(browser, base, criteria):
        yield criteria, open_page


def test_criterion_ids_named_like_object_members_score_correctly(member_ids: tuple[Criteria, sp.Opener]) -> None:
    criteria, open_page = member_ids
    ids = [k.id for k in criteria.criteria]
    other = next(i for i in ids if i != "constructor")
    page = open_page("en")
    fresh = page.locator('fieldset[data-criterion="constructor"]')
    assert fresh.locator("input:checked").count() == 0, "a new agency has not scored 'constructor'"
    assert fresh.locator("textarea").input_value() == ""
    assert page.locator(".kit-sc-notice").count() == 0
    sp.pick(page, "constructor", 3)
    sp.pick(page, other, 1)
    want = score_criteria(criteria, {"constructor": 3, other: 1})
    assert page.locator(".kit-sc-summary .kit-sc-total").inner_text() == display(want.total)
    kept = {"__proto__": 2, "toString": 1, "constructor": 0, other: 2}
    notes = {"__proto__": "proto note", "toString": "string note", "constructor": "ctor note"}
    sp.store(page, criteria, sp.doc(criteria, [("Members", kept, notes)], ids=[*ids, "__proto__", "toString"]))
    field = page.locator('fieldset[data-criterion="constructor"]')
    assert field.locator('input[value="0"]').is_checked() and field.locator("textarea").input_value() == "ctor note"
    want = score_criteria(criteria, {"constructor": 0, other: 2})
    assert want.disqualified
    assert page.locator(".kit-sc-summary .kit-sc-total").inner_text() == display(want.total)
    assert page.locator(".kit-sc-summary .kit-sc-dq").inner_text().startswith(label("en", "vd_eliminated", ids=""))
    notice = page.locator(".kit-sc-notice").inner_text()
    assert "__proto__" in notice and "toString" in notice and "constructor" not in notice
    page.locator('fieldset[data-criterion="constructor"] input[value=""]').click()
    saved = sp.state(page, criteria)["agencies"][0]
    assert saved["scores"] == {"__proto__": 2, "toString": 1, other: 2}
    assert saved["notes"] == notes
    page.reload()
    page.wait_for_selector("#kit-scorer")
    assert page.locator('fieldset[data-criterion="constructor"] input:checked').count() == 0
