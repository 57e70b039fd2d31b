"""Two editions in one process never mix: rendering one leaves nothing behind that the other reads.

The livestream edition (zh-Hant, texts and labels of its own, ``meta.fallback``) and the default
edition are rendered alternately in this process; each must come out byte for byte as it does
in a fresh process of its own. Before the renderers took their texts from a context, the second
rendering of the livestream guide showed the default edition's banner and menu in English.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from typing import Any

import pytest

from conftest import DEFAULT_CRITERIA, ROOT
from generator.edition import Edition
from generator.load import load_edition
from generator.site.nav import page_alternates, site_nav
from generator.site.outputs import render_edition_files

pytestmark = pytest.mark.slow

LIVESTREAM = ROOT / "examples" / "livestream" / "criteria.yaml"
RENDER = """
import hashlib, json, sys
from generator.load import load_edition
from generator.site.nav import page_alternates, site_nav
from generator.site.outputs import render_edition_files

edition = load_edition(sys.argv[1])
files = render_edition_files(edition, "criteria.yaml", "abc1234")
site = {lang: [site_nav(edition, lang), page_alternates(edition, lang, "sections/x/")]
        for lang in edition.criteria.meta.languages}
digests = {path: hashlib.sha256(c.encode() if isinstance(c, str) else c).hexdigest() for path, c in files.items()}
print(json.dumps({"files": digests, "site": json.loads(json.dumps(site, ensure_ascii=False))}, ensure_ascii=False))
"""
"""The same rendering as ``_rendered``, run in a fresh interpreter."""


def _rendered(edition: Edition) -> dict[str, Any]:
    files = render_edition_files(edition, "criteria.yaml", "abc1234")
    site = {lang: [site_nav(edition, lang), page_alternates(edition, lang, "sections/x/")]
            for lang in edition.criteria.meta.languages}
    digests = {path: hashlib.sha256(c.encode() if isinstance(c, str) else c).hexdigest() for path, c in files.items()}
    return {"files": digests, "site": json.loads(json.dumps(site, ensure_ascii=False))}


@pytest.fixture(scope="module")
def alone() -> dict[str, dict[str, Any]]:
    """Each edition rendered in a process of its own."""
    found = {}
    for path in (LIVESTREAM, DEFAULT_CRITERIA):
        done = subprocess.run([sys.executable, "-c", RENDER, str(path)], cwd=ROOT, capture_output=True, text=True,
                              check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        found[path.name if path == DEFAULT_CRITERIA else "livestream"] = json.loads(done.stdout)
    return found


def test_editions_rendered_alternately_match_each_rendered_alone(alone: dict[str, dict[str, Any]]) -> None:
    livestream, default = load_edition(LIVESTREAM), load_edition(DEFAULT_CRITERIA)
    for name, edition in (("livestream", livestream), ("criteria.yaml", default), ("livestream", livestream),
                          ("criteria.yaml", default)):
        assert _rendered(edition) == alone[name], name


def test_loading_one_edition_changes_nothing_another_shows() -> None:
    livestream = load_edition(LIVESTREAM)
    before = _rendered(livestream)
    load_edition(DEFAULT_CRITERIA)  # a load is no longer a side effect on the renderers
    assert _rendered(livestream) == before
    hant = livestream.texts["zh-Hant"]
    assert hant.chain[:2] == ("zh-Hant", "zh") and hant.label("home") != load_edition(DEFAULT_CRITERIA).texts["en"].label("home")
