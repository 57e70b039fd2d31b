"""Page texts and criteria texts are text: never a tag, an attribute, an image or a link to elsewhere.

`check` refuses what it can see (tests/test_page_text_rules.py, tests/test_validation.py). Here
hostile texts go past `check` on purpose, straight into the renderers, to show that the pages
escape them anyway: each Markdown page is converted with the Markdown extensions of mkdocs.yml
(as MkDocs converts it, carriage returns included), and its HTML may carry no tag, attribute or
link target the texts ask for.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from conftest import MINIMAL, ROOT
from generator.parse.load import load_criteria
from generator.render.form_names import ALL_FORMS
from generator.render.form_pdfs import pdf_document
from generator.render.markdown import md, md_cell, md_code, md_inline
from generator.render.text_markup import md_text
from generator.site.outputs import render_all, source_name

EVIL_TITLE = 'x) <img src=x onerror="alert(1)"> ['
"""A title that closes a link target it is put into, then opens a tag."""
JS_TITLE = "javascript:alert(document.cookie)"
"""A title that is a script address."""
IMAGE_TITLE = "![x](https://evil.example/x.png)"
"""A title that is an image from another host."""


class _Html(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


_CONFIG = load_config(str(ROOT / "mkdocs.yml"))


def html(page: str) -> str:
    """``page`` converted as MkDocs converts it (same extensions; Python-Markdown reads CR as a line break)."""
    converter = markdown.Markdown(extensions=_CONFIG.markdown_extensions, extension_configs=_CONFIG.mdx_configs)
    return converter.convert(page)


SAFE_TAGS = {"p", "strong", "em", "code", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
             "thead", "tbody", "tr", "th", "td", "div", "span", "pre", "blockquote", "hr", "br", "details", "summary"}


INLINE_TAGS = {"p", "strong", "em", "code", "a"}
"""All that one text may become: a paragraph with bold, italic, code and links."""


def offences(page: str, tags: set[str] = SAFE_TAGS) -> list[str]:
    """Every tag, attribute or link target in the HTML of Markdown ``page`` that page texts may not make."""
    parser = _Html()
    parser.feed(html(page))
    found = []
    for tag, attrs in parser.tags:
        if tag not in tags:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name in {"style", "src", "srcset", "autofocus", "tabindex", "formaction"}:
                found.append(f"<{tag} {name}={value!r}>")
            if name == "href" and not _site_link(value):
                found.append(f"<{tag} href={value!r}>")
    return found


def _site_link(href: str) -> bool:
    """A link within the site: a relative page or an anchor, no scheme, no host."""
    return ":" not in href.split("#")[0].split("/")[0] and not href.startswith("//") and "<" not in href


@pytest.mark.parametrize("text", [
    "[the criteria]({title})",
    "See [the criteria]({title}) now",
    "[**{title}**]({title})",
    "![logo]({title})",
    "![logo](index.md)",
    "{title}",
    "[{title}](scoring.md)",
    "`{title}` and [`{title}`](scoring.md)",
], ids=["link target", "target mid-text", "bold words and target", "image target", "image", "text", "link words",
        "code"])
@pytest.mark.parametrize("title", [EVIL_TITLE, JS_TITLE, IMAGE_TITLE], ids=["tag", "javascript", "image"])
def test_placeholders_make_no_link_tag_or_image(text: str, title: str) -> None:
    page = md_text(text, {"title": title})
    assert offences(page) == [], page


BREAKS = {"CR": "\r", "CR-LF": "\r\n", "LS": "\u2028", "PS": "\u2029", "CR CR": "\r\r", "LS LS": "\u2028\u2028"}
"""Line breaks that Python-Markdown or a browser may honour where a split on line feeds sees none."""
CUT = [
    "`a{br}<img src=x onerror=alert(1)>`",
    "`a{br}<img src=x onerror=alert(1)>{br}b`",
    "x{br}# heading",
    "x{br}- item{br}- item",
    "x{br}1. item",
    "x{br}!!! danger \"t\"{br}    <b>admonition</b>",
    "x{br}===",
    "x{br}    indented code",
    "x{br}<script>alert(1)</script>",
    "x{br}| a | b |{br}|---|---|{br}| c | d |",
    "**x{br}<img src=x onerror=alert(1)>**",
    "[x{br}<b>y</b>](scoring.md)",
]
"""Texts cut by a line break ``{br}``: each tries to end a code span or start a block."""


@pytest.mark.parametrize("text", CUT)
@pytest.mark.parametrize("br", list(BREAKS.values()), ids=list(BREAKS))
def test_page_texts_cut_by_line_breaks_stay_one_inline_paragraph(text: str, br: str) -> None:
    page = md_text(text.replace("{br}", br), {})
    assert offences(page, INLINE_TAGS) == [], page


@pytest.mark.parametrize("escape", [md_inline, md_cell, md, md_code], ids=["inline", "cell", "paragraphs", "code"])
@pytest.mark.parametrize("text", CUT)
@pytest.mark.parametrize("br", list(BREAKS.values()), ids=list(BREAKS))
def test_criteria_texts_cut_by_line_breaks_stay_text(escape: object, text: str, br: str) -> None:
    page = escape(text.replace("{br}", br))  # type: ignore[operator]
    assert offences(page, INLINE_TAGS) == [], page


class _Comments(_Html):
    """Start tags (see _Html) and comments."""

    def __init__(self) -> None:
        super().__init__()
        self.comments: list[str] = []

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _scripted(document: str) -> list[str]:
    """Tags and attributes of ``document`` (HTML) that a hostile file name asks for."""
    parser = _Html()
    parser.feed(document)
    return [f"<{tag} {attrs}>" for tag, attrs in parser.tags
            if tag in {"img", "script", "svg", "iframe"} or any(name.startswith("on") for name in attrs)]


FILE_NAMES = [
    "---><img src=x onerror=alert(1)>.yaml",
    "x--!><script>alert(2)<\\script>.yaml",
    "<!--><img src=x onerror=alert(3)>.yaml",
    "a\n\n<img src=x onerror=alert(4)>\r\r.yaml",
]


@pytest.mark.parametrize("name", FILE_NAMES, ids=["-->", "--!>", "<!-->", "blank line"])
def test_the_criteria_file_name_stays_inside_the_banner_comment(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(MINIMAL.read_bytes())
    criteria = load_criteria(path)
    source = source_name(str(path))
    files = render_all(criteria, source)
    pages = {key: str(page) for key, page in files.items() if key.endswith(".md")}
    assert len(pages) > 20
    for key, page in pages.items():
        banner = page.split("\n", 1)[0] if page.startswith("<!--") else page.split("---\n", 2)[2].split("\n", 1)[0]
        comments = _Comments()
        comments.feed(banner)
        assert comments.tags == [] and len(comments.comments) == 1, (key, banner)
        assert _scripted(html(page)) == [], key
    for lang in criteria.meta.languages:
        for form in ALL_FORMS:
            document = pdf_document(criteria, lang, form, pages[f"{lang}/{form}.md"])
            assert _scripted(document) == [], (lang, form)
