"""Refuse SVG logos that could run script or load from other hosts.

The logo is published as a file of the site (``assets/edition/logo.svg``).
Shown through ``<img>`` an SVG never runs script, but opened at its own
address it is a document of the site's origin: a ``<script>`` in it could
read every visitor's saved scores. So the kit accepts only SVGs without
script, event handlers, ``javascript:`` or ``data:text/html`` addresses,
embedded HTML (``foreignObject``) and references to other hosts (blocked in
mainland China). Embedded bitmaps (``data:image/...``) are fine.
"""

from __future__ import annotations

import re

__all__ = ["svg_problem"]

_UNSAFE = [
    (re.compile(rb"<\s*script", re.I), "a <script> element"),
    (re.compile(rb"<\s*foreignObject", re.I), "a <foreignObject> (embedded HTML)"),
    (re.compile(rb"[\s\"'/]on[a-z]+\s*=", re.I), "an event handler attribute (on…=)"),
    (re.compile(rb"javascript\s*:", re.I), "a javascript: address"),
    (re.compile(rb"data\s*:\s*text/html", re.I), "a data:text/html address"),
    (re.compile(rb"""(href|src)\s*=\s*["']?\s*(https?:)?//""", re.I), "a reference to another host"),
    (re.compile(rb"""url\(\s*["']?\s*(https?:)?//|@import""", re.I), "a style loading from another host"),
]


def svg_problem(data: bytes) -> str | None:
    """What makes the SVG ``data`` unsafe to publish, or None if nothing does."""
    for pattern, what in _UNSAFE:
        if pattern.search(data):
            return what
    return None
