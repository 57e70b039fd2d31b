"""Forms with no content are not published, and an edition may choose its forms (meta.forms)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.cli import main
from generator.edition import edition_of
from generator.load import load_criteria, parse_criteria
from generator.problems import InputError
from generator.render.pages import ALL_FORMS, published_forms
from generator.site.build import generate

EMPTY = ("desk-check", "contract-review", "clauses", "after-signing", "self-check")
"""The forms the minimal file gives no content: no sittings (so every must-ask question after the phone
screen goes to the visit), no clauses, no after_signing item, no self-check section. (Without ``declare``
the declaration asks the knock-outs and the heaviest criteria: it has content.)"""


def _english_only(tmp_path: Path, extra: str = "") -> Path:
    text = MINIMAL.read_text(encoding="utf-8").replace("languages: [zh, en]", "languages: [en]" + extra)
    text = re.sub(r"zh: [^,}\n]*, ", "", text)
    path = tmp_path / "criteria.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_only_forms_with_content_are_published() -> None:
    minimal, default = load_criteria(MINIMAL), load_criteria(DEFAULT_CRITERIA)
    assert not any(c.after_signing for c in minimal.criteria) and not minimal.self_check_sections
    assert published_forms(minimal) == tuple(f for f in ALL_FORMS if f not in EMPTY)
    assert published_forms(default) == ALL_FORMS


def test_an_edition_chooses_its_forms_but_keeps_the_worksheet() -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    chosen = parse_criteria(text.replace("[zh, en]", "[zh, en]\n  forms: [worksheet, questionnaire]").encode(), "c.yaml")
    assert published_forms(chosen) == ("questionnaire", "worksheet")
    with pytest.raises(InputError, match=r"c\.yaml:9:\d+: meta\.forms leaves out the worksheet") as caught:
        parse_criteria(text.replace("[zh, en]", "[zh, en]\n  forms: [checklist]").encode(), "c.yaml")
    assert "meta.forms 里没有 worksheet" in caught.value.text("zh")
    with pytest.raises(InputError, match="forms"):
        parse_criteria(text.replace("[zh, en]", "[zh, en]\n  forms: [worksheet, leaflet]").encode(), "c.yaml")


@pytest.mark.slow
def test_empty_forms_are_absent_from_pages_menus_home_and_downloads(tmp_path: Path) -> None:
    assert main(["site", "--no-pdf", "--criteria", str(MINIMAL), "--docs", str(tmp_path / "docs"),
                 "--site", str(tmp_path / "site"), "--config", str(ROOT / "mkdocs.yml")]) == 0
    for lang_root in (tmp_path / "site", tmp_path / "site" / "en"):
        for form in EMPTY:
            assert not (lang_root / form).exists()
        pages = [p.read_text(encoding="utf-8") for p in lang_root.glob("**/index.html")
                 if "/en/" not in p.as_posix()[len(str(lang_root)):]]
        for form in EMPTY:
            assert not [p for p in pages if f'{form}/"' in p], form  # no menu entry, home or downloads link
        home = (lang_root / "index.html").read_text(encoding="utf-8")
        assert 'href="questionnaire/"' in home and 'href="visit/"' in home


@pytest.mark.site
def test_no_pdf_is_made_for_an_empty_or_unchosen_form(tmp_path: Path) -> None:
    path = _english_only(tmp_path, "\n  forms: [worksheet, visit, self-check]")
    _, _ = generate(str(path), str(tmp_path / "docs"), None, pdf=True)
    pdfs = sorted(p.name for p in (tmp_path / "docs" / "en").rglob("*.pdf"))
    assert len(pdfs) == 2 and any("worksheet" in p for p in pdfs) and any("visit" in p for p in pdfs)
    downloads = (tmp_path / "docs" / "en" / "downloads.md").read_text(encoding="utf-8")
    for form in ("questionnaire.md", "checklist.md", "desk-check.md", "after-signing.md", "self-check.md"):
        assert f"({form})" not in downloads
    assert sorted(p.name for p in (tmp_path / "docs" / "en").glob("*.md") if p.stem in ALL_FORMS) == [
        "visit.md", "worksheet.md"]


def test_hidden_maintainer_pages_leave_no_group_of_one() -> None:
    from generator.site.nav import site_nav
    text = MINIMAL.read_text(encoding="utf-8").replace("[zh, en]", "[zh, en]\n  maintainer_pages: false")
    hidden, shown = parse_criteria(text.encode(), "c.yaml"), load_criteria(MINIMAL)
    assert site_nav(edition_of(hidden), "en")[-1] == {"Changelog": "changelog.md"}
    assert next(iter(site_nav(edition_of(shown), "en")[-1].values()))[-1] == {"Changelog": "changelog.md"}
