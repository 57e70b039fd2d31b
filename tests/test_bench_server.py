"""The benchmark's page server (bench/lighthouse.py) serves pages as a visitor's browser gets them.

Material's instant navigation sets every relative ``href`` of the page again as it starts. Served
with ``Cache-Control: no-store``, Chromium fetched every stylesheet a second time and dropped it
meanwhile: the page was unstyled for a moment, and Lighthouse counted that as a layout shift of
the whole page (interview CLS 0.106 and 2.0 in runs of the same build, scoring 0.081), which no
visitor of a real host sees. Each stylesheet is requested once, and the interview page does not
shift on a phone.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_layout_shift import LIMIT, SHIFTS_JS

from bench.lighthouse import _Quiet
from conftest import PHONE


@pytest.fixture(scope="module")
def bench_base(built_site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["interview/", "scoring/"])
def test_stylesheets_load_once_and_the_page_does_not_shift(browser: Any, bench_base: str, path: str) -> None:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        requests: list[str] = []
        cdp.on("Network.requestWillBeSent", lambda e: requests.append(e["request"]["url"]))
        page.goto(bench_base + path, wait_until="load")
        page.wait_for_timeout(1000)
        shifts = page.evaluate(SHIFTS_JS)
    finally:
        context.close()
    sheets = [url for url in requests if url.endswith(".css")]
    assert sheets, requests
    twice = sorted({url for url in sheets if sheets.count(url) > 1})
    assert twice == [], f"stylesheets fetched again after the page started: {twice}"
    assert sum(s["value"] for s in shifts) < LIMIT, shifts
