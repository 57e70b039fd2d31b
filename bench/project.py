"""What a benchmark run works on: a snapshot of the project and the criteria files to build.

The run never builds from the live working tree: other people edit it while the
benchmark runs, and ``mkdocs serve`` would rebuild on their edits. A snapshot
holds the same code, config and templates, and all output goes to temporary folders.
"""

from __future__ import annotations

import compileall
import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

__all__ = ["ROOT", "CriteriaSet", "criteria_set", "fork_sets", "load_fork_module", "snapshot"]

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT_ITEMS = ("mkdocs.yml", "hooks", "overrides", "generator", "data")
"""Everything ``python -m generator site`` and ``mkdocs serve`` read from the project."""
CRITERIA_PER_SECTION = 10
"""Synthetic forks grow by adding sections of this many criteria, as an industry group would."""


@dataclass(frozen=True)
class CriteriaSet:
    """One criteria file to benchmark, with what the measurements need to know about it."""

    name: str
    path: Path
    criteria: int
    sections: int
    main_lang: str
    first_section: str
    first_title: str
    """Title of the first criterion in the main language (the refresh benchmark edits it)."""


def snapshot(target: Path, root: Path = ROOT) -> Path:
    """Copy the project files the build reads into ``target`` (new folder) and precompile them."""
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for item in SNAPSHOT_ITEMS:
        source = root / item
        if source.is_dir():
            shutil.copytree(source, target / item, ignore=ignore)
        else:
            shutil.copy2(source, target / item)
    (target / "docs").mkdir()
    readme = root / "docs" / "README.md"
    if readme.is_file():
        shutil.copy2(readme, target / "docs" / "README.md")
    compileall.compile_dir(str(target), quiet=1)  # no first-run compile cost inside a timed build
    return target


def criteria_set(name: str, path: Path) -> CriteriaSet:
    """Describe the criteria file at ``path`` (read with plain YAML, independent of the generator)."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    sections = data["sections"]
    lang = data["meta"]["languages"][0]
    first = sections[0]["criteria"][0]
    return CriteriaSet(name=name, path=path, criteria=sum(len(s["criteria"]) for s in sections),
                       sections=len(sections), main_lang=lang, first_section=sections[0]["id"],
                       first_title=first["title"][lang])


def load_fork_module(root: Path = ROOT) -> ModuleType:
    """``scripts/synthetic_fork.py`` (not a package), loaded from its file."""
    path = root / "scripts" / "synthetic_fork.py"
    spec = importlib.util.spec_from_file_location("synthetic_fork", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"{path}: cannot load the synthetic fork generator")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fork_sets(folder: Path, sizes: list[int]) -> list[CriteriaSet]:
    """Write one synthetic fork per size into ``folder`` (10 criteria per section) and describe them."""
    module = load_fork_module()
    result = []
    for size in sizes:
        path = folder / f"fork-{size}.yaml"
        sections = max(1, size // CRITERIA_PER_SECTION)
        path.write_text(module.synthetic_yaml(size, sections), encoding="utf-8", newline="\n")
        result.append(criteria_set(f"fork-{size}", path))
    return result
