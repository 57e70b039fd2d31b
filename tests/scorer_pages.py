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

__all__ = ["PHONE", "SCORER", "Opener", "doc", "download", "key", "names", "opener", "pick", "state", "store",
           "worker_runner"]

SCORER = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts" / "scorer"
"""The scorer's ES modules."""

PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
                         "device_scale_factor": 2}
"""A 390 × 844 phone with touch, as a browser context's options."""

Opener = Callable[..., Any]


def opener(browser: Any, base: str, criteria: Criteria) -> Iterator[Opener]:
    """Yields open(lang, width, site, phone) for a worksheet page; closes them and checks for errors."""
    opened: list[tuple[Any, list[str]]] = []

    def open_page(lang: str = "zh", width: int = 1280, site: str = base, phone: bool = False) -> Any:
        options = PHONE if phone else {"viewport": {"width": width, "height": 900}}
        context = browser.new_context(accept_downloads=True, **options)
        page = context.new_page()
        page.set_default_timeout(10_000)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(f"{m.text} {m.location.get('url')}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        opened.append((page, errors))
        page.goto(f"{site}{language_root(criteria, lang)}worksheet/")
        page.wait_for_selector("#kit-scorer")
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
    page.wait_for_selector("#kit-scorer")


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
