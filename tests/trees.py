"""Compare folders byte for byte: a digest of a whole tree, and the paths where two trees differ."""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["differing", "files_of", "tree_digest"]


def files_of(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by its relative POSIX path (folders are implied)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def tree_digest(root: Path) -> str:
    """SHA-256 over every file's relative path and bytes: equal digests, equal trees."""
    digest = hashlib.sha256()
    for path, data in files_of(root).items():
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def differing(first: Path, second: Path) -> list[str]:
    """Relative paths that are in only one tree or whose bytes differ, sorted."""
    a, b = files_of(first), files_of(second)
    return sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))
