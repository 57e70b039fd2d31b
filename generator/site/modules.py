"""The scorer's ES modules and styles a page needs, which ``scorer/main.js`` asks for together (issue 30).

``scorer/main.js`` imports the view of a page (the worksheet's scorer, the report, the interview) only on
the page that holds its data, and each view imports its own modules, level by level. The browser would
find them one level at a time, a round trip each; the page names them all (``data-kit-preload`` of
main.js's script, overrides/main.html) and main.js, which is async, adds a low-priority
``<link rel="modulepreload">`` for each as soon as it has loaded. Not as links in the served page:
Lighthouse counted them with the stylesheets of the first paint (high priority) or, as low-priority
links, with the largest paint of the worksheet and the interview, whose first screen is served. The list
is read from the modules' own static ``import`` lines, so it follows the code; a module imported with
``import()`` (report-more.js) is left out.

The scorer pages' seven stylesheets are served as one (``APP_STYLESHEET``, written by hooks/kit.py):
each stylesheet is a request the first paint waits for, and a host speaking HTTP/1.1 fetches six at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

__all__ = ["APP_STYLES", "APP_STYLESHEET", "VIEWS", "app_stylesheet", "module_graph", "module_imports",
           "page_modules"]

VIEWS = MappingProxyType({"kit-scoring-data": "scorer.js", "kit-report-data": "report.js",
                         "kit-interview-data": "interview.js"})
"""The id of each view's data element → the module main.js imports for it (scorer/main.js, VIEWS)."""

_IMPORT = re.compile(r"""^\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]""",
                     re.M)


def module_imports(script: str) -> list[str]:
    """The relative specifiers a module imports statically (``import … from './x.js'``)."""
    return [a or b for a, b in _IMPORT.findall(script) if (a or b).startswith("./")]


def module_graph(folder: Path, entry: str) -> tuple[str, ...]:
    """``entry`` and every module of ``folder`` it imports statically, recursively, each once, in the
    order found (breadth first: the ones needed first come first)."""
    found: list[str] = []
    todo = [entry]
    while todo:
        name = todo.pop(0)
        if name in found or not (folder / name).is_file():
            continue
        found.append(name)
        todo += [spec.removeprefix("./") for spec in module_imports((folder / name).read_text(encoding="utf-8"))]
    return tuple(found)


def page_modules(content: str, folder: Path) -> tuple[str, ...]:
    """The modules of the views whose data ``content`` (a page's HTML) holds, each once."""
    names = [name for data, entry in VIEWS.items() if f'id="{data}"' in content for name in module_graph(folder, entry)]
    return tuple(dict.fromkeys(names))


APP_STYLES = ("scoring", "report", "interview", "share", "declaration", "evidence", "people")
"""The stylesheets of the scorer pages (assets/stylesheets/NAME.css), in the order they apply."""
APP_STYLESHEET = "kit-app.css"
"""The file, beside them, that holds them all (app_stylesheet), which the scorer pages link."""


def app_stylesheet(folder: Path) -> str:
    """The scorer pages' stylesheets (``APP_STYLES`` in ``folder``) as one, each under its file's name."""
    return "".join(f"/* ---------- {name}.css ---------- */\n{(folder / f'{name}.css').read_text(encoding='utf-8')}\n"
                   for name in APP_STYLES)
