"""An edition's own colours and logo (issue #29 point 9): a hex colour white text can be read on, on
the site; the logo on the printed forms' PDFs and in the workbook."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from editions import context

from conftest import MINIMAL, ROOT
from generator.checks.colours import WHITE, contrast, darker
from generator.cli import main
from generator.load import parse_criteria
from generator.model import Criteria
from generator.problems import InputError
from generator.render.colours import COLOURS_CSS, palette_colours
from generator.render.edition import render_edition
from generator.render.form_pdfs import render_form_pdfs
from generator.render.logo_image import LOGO_HEIGHT
from generator.render.workbook.book import layout, render_workbook

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


LOGO_SVG = ROOT / "examples" / "cross-border" / "logo.svg"
"""A white globe and an amber (#ffc107) parcel: the amber is what the tests look for."""


def _logo_edition(folder: Path, logo: str = "logo.svg", data: bytes | None = None) -> Criteria:
    (folder / logo).write_bytes(LOGO_SVG.read_bytes() if data is None else data)
    text = with_branding(f"    primary: '#1565C0'\n    logo: {logo}\n")
    return parse_criteria(text.encode("utf-8"), str(folder / "c.yaml"))


def _png_logo() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 40), (0xFF, 0xC1, 0x07)).save(out, format="PNG")
    return out.getvalue()


def _amber_in_header(pdf: bytes, folder: Path) -> int:
    """Pixels of the logo's amber in the top margin (16 mm) of the PDF's first and last page."""
    from PIL import Image

    (folder / "form.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "72", "-png", str(folder / "form.pdf"), str(folder / "page")], check=True)
    pages = sorted(folder.glob("page-*.png"))
    found = 0
    for path in (pages[0], pages[-1]):
        with Image.open(path) as image:
            top = image.convert("RGB").crop((0, 0, image.width, round(image.height * 16 / 297)))
            found += sum(1 for r, g, b in top.get_flattened_data() if r > 230 and 150 < g < 215 and b < 80)
    return found


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_the_logo_is_in_the_header_of_every_form_pdf_page(tmp_path: Path, kind: str) -> None:
    criteria = _logo_edition(tmp_path, f"logo.{kind}", None if kind == "svg" else _png_logo())
    ctx = context(criteria, "zh", pdf=True)
    [pdf] = render_form_pdfs(ctx, ["questionnaire"])
    assert pdf.pages >= 2
    assert _amber_in_header(pdf.data, tmp_path) > 20
    assert render_form_pdfs(ctx, ["questionnaire"])[0].data == pdf.data  # the same bytes each time
    plain = parse_criteria(MINIMAL.read_bytes(), str(tmp_path / "c.yaml"))
    (tmp_path / "plain").mkdir()
    assert _amber_in_header(render_form_pdfs(context(plain, "zh", pdf=True), ["questionnaire"])[0].data,
                            tmp_path / "plain") == 0


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_the_workbook_shows_the_logo_as_a_png_picture(tmp_path: Path, kind: str) -> None:
    criteria = _logo_edition(tmp_path, f"logo.{kind}", None if kind == "svg" else _png_logo())
    data = render_workbook(context(criteria, "en"))
    assert render_workbook(context(criteria, "en")) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = [name for name in archive.namelist() if name.startswith("xl/media/")]
        assert media == ["xl/media/image1.png"]
        drawing = archive.read("xl/drawings/drawing1.xml").decode("utf-8")
        rels = archive.read("xl/worksheets/_rels/sheet1.xml.rels").decode("utf-8")
        picture = archive.read(media[0])
    assert "drawing1.xml" in rels  # on the instructions sheet
    assert "<xdr:col>1</xdr:col>" in drawing and "<xdr:row>0</xdr:row>" in drawing
    from PIL import Image

    with Image.open(io.BytesIO(picture)) as image:
        assert image.format == "PNG" and image.height == LOGO_HEIGHT
        amber = [p for p in image.convert("RGB").get_flattened_data() if p[0] > 230 and 150 < p[1] < 215 and p[2] < 80]
        assert len(amber) > 50
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.worksheets[0]._images, "openpyxl (and so Excel and WPS) finds the picture"


@pytest.mark.browser
def test_a_workbook_with_a_logo_recalculates_in_libreoffice(tmp_path: Path) -> None:
    from test_workbook import recalculate

    criteria = _logo_edition(tmp_path)
    (tmp_path / "in").mkdir()
    source = tmp_path / "in" / "logo.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(render_workbook(context(criteria, "zh"))))
    scoring = book.worksheets[1]
    lay = layout(criteria)
    ids = [c.id for c in criteria.scored_criteria]
    for ident in ids:
        scoring.cell(row=lay.criteria[ident] + 1, column=lay.agencies[0] + 1).value = 3
    book.save(source)
    out = recalculate(tmp_path, [source])
    done = openpyxl.load_workbook(out / "logo.xlsx", data_only=True)
    assert done.worksheets[1].cell(row=lay.total + 1, column=lay.agencies[0] + 1).value == 100
    with zipfile.ZipFile(out / "logo.xlsx") as archive:
        assert any(name.startswith("xl/media/") for name in archive.namelist())


# The logo stands on a badge of the site header's colour wherever the kit puts it on white.

CROSS_BORDER = ROOT / "examples" / "cross-border" / "criteria.yaml"
"""Its logo is white strokes (and an amber parcel) made for its teal header: white on the white page."""
DARK_LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32" width="64" height="32">' \
            b'<path d="M4 16h56M16 4v24M48 4v24" fill="none" stroke="#000000" stroke-width="4"/></svg>'
"""A black logo, as an edition with a light header (amber, where Material writes dark text) would make."""
MATERIAL = {"teal": "#009485", "amber": "#FFC105"}
"""Two primary colours as Material's palette stylesheet has them."""


def _contrasting(pixels: list[tuple[int, ...]], badge: tuple[int, ...], least: float = 3.0) -> int:
    """How many of ``pixels`` stand out from the colour ``badge`` by a contrast of at least ``least``."""
    hexes = {p[:3]: "#{:02X}{:02X}{:02X}".format(*p[:3]) for p in set(pixels)}
    ground = "#{:02X}{:02X}{:02X}".format(*badge[:3])
    return sum(1 for p in pixels if contrast(hexes[p[:3]], ground) >= least)


def _near(pixel: tuple[int, ...], colour: str) -> bool:
    return sum(abs(a - int(colour[i:i + 2], 16)) for a, i in zip(pixel[:3], (1, 3, 5), strict=True)) < 30


def test_the_header_colour_is_material_s_for_each_palette_name(tmp_path: Path) -> None:
    import colorsys
    import re

    import material

    from generator.render.colours import PRIMARY_HEX, primary_colour

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    [palette] = folder.glob("palette.*.min.css")
    css = palette.read_text(encoding="utf-8")
    for name, colour in PRIMARY_HEX.items():
        found = re.search(rf"\[data-md-color-primary={name.replace(' ', '-')}\]\{{--md-primary-fg-color:([^;}}]+)", css)
        assert found, name
        value = found[1]
        hsla = re.fullmatch(r"hsla\(var\(--md-hue\), ?(\d+)%, ?(\d+)%, ?1\)", value)
        if hsla:  # black and white: at Material's default hue, 225deg
            rgb = colorsys.hls_to_rgb(225 / 360, int(hsla[2]) / 100, int(hsla[1]) / 100)
            value = "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in rgb))
        assert value.upper() == colour, name
    criteria = parse_criteria(with_branding("    primary: '#1565c0'\n").encode("utf-8"), str(tmp_path / "c.yaml"))
    assert primary_colour(criteria) == "#1565C0"
    assert primary_colour(parse_criteria(CROSS_BORDER.read_bytes(), str(CROSS_BORDER))) == PRIMARY_HEX["teal"]
    assert primary_colour(parse_criteria(MINIMAL.read_bytes(), str(MINIMAL))) == PRIMARY_HEX["indigo"]  # mkdocs.yml


def test_the_pdf_header_shows_the_white_logo_on_a_badge_of_the_primary_colour(tmp_path: Path) -> None:
    from PIL import Image

    criteria = parse_criteria(CROSS_BORDER.read_bytes(), str(CROSS_BORDER))
    teal = MATERIAL["teal"]
    [pdf] = render_form_pdfs(context(criteria, "en", pdf=True), ["questionnaire"])
    (tmp_path / "form.pdf").write_bytes(pdf.data)
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", str(tmp_path / "form.pdf"),
                    str(tmp_path / "page")], check=True)
    [page] = tmp_path.glob("page-*.png")
    mm = 100 / 25.4
    with Image.open(page) as image:
        header = image.convert("RGB").crop((0, 0, image.width, round(16 * mm)))
    pixels = list(header.get_flattened_data())
    badge = [(i % header.width, i // header.width) for i, p in enumerate(pixels) if _near(p, teal)]
    assert len(badge) > 500, "the logo's badge is in the primary colour"
    left, right = min(x for x, _ in badge), max(x for x, _ in badge)
    top, bottom = min(y for _, y in badge), max(y for _, y in badge)
    # Where the 10 mm logo stood before it had a badge (measured at 100 dpi: rows 13 to 52, columns 394 to 432).
    assert abs(bottom + 1 - 13.2 * mm) <= 2 and abs(bottom + 1 - top - 10 * mm) <= 2, "the logo's 10 mm box"
    assert abs((left + right) / 2 - header.width / 2) <= 2, "in the middle"
    inside = list(header.crop((left, top, right + 1, bottom + 1)).get_flattened_data())
    white = [p for p in inside if min(p) > 225]
    assert len(white) > 100, "the logo's white strokes"
    assert _contrasting(white, tuple(int(teal[i:i + 2], 16) for i in (1, 3, 5))) == len(white)


def test_a_pdf_without_a_logo_is_the_same_whatever_the_colours(tmp_path: Path) -> None:
    coloured = parse_criteria(with_branding("    primary: teal\n").encode("utf-8"), str(tmp_path / "c.yaml"))
    plain = parse_criteria(MINIMAL.read_bytes(), str(tmp_path / "c.yaml"))
    [first] = render_form_pdfs(context(coloured, "zh", pdf=True), ["worksheet"])
    [second] = render_form_pdfs(context(plain, "zh", pdf=True), ["worksheet"])
    assert first.data == second.data


@pytest.mark.parametrize("edition", ["cross-border", "dark logo on amber"])
def test_the_workbook_logo_picture_is_a_rounded_badge_the_logo_reads_on(tmp_path: Path, edition: str) -> None:
    from PIL import Image

    if edition == "cross-border":
        criteria = parse_criteria(CROSS_BORDER.read_bytes(), str(CROSS_BORDER))
    else:
        (tmp_path / "logo.svg").write_bytes(DARK_LOGO)
        text = with_branding("    primary: amber\n    logo: logo.svg\n")
        criteria = parse_criteria(text.encode("utf-8"), str(tmp_path / "c.yaml"))
    colour = MATERIAL["teal" if edition == "cross-border" else "amber"]
    lang = criteria.meta.languages[0]
    data = render_workbook(context(criteria, lang))
    assert render_workbook(context(criteria, lang)) == data  # the same bytes each build
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        picture = archive.read("xl/media/image1.png")
    with Image.open(io.BytesIO(picture)) as image:
        rgba = image.convert("RGBA")
    assert rgba.height == LOGO_HEIGHT
    corners = [(0, 0), (rgba.width - 1, 0), (0, rgba.height - 1), (rgba.width - 1, rgba.height - 1)]
    assert all(rgba.getpixel(c)[3] < 64 for c in corners), "rounded corners"
    edge = [rgba.getpixel((x, y)) for x in (2, rgba.width - 3) for y in range(10, rgba.height - 10)]
    assert all(p[3] == 255 and _near(p, colour) for p in edge), "the padding is the primary colour"
    inner = [p for p in rgba.get_flattened_data() if p[3] == 255]
    ground = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    assert _contrasting(inner, ground) > 150, "the logo's strokes stand out from the badge"
