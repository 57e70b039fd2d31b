"""Shared fixtures: paths, a built site, a local HTTP server and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CRITERIA = ROOT / "data" / "criteria.yaml"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
"""Playwright context options of the phone the site is tested on (390 x 844 CSS px, touch)."""


SITE_FIXTURES = frozenset({"built_site"})
"""Fixtures that build the whole site: a test using one is in the ``site`` tier."""
BROWSER_FIXTURES = frozenset({"browser"})
"""Fixtures that start Chromium: a test using one is in the ``browser`` tier."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/*/expected")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put each test in its tier by the fixtures it uses (markers in pyproject.toml; README, "Tests")."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & SITE_FIXTURES:
            item.add_marker(pytest.mark.site)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site built from the default criteria, strictly, once per run."""
    from generator.cli import main

    base = tmp_path_factory.mktemp("built")
    # As published (canonical links, sitemap.xml); tests/test_scoring_browser.py serves it on this port
    # for Material's instant navigation.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIT_SITE_URL", "http://127.0.0.1:8000/")
        status = main(["site", "--criteria", str(DEFAULT_CRITERIA), "--docs", str(base / "docs"),
                       "--site", str(base / "site"), "--config", str(ROOT / "mkdocs.yml")])
    assert status == 0
    return base / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve_dir() -> Iterator[object]:
    """Call with a folder; returns the base URL of a server on 127.0.0.1 for it."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base(built_site: Path, serve_dir: Any) -> str:
    """The base URL of the shared built site, served on 127.0.0.1."""
    return str(serve_dir(built_site))


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A page on a 390 x 844 touch phone; the test fails on any uncaught exception or console error."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert errors == []


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-gpu", "--no-first-run"])
        yield chromium
        chromium.close()
