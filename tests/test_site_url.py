"""What a site says about where it lives: nothing made up, nothing from the build machine.

Without a public address (meta.site_url, or KIT_SITE_URL), pages carry no canonical
link and the site no sitemap.xml (both used to name http://127.0.0.1:8000/), and
``site`` says so. Generated files name their criteria file relative to the project,
or by its bare name when it lies elsewhere, never by an absolute path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from generator.cli import main
from generator.site.outputs import source_name

pytestmark = pytest.mark.site

PUBLIC = "https://example.org/kit/"


def _site(criteria: Path, base: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    args = ["site", "--no-pdf", "--criteria", str(criteria), "--docs", str(base / "docs"), "--site", str(base / "site"),
            "--config", str(ROOT / "mkdocs.yml")]
    assert main(args) == 0
    return base / "site", capsys.readouterr().err


@pytest.fixture(scope="module")
def unpublished(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal file copied outside the project (an absolute path) and built without site_url."""
    base = tmp_path_factory.mktemp("unpublished-build-folder")
    criteria = base / "c.yaml"
    shutil.copy(MINIMAL, criteria)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("KIT_SITE_URL", raising=False)
        assert main(["site", "--no-pdf", "--criteria", str(criteria), "--docs", str(base / "docs"), "--site", str(base / "site"),
                     "--config", str(ROOT / "mkdocs.yml")]) == 0
    return base


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_canonical_link_and_no_sitemap_without_site_url(unpublished: Path) -> None:
    site = unpublished / "site"
    assert len(_pages(site)) > 20
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text, page
        assert not re.search(r"<link[^>]*127\.0\.0\.1", text), page
    # An empty sitemap (no addresses), so that Material's instant navigation finds no 404.
    sitemaps = sorted(site.rglob("sitemap.xml*"))
    assert [p.relative_to(site).as_posix() for p in sitemaps] == ["en/sitemap.xml", "sitemap.xml"]
    assert all("<loc>" not in p.read_text(encoding="utf-8") for p in sitemaps)


def test_no_absolute_path_is_published(unpublished: Path) -> None:
    outputs = [*(unpublished / "docs").rglob("*"), *(unpublished / "site").rglob("*")]
    banners = 0
    for path in outputs:
        if path.is_file() and path.suffix in {".md", ".html", ".json", ".csv", ".xml", ".js"}:
            text = path.read_text(encoding="utf-8")
            assert "unpublished-build-folder" not in text and str(ROOT) not in text, path
            banners += "from c.yaml; do not edit" in text or "根据 c.yaml 生成" in text
    assert banners > 20


def test_site_warns_without_site_url(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIT_SITE_URL", raising=False)
    criteria = tmp_path / "c.yaml"
    criteria.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    _, err = _site(criteria, tmp_path, capsys)
    assert "warning: no site_url is set" in err and f"set meta.site_url in {criteria}" in err


def test_site_url_gives_canonical_links_and_sitemap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    criteria = tmp_path / "c.yaml"
    text = MINIMAL.read_text(encoding="utf-8").replace("  licence: CC-BY-4.0\n",
                                                       f"  licence: CC-BY-4.0\n  site_url: {PUBLIC}\n")
    criteria.write_text(text, encoding="utf-8")
    site, err = _site(criteria, tmp_path, capsys)
    assert "site_url" not in err
    page = (site / "en" / "sections" / "trust" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLIC}en/sections/trust/">' in page
    assert f"<loc>{PUBLIC}sections/trust/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PUBLIC}en/sections/trust/</loc>" in (site / "en" / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("given", "shown"), [
    (str(ROOT / "data" / "criteria.yaml"), "data/criteria.yaml"),
    ("data/criteria.yaml", "data/criteria.yaml"),
    (str(ROOT / "tests" / "fixtures" / ".." / "fixtures" / "minimal.yaml"), "tests/fixtures/minimal.yaml"),
    ("/srv/builds/8f3a/edition.yaml", "edition.yaml"),
])
def test_source_name_is_never_absolute(given: str, shown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert source_name(given) == shown


HOSTILE_ADDRESSES = ['https://example.org/"><script>alert(1)</script>', "javascript:alert(1)//",
                     "https://example.org/kit/\n", "https://example.org/ onload=alert(1)"]


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_a_hostile_kit_site_url_is_refused_before_mkdocs_starts(address: str, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIT_SITE_URL", address)
    args = ["site", "--no-pdf", "--lang", "zh", "--criteria", str(MINIMAL), "--docs", str(tmp_path / "docs"),
            "--site", str(tmp_path / "site"), "--config", str(ROOT / "mkdocs.yml")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "KIT_SITE_URL: " in err and "的格式不对" in err and "Traceback" not in err, err
    assert not (tmp_path / "site").exists()


def test_the_hook_refuses_a_hostile_kit_site_url_too(tmp_path: Path) -> None:
    env = {**os.environ, "KIT_SITE_URL": HOSTILE_ADDRESSES[0], "KIT_CRITERIA": str(MINIMAL),
           "KIT_DOCS": str(tmp_path / "docs"), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(ROOT / "mkdocs.yml"),
                           "--site-dir", str(tmp_path / "site")], env=env, capture_output=True, text=True,
                          check=False, timeout=300)
    said = done.stdout + done.stderr
    assert done.returncode != 0 and "KIT_SITE_URL: " in said, said
    assert "Traceback" not in said and not (tmp_path / "site" / "index.html").exists()
