"""A three-language edition with no built-in labels for its main language builds with no code change.

examples/livestream/criteria.yaml: Traditional Chinese (zh-Hant, main, labels and page texts
from the file), Simplified Chinese and English, a 1–5 scale, maintainer pages hidden. Every
page and workbook sheet of each language is in that language; its scoring example agrees
with generator.scoring.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from test_edition import build

from conftest import ROOT
from generator.load import load_criteria
from generator.scoring import display, score

pytestmark = pytest.mark.site

LIVESTREAM = ROOT / "examples" / "livestream" / "criteria.yaml"
DATA: dict[str, Any] = YAML(typ="safe").load(LIVESTREAM.read_text(encoding="utf-8"))
PAGES = ["", "how-to-use", "scoring", "downloads", "questionnaire", "checklist", "worksheet",
         "visit", "changelog",
         *(f"sections/{s['id']}" for s in DATA["sections"])]
"""Every page a merchant reads (the edition hides the editor pages; it has no sittings, so its must-ask
questions after the phone screen all go to the visit, and no after_signing item and no self-check
section: the forms left without content are not published)."""
ALLOWED_ASCII = {"Excel", "WPS", "JSON", "CSV", "Schema", "Ctrl", "YAML", "UTF", "BOM", "Review",
                 "livestream", "Hant", "xlsx", "json", "csv", "schema", "criteria"}
"""Latin words a Chinese page may hold: product and format names, and the download file names."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIT_COMMIT", "abc1234")
        return build(LIVESTREAM, tmp_path_factory.mktemp("livestream"))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _simplified_only() -> set[str]:
    """Characters the zh texts write differently from zh-Hant (same text, character by character)."""
    pairs = [(t["zh"], t["zh-Hant"]) for t in _texts(DATA) if len(t["zh"]) == len(t["zh-Hant"])]
    pairs += [(z, h) for z, h in zip(_strings(_builtin("zh")), _strings(DATA["texts"]["zh-Hant"]), strict=True)
              if len(z) == len(h)]
    hant = "".join([t["zh-Hant"] for t in _texts(DATA)] + _strings(DATA["texts"]["zh-Hant"])
                   + _strings(DATA["labels"]["zh-Hant"]))
    return {a for z, h in pairs for a, b in zip(z, h, strict=True) if a != b and a not in hant}


def _builtin(lang: str) -> Any:
    return YAML(typ="safe").load((ROOT / "generator" / "texts" / "pages" / f"{lang}.yaml").read_text(encoding="utf-8"))


def _texts(value: Any) -> list[dict[str, str]]:
    if isinstance(value, dict):
        found = [value] if {"zh", "zh-Hant", "en"} == set(value) else []
        return found + [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def _article(site: Path, path: str) -> str:
    page = (site / path / "index.html").read_text(encoding="utf-8")
    body = page[page.index("<article"):page.index("</article>")]
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style|template)\b.*?</\1>", " ", body, flags=re.S)))


def _latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{4,}", text)) - ALLOWED_ASCII


def test_it_builds_with_the_scale_and_the_languages_of_the_file(site: Path) -> None:
    criteria = load_criteria(LIVESTREAM)
    assert criteria.meta.languages == ("zh-Hant", "zh", "en") and criteria.scale.min_score == 1
    assert criteria.scale.max_score == 5
    for root in (site, site / "zh", site / "en"):
        assert all((root / p / "index.html").is_file() for p in PAGES)
        assert not [f for f in ("desk-check", "contract-review", "after-signing", "self-check") if (root / f).exists()]
        assert not (root / "edition").exists() and not (root / "schema").exists()
        assert 'href="edition/' not in (root / "index.html").read_text(encoding="utf-8")


def test_every_traditional_chinese_page_is_in_traditional_chinese(site: Path) -> None:
    simplified = _simplified_only()
    assert len(simplified) > 100  # the check has teeth: these characters exist and differ
    for path in PAGES:
        text = _article(site, path)
        assert not simplified & set(text), (path, sorted(simplified & set(text))[:10])
        assert not _latin_words(text), (path, sorted(_latin_words(text)))
        assert "這" in text or "評" in text or "的" in text, path


def test_the_simplified_and_english_sites_stay_in_their_language(site: Path) -> None:
    for path in PAGES:
        assert not _latin_words(_article(site / "zh", path)), path
        english = _article(site / "en", path)
        assert not re.search(r"[\u4e00-\u9fff]", english), (path, re.findall(r"[\u4e00-\u9fff]+", english)[:5])


def test_every_workbook_sheet_is_in_its_language(site: Path) -> None:
    simplified = _simplified_only()
    for root, lang in [(site, "zh-Hant"), (site / "zh", "zh"), (site / "en", "en")]:
        with zipfile.ZipFile(root / "downloads" / f"livestream-0.1.0-{lang}.xlsx") as book:
            names = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode("utf-8"))
            cells = html.unescape(re.sub(r"<[^>]+>", " ", book.read("xl/sharedStrings.xml").decode("utf-8")))
        text = " ".join(names) + cells
        if lang == "en":
            assert not re.search(r"[\u4e00-\u9fff]", text), lang
            continue
        assert not _latin_words(text) - {"Comparison"}, (lang, sorted(_latin_words(text)))
        if lang == "zh-Hant":
            assert names == ["說明", "評分", "比較"] and not simplified & set(text), sorted(simplified & set(text))


def test_the_scoring_example_follows_the_one_to_five_scale(site: Path) -> None:
    for root in (site, site / "zh", site / "en"):
        page = (root / "scoring" / "index.html").read_text(encoding="utf-8")
        example = page[page.index('id="example"'):]
        rows = re.findall(r"<tr>\s*<td>(\w)</td>\s*<td>(c\d)([^<]*)</td>\s*<td>([\d.]+)</td>\s*<td>([^<]+)</td>", example)
        assert len(rows) == 5, rows
        items = [(s, i, int(w), "(" in mark) for s, i, mark, w, _ in rows]
        answers: dict[str, Any] = {i: ("na" if a.strip() == "N/A" else int(a)) for _, i, _, _, a in rows}
        assert set(answers.values()) == {"na", 1, 2, 4, 5}  # levels of the 1–5 scale, 1 the lowest
        result = score(items, 1, 5, answers)
        shown = re.findall(r"<strong>([\d.]+)</strong>", example)
        assert shown == [display(r.value) for r in result.sections] + [display(result.total)]
        assert not result.disqualified and "1" in re.sub(r"<[^>]+>", "", example).split("c4")[-1]
