"""Refuse SVG logos that could run script or load from other hosts.

The logo is published as a file of the site (``assets/edition/logo.svg``).
Shown through ``<img>`` an SVG never runs script, but opened at its own
address it is a document of the site's origin, which on GitHub Pages all of
an owner's project sites share: a script in it could read every visitor's
saved scores. Pattern matching cannot tell what a browser will run (namespace
prefixes, entities and ``<animate>`` all hide script), so the logo is parsed
as XML with DTDs and entities refused (defusedxml), and every element and
attribute must be on a short list of drawing ones: no script, no event
handlers, no animation, no links, no embedded HTML, and only same-document
(``#id``) or embedded-bitmap (``data:image/…``) references.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from generator.words.messages import Msg

__all__ = ["svg_problem"]

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
XML = "{http://www.w3.org/XML/1998/namespace}"

ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    "pattern", "use", "symbol", "image",
})
"""Drawing elements a logo may use (SVG namespace only)."""

ATTRIBUTES = frozenset({
    "id", "class", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
    "width", "height", "viewBox", "points", "transform", "version", "preserveAspectRatio",
    "baseProfile", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
    "stroke-opacity", "opacity", "offset", "stop-color", "stop-opacity", "gradientUnits",
    "gradientTransform", "spreadMethod", "clip-path", "clip-rule", "clipPathUnits", "mask",
    "maskUnits", "maskContentUnits", "patternUnits", "patternContentUnits", "patternTransform",
    "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
    "letter-spacing", "dx", "dy", "textLength", "lengthAdjust", "display", "visibility", "color",
    "paint-order", "vector-effect", "shape-rendering", "style", "href", "role", "aria-label",
    "aria-hidden", "focusable",
})
"""Presentation and geometry attributes a logo may use (no namespace, except href below)."""

_NAMESPACED = frozenset({f"{XLINK}href", f"{XML}space", f"{XML}lang"})
_REFERENCE = frozenset({"href", f"{XLINK}href"})
_SAFE_REFERENCE = re.compile(r"#[\w.:-]+|data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*")
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"]*)", re.I)
_DECLARATION = re.compile(r"\A\ufeff?<\?xml\s[^?]*\?>")
_STYLE_TRICKS = re.compile(r"@import|expression\s*\(|javascript\s*:|\\", re.I)
_FUNCTION = re.compile(r"([\w-]+)\s*\(")
_FUNCTIONS = frozenset({
    "url", "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color", "calc", "min", "max",
    "clamp", "var", "matrix", "translate", "translatex", "translatey", "scale", "scalex", "scaley", "rotate",
    "skewx", "skewy",
})
"""CSS functions a style or presentation attribute may call: colours, sums, transforms and ``url(#id)``.
Any other may load from a URL written as a plain string: ``image-set("//host/x.png")``, ``image()``,
``src()``, ``cross-fade()``, ``-webkit-image-set()``."""


def svg_problem(data: bytes) -> Msg | None:
    """What makes the SVG ``data`` unsafe to publish, or None if nothing does."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Msg.of("svg_not_utf8")
    if "<?" in _DECLARATION.sub("", text, count=1):
        return Msg.of("svg_instruction")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return Msg.of("svg_doctype")
    except ParseError as error:
        return Msg.of("svg_parse", error=error)
    if root.tag != f"{SVG}svg":
        return Msg.of("svg_root")
    for element in root.iter():
        if (found := _element_problem(element)) is not None:
            return found
    return None


def _element_problem(element: Element) -> Msg | None:
    tag = element.tag if isinstance(element.tag, str) else ""
    name = tag.removeprefix(SVG)
    if not tag.startswith(SVG) or name not in ELEMENTS:
        return Msg.of("svg_element", element=_plain(tag))
    for attribute, value in element.attrib.items():
        if (attribute.startswith("{") and attribute not in _NAMESPACED) or (
                not attribute.startswith("{") and attribute not in ATTRIBUTES):
            kind = "svg_handler" if _plain(attribute).lower().startswith("on") else "svg_attribute"
            return Msg.of(kind, attribute=_plain(attribute), element=name)
        if attribute in _REFERENCE and not _SAFE_REFERENCE.fullmatch(value.strip()):
            return Msg.of("svg_reference", value=value[:60], element=name)
        if (found := _style_problem(value)) is not None:
            return Msg.of("svg_style_in", what=found, attribute=_plain(attribute), element=name)
    return None


def _style_problem(value: str) -> Msg | None:
    if _STYLE_TRICKS.search(value):
        return Msg.of("svg_style_trick")
    for function in _FUNCTION.findall(value):
        if function.lower() not in _FUNCTIONS:
            return Msg.of("svg_function", function=function)
    for target in _URL.findall(value):
        if not target.strip().startswith("#"):
            return Msg.of("svg_url", target=target[:60])
    return None


def _plain(name: str) -> str:
    """``{namespace}local`` → ``local`` (with the namespace in brackets when not SVG)."""
    if name.startswith(SVG):
        return name.removeprefix(SVG)
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return f"{local} ({namespace})"
    return name
