"""The generator keeps no state between calls: no module holds a value that could be changed.

Renderers are pure functions of their context, so no module of ``generator/`` may hold a
module-level dict, list, set or other mutable value (a table filled by one load and read by the
next render is how two editions mixed). Constants are tuples, frozensets or read-only mappings.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from types import MappingProxyType, ModuleType
from typing import Any

import generator

IMMUTABLE = (str, bytes, int, float, complex, bool, type(None), frozenset, range, type(Ellipsis))
"""Values that cannot change."""


def _modules() -> Iterator[ModuleType]:
    yield generator
    for info in pkgutil.walk_packages(generator.__path__, "generator."):
        if info.name != "generator.__main__":
            yield importlib.import_module(info.name)


def _mutable(value: Any, seen: set[int]) -> str | None:
    """What in ``value`` could change, or None: mutable containers and non-frozen dataclasses, looked into."""
    if id(value) in seen or isinstance(value, IMMUTABLE):
        return None
    seen.add(id(value))
    if isinstance(value, (dict, list, set, bytearray)):
        return type(value).__name__
    if isinstance(value, MappingProxyType):
        return next(filter(None, (_mutable(v, seen) for v in value.values())), None)
    if isinstance(value, tuple):
        return next(filter(None, (_mutable(v, seen) for v in value)), None)
    params = getattr(type(value), "__dataclass_params__", None)
    if params is not None and not params.frozen:
        return f"non-frozen {type(value).__name__}"
    return None


def _own_globals(module: ModuleType) -> Iterator[tuple[str, Any]]:
    for name, value in vars(module).items():
        if name.startswith("__") or isinstance(value, (ModuleType, type)) or callable(value):
            continue
        yield name, value


def test_no_module_holds_mutable_state() -> None:
    found = [f"{module.__name__}.{name}: {what}" for module in _modules() for name, value in _own_globals(module)
             if (what := _mutable(value, set())) is not None]
    assert found == []


def test_every_module_is_checked() -> None:
    names = {module.__name__ for module in _modules()}
    assert {"generator.words.texts", "generator.render.base", "generator.load", "generator.site.outputs"} <= names
    assert len(names) > 60
