"""Editor pages are generated from their sources: the schema reference lists every key; CI and pre-commit run the
same commands as the Makefile; every output names its edition and commit."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from editions import context
from ruamel.yaml import YAML

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.checks.schema_check import schema
from generator.load import load_criteria
from generator.render.base import Commit, edition_stamp
from generator.site.outputs import render_all
from generator.site.version import read_commit

SHARED_SHAPES = {"text", "texts"}


def schema_paths(node: dict[str, Any], prefix: str = "") -> Iterator[str]:
    """Every key path the schema allows, walked independently of the renderer."""
    defs = schema()["$defs"]
    parts = [node, *node.get("allOf", [])]
    for part in parts:
        ref = part.get("$ref", "").rsplit("/", 1)[-1]
        if ref in SHARED_SHAPES:
            return
        if ref:
            yield from schema_paths(defs[ref], prefix)
    for key, child in node.get("properties", {}).items():
        yield prefix + key
        yield from schema_paths(child, prefix + key + ".")
    if isinstance(node.get("additionalProperties"), dict):
        language = "{2,3}" in node.get("propertyNames", {}).get("pattern", "")  # a language code
        free = f"{prefix}<{'language' if language else 'key'}>"
        yield free
        yield from schema_paths(node["additionalProperties"], free + ".")
    if isinstance(node.get("items"), dict):
        yield from schema_paths(node["items"], prefix.rstrip(".") + "[].")


def property_names(node: Any) -> set[str]:
    """Every name under any "properties" anywhere in the schema."""
    if isinstance(node, dict):
        own = set(node["properties"]) if isinstance(node.get("properties"), dict) else set()
        return own | {n for v in node.values() for n in property_names(v)}
    return {n for v in node for n in property_names(v)} if isinstance(node, list) else set()


def test_schema_reference_lists_every_key_in_every_language() -> None:
    paths = list(schema_paths(schema()))
    assert len(paths) > 40 and "meta.branding.primary" in paths and "labels.<language>.<key>" in paths
    files = render_all(load_criteria(DEFAULT_CRITERIA), "data/criteria.yaml")
    for lang in ("zh", "en"):
        page = str(files[f"{lang}/schema.md"])
        cells = re.findall(r"^\| `([^`]+)` \|", page, re.M)
        assert cells == paths, set(cells) ^ set(paths)
        assert {p.rsplit(".", 1)[-1].removesuffix("[]") for p in cells} >= property_names(schema())
        for rule in ("pattern `^[a-z0-9]+(-[a-z0-9]+)*$`", "deep purple", "at least 1 entry", "&gt; 0"):
            assert rule in page, rule
    assert "None. Text fields are plain text" in str(files["en/schema.md"])
    assert "不能。所有文字字段都是纯文本" in str(files["zh/schema.md"])


def test_schema_reference_page_is_built(built_site: Path) -> None:
    for root in (built_site, built_site / "en"):
        html = (root / "schema" / "index.html").read_text(encoding="utf-8")
        assert "<code>meta.branding.logo</code>" in html and "<code>sections[].criteria[].knockout</code>" in html
        assert "<code>labels.&lt;language&gt;.&lt;key&gt;</code>" in html
        for page in ("edition", "changelog"):
            assert (root / page / "index.html").is_file()


def test_edition_stamp_and_commit(tmp_path: Path) -> None:
    criteria = load_criteria(MINIMAL)
    assert edition_stamp(context(criteria, "en")) == "Minimal example · 0.1.0"
    assert edition_stamp(context(criteria, "en", commit="abc1234")) == "Minimal example · 0.1.0 (commit abc1234)"
    assert edition_stamp(context(criteria, "zh", commit="abc1234")) == "最小示例 · 0.1.0（提交 abc1234）"
    assert read_commit(tmp_path, {"KIT_COMMIT": "abc1234"}) == Commit("abc1234")
    assert read_commit(tmp_path, {"KIT_COMMIT": "abc1234+dirty", "KIT_EDITION_COMMIT": "def5678"}) == Commit(
        "abc1234+dirty", "def5678")
    assert read_commit(ROOT, {"KIT_COMMIT": ""}) is None
    assert read_commit(ROOT, {"KIT_COMMIT": "<script>"}) is None
    assert read_commit(ROOT, {"KIT_COMMIT": "abc1234", "KIT_EDITION_COMMIT": "<b>"}) == Commit("abc1234")
    head = _git(ROOT, "rev-parse", "--short", "HEAD")
    dirty = "+dirty" if _git(ROOT, "status", "--porcelain", "--untracked-files=no") else ""
    assert read_commit(ROOT, {}) == Commit(head + dirty)
    assert read_commit(tmp_path, {}) == Commit(head + dirty)  # a file outside any checkout: the kit's commit only


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                          cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_an_edition_in_its_own_repository_stamps_both_commits(tmp_path: Path) -> None:
    """The footer names the kit's commit and the edition repository's, each marked +dirty when changed."""
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / "criteria.yaml").write_bytes(MINIMAL.read_bytes())
    _git(edition, "init", "-q")
    _git(edition, "add", "criteria.yaml")
    _git(edition, "commit", "-q", "-m", "edition")
    own = _git(edition, "rev-parse", "--short", "HEAD")
    kit = read_commit(ROOT, {})
    assert kit is not None
    assert read_commit(edition, {}) == Commit(kit.kit, own)
    (edition / "criteria.yaml").write_text(MINIMAL.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    stamped = read_commit(edition, {})
    assert stamped == Commit(kit.kit, own + "+dirty")
    criteria = load_criteria(edition / "criteria.yaml")
    assert edition_stamp(context(criteria, "en", commit=stamped)) == (
        f"Minimal example · 0.1.0 (kit commit {kit.kit}, edition commit {own}+dirty)")
    assert edition_stamp(context(criteria, "zh", commit=stamped)) == f"最小示例 · 0.1.0（工具包提交 {kit.kit}，行业版提交 {own}+dirty）"
    assert read_commit(edition, {}) == stamped  # the same checkout, the same stamp


@pytest.mark.site
def test_stamp_reaches_the_footer_and_changelog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.cli import main

    monkeypatch.setenv("KIT_COMMIT", "feed123")
    monkeypatch.setenv("KIT_EDITION_COMMIT", "beef456+dirty")  # `site` hands both to the MkDocs hook
    status = main(["site", "--no-pdf", "--criteria", str(MINIMAL), "--docs", str(tmp_path / "docs"),
                   "--site", str(tmp_path / "site"), "--config", str(ROOT / "mkdocs.yml")])
    assert status == 0
    zh = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    en = (tmp_path / "site" / "en" / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "最小示例 · 0.1.0（工具包提交 feed123，行业版提交 beef456+dirty） · CC-BY-4.0" in zh
    assert "Minimal example · 0.1.0 (kit commit feed123, edition commit beef456+dirty)" in en


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_publish_workflow_builds_like_the_makefile() -> None:
    workflow = _yaml(ROOT / ".github" / "workflows" / "publish.yml")
    assert workflow["permissions"] == {"contents": "read"}  # Pages rights only in the deploy job
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert any("pip install" in r and "--require-hashes -r requirements.lock" in r for r in runs)
    assert "python -m generator site" in runs
    assert runs.index("scripts/install-system-packages site") < runs.index("python -m generator site")
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site:.*\n\tscripts/install-system-packages site\n\t\$\(PY\) -m generator site$", makefile, re.M)


def test_pre_commit_checks_the_criteria_with_make_check() -> None:
    config = _yaml(ROOT / ".pre-commit-config.yaml")
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    hooks = {h["id"]: h for h in repo["hooks"]}
    assert re.match(hooks["criteria-check"]["files"], "data/criteria.yaml")
    assert hooks["criteria-check"]["entry"].endswith("make --no-print-directory check")
    example = hooks["example-edition-check"]
    assert "KIT_CRITERIA=examples/cross-border/criteria.yaml" in example["entry"]
    assert re.match(example["files"], "examples/cross-border/criteria.yaml")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check:.*\n\t\$\(PY\) -m generator check$", makefile, re.M)
