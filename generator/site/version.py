"""The edition stamp every output carries, and the git commit it may name.

``edition_stamp`` is pure: renderers call it with the commit they were given.
``read_commit`` runs git and reads the environment, so only the command line
and the MkDocs hook call it, and pass the result down.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path

from generator.labels import label
from generator.model import Criteria

__all__ = ["COMMIT_ENV", "edition_stamp", "read_commit", "running_title"]

COMMIT_ENV = "KIT_COMMIT"
"""Environment variable that overrides the commit (set it empty to leave the commit out)."""

_COMMIT = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$")


def edition_stamp(criteria: Criteria, lang: str, commit: str | None = None) -> str:
    """"Title · version", plus "(commit abc1234)" in ``lang`` when the commit is known."""
    stamp = f"{criteria.meta.title(lang)} · {criteria.meta.version}"
    return label(lang, "stamp_commit", stamp=stamp, commit=commit) if commit else stamp


def running_title(criteria: Criteria, lang: str, commit: str | None = None) -> str:
    """The line at the top of every printed sheet and workbook sheet: title, version, commit."""
    stamp = f"{criteria.meta.title(lang)} · {label(lang, 'version')} {criteria.meta.version}"
    return label(lang, "stamp_commit", stamp=stamp, commit=commit) if commit else stamp


def read_commit(folder: str | Path = ".", environ: Mapping[str, str] | None = None) -> str | None:
    """The short commit of the git checkout holding ``folder``, or None.

    ``KIT_COMMIT`` wins when set (empty means none), so builds can be made
    byte-identical; without git, or outside a checkout, the result is None.
    A value that does not look like a commit name is ignored.
    """
    env = os.environ if environ is None else environ
    value = env[COMMIT_ENV].strip() if COMMIT_ENV in env else _git_head(Path(folder))
    return value if value and _COMMIT.match(value) else None


def _git_head(folder: Path) -> str:
    if not folder.is_dir():
        return ""
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=folder,
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
