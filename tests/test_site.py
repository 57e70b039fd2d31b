"""The whole multilingual site builds strictly, stays local, and survives bad input."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.cli import main
from generator.load import load_criteria
from generator.words.language_tags import language_tag

pytestmark = pytest.mark.site

URL_ATTRIBUTE = re.compile(r"""(?:src|href|action|poster)\s*=\s*["']?(https?:)?//([^/"'\s>]+)""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?(https?:)?//([^/"')\s]+)""", re.I)
LOCAL = {"127.0.0.1", "localhost"}


def test_both_languages_have_every_page(built_site: Path) -> None:
    criteria = load_criteria(DEFAULT_CRITERIA)
    first, *others = criteria.meta.languages
    for root, lang in [(built_site, first), *((built_site / o, o) for o in others)]:
        html = (root / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language_tag(lang)}"' in html
        assert criteria.meta.title(lang) in html
        for section in criteria.sections:
            page = (root / "sections" / section.id / "index.html").read_text(encoding="utf-8")
            assert section.title(lang) in page
            for criterion in section.criteria:
                assert f'id="{criterion.id}"' in page


def test_pages_reference_no_third_party_host(built_site: Path) -> None:
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix not in {".html", ".css"}:
            continue
        text = path.read_text(encoding="utf-8")
        for match in [*URL_ATTRIBUTE.finditer(text), *CSS_URL.finditer(text)]:
            host = match.group(2).split(":")[0]
            if host not in LOCAL and not _is_canonical(text, match.start()):
                offenders.append(f"{path.relative_to(built_site)}: {match.group(0)}")
    assert not offenders, offenders[:20]


def _is_canonical(text: str, position: int) -> bool:
    # <link rel="canonical"> and hreflang alternates name the site's own public address.
    tag = text[text.rfind("<", 0, position): text.find(">", position)]
    return 'rel="canonical"' in tag or "hreflang" in tag


def test_bad_input_leaves_previous_site_intact(tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    args = ["site", "--no-pdf", "--docs", str(docs), "--site", str(site), "--config", str(ROOT / "mkdocs.yml")]
    assert main([*args, "--criteria", str(MINIMAL)]) == 0
    before = _digest(site), _digest(docs)
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL.read_text(encoding="utf-8").replace("weight: 2", "weight: none"), encoding="utf-8")
    assert main([*args, "--criteria", str(broken)]) == 1
    assert (_digest(site), _digest(docs)) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]


def test_failed_mkdocs_build_leaves_previous_site_intact(tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    args = ["site", "--no-pdf", "--criteria", str(MINIMAL), "--docs", str(docs), "--site", str(site)]
    assert main([*args, "--config", str(ROOT / "mkdocs.yml")]) == 0
    before = _digest(site)
    config = tmp_path / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", config)
    (tmp_path / "hooks").symlink_to(ROOT / "hooks")
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    # An unknown setting is a configuration warning, which fails a strict build.
    config.write_text(config.read_text(encoding="utf-8") + "no_such_setting: 1\n", encoding="utf-8")
    assert main([*args, "--config", str(config)]) == 1
    assert _digest(site) == before


def test_generator_does_not_import_mkdocs() -> None:
    for path in (ROOT / "generator").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import mkdocs|from mkdocs)", text, re.M), path


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()
