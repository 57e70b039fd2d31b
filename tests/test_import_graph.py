"""The generator's imports follow its stages, read from the code (``ast``), not from its docs.

Data flows one way: words, model and parse → checks (and the loader that runs them) → render →
site → the command line and the MkDocs hook. A module may import from its own stage or an
earlier one, never a later one; no two packages import each other, no modules import
each other in a circle; nothing imports the command line (``generator.__main__`` runs it).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT

STAGES = (
    ("words/model/parse", ("generator.root", "generator.reading", "generator.words", "generator.model",
                           "generator.problems", "generator.scoring", "generator.verdict", "generator.edition",
                           "generator.parse")),
    ("checks", ("generator.checks", "generator.borrow", "generator.fill", "generator.load")),
    ("render", ("generator.render", "generator.diff")),
    ("site", ("generator.site",)),
    ("cli/hook", ("generator.cli", "generator.__main__", "hooks.kit")),
)
"""Each stage and the modules (or packages) in it, earliest first."""


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    files = [*(ROOT / "generator").rglob("*.py"), ROOT / "hooks" / "kit.py"]
    return {_name(path): path for path in sorted(files)}


def _imports(path: Path) -> Iterator[str]:
    """Every generator module ``path`` imports (anywhere in it, function bodies too)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        yield from (name for name in names if name == "generator" or name.startswith("generator."))


def _stage(module: str) -> int:
    for index, (_, members) in enumerate(STAGES):
        if any(module == m or module.startswith(m + ".") for m in members):
            return index
    raise AssertionError(f"{module} is in no stage of STAGES: add it where it belongs")


def _unit(module: str) -> str:
    """The package a module belongs to (``generator.render.workbook.book`` → ``generator.render``)."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "generator" else module


GRAPH = {module: sorted(set(_imports(path))) for module, path in _modules().items()}


def test_every_module_has_a_stage() -> None:
    for module in GRAPH:
        if module != "generator":
            _stage(module)


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m != "generator"))
def test_no_module_imports_from_a_later_stage(module: str) -> None:
    later = [f"{target} ({STAGES[_stage(target)][0]})" for target in GRAPH[module]
             if target != "generator" and _stage(target) > _stage(module)]
    assert later == [], f"{module} ({STAGES[_stage(module)][0]}) imports from a later stage"


def test_no_two_packages_import_each_other() -> None:
    edges = {(_unit(a), _unit(b)) for a, targets in GRAPH.items() for b in targets if _unit(a) != _unit(b)}
    assert sorted((a, b) for a, b in edges if (b, a) in edges) == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    """Not even inside a package, nor by an import hidden in a function."""
    done: set[str] = set()
    circles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        for target in GRAPH.get(module, ()):
            if target in path:
                circles.append([*path[path.index(target):], target])
            elif target not in done:
                visit(target, [*path, target])
        done.add(module)

    for module in GRAPH:
        if module not in done:
            visit(module, [module])
    assert circles == []


def test_nothing_imports_the_command_line() -> None:
    importers = [module for module, targets in GRAPH.items() if "generator.cli" in targets]
    assert importers == ["generator.__main__"]


def test_the_graph_is_read() -> None:
    assert "generator.site.outputs" in GRAPH["generator.site.build"]
    assert "generator.site.build" in GRAPH["hooks.kit"]
    assert len(GRAPH) > 60
