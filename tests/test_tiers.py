"""The test tiers are named once: the Makefile's fast tier is the command the README gives."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT

FAST = 'not slow and not site and not browser'


def test_markers_are_registered() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert {line.split(":")[0] for line in config["markers"]} == {"slow", "site", "browser"}
    assert "--strict-markers" in config["addopts"]


def test_make_test_fast_runs_the_fast_tier_the_readme_names() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(rf'^test-fast:.*\n\t\$\(PY\) -m pytest -q -m "{FAST}"$', makefile, re.M)
    assert re.search(r"^test:.*\n(\t.*\n)*\t\$\(PY\) -m pytest\n", makefile, re.M), "make test runs every tier"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    chinese, english = readme.split('<a id="english"></a>')
    for part in (chinese, english):
        assert "`make test-fast`" in part and f'pytest -m "{FAST}"' in part
