"""A legal criteria file whose every text is hostile: HTML, script, Jinja, Markdown, formulas.

Built from tests/fixtures/minimal.yaml: optional texts (source publisher and
note, scale level descriptions, reasons, a changelog) are added, then every
localised text of the file (``generator.checks.rules.text_paths``), the licence and
the source address get payloads. Each text is all PAYLOADS joined by blank
lines; the n-th text of a kind (title, why, questions…) starts at payload n
(n + 1 in the second language), so the few texts that reach a spreadsheet
start with formulas (which only run from the start of a cell) and the others
with Markdown blocks (which only start a line).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from conftest import MINIMAL
from generator.checks.rules import text_paths

__all__ = ["EVIL_HOST", "FORMULAS", "JINJA", "JINJA_RESULTS", "LONG_WORD", "PAYLOADS", "hostile_data", "write_hostile"]

EVIL_HOST = "evil.example"
LONG_WORD = "W" * 2800
"""A word far wider than any screen or sheet; with every other payload it stays under the 4,000-character text limit."""
"""A word with no break opportunity; it must wrap on screen and paper."""
JINJA = ["{{ 7*7 }}", "{{ 12345*9 }}", "{% raw %}", "{{ config }}", "{# x #}"]
JINJA_RESULTS = ["111105"]
"""Texts that appear only if data were evaluated as a template ({{ 12345*9 }})."""

FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(1,1)", "=cmd|' /C calc'!A0")
"""Texts a spreadsheet would run as formulas if they started a cell."""

PAYLOADS = [
    *FORMULAS,
    "<script>window.__pwned='script';alert('script')</script>",
    "<img src=x onerror=\"window.__pwned='img';alert('img')\">",
    "<svg onload=\"window.__pwned='svg'\"><circle r=1 /></svg>",
    "\"><script>window.__pwned='attr'</script><b x=\"",
    "'><img src=x onerror=window.__pwned='attr2'>",
    "</template><script>window.__pwned='template'</script>",
    "</style><script>window.__pwned='style'</script>",
    "--><script>window.__pwned='comment'</script><!--",
    "</title><script>window.__pwned='title'</script>",
    "</textarea><script>window.__pwned='textarea'</script>",
    "<a href=\"javascript:window.__pwned='href';alert(1)\">click</a>",
    "[x](javascript:window.__pwned='mdlink')",
    "[link](http://evil.example/page)",
    "![img](http://evil.example/x.png)",
    "<http://evil.example/auto>",
    "javascript:alert(1)",
    "&lt;script&gt;window.__pwned='entity'&lt;/script&gt; &#x3C;b&#x3E;",
    *JINJA,
    "# heading",
    "| a | b |\n|---|---|\n| c | d |",
    "---",
    "* list item",
    "> quote",
    "`code` ``` fence",
    "**bold** _em_ ~~strike~~",
    "1. numbered",
    "    indented code",
    "\u202eevil\u202c right-to-left override",
    LONG_WORD,
]


def _cycle(start: int) -> str:
    """Every payload, blank-line separated, starting at payload ``start``."""
    k = start % len(PAYLOADS)
    return "\n\n".join(PAYLOADS[k:] + PAYLOADS[:k])


def _minimal() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(YAML(typ="safe", pure=True).load(MINIMAL.read_text("utf-8"))))
    return loaded


def hostile_data() -> dict[str, Any]:
    """The hostile criteria as plain data (valid against the schema)."""
    data = _minimal()
    meta = data["meta"]
    placeholder = {"zh": "x", "en": "x"}
    meta["sources"][0].update(publisher=dict(placeholder), note=dict(placeholder),
                              url="https://source.example/?q=%3Cscript%3E")
    meta["licence"] = "<b>CC</b> {{ 7*7 }} =1+1"
    for level in data["scale"]["levels"]:
        level["description"] = dict(placeholder)
    for section in data["sections"]:
        for criterion in section["criteria"]:
            criterion["weight_reason"] = dict(placeholder)
    data["changelog"] = [{"version": meta["version"], "date": "2020-02-02", "note": dict(placeholder)}]
    count: dict[str, int] = {}
    for path in text_paths(data):
        node: Any = data
        for step in path:
            node = node[step]
        if not isinstance(node, dict):
            continue  # a text given once for every language (the licence above)
        kind = next(step for step in reversed(path) if isinstance(step, str))
        count[kind] = count.get(kind, -1) + 1
        for i, lang in enumerate(meta["languages"]):
            node[lang] = _cycle(count[kind] + i)
    return data


def write_hostile(folder: Path) -> Path:
    """Write the hostile criteria file into ``folder`` (as JSON, which is YAML); return its path."""
    path = folder / "hostile.yaml"
    path.write_text(json.dumps(hostile_data(), ensure_ascii=False, indent=1), encoding="utf-8")
    return path
