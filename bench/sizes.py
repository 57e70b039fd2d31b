"""What a built site weighs: total bytes, bytes that grow with the criteria, search index vs. its text.

Definitions (also printed in BENCHMARKS.md):

* *site bytes*: every file under the site folder, all languages.
* *content bytes*: site bytes minus the ``assets/`` folder of each language
  (Material's and the kit's CSS/JS/images, identical whatever the criteria), so
  that bytes per criterion is not flattered by a fixed few megabytes.
* *search index bytes*: every ``search/search_index.json``, all languages.
* *indexed text bytes*: UTF-8 bytes of the whitespace-normalised text of the
  ``<article>`` element of every page that has at least one entry in its
  language's index, all languages. It is the readable text search covers; the
  ratio shows what the index adds (markup, word separators, escapes, titles).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bench.html_text import article_text
from generator.site.search_storage import STORED_BREAK, as_read

__all__ = ["index_pages", "language_roots", "page_file", "search_stats", "site_sizes"]

INDEX = "search/search_index.json"
_TAG = re.compile(r"<[^<>]+>|>")
SEPARATOR = "\u200b"
"""The zero-width space jieba puts between Chinese words in the index (3 bytes in UTF-8)."""


def language_roots(site: Path) -> list[Path]:
    """The root folder of each language's site (the one holding its search index), main first."""
    return sorted((path.parent.parent for path in site.rglob(INDEX)), key=lambda p: (p != site, p.name))


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def site_sizes(site: Path, criteria: int) -> dict[str, Any]:
    """Site and content bytes, in total and per criterion."""
    total = sum(path.stat().st_size for path in _files(site))
    assets = sum(path.stat().st_size for root in language_roots(site) for path in _files(root / "assets"))
    return {"site_bytes": total, "asset_bytes": assets, "content_bytes": total - assets,
            "site_bytes_per_criterion": total / criteria, "content_bytes_per_criterion": (total - assets) / criteria,
            "files": len(_files(site))}


def index_pages(index: dict[str, Any]) -> list[str]:
    """Page locations (without ``#anchor``) that have entries in a search index."""
    return sorted({str(doc["location"]).split("#", 1)[0] for doc in index["docs"]})


def page_file(root: Path, location: str) -> Path:
    """The HTML file of a page location such as ``""`` or ``"sections/identity/"``."""
    return root / location / "index.html" if not location.endswith(".html") else root / location


def _stored_strings(index: dict[str, Any]) -> list[str]:
    """Every title and text as stored: entries as Material's objects or as the kit's arrays (search_storage)."""
    fields = [(doc.get("title"), doc.get("text")) if isinstance(doc, dict) else doc[1:3] for doc in index["docs"]]
    return [value for pair in fields for value in pair if isinstance(value, str)]


def _overheads(index: dict[str, Any]) -> dict[str, int]:
    """Bytes of the index spent on word separators (U+200B, or one byte as stored) and on HTML tags (a stored
    closing tag is one ``>``)."""
    strings = _stored_strings(index)
    return {"separator_bytes": sum(3 * value.count(SEPARATOR) + value.count(STORED_BREAK) for value in strings),
            "markup_bytes": sum(len(tag.encode("utf-8")) for value in strings for tag in _TAG.findall(value))}


def search_stats(site: Path) -> dict[str, Any]:
    """Search index bytes against indexed text bytes (see the module docstring), per language and in total,
    with the index's bytes spent on word separators and HTML tags."""
    languages: dict[str, Any] = {}
    for root in language_roots(site):
        raw = (root / INDEX).read_bytes()
        index = json.loads(raw)
        pages = index_pages(as_read(index))
        text = sum(len(article_text(page_file(root, page).read_text(encoding="utf-8")).encode("utf-8"))
                   for page in pages if page_file(root, page).is_file())
        languages[root.relative_to(site).as_posix() or "."] = {
            "index_bytes": len(raw), "text_bytes": text, "pages": len(pages), **_overheads(index)}
    totals = {key: sum(item[key] for item in languages.values())
              for key in ("index_bytes", "text_bytes", "separator_bytes", "markup_bytes")}
    ratio = totals["index_bytes"] / totals["text_bytes"] if totals["text_bytes"] else float("inf")
    return {**totals, "ratio": ratio, "languages": languages}
