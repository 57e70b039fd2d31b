"""The how-to-use page tells the merchant about the paper trail and about scoring with colleagues.

It names the controls with their own labels (a renamed button renames the page's words too) and
links only to pages the edition publishes: the declaration's part is left out where there is no
declaration page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from editions import context, label, texts
from ruamel.yaml import YAML

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.load import load_criteria
from generator.render.guide import render_guide
from generator.render.pages import published_forms

LIVESTREAM = ROOT / "examples" / "livestream" / "criteria.yaml"
LINK = re.compile(r"\]\(([^)#]+\.md)(?:#[^)]*)?\)")


def _page(criteria_file: object, lang: str) -> str:
    return render_guide(context(load_criteria(criteria_file), lang))["how-to-use.md"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_it_explains_the_declaration_the_evidence_record_and_several_reviewers(lang: str) -> None:
    page = _page(DEFAULT_CRITERIA, lang)
    for anchor in ("declaration", "evidence", "reviewers"):
        assert re.search(rf"^### .+ \{{ #{anchor} \}}$", page, re.M), anchor
    # the controls by the words the merchant sees on them
    for key in ("cl_import", "cl_contradict", "ev_claimed", "ev_seen", "ev_checked", "pp_who", "pp_review_add",
                "pp_disagree", "pp_report"):
        assert f"“{label(lang, key)}”" in page, key
    targets = set(LINK.findall(page))
    assert {"declaration.md", "worksheet.md", "interview.md", "report.md"} <= targets
    declaration = page[page.index("{ #declaration }"):page.index("{ #score }")]
    assert "declaration.md" in declaration and "report.md" in declaration


def test_an_edition_without_a_declaration_page_gets_no_part_or_link_for_it(tmp_path: Path) -> None:
    data = YAML(typ="safe").load(MINIMAL.read_text(encoding="utf-8"))
    for section in data["sections"]:
        for criterion in section["criteria"]:
            criterion["declare"] = False  # asks nothing: no declaration page
    plain = tmp_path / "criteria.yaml"
    YAML().dump(data, plain)
    criteria = load_criteria(plain)
    assert "declaration" not in published_forms(criteria)
    for lang in criteria.meta.languages:
        page = render_guide(context(criteria, lang))["how-to-use.md"]
        assert "{ #declaration }" not in page and "{ #reviewers }" in page and "{ #evidence }" in page, lang
        published = {f"{form}.md" for form in published_forms(criteria)} | {"report.md", "interview.md", "index.md",
                                                                             "scoring.md"}
        assert set(LINK.findall(page)) <= published, lang


def test_the_three_language_edition_says_it_in_its_own_words() -> None:
    criteria = load_criteria(LIVESTREAM)
    page = render_guide(context(criteria, "zh-Hant"))["how-to-use.md"]
    for anchor in ("declaration", "evidence", "reviewers"):
        assert f"{{ #{anchor} }}" in page
    assert f"“{texts(criteria, 'zh-Hant').label('cl_import')}”" in page and "匯入" in page
