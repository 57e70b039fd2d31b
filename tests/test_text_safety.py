"""Page texts and criteria texts are text: never a tag, an attribute, an image or a link to elsewhere.

`check` refuses what it can see (tests/test_page_text_rules.py, tests/test_validation.py). Here
hostile texts go past `check` on purpose, straight into the renderers, to show that the pages
escape them anyway: each Markdown page is converted with the Markdown extensions of mkdocs.yml
(as MkDocs converts it, carriage returns included), and its HTML may carry no tag, attribute or
link target the texts ask for.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.config import load_config

from conftest import ROOT
from generator.render.text_markup import md_text

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


def offences(page: str) -> list[str]:
    """Every tag, attribute or link target in the HTML of Markdown ``page`` that page texts may not make."""
    parser = _Html()
    parser.feed(html(page))
    found = []
    for tag, attrs in parser.tags:
        if tag not in SAFE_TAGS:
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
