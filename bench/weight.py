"""Page weight of a first visit: the page's HTML + the CSS and JS it loads (ES modules with what they
import) + its language's search index if the page loads it.

Raw bytes and gzip bytes (each file compressed on its own at level 6, as a web
server would). Material's own bundle fetches the search index when a page loads; the kit's
patched bundle (generator.site.search_loading) only when search opens, so then the index is
reported apart (``index``) and left out of the totals. With ``navigation.instant`` later pages
only fetch their HTML.
"""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.html_text import page_resources
from bench.sizes import INDEX, page_file

__all__ = ["LAZY_INDEX", "PAGE_TYPES", "module_imports", "page_types", "page_weight", "weights"]

PAGE_TYPES = ("home", "section", "scoring", "questionnaire", "checklist", "worksheet", "interview")


def page_types(first_section: str) -> dict[str, str]:
    """Page type → location under a language root, for the pages this kit generates."""
    locations = {"home": "", "section": f"sections/{first_section}/", "scoring": "scoring/"}
    return {**locations, **{form: f"{form}/" for form in PAGE_TYPES[3:]}}


_IMPORT = re.compile(r"""^\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]""", re.M)
LAZY_INDEX = 'Je("search")).pipe(Re(o=>o),b(()=>ze(new URL("search/search_index.json"'
"""What the kit's patched bundle holds: the index waits for the search toggle."""


def module_imports(script: str) -> list[str]:
    """The relative specifiers a module imports statically (``import … from './x.js'``)."""
    return [a or b for a, b in _IMPORT.findall(script) if (a or b).startswith(".")]


def _with_imports(paths: list[Path]) -> list[Path]:
    """``paths`` and every module they import, recursively, each once."""
    found: list[Path] = []
    todo = list(paths)
    while todo:
        path = todo.pop(0)
        if path in found or not path.is_file():
            continue
        found.append(path)
        if path.suffix == ".js":
            todo += [(path.parent / name).resolve() for name in module_imports(path.read_text(encoding="utf-8"))]
    return found


def _index_at_load(js: list[Path]) -> bool:
    """Whether the page requests the search index as it loads (Material's bundle, unpatched)."""
    bundles = [path for path in js if path.name.startswith("bundle.")]
    return any(LAZY_INDEX not in path.read_text(encoding="utf-8") for path in bundles)


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
    groups["js"] = _with_imports([path.resolve() for path in groups["js"]])
    result: dict[str, Any] = {"missing": missing, "index_at_load": _index_at_load(groups["js"])}
    for kind, paths in groups.items():
        result[kind], result[f"{kind}_gzip"] = _sizes(paths)
    counted = [kind for kind in groups if kind != "index" or result["index_at_load"]]
    result["total"] = sum(result[kind] for kind in counted)
    result["total_gzip"] = sum(result[f"{kind}_gzip"] for kind in counted)
    result["requests"] = sum(len(groups[kind]) for kind in counted)
    return result


def weights(site: Path, first_section: str) -> dict[str, dict[str, Any]]:
    """Page weight of each page type that exists in the main language (the site root)."""
    return {kind: page_weight(site, location) for kind, location in page_types(first_section).items()
            if page_file(site, location).is_file()}
