"""Build the docs folder: load the criteria, render every page, write them, mark the folder.

The command line (``build``) and the MkDocs hook both call ``generate``; neither calls the other.
"""

from __future__ import annotations

from pathlib import Path

from generator.load import load_criteria
from generator.model import Criteria
from generator.render.base import CommitLike
from generator.site.guard import MARKER, check_output_folder, mark
from generator.site.outputs import render_all, source_name
from generator.site.writer import write_tree

__all__ = ["KEEP", "PDF_ENV", "generate"]

KEEP = frozenset({"README.md", MARKER})
"""Hand-written files at the top of the docs folder that generation leaves alone."""
PDF_ENV = "KIT_PDF"
"""Environment variable that makes the MkDocs hook generate the forms' PDFs too ("1"); ``site``
sets it, ``mkdocs serve`` (``make serve``) runs without it, to refresh quickly."""


def generate(criteria_path: str, docs: str, commit: CommitLike | None = None,
             pdf: bool = False) -> tuple[Criteria, int]:
    """Validate ``criteria_path`` and write its pages under ``docs``; return the model and files changed.

    ``commit`` (from ``generator.site.version.read_commit``) is stamped on the outputs that show it;
    ``pdf`` adds the PDF downloads of the forms."""
    criteria = load_criteria(criteria_path)
    check_output_folder(Path(docs), Path(criteria_path), "--docs")
    changed = write_tree(Path(docs), render_all(criteria, source_name(criteria_path), commit, pdf), keep=KEEP)
    mark(Path(docs))
    return criteria, changed
