"""An edition's own colours and logo (issue #29 point 9): a hex colour white text can be read on, on
the site; the logo on the printed forms' PDFs and in the workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from editions import context

from conftest import MINIMAL, ROOT
from generator.checks.colours import WHITE, contrast, darker
from generator.cli import main
from generator.load import parse_criteria
from generator.problems import InputError
from generator.render.colours import COLOURS_CSS, palette_colours
from generator.render.edition import render_edition

LICENCE = "  licence: CC-BY-4.0\n"


def with_branding(branding: str) -> str:
    return MINIMAL.read_text(encoding="utf-8").replace(LICENCE, LICENCE + "  branding:\n" + branding, 1)


def problems(text: str, folder: Path, lang: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_criteria(text.encode("utf-8"), str(folder / "c.yaml"))
    return [p.text(lang) for p in caught.value.problems]


def _at(text: str, marker: str) -> str:
    line = text[: text.index(marker)].count("\n") + 1
    return f"c.yaml:{line}:{text.splitlines()[line - 1].index(marker.split(':')[1].strip()) + 1}: "


BAD = [
    ("pale primary", "    primary: '#FFC107'\n", "primary: '#FFC107'",
     "主色 #FFC107 上的白色标题文字对比度只有 1.63:1；文字至少需要 4.5:1（WCAG AA）",
     "the primary colour #FFC107 gives the header's white text a contrast of only 1.63:1; text needs at least 4.5:1"),
    ("pale accent", "    accent: '#8BC34A'\n", "accent: '#8BC34A'",
     "强调色 #8BC34A 在白色页面上的对比度只有 2.09:1",
     "the accent colour #8BC34A has a contrast of only 2.09:1 on the white page"),
    ("five digits", "    primary: '#12345'\n", "primary: '#12345'",
     "“#12345”不是十六进制颜色；请写 # 加六位数字", "'#12345' is not a hex colour; write # and six digits"),
    ("palette typo", "    accent: tael\n", "accent: tael",
     "是不是想写“teal”？", "did you mean 'teal'? choose one of: red,"),
]


@pytest.mark.parametrize(("branding", "marker", "zh", "en"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_colours_are_located_in_both_languages(tmp_path: Path, branding: str, marker: str, zh: str,
                                                   en: str) -> None:
    text = with_branding(branding)
    for lang, fragment in (("zh", zh), ("en", en)):
        found = problems(text, tmp_path, lang)
        assert any(p.startswith(str(tmp_path / _at(text, marker))) and fragment in p for p in found), found


def test_the_suggested_darker_colour_passes_and_keeps_the_hue() -> None:
    for colour in ("#FFC107", "#8BC34A", "#00BCD4", "#FF5722"):
        fix = darker(colour)
        assert 4.5 <= contrast(fix, WHITE) < 5.2, (colour, fix)
        assert int(fix[1:3], 16) <= int(colour[1:3], 16)
    assert contrast("#000000", WHITE) == 21


def test_hex_colours_load_and_become_material_s_custom_palette(tmp_path: Path) -> None:
    text = with_branding("    primary: '#1565c0'\n    accent: teal\n")
    criteria = parse_criteria(text.encode("utf-8"), str(tmp_path / "c.yaml"))
    assert palette_colours(criteria) == {"primary": "custom", "accent": "teal"}
    files = render_edition(context(criteria, "zh"))
    css = files[COLOURS_CSS]
    assert isinstance(css, str) and css.startswith("/* 此文件由")
    assert "--md-primary-fg-color: #1565C0;" in css and "--md-typeset-a-color: #1565C0;" in css
    assert "accent" not in css  # a palette name is Material's own
    assert render_edition(context(criteria, "zh"))[COLOURS_CSS] == css


@pytest.mark.site
def test_the_site_shows_the_hex_colours(tmp_path: Path) -> None:
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(with_branding("    primary: '#1565C0'\n    accent: '#AD1457'\n"), encoding="utf-8")
    assert main(["site", "--no-pdf", "--criteria", str(criteria), "--docs", str(tmp_path / "docs"),
                 "--site", str(tmp_path / "site"), "--config", str(ROOT / "mkdocs.yml")]) == 0
    for folder in (tmp_path / "site", tmp_path / "site" / "en"):
        index = (folder / "index.html").read_text(encoding="utf-8")
        assert 'data-md-color-primary="custom"' in index and 'data-md-color-accent="custom"' in index
        assert 'href="assets/edition/colours.css"' in index
        css = (folder / "assets" / "edition" / "colours.css").read_text(encoding="utf-8")
        assert "--md-primary-fg-color: #1565C0;" in css and "--md-accent-fg-color: #AD1457;" in css
