"""What only a browser shows: the language switcher and the live-reloading dev server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.load import load_criteria
from generator.words.language_tags import language_tag

pytestmark = [pytest.mark.site, pytest.mark.browser]


def test_language_switcher_lands_on_same_page(built_site: Path, serve_dir: Any, browser: Any) -> None:
    base = serve_dir(built_site)
    criteria = load_criteria(DEFAULT_CRITERIA)
    section = criteria.sections[-1].id
    first, second = criteria.meta.languages[:2]
    page = browser.new_page()
    page.goto(f"{base}sections/{section}/")
    _choose_language(page, second)
    page.wait_for_url(f"{base}{second}/sections/{section}/")
    assert page.locator("html").get_attribute("lang") == language_tag(second)
    assert criteria.sections[-1].title(second) in page.locator("h1").inner_text()
    _choose_language(page, first)
    page.wait_for_url(f"{base}sections/{section}/")
    assert page.locator("html").get_attribute("lang") == language_tag(first)
    page.close()


def _choose_language(page: Any, lang: str) -> None:
    # The list opens on hover, as a reader with a mouse would open it.
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{language_tag(lang)}"]').click()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in _fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_shows_criteria_edit_after_reload(tmp_path: Path) -> None:
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "KIT_CRITERIA": str(criteria), "KIT_DOCS": str(tmp_path / "docs"),
           "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(ROOT / "mkdocs.yml")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        url = f"http://127.0.0.1:{port}/sections/skill/"
        assert _wait_for(url, "流程细节", 60), "server did not start"
        assert _wait_for(f"http://127.0.0.1:{port}/en/sections/skill/", "Process details", 10)
        criteria.write_text(criteria.read_text(encoding="utf-8").replace("流程细节", "流程与交接"), encoding="utf-8")
        assert _wait_for(url, "流程与交接", 60), "edit did not show"
    finally:
        server.terminate()
        server.wait(timeout=20)
