"""Refresh latency of ``mkdocs serve``: a criteria edit against a plain Markdown page edit.

Both edits go through the same pipeline, because the kit's hook regenerates
the docs folder on every rebuild whatever changed: the watcher notices the
file (polling, every 0.5 s), the hook loads, validates and renders the criteria
(writing only changed files), then MkDocs rebuilds every language. So the fair
plain-page baseline is an edit to a page of the served docs folder — the
hook then overwrites it with the generated text (pages in ``docs/<lang>/``
are generated, and edits to them do not survive); the ratio shows what a
criteria change costs beyond the rebuild any edit triggers.

Completion: MkDocs writes the build epoch into every page it serves
(``livereload(epoch, id)``) and holds requests while it rebuilds; a refresh is
done when the watched page is served from a build started after the edit —
and, for the criteria edit, the new title appears in it.
"""

from __future__ import annotations

import re
import statistics
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.project import CriteriaSet
from bench.server import Server

__all__ = ["epoch", "measure_refresh"]

_EPOCH = re.compile(r"livereload\((\d+),\s*\d+\)")
SETTLE = 2.0
"""Seconds without a new build before an edit (longer than the 0.5 s polling plus 0.1 s debounce)."""


def epoch(html: str) -> int:
    """The build epoch MkDocs' live reload wrote into a served page."""
    found = _EPOCH.search(html)
    if found is None:
        raise ValueError("served page has no live-reload epoch")
    return int(found[1])


def _fetch(url: str, deadline: float) -> str:
    with urllib.request.urlopen(url, timeout=max(1.0, deadline - time.monotonic())) as response:
        return bytes(response.read()).decode("utf-8")


def _settle(url: str, deadline: float) -> int:
    """Wait until no rebuild starts for SETTLE seconds; return the epoch then served."""
    current = epoch(_fetch(url, deadline))
    while time.monotonic() < deadline:
        time.sleep(SETTLE)
        latest = epoch(_fetch(url, deadline))
        if latest == current:
            return current
        current = latest
    raise TimeoutError(f"{url}: the server kept rebuilding")


def _time_edit(server: Server, url: str, edit: Callable[[], None], done: Callable[[str], bool],
               timeout: float) -> dict[str, Any]:
    """Edit, then poll ``url`` until a page from a newer build satisfies ``done``."""
    deadline = time.monotonic() + timeout
    before = _settle(url, deadline)
    cpu = server.cpu_seconds()
    start = time.perf_counter()
    edit()
    while time.monotonic() < deadline:
        html = _fetch(url, deadline)
        if epoch(html) > before and done(html):
            return {"wall": time.perf_counter() - start, "cpu": server.cpu_seconds() - cpu, "html": html}
        time.sleep(0.05)
    raise TimeoutError(f"{url}: no refresh within {timeout:.0f} s")


def measure_refresh(project: Path, cset: CriteriaSet, scratch: Path, repeat: int = 5,
                    timeout: float = 300.0) -> dict[str, Any]:
    """Median refresh after each kind of edit, ``repeat`` times each (interleaved), on temp copies."""
    # The criteria file gets a folder of its own: the server watches the file's folder (a logo added
    # beside it is picked up), and the server's log written beside it would rebuild the site forever.
    criteria = scratch / "serve-criteria" / "criteria.yaml"
    criteria.parent.mkdir(parents=True, exist_ok=True)
    original = cset.path.read_text(encoding="utf-8")
    if original.count(cset.first_title) < 1:
        raise ValueError(f"{cset.path}: cannot find the title {cset.first_title!r} to edit")
    criteria.write_text(original, encoding="utf-8")
    docs = scratch / "serve-docs"
    plain = docs / cset.main_lang / "how-to-use.md"
    runs: dict[str, list[dict[str, Any]]] = {"criteria": [], "plain": []}
    with Server(project, criteria, docs, scratch / "serve.log", timeout) as server:
        section_url, plain_url = server.url(f"sections/{cset.first_section}/"), server.url("how-to-use/")
        for i in range(repeat):
            marker = f"BENCH{i:02d}X"

            def edit_criteria(marker: str = marker) -> None:
                criteria.write_text(original.replace(cset.first_title, f"{cset.first_title} {marker}", 1),
                                    encoding="utf-8")

            def edit_page(marker: str = marker) -> None:
                with plain.open("a", encoding="utf-8") as stream:
                    stream.write(f"\n\n{marker}\n")

            def shows(html: str, marker: str = marker) -> bool:
                return marker in html

            run = _time_edit(server, section_url, edit_criteria, shows, timeout)
            runs["criteria"].append({"wall": run["wall"], "cpu": run["cpu"]})
            run = _time_edit(server, plain_url, edit_page, lambda html: True, timeout)
            runs["plain"].append({"wall": run["wall"], "cpu": run["cpu"], "edit_survived": marker in run["html"]})
    return {kind: _summary(items) for kind, items in runs.items()}


def _summary(items: list[dict[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {"n": len(items), "wall": statistics.median(i["wall"] for i in items),
                              "cpu": statistics.median(i["cpu"] for i in items),
                              "walls": [round(i["wall"], 3) for i in items],
                              "cpus": [round(i["cpu"], 3) for i in items]}
    if any("edit_survived" in i for i in items):
        result["edit_survived"] = any(i.get("edit_survived") for i in items)
    return result
