"""Identical rebuilds, and builds that are killed halfway.

Two builds of the same input give byte-identical sites, even on another day
(MkDocs' build date comes from SOURCE_DATE_EPOCH when set, so setting it
differently stands in for "another day"), with another hash seed, time zone,
temporary folder (jieba's cache) and output folders. A build killed while
MkDocs writes leaves the previous site as it was, and the next build cleans
up. The docs tree is written file by file: what a kill can leave there is
repaired by the next build.
"""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from trees import differing, files_of, tree_digest

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.cli import main
from generator.load import load_criteria
from generator.site.sitemap import gzipped, stable_sitemap

pytestmark = pytest.mark.site

CONFIG = str(ROOT / "mkdocs.yml")


def _site_command(criteria: Path, docs: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "site", "--no-pdf", "--criteria", str(criteria), "--docs", str(docs),
            "--site", str(site), "--config", CONFIG]


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "KIT_COMMIT": "abc1234", "NO_MKDOCS_2_WARNING": "1", **extra}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    runs = [
        {"PYTHONHASHSEED": "1", "TZ": "UTC", "KIT_SITE_URL": "https://example.org/kit/"},
        # Another day for MkDocs (2001-09-09), another hash seed, time zone and temporary folder.
        {"PYTHONHASHSEED": "2", "TZ": "Asia/Shanghai", "SOURCE_DATE_EPOCH": "1000000000",
         "TMPDIR": str(tmp_path / "tmp"), "KIT_SITE_URL": "https://example.org/kit/"},
    ]
    (tmp_path / "tmp").mkdir()
    for n, extra in enumerate(runs):
        done = subprocess.run(_site_command(DEFAULT_CRITERIA, tmp_path / f"docs{n}", tmp_path / f"site{n}"),
                              cwd=ROOT, env=_env(**extra), capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr[-3000:]
    first, second = tmp_path / "site0", tmp_path / "site1"
    kinds = {path.rsplit(".", 1)[-1] for path in files_of(first)}
    assert {"html", "xlsx", "json", "csv", "xml", "gz", "js", "css"} <= kinds
    assert differing(first, second) == []
    assert differing(tmp_path / "docs0", tmp_path / "docs1") == []
    released = load_criteria(DEFAULT_CRITERIA).changelog[0].date
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{released}</lastmod>") > 10


def test_sitemap_date_is_the_edition_date_or_nothing() -> None:
    xml = "<urlset>\n    <url>\n         <loc>x/</loc>\n         <lastmod>2031-01-02</lastmod>\n    </url>\n</urlset>\n"
    assert stable_sitemap(xml, "2020-02-02") == xml.replace("2031-01-02", "2020-02-02")
    assert stable_sitemap(xml, None) == "<urlset>\n    <url>\n         <loc>x/</loc>\n    </url>\n</urlset>\n"
    packed = gzipped(xml.encode())
    assert packed[4:8] == b"\0\0\0\0" and gzip.decompress(packed) == xml.encode()
    assert gzipped(xml.encode()) == packed


# ---------- Interrupted builds ----------

@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, str]:
    """A site built from the minimal file in ``tmp_path``/site, and its digest."""
    assert main(["site", "--no-pdf", "--criteria", str(MINIMAL), "--docs", str(tmp_path / "docs"),
                 "--site", str(tmp_path / "site"), "--config", CONFIG]) == 0
    site = tmp_path / "site"
    assert "<loc>" not in (site / "sitemap.xml").read_text(encoding="utf-8"), "no site_url, no addresses"
    return site, tree_digest(site)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site."))


def test_killed_build_keeps_the_previous_site(previous: tuple[Path, str], tmp_path: Path) -> None:
    site, digest = previous
    process = subprocess.Popen(_site_command(DEFAULT_CRITERIA, tmp_path / "docs", site), cwd=ROOT, env=_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        # Kill the command and its MkDocs, as Ctrl-C or a cancelled CI job would, once MkDocs is writing.
        while not any(tmp_path.glob(".site.new-*/**/*.html")):
            assert process.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert tree_digest(site) == digest
    assert _leftovers(tmp_path), "the killed build's staging folder is still there"
    assert main(["site", "--no-pdf", "--criteria", str(DEFAULT_CRITERIA), "--docs", str(tmp_path / "docs"), "--site", str(site),
                 "--config", CONFIG]) == 0
    assert _leftovers(tmp_path) == [], "the next build removed it"
    assert (site / "sections").is_dir() and tree_digest(site) != digest


def test_build_killed_between_the_two_renames_is_undone(previous: tuple[Path, str], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    site, digest = previous
    site.rename(tmp_path / ".site.old")  # what a kill inside generator.site.publish.swap can leave
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: [\n", encoding="utf-8")
    args = ["--docs", str(tmp_path / "docs"), "--site", str(site), "--config", CONFIG]
    assert main(["site", "--no-pdf", "--criteria", str(broken), *args]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert tree_digest(site) == digest, "the previous site is back even though this build failed"
    assert _leftovers(tmp_path) == []


def test_stale_staging_folders_are_removed_only_when_their_build_is_gone(previous: tuple[Path, str],
                                                                         tmp_path: Path) -> None:
    site, _ = previous
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    for name in [f".site.new-{dead}-x1", ".site.new-x2", f".site.new-{os.getpid()}-x3"]:
        (tmp_path / name / "sections").mkdir(parents=True)
    assert main(["site", "--no-pdf", "--criteria", str(MINIMAL), "--docs", str(tmp_path / "docs"), "--site", str(site),
                 "--config", CONFIG]) == 0
    assert _leftovers(tmp_path) == [f".site.new-{os.getpid()}-x3"], "a running build's folder is left alone"


def test_next_build_repairs_a_docs_tree_left_half_written(tmp_path: Path) -> None:
    docs, fresh = tmp_path / "docs", tmp_path / "fresh"
    for folder in (docs, fresh):
        assert main(["build", "--criteria", str(MINIMAL), "--docs", str(folder)]) == 0
    # What a kill inside generator.site.writer can leave: a temporary file beside its target (written
    # or not), and a tree where some files are new and others old, missing or no longer generated.
    (docs / "en" / "sections" / ".tmp-x1y2z3.md").write_text("# half a page", encoding="utf-8")
    (docs / "zh" / ".tmp-abc.xlsx").write_bytes(b"")
    (docs / "en" / "index.md").write_text("# An older version\n", encoding="utf-8")
    (docs / "zh" / "sections" / "skill.md").unlink()
    (docs / "zh" / "sections" / "removed-section.md").write_text("old", encoding="utf-8")
    assert differing(docs, fresh) != []
    assert main(["build", "--criteria", str(MINIMAL), "--docs", str(docs)]) == 0
    assert differing(docs, fresh) == []
