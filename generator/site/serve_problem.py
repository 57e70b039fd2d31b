"""What ``make serve`` shows in the browser while the criteria file has a problem.

A broken save must not freeze the preview: the hook keeps building the last good model (the
docs folder still holds its pages, since nothing is written before validation passes) and puts
the ``check`` message at the top of every page, in the file's language, without a traceback."""

from __future__ import annotations

import re

from markupsafe import escape

from generator.problems import InputError
from generator.words.messages import message

__all__ = ["BANNER_ID", "problem_banner", "with_banner"]

BANNER_ID = "kit-criteria-problem"
"""Id of the banner element (tests look for it)."""
_STYLE = ("margin:0;padding:1rem;background:#fdecea;color:#611a15;border-bottom:3px solid #b71c1c;"
          "font-size:16px;line-height:1.5;position:relative;z-index:10")
_BODY = re.compile(r"<body\b[^>]*>")


def problem_banner(error: InputError, lang: str | None) -> str:
    """The banner HTML for ``error``, in ``lang`` (the editor's language)."""
    lines = "\n".join(str(escape(p.text(lang))) for p in error.problems)
    title, count = message(lang, "serve_broken"), message(lang, "problems_found_serve", count=len(error.problems))
    return (f'<div id="{BANNER_ID}" role="alert" style="{_STYLE}"><strong>{escape(title)}</strong>'
            f'<pre style="white-space:pre-wrap;margin:.5rem 0 0;font-size:14px">{lines}\n{escape(count)}</pre></div>')


def with_banner(page: str, banner: str) -> str:
    """``page`` with ``banner`` first in its body (at the very top if it has no body tag)."""
    found = _BODY.search(page)
    at = found.end() if found else 0
    return page[:at] + banner + page[at:]
