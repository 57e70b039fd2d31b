"""Page texts and criteria texts are text: never a tag, an attribute, an image or a link to elsewhere.

Like tests/test_label_safety.py for labels. `check` refuses what it can see (the last tests here,
tests/test_page_text_rules.py, tests/test_validation.py, tests/hostile/). The other tests send
hostile texts past `check` on purpose, straight into the renderers, to show that the outputs
escape them anyway: placeholders (whose values carry a hostile title) used as link targets, link
words and images; raw HTML; attribute lists; and code spans, headings, lists and admonitions cut
by carriage returns, CR-LF, U+2028 and U+2029. Each Markdown page is converted with the Markdown
extensions of mkdocs.yml (as MkDocs converts it, carriage returns included), and its HTML may carry
no tag, attribute or link target the clean page lacks, but for bold, italic, code and links
within the site; so may each form's PDF HTML; the workbooks keep their formulas only.
The criteria file's name, which the do-not-edit comment shows, is tried the same way.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import openpyxl
import pytest
from editions import context
from mkdocs.config import load_config

from conftest import MINIMAL, ROOT
from generator.checks.placeholders import placeholders
from generator.cli import main
from generator.load import load_criteria
from generator.model import Criteria, Meta, Text
from generator.render.form_pdfs import pdf_document
from generator.render.markdown import md, md_cell, md_inline
from generator.render.pages import published_forms
from generator.site.outputs import render_all, source_name
from generator.words.page_texts import default_texts
from generator.words.text_markup import md_code, md_text, outside_code

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
        for form in published_forms(criteria):  # the forms with content
            document = pdf_document(context(criteria, lang, source), form, pages[f"{lang}/{form}.md"])
            assert _scripted(document) == [], (lang, form)


# Every renderer, fed hostile page texts and criteria texts past `check`.

ALL_BREAKS = ("\r", "\r\n", "\u2028", "\u2029", "\r\r", "\r\n\r\n")
HOSTILE_TITLE = 'javascript:alert(1)//) <img src=x onerror="alert(\'pwn\')"> [ ![pwn](https://evil.example/t.png)'
"""The edition's title, which placeholders such as {title} carry into page texts."""
MARKUP = [
    "<img src=x onerror=alert('pwn')> <script>alert('pwn')</script>",
    "<a href=\"javascript:alert('pwn')\">pwn</a> [pwn](javascript:alert(1)) [pwn](https://evil.example/)",
    "![pwn](https://evil.example/i.png) ![pwn](index.md)",
    "{{: onclick=alert('pwn') #pwn .pwn }} =HYPERLINK(\"http://evil.example\",\"pwn\")",
]
CUT_BY = [
    "`a{br}<img src=x onerror=alert('pwn')>{br}b`",
    "x{br}# pwn heading {{: onclick=alert('pwn') }}",
    "x{br}- pwn list{br}1. pwn",
    "x{br}!!! danger \"pwn\"{br}    <b onclick=alert('pwn')>pwn</b>",
    "x{br}<script>alert('pwn')</script>",
    "x{br}    indented pwn{br}===",
]


def _criteria_text() -> str:
    """A criteria text (plain text past check): raw markup, and code spans and blocks cut by every line break."""
    cut = [text.replace("{{", "{").replace("}}", "}").replace("{br}", br) for br in ALL_BREAKS for text in CUT_BY]
    return " ".join([*MARKUP, *cut]).replace("{{", "{").replace("}}", "}")


def _page_text(names: set[str]) -> str:
    """A page text using ``names`` (its placeholders) as link targets, link words and images."""
    uses = [f"[pwn]({{{n}}}) [{{{n}}}](scoring.md) [**{{{n}}}**](#x) ![pwn]({{{n}}}) ![{{{n}}}](index.md) "
            f"`{{{n}}}` {{{n}}}" for n in sorted(names)]
    cut = [text.replace("{br}", br) for br in ALL_BREAKS for text in CUT_BY]
    return " ".join([*uses, *MARKUP, *cut])


def _hostile(value: Any) -> Any:
    """``value`` (part of the model) with every text hostile; the title carries HOSTILE_TITLE."""
    if isinstance(value, Text):
        return Text(tuple((lang, _criteria_text()) for lang, _ in value.values))
    if isinstance(value, Meta):
        title = Text(tuple((lang, HOSTILE_TITLE) for lang, _ in value.title.values))
        return replace(value, **{**{f.name: _hostile(getattr(value, f.name)) for f in fields(value)}, "title": title})
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _hostile(getattr(value, f.name)) for f in fields(value)})
    if isinstance(value, tuple):
        return tuple(_hostile(item) for item in value)
    return value


def _hostile_page_texts(languages: tuple[str, ...]) -> dict[str, dict[str, dict[str, Any]]]:
    """Every page text of every language, hostile, with the placeholders its English text has."""
    texts: dict[str, dict[str, Any]] = {}
    for page, keys in default_texts("en").items():
        texts[page] = {}
        for key, english in keys.items():
            items = [english] if isinstance(english, str) else list(english)
            names = set().union(*(placeholders(outside_code(item)) for item in items))
            # A table's rows keep their cells (" | " between them), as many as the English rows.
            cells = max(item.count(" | ") for item in items) + 1
            text = " | ".join([_page_text(names)] * cells)
            texts[page][key] = text if isinstance(english, str) else [text] * len(items)
    return {lang: texts for lang in languages}


@pytest.fixture(scope="module")
def rendered() -> Iterator[tuple[dict[str, str | bytes], dict[str, str | bytes], Criteria, Criteria]]:
    """(clean files, hostile files, clean model, hostile model) of the default criteria."""
    clean_model = load_criteria(ROOT / "data" / "criteria.yaml")
    clean = render_all(clean_model, "data/criteria.yaml")
    model = _hostile(clean_model)
    # Past check, as if check had missed them.
    model = replace(model, texts=_model_texts(_hostile_page_texts(model.meta.languages)))
    files = render_all(model, "data/criteria.yaml")
    yield clean, files, clean_model, model


def _model_texts(texts: dict[str, dict[str, dict[str, Any]]]) -> Any:
    """``texts`` as the model holds a file's ``texts:`` (tuples, lists as tuples)."""
    return tuple((lang, tuple((page, tuple((key, value if isinstance(value, str) else tuple(value))
                                            for key, value in keys.items())) for page, keys in pages.items()))
                 for lang, pages in texts.items())


def _signature(document: str) -> tuple[set[tuple[str, str]], list[str]]:
    """(tag, attribute) pairs of ``document`` (HTML), and what in it a hostile text may have made."""
    parser = _Html()
    parser.feed(document)
    pairs = {(tag, name) for tag, attrs in parser.tags for name in [*attrs, ""]}
    found = []
    for tag, attrs in parser.tags:
        for name, value in attrs.items():
            if name in {"href", "src", "action", "formaction", "srcset", "xlink:href"} and (
                    value.lower().lstrip().startswith(("javascript:", "data:text")) or "evil.example" in value):
                found.append(f"<{tag} {name}={value!r}>")
            if name in {"id", "class"} and "pwn" in value.split():  # {: #pwn .pwn}; a heading's slug is fine
                found.append(f"<{tag} {name}={value!r}>")
        if tag in {"img", "script", "iframe"} and "pwn" in str(attrs) + "".join(attrs.values()):
            found.append(f"<{tag} {attrs}>")
    return pairs, found


INLINE_PAIRS = {(tag, "") for tag in INLINE_TAGS} | {("a", "href")}
"""What page texts may add to a page: a paragraph, bold, italic, code, and links within the site."""


@pytest.mark.slow
def test_hostile_texts_reach_every_page(rendered: tuple[Any, ...]) -> None:
    _, files, _, _ = rendered
    pages = {path: str(text) for path, text in files.items() if path.endswith(".md")}
    assert len(pages) >= 50
    missing = [path for path, text in pages.items() if "pwn" not in text]
    assert missing == []


@pytest.mark.slow
def test_no_tag_attribute_or_link_target_comes_through_any_page(rendered: tuple[Any, ...]) -> None:
    clean, files, _, _ = rendered
    offences_found = []
    for path, text in sorted(files.items()):
        if not path.endswith(".md"):
            continue
        page = html(str(text))
        pairs, found = _signature(page)
        clean_pairs, _ = _signature(html(str(clean[path])))
        offences_found += [f"{path}: {item}" for item in found]
        offences_found += [f"{path}: new <{tag} {name}>" for tag, name in sorted(pairs - clean_pairs - INLINE_PAIRS)]
        links = re.findall(r'<a [^>]*href="([^"]*)"', page)
        offences_found += [f"{path}: link to {href!r}" for href in links if not _site_link(href)]
    assert offences_found == []


@pytest.mark.slow
def test_no_tag_or_attribute_comes_through_the_pdf_html(rendered: tuple[Any, ...]) -> None:
    clean, files, clean_model, model = rendered
    offences_found = []
    for lang in model.meta.languages:
        for form in published_forms(model):  # the forms with content
            document = pdf_document(context(model, lang, "data/criteria.yaml"), form, str(files[f"{lang}/{form}.md"]))
            pairs, found = _signature(document)
            clean_pairs, _ = _signature(pdf_document(context(clean_model, lang, "data/criteria.yaml"), form,
                                                     str(clean[f"{lang}/{form}.md"])))
            offences_found += [f"{lang}/{form}: {item}" for item in found]
            offences_found += [f"{lang}/{form}: new <{tag} {name}>" for tag, name in sorted(pairs - clean_pairs)]
    assert offences_found == []


@pytest.mark.slow
def test_no_formula_comes_through_the_workbooks(rendered: tuple[Any, ...]) -> None:
    clean, files, _, _ = rendered
    for path in sorted(p for p in files if p.endswith(".xlsx")):
        counts = []
        for book in (clean[path], files[path]):
            sheets = openpyxl.load_workbook(io.BytesIO(book)).worksheets  # type: ignore[arg-type]
            counts.append(sum(cell.data_type == "f" for sheet in sheets for row in sheet.iter_rows() for cell in row))
        assert counts[0] == counts[1], path


# What check says, located and in the editor's language, with no traceback.

CHECKED = [
    ('intro: "See [the criteria]({title})."', "en", "a placeholder's value is text, never a link target"),
    ('intro: "See [the criteria]({title})."', "zh", "占位符的值是文字，不能当链接地址"),
    ('intro: "{title} ![logo](index.md)"', "zh", "这会把它变成图片"),
    ('intro: "`a\\r\\r<b>x</b>` {title}"', "zh", "换行符 U+000D（回车符"),
    ('intro: "a\\u2028# b {title}"', "en", "the line break U+2028 (a line separator)"),
    ('intro: "[`x](scoring.md) {nope} `y`"', "zh", "用了“{nope}”，它不是这段文字的占位符"),
]


@pytest.mark.parametrize(("entry", "lang", "fragment"), CHECKED)
def test_check_refuses_hostile_page_texts_at_their_place(entry: str, lang: str, fragment: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.yaml"
    text = MINIMAL.read_text(encoding="utf-8") + f"texts:\n  en:\n    downloads:\n      {entry}\n"
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--lang", lang, "--criteria", str(path)]) == 1
    err = capsys.readouterr().err
    line = text.count("\n")
    assert f"{path}:{line}:14: " in err and fragment in err and "Traceback" not in err, err
