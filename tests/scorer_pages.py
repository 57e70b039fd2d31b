"""Opening the worksheet scorer in Debian's Chromium, and reading and writing its saved state.

Shared by the scorer's browser tests. Every page opened collects console errors and uncaught
exceptions; the opener fails the test if any appear.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.model import Criteria
from generator.site.nav import language_root

__all__ = ["PHONE", "SCORER", "Opener", "doc", "download", "key", "module_worker", "names", "opener", "pick", "state",
           "store", "worker_harness", "worker_runner"]

SCORER = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts" / "scorer"
"""The scorer's ES modules."""

PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
                         "device_scale_factor": 2}
"""A 390 × 844 phone with touch, as a browser context's options."""

Opener = Callable[..., Any]

NEXT_FRAME_JS = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))"
"""Resolves once the browser has drawn a frame: the scorer draws its chart then (scorer.js, renderChart)."""


def built(page: Any) -> None:
    """Waits until the worksheet's scorer is built, its chart included."""
    page.wait_for_selector("#kit-scorer")
    page.evaluate(NEXT_FRAME_JS)


def opener(browser: Any, base: str, criteria: Criteria) -> Iterator[Opener]:
    """Yields open(lang, width, site, phone, doc, script) for a worksheet page in a context of its own (its own
    storage: another person's browser), holding doc if given, script run first in every page; closes them and
    checks for errors."""
    opened: list[tuple[Any, list[str]]] = []

    def open_page(lang: str = "zh", width: int = 1280, site: str = base, phone: bool = False,
                  doc: Any = None, script: str = "") -> Any:
        options = PHONE if phone else {"viewport": {"width": width, "height": 900}}
        context = browser.new_context(accept_downloads=True, **options)
        if script:
            context.add_init_script(script)
        page = context.new_page()
        page.set_default_timeout(15_000)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(f"{m.text} {m.location.get('url')}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        opened.append((page, errors))
        page.goto(f"{site}{language_root(criteria, lang)}worksheet/")
        built(page)
        if doc is not None:
            store(page, criteria, doc)
        return page

    yield open_page
    for page, _ in opened:
        page.context.close()
    assert [e for _, errors in opened for e in errors] == [], [e for _, errors in opened for e in errors]


def doc(criteria: Criteria, agencies: list[tuple[str, dict[str, Any], dict[str, str]]], version: str | None = None,
        ids: list[str] | None = None) -> dict[str, Any]:
    """A saved document for ``criteria`` with agencies (name, scores, notes) whose ids are a0, a1, ..."""
    return {"format": "kit-scoring", "formatVersion": 1,
            "criteria": {"id": criteria.meta.id, "version": version or criteria.meta.version,
                         "ids": [k.id for k in criteria.criteria] if ids is None else ids},
            "agencies": [{"id": f"a{i}", "name": name, "scores": scores, "notes": notes}
                         for i, (name, scores, notes) in enumerate(agencies)]}


EMPTY_PARTS: dict[str, Any] = {"flags": {}, "reviews": {}, "agreed": {}, "evidence": {}, "claims": {},
                               "declaration": None}
"""What a saved agency holds besides its id, name, scores and notes when nothing else was recorded."""


def as_saved(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (version 1 or 2) as the page keeps it: version 2, every agency with every part."""
    return {**document, "formatVersion": 2, "owner": document.get("owner", {"name": ""}),
            "reviewers": document.get("reviewers", []),
            "agencies": [{**EMPTY_PARTS, **a} for a in document["agencies"]]}


def key(criteria: Criteria) -> str:
    return f"kit-scoring:{criteria.meta.id}"


def store(page: Any, criteria: Criteria, value: Any) -> None:
    """Puts ``value`` (a document, or raw text) in the page's storage and reloads."""
    raw = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [key(criteria), raw])
    page.reload()
    built(page)


def state(page: Any, criteria: Criteria) -> Any:
    """The saved document, parsed here (Playwright would drop a "__proto__" key of a browser object)."""
    raw = page.evaluate("(key) => localStorage.getItem(key)", key(criteria))
    return None if raw is None else json.loads(raw)


def pick(page: Any, criterion: str, value: object) -> None:
    option = page.locator(f'fieldset[data-criterion="{criterion}"] input[value="{value}"]')
    # "Not scored" unchecks itself (so that Tab lands on the first score), hence a click, not check().
    option.click() if value == "" else option.check()


def download(page: Any, action: str) -> str:
    with page.expect_download() as info:
        page.click(f'#kit-scorer button[data-action="{action}"]')
    return Path(info.value.path()).read_bytes().decode("utf-8")


def names(page: Any) -> list[str]:
    return [str(n) for n in page.locator("input.kit-sc-name").evaluate_all("els => els.map((e) => e.value)")]


MEMORY_JS = """const memory = () => { const m = new Map(); return { getItem: (k) => (m.has(k) ? m.get(k) : null),
  setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) }; };"""
"""``memory()``: a fresh in-memory stand-in for localStorage (a worker has none)."""


def worker_harness(**modules: str) -> str:
    """A module worker's source for worker_runner: imports each module (name=file among the scorer's modules) and
    runs the body with those names, ``data`` and ``memory`` (MEMORY_JS) as its arguments."""
    names = list(modules)
    imports = "".join(f"    const {n} = await import(base + '{modules[n]}');\n" for n in names)
    params = ", ".join(f"'{n}'" for n in [*names, "data", "memory"])
    return f"""
{MEMORY_JS}
onmessage = async ({{ data: [base, data, body] }}) => {{
  try {{
{imports}    const run = new Function({params}, body);
    postMessage({{ ok: run({", ".join([*names, "data", "memory"])}), dom: typeof document + ' ' + typeof window }});
  }} catch (error) {{
    postMessage({{ error: String(error && error.stack || error) }});
  }}
}};
"""


def module_worker(browser: Any, serve_dir: Any, data: Any, **modules: str) -> Iterator[Callable[..., Any]]:
    """For a module fixture: yields worker_runner's runner for worker_harness(**modules) with default ``data``,
    on a page of its own (closed after)."""
    base = str(serve_dir(SCORER))
    page = browser.new_page()
    page.goto(base)
    yield worker_runner(page, base, worker_harness(**modules), data)
    page.close()


def worker_runner(page: Any, base: str, harness: str, default: Any) -> Callable[..., Any]:
    """runner(body, data=default): ``harness`` (a module worker's source) run with the scorer's
    modules at ``base``, ``data`` and the function ``body``; fails if the worker saw a DOM."""

    def runner(body: str, data: Any = default) -> Any:
        out = page.evaluate("""([harness, base, data, body]) => new Promise((resolve) => {
          const url = URL.createObjectURL(new Blob([harness], { type: 'text/javascript' }));
          const worker = new Worker(url, { type: 'module' });
          worker.onmessage = ({ data }) => { worker.terminate(); resolve(data); };
          worker.onerror = (e) => resolve({ error: e.message || 'worker error' });
          worker.postMessage([base, data, body]);
        })""", [harness, base, data, body])
        assert "error" not in out, out.get("error")
        assert out["dom"] == "undefined undefined"
        return out["ok"]

    return runner
