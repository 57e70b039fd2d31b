"""Saved scores for pages that show them (the comparison report), for Lighthouse to audit filled in.

Lighthouse clears a page's storage and starts its own Chromium; an empty report shows a single
sentence. ``seeded_chromium`` starts Debian's Chromium with a fresh profile and a DevTools port,
puts a scoring document in the site's localStorage through Playwright, and leaves the browser
running, so that ``lighthouse --port=N --disable-storage-reset`` audits the page as a merchant
sees it after scoring. ``sample_scores`` makes that document from the criteria file alone
(plain YAML, like the rest of the benchmark), with as many agencies as asked (issue 30 measures
the worksheet with ten, the most it takes).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

__all__ = ["sample_scores", "seeded_chromium"]

CHROME = shutil.which("chromium") or "/usr/bin/chromium"


def sample_scores(criteria_path: Path, count: int = 3) -> dict[str, str]:
    """localStorage entries: ``count`` agencies (three or more), the first three scored high, low and
    knocked out, with notes and red flags, the others scored criterion by criterion from low to high."""
    data: dict[str, Any] = yaml.safe_load(criteria_path.read_text(encoding="utf-8"))
    scores = [level["score"] for level in data["scale"]["levels"]]
    low, high = min(scores), max(scores)
    criteria = [c for s in data["sections"] for c in s["criteria"]]
    ids = [c["id"] for c in criteria]
    knockout = next((c["id"] for c in criteria if c.get("knockout")), ids[0])
    flags = {c["id"]: [0] for c in criteria[::4] if c.get("red_flags")}
    agencies = [
        {"id": "a0", "name": "星火电商", "scores": {k: high for k in ids[: len(ids) * 2 // 3]},
         "notes": {ids[0]: "执照原件已看过，和公示系统一致。"}, "flags": flags},
        {"id": "a1", "name": "Beta Ops", "scores": {k: low + 1 for k in ids}, "notes": {}},
        {"id": "a2", "name": "Gamma", "scores": {**{k: high - 1 for k in ids}, knockout: low},
         "notes": {ids[1]: "Asked twice, no answer."}, "flags": {}},
    ]
    agencies += [{"id": f"a{n}", "name": f"代运营公司 {n}", "notes": {ids[n % len(ids)]: f"第 {n} 家的备注。"},
                  "scores": {k: scores[(n + i) % len(scores)] for i, k in enumerate(ids)}, "flags": flags}
                 for n in range(3, count)]
    doc = {"format": "kit-scoring", "formatVersion": 1,
           "criteria": {"id": data["meta"]["id"], "version": str(data["meta"]["version"]), "ids": ids},
           "agencies": agencies}
    return {f"kit-scoring:{data['meta']['id']}": json.dumps(doc, ensure_ascii=False)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_devtools(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def seeded_chromium(origin: str, storage: dict[str, str]) -> Iterator[int]:
    """The DevTools port of a headless Chromium whose localStorage for ``origin`` holds ``storage``."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="kit-bench-chromium-", ignore_cleanup_errors=True) as profile:
        process = subprocess.Popen([CHROME, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                    "--disable-background-networking", "--disable-component-update",
                                    "--disable-sync", f"--remote-debugging-port={port}",
                                    f"--user-data-dir={Path(profile)}", "about:blank"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for_devtools(port)
            with sync_playwright() as p:
                browser = p.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
                page = browser.contexts[0].new_page()
                page.goto(origin)
                page.evaluate("(items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v))",
                              storage)
                page.close()
            yield port
        finally:
            process.terminate()
            process.wait(timeout=20)
