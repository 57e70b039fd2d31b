"""The git commits an edition stamp may name (the stamp itself: ``generator.render.base``).

``read_commit`` runs git and reads the environment, so only the command line
and the MkDocs hook call it, and pass the result down.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path

from generator.render.base import Commit
from generator.root import PROJECT

__all__ = ["COMMIT_ENV", "DIRTY", "EDITION_COMMIT_ENV", "read_commit"]

COMMIT_ENV = "KIT_COMMIT"
"""Environment variable that overrides the commits (set it empty to leave them out)."""
EDITION_COMMIT_ENV = "KIT_EDITION_COMMIT"
"""With KIT_COMMIT set: the edition's commit, if any (``site`` hands both to the MkDocs hook this way)."""
DIRTY = "+dirty"
"""Added to a commit whose checkout has uncommitted changes: the output is not that commit's."""

_COMMIT = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,39}(\+dirty)?\Z")
"""A commit as git prints it (a trailing line feed is not part of it: "$" would allow one)."""


def read_commit(folder: str | Path = ".", environ: Mapping[str, str] | None = None) -> Commit | None:
    """The commits behind a build from the criteria file in ``folder``, or None.

    The kit's commit comes from the kit's checkout; if ``folder`` is in another git
    checkout, that checkout's commit is the edition's. Each ends in ``+dirty`` if its
    checkout has uncommitted changes (for the edition: in ``folder``). ``KIT_COMMIT`` wins
    when set (empty means none), so builds can be made byte-identical. A value that does
    not look like a commit name is ignored.
    """
    env = os.environ if environ is None else environ
    if COMMIT_ENV in env:
        value, edition = env[COMMIT_ENV].strip(), env.get(EDITION_COMMIT_ENV, "").strip()
        if not value or not _COMMIT.match(value):
            return None
        return Commit(value, edition if edition and _COMMIT.match(edition) else None)
    kit = _state(PROJECT, PROJECT)
    if kit is None:
        return None
    folder = Path(folder).resolve()
    top = _git(folder, "rev-parse", "--show-toplevel")
    own = _state(folder, folder) if top and Path(top).resolve() != _kit_top() else None
    return Commit(kit, own)


def _kit_top() -> Path | None:
    top = _git(PROJECT, "rev-parse", "--show-toplevel")
    return Path(top).resolve() if top else None


def _state(folder: Path, changes_in: Path) -> str | None:
    """The short commit of ``folder``'s checkout, with DIRTY if files under ``changes_in`` changed."""
    head = _git(folder, "rev-parse", "--short", "HEAD")
    if not head or not _COMMIT.match(head):
        return None
    changed = _git(folder, "status", "--porcelain", "--untracked-files=no", "--", str(changes_in))
    return head + DIRTY if changed else head


def _git(folder: Path, *args: str) -> str:
    if not folder.is_dir():
        return ""
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
