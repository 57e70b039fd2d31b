"""Optional: Lighthouse mobile scores of a few pages, if ``bench/node_modules`` has Lighthouse 12.

Pages named in ``seeded`` are audited with saved scores in the browser's storage (bench/seeded.py),
in a Chromium started for them, so that pages such as the comparison report are measured filled in.

``make bench`` installs it there (``npm ci``: pinned in ``bench/package.json`` and
``bench/package-lock.json``; Lighthouse downloads no browser, ``CHROME_PATH`` names Debian's); without
it, or if a run fails, this part is skipped and the rest of the report stands.
Pages are served by a static server that gzips text files (level 6) as every common static host
does (GitHub Pages, Netlify, an nginx default with gzip on), and lets nothing be cached.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

from bench.project import ROOT
from bench.seeded import seeded_chromium

__all__ = ["CATEGORIES", "lighthouse_bin", "run_lighthouse"]

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"first-contentful-paint": "fcp_s", "largest-contentful-paint": "lcp_s", "total-blocking-time": "tbt_ms",
           "cumulative-layout-shift": "cls", "total-byte-weight": "transfer_bytes"}
CHROME = shutil.which("chromium") or "/usr/bin/chromium"


def lighthouse_bin(root: Path = ROOT) -> Path | None:
    """The locally installed Lighthouse command, or None."""
    path = root / "bench" / "node_modules" / ".bin" / "lighthouse"
    return path if path.is_file() and shutil.which("node") else None


GZIPPED = frozenset({".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt"})
"""Files sent gzipped to a browser that accepts it."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        # Every run is a first visit: Lighthouse clears the cache before each run, and each seeded run has a
        # Chromium of its own whose cache is cleared after seeding (bench/seeded.py). Not no-store: Material's
        # instant navigation sets every relative href again as the page starts (absolute), and with no-store
        # Chromium fetches each stylesheet again and drops it meanwhile, so the page is briefly unstyled (a
        # layout shift of the whole page that no visitor sees; tests/test_bench_server.py). no-cache, as
        # hosts that revalidate send, lets the page reuse what it loaded.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in GZIPPED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a request the browser dropped
            self.wfile.write(body)


def _audit(command: Path, url: str, timeout: float, port: int | None = None) -> dict[str, float]:
    browser = ([f"--port={port}", "--disable-storage-reset"] if port is not None
               else ["--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run "
                     "--disable-background-networking --disable-component-update --disable-sync"])
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        report = Path(folder) / "report.json"
        subprocess.run([str(command), url, f"--only-categories={','.join(CATEGORIES)}", "--output=json",
                        f"--output-path={report}", "--quiet", *browser],
                       env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, timeout=timeout, check=True)
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(str(data["runtimeError"]))
    scores = {name: round(100 * float(data["categories"][name]["score"])) for name in CATEGORIES}
    metrics = {key: float(data["audits"][audit]["numericValue"]) for audit, key in METRICS.items()}
    metrics["fcp_s"] /= 1000
    metrics["lcp_s"] /= 1000
    return {**scores, **metrics}


def run_lighthouse(site: Path, pages: dict[str, str], repeat: int, timeout: float = 240.0,
                   seeded: dict[str, str] | None = None, storage: dict[str, str] | None = None) -> dict[str, Any]:
    """Median mobile scores and metrics per page (``name → location``), or ``{"skipped": why}``;
    ``seeded`` pages (``name → location``) are audited with ``storage`` in localStorage."""
    command = lighthouse_bin()
    if command is None:
        return {"skipped": "Lighthouse is not installed in bench/node_modules"}
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        found: dict[str, Any] = {}
        for name, location in pages.items():
            found[name] = _median([_audit(command, base + location, timeout) for _ in range(repeat)])
        for name, location in (seeded or {}).items():
            runs = []
            for _ in range(repeat):
                with seeded_chromium(base, storage or {}) as port:  # a fresh one per run: nothing cached
                    runs.append(_audit(command, base + location, timeout, port))
            found[name] = _median(runs)
        return {"pages": found, "version": _version()}
    except (OSError, subprocess.SubprocessError, RuntimeError, KeyError, ValueError) as error:
        return {"skipped": f"Lighthouse failed: {type(error).__name__}: {str(error)[:300]}"}
    finally:
        server.shutdown()
        server.server_close()


def _median(runs: list[dict[str, float]]) -> dict[str, Any]:
    """The median of every figure, with the runs' performance, LCP and TBT kept (the machine is noisy)."""
    kept = ("performance", "lcp_s", "tbt_ms")
    return {**{key: statistics.median(run[key] for run in runs) for key in runs[0]},
            "runs": [{key: run[key] for key in kept} for run in runs]}


def _version() -> str:
    package = ROOT / "bench" / "node_modules" / "lighthouse" / "package.json"
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])
