"""The only code that writes generated files to disk.

Everything is rendered in memory first, so an invalid input writes nothing.
Then each changed file is replaced atomically (write a temporary file beside
it, then rename), unchanged files are left alone (so a watching ``mkdocs
serve`` sees only real changes), and files that are no longer generated are
removed. Files named in ``keep`` at the top of the tree are never touched.
A symbolic link inside the tree is not generated either: it is replaced by the real
folder or file (the link goes, never what it points to), so no file is written through
a link to a folder outside the tree.

A kill in the middle of ``write_tree`` can leave a ``.tmp-*`` file beside its
target (MkDocs skips dot-files) and a tree where some files are new and the
others old, missing or no longer generated, but never half a file. The next
run repairs all of it: it rewrites every file that differs and removes every
file it did not generate (tests/test_rebuild.py). ``site`` and the MkDocs hook
always generate the docs before MkDocs reads them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["Content", "write_tree"]

Content = str | bytes


def _bytes(content: Content) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def write_tree(root: Path, files: Mapping[str, Content], keep: frozenset[str] = frozenset()) -> int:
    """Make ``root`` hold exactly ``files`` (plus ``keep``); return how many files changed."""
    root.mkdir(parents=True, exist_ok=True)
    changed = 0
    for relative, content in sorted(files.items()):
        _unlink_links(root, relative)
        changed += _write_if_changed(root / relative, _bytes(content))
    for path in sorted(root.rglob("*"), reverse=True):
        relative = path.relative_to(root).as_posix()
        if relative in keep or relative in files:
            continue
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        else:
            path.unlink()
            changed += 1
    return changed


def _unlink_links(root: Path, relative: str) -> None:
    """Remove each symbolic link on the way from ``root`` to ``relative`` (the file included)."""
    path = root
    for part in Path(relative).parts:
        path = path / part
        if path.is_symlink():
            path.unlink()


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True
