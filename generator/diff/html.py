"""The ``diff`` report as one self-contained HTML page, to send to a board or print to PDF from a browser.

It is the Markdown report (``generator.diff.report``) rendered by Python-Markdown, whose texts are
already escaped for Markdown (``<`` and ``&`` included), in a page with its own small style sheet:
no script, nothing loaded from elsewhere."""

from __future__ import annotations

import re

import markdown  # type: ignore[import-untyped]
from markupsafe import escape

from generator.diff.compare import Diff
from generator.diff.report import to_markdown
from generator.words.messages import message_language

__all__ = ["to_html"]

_STYLE = ("body{font:16px/1.6 system-ui,-apple-system,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;"
          "max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.5rem}"
          "h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}li{margin:.2rem 0}"
          "code{background:#f2f2f2;padding:0 .2rem}@media print{body{margin:0;max-width:none}}")


def to_html(diff: Diff, lang: str | None = None) -> str:
    """The report in ``lang`` as a complete HTML document (UTF-8, trailing newline)."""
    text = to_markdown(diff, lang)
    title = re.sub(r"\\(.)", r"\1", text.split("\n", 1)[0].removeprefix("# "))  # without Markdown's escapes
    # Python-Markdown keeps the backslash of escapes it does not know (\< \& \| \~): drop it.
    body = re.sub(r"\\(&lt;|&gt;|&amp;|\||~)", r"\1", markdown.markdown(text, extensions=[], output_format="html"))
    return (f'<!DOCTYPE html>\n<html lang="{escape(message_language(lang))}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
