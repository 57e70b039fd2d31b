"""The PDFs' HTML parsed by lxml where it gives WeasyPrint's own tree (generator.render.pdf_parse, issue 30).

The fast path must never change a PDF: for every document it takes, its tree is the one tinyhtml5 (WeasyPrint's
HTML5 parser) builds, text, tails, attributes and comments alike; every other document is left to WeasyPrint.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import tinyhtml5
from editions import context

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.load import load_criteria
from generator.render.form_pdfs import form_page, pdf_document
from generator.render.pages import published_forms
from generator.render.pdf_parse import fast_tree

EDITIONS = [DEFAULT_CRITERIA, ROOT / "examples" / "livestream" / "criteria.yaml",
            ROOT / "examples" / "cross-border" / "criteria.yaml", MINIMAL]


def _dump(element: Any, out: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    tag = element.tag if isinstance(element.tag, str) else ("#comment" if element.tag is ET.Comment else element.tag)
    out.append((tag, list(element.attrib.items()), element.text, element.tail))
    for child in element:
        _dump(child, out)
    return out


def _html5(document: str) -> list[tuple[Any, ...]]:
    return _dump(tinyhtml5.parse(document, namespace_html_elements=False), [])


@pytest.mark.parametrize("path", EDITIONS, ids=lambda path: Path(path).parent.name)
def test_every_form_of_the_editions_takes_the_fast_path_with_the_same_tree(path: Path) -> None:
    criteria = load_criteria(path)
    checked = 0
    for lang in criteria.meta.languages:
        ctx = context(criteria, lang)
        for form in published_forms(criteria):
            document = pdf_document(ctx, form, form_page(ctx, form))
            tree = fast_tree(document)
            assert tree is not None, (lang, form)
            assert _dump(tree, []) == _html5(document), (lang, form)
            checked += 1
    assert checked >= 5


def _page(body: str) -> str:
    return f'<!DOCTYPE html>\n<html lang="en"><head>\n<meta charset="utf-8">\n<title>t</title>\n</head>\n<body>\n{body}' \
           "</body></html>"


@pytest.mark.parametrize("body", [
    "<p>a<div>b</div></p>",  # HTML5 closes the paragraph before the div
    "<p><span>a<div>b</div></span></p>",
    "<table><tr><td>1</td></tr></table>",  # HTML5 adds a tbody
    "<table>x<tbody><tr><td>1</td></tr></tbody></table>",  # and moves the text out
    "<td>x</td>",
    "<h1>a<h2>b</h2></h1>",
    "<ul><li>a<ul>x</ul></li></ul>",
    "<template><p>x</p></template>",
    "<pre>\nx</pre>",
    "<p>&copy 2026</p>", "<p>&copy;</p>", "<p>&#128;</p>", "<p>&#0;</p>", "<p>a\r\nb</p>",
    "<p>1 < 2</p>", "<svg><circle r='1'/></svg>", "<p><a href='x'>1<a href='y'>2</a></a></p>",
])
def test_documents_the_two_parsers_build_otherwise_are_left_to_weasyprint(body: str) -> None:
    assert fast_tree(_page(body)) is None


def test_white_space_around_head_and_after_body_is_left_to_weasyprint() -> None:
    assert fast_tree(_page("<p>x</p>")) is not None
    assert fast_tree(_page("<p>x</p>").replace("<head>", "\n<head>")) is None
    assert fast_tree(_page("<p>x</p>") + "\n") is None


_TAGS = ["p", "div", "span", "b", "strong", "a", "h2", "h3", "ul", "ol", "li", "table", "thead", "tbody", "tr",
         "td", "th", "section", "header", "br", "img", "template", "em"]
_TEXTS = ["x", " ", "\n", "a &amp; b", "&lt;", "&#39;", "&#8239;", "&nbsp;", "中文", "&quot;q&quot;", "&copy;"]


def _random_body(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(0, 4)):
        if depth > 4 or rng.random() < 0.35:
            parts.append(rng.choice(_TEXTS))
            continue
        tag = rng.choice(_TAGS)
        if tag in ("br", "img"):
            parts.append(f"<{tag}>")
            continue
        attributes = rng.choice(["", ' class="k"', ' data-x="1"', " title='a b'"])
        parts.append(f"<{tag}{attributes}>{_random_body(rng, depth + 1)}</{tag}>")
    if rng.random() < 0.1:
        parts.append("<!-- note -->")
    return "".join(parts)


def test_whatever_the_fast_path_takes_is_the_tree_html5_builds() -> None:
    """Two thousand random documents of the forms' elements and character references: each one the fast path
    takes has tinyhtml5's tree; it takes a good share of them, and leaves the others."""
    rng = random.Random(30)
    taken = left = 0
    for _ in range(2000):
        document = _page(_random_body(rng))
        tree = fast_tree(document)
        if tree is None:
            left += 1
            continue
        taken += 1
        assert _dump(tree, []) == _html5(document), document
    assert taken > 200 and left > 200, (taken, left)


def test_weasyprint_sets_what_the_fast_path_sets() -> None:
    """generator.render.pdf._html makes WeasyPrint's document without its __init__: WeasyPrint 70 sets these
    attributes for a document given as a string; a new version that sets others needs _html to follow."""
    import weasyprint

    document = weasyprint.HTML(string=_page("<p>x</p>"))
    assert set(vars(document)) == {"base_url", "url_fetcher", "media_type", "wrapper_element", "etree_element"}
    assert document.base_url is None and document.media_type == "print"
