"""What every rendered output shares: the edition stamp, the do-not-edit banner, the print style.

The stamp names the edition's title, version and, when known, the commits the output was made
from (``Commit``, read by ``generator.site.version.read_commit`` and passed down). The banner
opens every generated Markdown page. The print style is the ``@page`` running header and page
numbers of a printable page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Criteria
from generator.words.labels import label

__all__ = ["Commit", "CommitLike", "banner", "css_string", "edition_stamp", "page_style", "running_title"]

@dataclass(frozen=True)
class Commit:
    """The commits an output was made from."""

    kit: str
    """The kit's commit (its code and, for the default criteria, the criteria too), maybe ending in +dirty."""
    edition: str | None = None
    """The commit of the criteria file's own repository, if that is not the kit's; maybe ending in +dirty."""


CommitLike = Commit | str
"""A Commit, or just the kit's commit as text."""


def _stamped(stamp: str, lang: str, commit: CommitLike | None) -> str:
    if not commit:
        return stamp
    found = Commit(commit) if isinstance(commit, str) else commit
    if found.edition:
        return label(lang, "stamp_commit_edition", stamp=stamp, commit=found.kit, edition=found.edition)
    return label(lang, "stamp_commit", stamp=stamp, commit=found.kit)


def edition_stamp(criteria: Criteria, lang: str, commit: CommitLike | None = None) -> str:
    """"Title · version", plus the commit(s) in ``lang`` when known."""
    return _stamped(f"{criteria.meta.title(lang)} · {criteria.meta.version}", lang, commit)


def running_title(criteria: Criteria, lang: str, commit: CommitLike | None = None) -> str:
    """The line at the top of every printed sheet and workbook sheet: title, version, commit(s)."""
    return _stamped(f"{criteria.meta.title(lang)} · {label(lang, 'version')} {criteria.meta.version}", lang, commit)


def banner(lang: str, source: str) -> str:
    """The do-not-edit line at the top of every generated Markdown page."""
    # "--" could end the comment early (a file named x-->y.yaml).
    return f"<!-- {label(lang, 'banner', source=source).replace('--', '- -')} -->\n"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that is also safe inside an HTML ``<style>`` element."""
    safe = (ch if ch.isalnum() or ch == " " or (ord(ch) > 0x7F and ch.isprintable()) else f"\\{ord(ch):06x}"
            for ch in text)
    return '"' + "".join(safe) + '"'


def _css_content(template: str) -> str:
    """A label with ``{page}``/``{pages}`` as a CSS ``content`` value using the page counters."""
    parts = re.split(r"\{(pages?)\}", template)
    tokens = [f"counter({part})" if i % 2 else css_string(part) for i, part in enumerate(parts) if part or i % 2]
    return " ".join(tokens)


def page_style(criteria: Criteria, lang: str, form: str, commit: CommitLike | None = None) -> Markup:
    """A ``<style>`` with the printed running header and page numbers of one form."""
    boxes = {
        "top-left": css_string(running_title(criteria, lang, commit)),
        "top-right": css_string(label(lang, form)),
        "bottom-right": _css_content(label(lang, "page_of", page="{page}", pages="{pages}")),
    }
    if form in ("questionnaire", "short-questionnaire"):
        boxes["bottom-left"] = css_string(f"{label(lang, 'field_agency')}  ____________________")
    rules = "".join(f"@{box}{{content:{value}}}" for box, value in boxes.items())
    return Markup(f"<style>@page{{{rules}}}</style>")
