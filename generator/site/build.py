"""Build the docs folder: load the criteria, render every page, write them, mark the folder.

The command line (``build``) and the MkDocs hook both call ``generate``; neither calls the other.
"""

from __future__ import annotations

from pathlib import Path

from generator.edition import Edition
from generator.load import load_edition
from generator.render.base import CommitLike
from generator.site.guard import MARKER, check_output_folder, mark
from generator.site.outputs import render_edition_files, source_name
from generator.site.writer import write_tree

__all__ = ["KEEP", "PDF_ENV", "generate"]

KEEP = frozenset({"README.md", MARKER})
"""Hand-written files at the top of the docs folder that generation leaves alone."""
PDF_ENV = "KIT_PDF"
"""Environment variable that makes the MkDocs hook generate the forms' PDFs too ("1"); ``site``
sets it, ``mkdocs serve`` (``make serve``) runs without it, to refresh quickly."""


def generate(criteria_path: str, docs: str, commit: CommitLike | None = None,
             pdf: bool = False) -> tuple[Edition, int]:
    """Validate ``criteria_path`` and write its pages under ``docs``; return the edition and files changed.

    ``commit`` (from ``generator.site.version.read_commit``) is stamped on the outputs that show it;
    ``pdf`` adds the PDF downloads of the forms."""
    edition = load_edition(criteria_path)
    check_output_folder(Path(docs), Path(criteria_path), "--docs")
    files = render_edition_files(edition, source_name(criteria_path), commit, pdf)
    changed = write_tree(Path(docs), files, keep=KEEP)
    mark(Path(docs))
    return edition, changed
