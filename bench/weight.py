"""Page weight of a first visit: the page's HTML + the CSS and JS it loads + its language's search index.

Raw bytes and gzip bytes (each file compressed on its own at level 6, as a web
server would). Material fetches the search index when the page loads, so it
counts; with ``navigation.instant`` later pages only fetch their HTML.
"""

from __future__ import annotations

import gzip
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.html_text import page_resources
from bench.sizes import INDEX, page_file

__all__ = ["PAGE_TYPES", "page_types", "page_weight", "weights"]

PAGE_TYPES = ("home", "section", "scoring", "questionnaire", "checklist", "worksheet", "interview")


def page_types(first_section: str) -> dict[str, str]:
    """Page type → location under a language root, for the pages this kit generates."""
    locations = {"home": "", "section": f"sections/{first_section}/", "scoring": "scoring/"}
    return {**locations, **{form: f"{form}/" for form in PAGE_TYPES[3:]}}


def _local(root: Path, location: str, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # not a file of this site (the kit loads none)
    return root / posixpath.normpath(posixpath.join(location, parts.path))


def _sizes(paths: list[Path]) -> tuple[int, int]:
    datas = [path.read_bytes() for path in paths]
    return sum(map(len, datas)), sum(len(gzip.compress(data, compresslevel=6, mtime=0)) for data in datas)


def page_weight(root: Path, location: str) -> dict[str, Any]:
    """Raw and gzip bytes of one page's HTML, CSS, JS and search index, and their totals."""
    html_path = page_file(root, location)
    resources = page_resources(html_path.read_text(encoding="utf-8"))
    groups: dict[str, list[Path]] = {"html": [html_path], "index": [root / INDEX]}
    missing: list[str] = []
    for kind in ("css", "js"):
        groups[kind] = []
        for url in resources[kind]:
            path = _local(root, location, url)
            if path is not None and path.is_file():
                groups[kind].append(path)
            elif path is not None:
                missing.append(url)
    result: dict[str, Any] = {"missing": missing}
    for kind, paths in groups.items():
        result[kind], result[f"{kind}_gzip"] = _sizes(paths)
    result["total"] = sum(result[kind] for kind in groups)
    result["total_gzip"] = sum(result[f"{kind}_gzip"] for kind in groups)
    return result


def weights(site: Path, first_section: str) -> dict[str, dict[str, Any]]:
    """Page weight of each page type that exists in the main language (the site root)."""
    return {kind: page_weight(site, location) for kind, location in page_types(first_section).items()
            if page_file(site, location).is_file()}
