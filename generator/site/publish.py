"""Replace a built site folder as a whole, so that readers never see half a site.

A build writes into a fresh staging folder beside the site (``.<site>.new-<pid>-*``);
only a complete build is swapped in: the site is renamed to ``.<site>.old``, the
staging folder to the site, then the old one is removed. What an interrupted
build (killed, power cut) can leave, and what the next build does about it:

- a staging folder: its build never swapped, so the site is untouched; the next
  build removes staging folders whose process is gone (POSIX; elsewhere they are
  left alone, and ignored, as every build uses a new name);
- no site but ``.<site>.old``, if the kill fell between the two renames: the next
  build first renames it back, so the previous site is served again even if that
  build then fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["recover", "staging_folder", "swap"]


def _old(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def _staging_prefix(target: Path) -> str:
    return f".{target.name}.new-"


def staging_folder(target: Path) -> Path:
    """A new empty folder beside ``target`` to build into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(target)}{os.getpid()}-", dir=target.parent))


def swap(staging: Path, target: Path) -> None:
    """Make the complete build in ``staging`` the site at ``target``; remove the previous site."""
    old = _old(target)
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def recover(target: Path) -> None:
    """Undo what an interrupted build left beside ``target`` (see the module's docstring)."""
    old = _old(target)
    if old.is_dir() and not target.exists():
        old.rename(target)
    if os.name != "posix" or not target.parent.is_dir():
        return
    for folder in target.parent.iterdir():
        if folder.name.startswith(_staging_prefix(target)) and not _running(folder.name):
            shutil.rmtree(folder, ignore_errors=True)


def _running(name: str) -> bool:
    """Whether the process that named a staging folder ``.<site>.new-<pid>-…`` still runs."""
    pid = name.rsplit(".new-", 1)[-1].split("-")[0]
    if not pid.isdigit():
        return False  # an older build's folder, without a process id
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
