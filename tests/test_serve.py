"""``make serve`` survives a broken save: the last good site stays up and every page shows the
``check`` message at its top, in the file's language, without a traceback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from generator.site.serve_problem import BANNER_ID


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        text: str = response.read().decode("utf-8")
        return text


def _until(url: str, wanted: bool, seconds: float = 120) -> str:
    """The page at ``url`` once the problem banner is (``wanted``) or is not on it."""
    deadline, page = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            page = _get(url)
            if (BANNER_ID in page) == wanted:
                return page
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"banner {'never shown' if wanted else 'still shown'}: {page[:500]}")


def _serve(tmp_path: Path, source: Path) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    port = _port()
    env = {**os.environ, "KIT_CRITERIA": str(criteria), "KIT_DOCS": str(tmp_path / "docs"),
           "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml"),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield f"http://127.0.0.1:{port}/", criteria, server
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.communicate(timeout=30)


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    yield from _serve(tmp_path, MINIMAL)


@pytest.mark.site
def test_a_broken_save_keeps_the_last_good_site_and_shows_the_problem_in_chinese(
        serving: tuple[str, Path, subprocess.Popen[str]]) -> None:
    url, criteria, server = serving
    good = _until(url, wanted=False)
    assert "最小示例" in good
    section = _get(url + "sections/trust/")
    assert "营业执照" in section and BANNER_ID not in section
    text = criteria.read_text(encoding="utf-8")
    line = text.splitlines().index("        weight: 3") + 1
    criteria.write_text(text.replace("        weight: 3\n", "        weight: 三\n", 1), encoding="utf-8")
    shown = _until(url, wanted=True)
    banner = shown[shown.index(BANNER_ID):shown.index("</div>", shown.index(BANNER_ID))]
    assert "标准文件有错误，预览仍显示上一次没有错误时的版本" in banner
    assert f"criteria.yaml:{line}:" in banner and "Traceback" not in banner
    assert "最小示例" in shown  # the last good home page, under the banner
    section = _get(url + "sections/trust/")
    assert BANNER_ID in section and "营业执照" in section and "我可以去你们公司看看吗" in section
    english = _get(url + "en/")
    assert BANNER_ID in english and "Minimal example" in english
    criteria.write_text(text.replace("最小示例", "改好了的示例"), encoding="utf-8")
    fixed = _until(url, wanted=False)
    assert "改好了的示例" in fixed
    os.killpg(server.pid, signal.SIGTERM)
    output, _ = server.communicate(timeout=30)
    assert "Traceback" not in output, output[-3000:]
    assert f"criteria.yaml:{line}:" in output


@pytest.mark.site
def test_a_changed_logo_is_picked_up(tmp_path: Path) -> None:
    example = ROOT / "examples" / "cross-border"
    logo = tmp_path / "logo.svg"
    logo.write_bytes((example / "logo.svg").read_bytes())
    served = _serve(tmp_path, example / "criteria.yaml")
    url, _, _ = next(served)
    try:
        _until(url, wanted=False)  # the first build is done
        assert _get(url + "assets/edition/logo.svg") == logo.read_text(encoding="utf-8")
        changed = logo.read_text(encoding="utf-8").replace("#ffc107", "#ff0000")
        assert changed != logo.read_text(encoding="utf-8")
        logo.write_text(changed, encoding="utf-8")
        deadline = time.monotonic() + 120
        while _get(url + "assets/edition/logo.svg") != changed:
            assert time.monotonic() < deadline, "the new logo was never served"
            time.sleep(0.5)
    finally:
        served.close()


@pytest.mark.site
def test_a_logo_added_while_serving_is_picked_up(serving: tuple[str, Path, subprocess.Popen[str]]) -> None:
    """The editor names a logo that is not there yet (the banner says so), then copies it in."""
    url, criteria, _ = serving
    _until(url, wanted=False)
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(text.replace("  licence: CC-BY-4.0\n", "  licence: CC-BY-4.0\n  branding: {logo: logo.svg}\n"),
                        encoding="utf-8")
    shown = _until(url, wanted=True)
    assert "logo.svg" in shown[shown.index(BANNER_ID):]
    logo = (ROOT / "examples" / "cross-border" / "logo.svg").read_text(encoding="utf-8")
    (criteria.parent / "logo.svg").write_text(logo, encoding="utf-8")
    page = _until(url, wanted=False)
    assert "assets/edition/logo.svg" in page
    assert _get(url + "assets/edition/logo.svg") == logo
