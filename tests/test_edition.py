"""Sector editions are data only: the example edition and edited copies build strictly and show their data."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import MINIMAL, ROOT
from generator.cli import main
from generator.load import load_criteria

pytestmark = pytest.mark.site

EXAMPLE = ROOT / "examples" / "cross-border" / "criteria.yaml"


def build(criteria: Path, base: Path) -> Path:
    """Build the whole site for ``criteria`` strictly into ``base/site``, the way users do."""
    status = main(["site", "--no-pdf", "--criteria", str(criteria), "--docs", str(base / "docs"),
                   "--site", str(base / "site"), "--config", str(ROOT / "mkdocs.yml")])
    assert status == 0
    return base / "site"


def page(site: Path, path: str = "") -> str:
    """A built page's HTML with entities decoded (titles may hold apostrophes)."""
    return html.unescape((site / path / "index.html").read_text(encoding="utf-8"))


def edited(source: Path, target: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """Copy a criteria file with its data changed (YAML is a superset of JSON)."""
    data = YAML(typ="safe").load(source.read_text(encoding="utf-8"))
    change(data)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


def each_text(data: Any) -> list[dict[str, str]]:
    """Every localised text mapping in the data."""
    if isinstance(data, dict):
        found = [data] if data and all(isinstance(v, str) for v in data.values()) and "en" in data else []
        return found + [t for v in data.values() for t in each_text(v)]
    if isinstance(data, list):
        return [t for v in data for t in each_text(v)]
    return []


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIT_COMMIT", "abc1234")
        return build(EXAMPLE, tmp_path_factory.mktemp("example"))


def test_example_edition_differs_from_the_default_only_in_data() -> None:
    example, default = load_criteria(EXAMPLE), load_criteria(ROOT / "data" / "criteria.yaml")
    assert example.meta.languages == ("en",) != default.meta.languages
    assert [lv.score for lv in example.scale.levels] == [1, 2, 3, 4, 5]
    assert 2 <= len(example.sections) <= 3 and 5 <= len(example.criteria) <= 8
    assert example.meta.branding is not None and example.meta.branding.primary == "teal"


def test_example_site_shows_title_language_scale_and_branding(example_site: Path) -> None:
    criteria = load_criteria(EXAMPLE)
    index = page(example_site)
    assert '<html lang="en"' in index and f"<title>{criteria.meta.title('en')}" in index
    assert 'data-md-color-primary="teal"' in index and 'data-md-color-accent="amber"' in index
    assert '<img src="assets/edition/logo.svg" alt="logo">' in index
    assert (example_site / "assets" / "edition" / "logo.svg").read_bytes() == (EXAMPLE.parent / "logo.svg").read_bytes()
    assert "Cross-border Seller's Agency Checklist · 1.1.0 (commit abc1234) · CC-BY-4.0" in index
    assert not (example_site / "zh").exists() and not (example_site / "en").exists()
    assert not [p for p in example_site.rglob("*.html") if 'lang="zh' in p.read_text(encoding="utf-8")]
    assert "1 to 5 per criterion" in page(example_site, "how-to-use")
    scoring = page(example_site, "scoring")
    for level in criteria.scale.levels:
        assert f"<td>{level.score}</td>\n<td>{level.label('en')}</td>" in scoring
    changelog = page(example_site, "changelog")
    assert 'id="v1-1-0"' in changelog and "2025-03-20" in changelog and "First edition." in changelog
    for section in criteria.sections:
        assert section.title("en") in page(example_site, f"sections/{section.id}")


def test_editing_only_data_changes_title_languages_and_scale(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        for text in each_text(data):
            text.pop("zh", None)
        data["meta"]["languages"] = ["en"]
        data["meta"]["title"] = {"en": "Edited edition"}
        for level in [*data["scale"]["levels"],
                      *(lv for s in data["sections"] for c in s["criteria"] for lv in c["levels"])]:
            level["score"] += 1

    site = build(edited(MINIMAL, tmp_path / "criteria.yaml", change), tmp_path)
    index = page(site)
    assert "<title>Edited edition" in index and "最小示例" not in index
    assert '<html lang="en"' in index and not (site / "en").exists() and 'hreflang="zh' not in index
    how_to = page(site, "how-to-use")
    assert "1 to 4 per criterion" in how_to and "0 to 3" not in how_to


def test_a_language_the_kit_does_not_know_uses_file_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def change(data: dict[str, Any]) -> None:
        for text in each_text(data):
            text["ja"] = text.pop("zh")
            text["yue"] = text["en"] + "（粵）"
        data["meta"]["languages"] = ["en", "ja", "yue"]
        data["labels"] = {"ja": {"language_name": "日本語", "sections": "評価項目", "questions": "質問"},
                          "yue": {"language_name": "粵語"}}

    site = build(edited(MINIMAL, tmp_path / "criteria.yaml", change), tmp_path)
    warnings = capsys.readouterr().err
    assert "warning: labels.ja lacks" in warnings and "warning: labels.yue lacks" in warnings
    ja, yue = page(site, "ja"), page(site, "yue")
    assert '<html lang="ja"' in ja and "評価項目" in ja
    assert re.search(r'hreflang="yue" lang="yue" class="md-select__link">\s*粵語\s*</a>', ja)
    # Material has no Cantonese interface texts: its chrome falls back to English; content stays Cantonese.
    assert '<html lang="en"' in yue and "Company identity（粵）" in yue and "What to assess" in yue
    assert "質問" in page(site, "ja/sections/trust")


def test_a_translated_licence_is_shown_in_each_language(tmp_path: Path) -> None:
    path = tmp_path / "criteria.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "  licence: CC-BY-4.0", "  licence: {zh: 知识共享署名 4.0 国际, en: Creative Commons BY 4.0}"), encoding="utf-8")
    site = build(path, tmp_path)
    zh, en = page(site), page(site, "en")
    assert re.search(r'md-copyright__highlight">\s*最小示例 · 0\.1\.0.* · 知识共享署名 4\.0 国际\s*<', zh)
    assert re.search(r'md-copyright__highlight">\s*Minimal example · 0\.1\.0.* · Creative Commons BY 4\.0\s*<', en)
    assert "许可 知识共享署名 4.0 国际</p>" in zh and "知识共享" not in en
    assert "Creative Commons BY 4.0" not in zh
    from generator.render.exports import criteria_data
    assert criteria_data(load_criteria(path))["meta"]["licence"] == {"zh": "知识共享署名 4.0 国际",
                                                                     "en": "Creative Commons BY 4.0"}
