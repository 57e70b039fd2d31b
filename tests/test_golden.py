"""Generated files match the committed goldens; ``pytest --update-goldens`` rewrites them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load import load_criteria
from generator.site.outputs import render_all

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "criteria.yaml").is_file())


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


@pytest.mark.parametrize("case", CASES)
def test_generated_files_match_golden(case: str, request: pytest.FixtureRequest) -> None:
    folder = GOLDEN / case
    files = {path: _bytes(c) for path, c in render_all(load_criteria(folder / "criteria.yaml"), "criteria.yaml").items()}
    expected = folder / "expected"
    if request.config.getoption("--update-goldens"):
        import shutil

        shutil.rmtree(expected, ignore_errors=True)
        for path, content in files.items():
            (expected / path).parent.mkdir(parents=True, exist_ok=True)
            (expected / path).write_bytes(content)
    found = {p.relative_to(expected).as_posix(): p.read_bytes() for p in expected.rglob("*") if p.is_file()}
    assert sorted(found) == sorted(files)
    for path, content in files.items():
        assert content == found[path], f"{case}/{path} differs; run pytest --update-goldens and review the diff"


def test_every_generated_page_has_a_banner() -> None:
    files = render_all(load_criteria(GOLDEN / "minimal" / "criteria.yaml"), "criteria.yaml")
    for path, content in files.items():
        if path.endswith(".md"):
            assert isinstance(content, str)
            # MkDocs reads front matter only at the very start; the banner comes right after it.
            body = re.sub(r"\A---\n(?:(?!---\n).*\n)*---\n", "", content)
            assert body.startswith("<!-- ") and "criteria.yaml" in body.split("\n")[0], path
