"""The element tree of a PDF's HTML document, built by libxml2 (lxml) where it is the tree WeasyPrint's own
HTML5 parser (tinyhtml5) builds: ten times faster (a fifteenth of a form's PDF time).

libxml2 tokenises HTML as HTML5 does, but builds the tree by older rules: it leaves a ``<div>`` inside an
open ``<p>``, adds no ``<tbody>`` to a table, nests a heading in a heading, and so on. ``fast_tree``
accepts a document only when none of that can arise: libxml2 reported no error, every element and
entity is one the forms use, and no element stands where HTML5 would close or add one. Any other document
gets ``None``, and WeasyPrint parses it itself. tests/test_pdf_parse.py checks that the two trees are the
same for every form of the default criteria and of the examples, and that each rule sends the documents
it guards to WeasyPrint.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from types import MappingProxyType
from typing import Any

from lxml import etree

__all__ = ["fast_tree"]

_PHRASING = frozenset({"a", "b", "br", "em", "i", "img", "small", "span", "strong", "sub", "sup", "u", "code"})
"""Elements that may stand inside a ``<p>`` without HTML5 closing it first."""
_BLOCKS = frozenset({"article", "div", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol",
                     "p", "section", "ul", "blockquote", "dl", "dt", "dd", "figure", "figcaption", "nav", "aside"})
_DOCUMENT = frozenset({"html", "head", "body", "meta", "title", "style"})
_TABLE = frozenset({"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"})
_KNOWN = _PHRASING | _BLOCKS | _DOCUMENT | _TABLE
"""Every element the fast path takes; any other (``template``, ``svg``, ``pre``, form controls…) is parsed by
WeasyPrint."""
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CHILDREN = MappingProxyType({
    "table": frozenset({"caption", "colgroup", "thead", "tbody", "tfoot"}), "colgroup": frozenset({"col"}),
    "thead": frozenset({"tr"}), "tbody": frozenset({"tr"}), "tfoot": frozenset({"tr"}), "tr": frozenset({"th", "td"}),
    "ul": frozenset({"li"}), "ol": frozenset({"li"})})
"""The only children an element may have (HTML5 adds a ``<tbody>``, moves text out of a table…)."""
_PARENTS = MappingProxyType({
    "li": frozenset({"ul", "ol"}), "tr": frozenset({"thead", "tbody", "tfoot"}), "td": frozenset({"tr"}),
    "th": frozenset({"tr"}), "col": frozenset({"colgroup"}), "caption": frozenset({"table"}),
    "head": frozenset({"html"}), "body": frozenset({"html"}), "meta": frozenset({"head"}), "title": frozenset({"head"}),
    "thead": frozenset({"table"}), "tbody": frozenset({"table"}), "tfoot": frozenset({"table"}),
    "colgroup": frozenset({"table"})})
"""The only parents an element may have."""
_UNSAFE = re.compile(r"[\r\x00]|<(?![a-z/!])|<!(?!--|DOCTYPE html>)")
"""What the two parsers read differently: carriage returns and NUL (HTML5 rewrites them), a ``<`` that does not
open a tag or comment, a declaration other than the doctype."""
_REFERENCE = re.compile(r"&(#[xX]?)?([0-9A-Za-z]*)(;?)")
_NAMED = frozenset({"amp", "lt", "gt", "quot", "nbsp"})
"""The named character references the fast path takes (HTML5 reads many others even without their semicolon)."""


def fast_tree(html: str) -> ET.Element[Any] | None:
    """The tree of ``html`` as tinyhtml5 builds it for WeasyPrint (``namespace_html_elements=False``), or
    ``None`` when the document has something libxml2 builds otherwise (the module's docstring)."""
    if not html.endswith("</body></html>") or _UNSAFE.search(html) is not None or \
            not all(map(_plain_reference, _REFERENCE.finditer(html))):
        return None
    parser = etree.HTMLParser(remove_blank_text=False, remove_comments=False, remove_pis=False)
    root = etree.fromstring(html, parser)
    if root is None or len(parser.error_log) or not _agrees(root):
        return None
    return _converted(root)


def _agrees(root: Any) -> bool:
    """Whether HTML5 would build the tree libxml2 built: see the rules above."""
    if root.tag != "html" or root.text is not None or root.getprevious() is not None or (
            len(root) and root[-1].tail is not None):
        return False  # HTML5 drops white space before <head> and moves what follows </body> into it
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            if tag is not etree.Comment:
                return False
            continue
        if tag not in _KNOWN or any(name != name.lower() for name in element.attrib):
            return False
        parent = element.getparent()
        parent_tag = parent.tag if parent is not None else None
        if tag in _PARENTS and parent_tag not in _PARENTS[tag]:
            return False
        if tag in _CHILDREN and (not _blank(element.text) or any(
                (isinstance(child.tag, str) and child.tag not in _CHILDREN[tag]) or not _blank(child.tail)
                for child in element)):
            return False
        if tag in _BLOCKS and any(a.tag == "p" for a in element.iterancestors()):
            return False
        if tag in _HEADINGS and any(a.tag in _HEADINGS for a in element.iterancestors()):
            return False
        if tag == "a" and any(a.tag == "a" for a in element.iterancestors()):
            return False
    return True


def _plain_reference(found: re.Match[str]) -> bool:
    """Whether a character reference reads the same in both parsers: a named one of ``_NAMED``, or a number of
    a character HTML5 does not replace (not a C1 control, surrogate, NUL, carriage return or beyond Unicode)."""
    number, name, semicolon = found.groups()
    if not semicolon:
        return False
    if number is None:
        return name in _NAMED
    try:
        value = int(name, 16 if number != "#" else 10)
    except ValueError:
        return False
    return value in (9, 10) or 0x20 <= value < 0x7F or 0xA0 <= value < 0xD800 or 0xE000 <= value <= 0xFFFD or \
        (0x10000 <= value <= 0x10FFFF and value & 0xFFFE != 0xFFFE)


def _blank(text: str | None) -> bool:
    return text is None or not text.strip(" \t\n\f")


def _converted(element: Any) -> ET.Element[Any]:
    """``element`` (lxml's) and its descendants as ``xml.etree`` elements (what tinyhtml5 builds)."""
    made: ET.Element[Any]
    if element.tag is etree.Comment:
        made = ET.Comment(element.text)
    else:
        made = ET.Element(element.tag, dict(element.attrib))
        made.text = element.text
        made.extend(_converted(child) for child in element)
    made.tail = element.tail
    return made
