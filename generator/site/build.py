"""Build the docs folder: load the criteria, render every page, write them, mark the folder.

The command line (``build``) and the MkDocs hook both call ``generate``; neither calls the other.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path

from generator.checks.schema_check import site_url_problem
from generator.edition import Edition
from generator.load import load_edition
from generator.render.base import CommitLike
from generator.render.pdf import PdfWorkers
from generator.site.guard import MARKER, check_output_folder, mark
from generator.site.outputs import render_edition_files, source_name
from generator.site.writer import write_tree
from generator.words.messages import Msg

__all__ = ["KEEP", "PDF_ENV", "SITE_URL_ENV", "generate", "site_url_env_problem"]

KEEP = frozenset({"README.md", MARKER})
"""Hand-written files at the top of the docs folder that generation leaves alone."""
PDF_ENV = "KIT_PDF"
"""Environment variable that makes the MkDocs hook generate the forms' PDFs too ("1"); ``site``
sets it, ``mkdocs serve`` (``make serve``) runs without it, to refresh quickly."""
SITE_URL_ENV = "KIT_SITE_URL"
"""Environment variable that mkdocs.yml reads site_url from (overrides meta.site_url)."""


def generate(criteria_path: str, docs: str, commit: CommitLike | None = None,
             pdf: bool = False) -> tuple[Edition, int]:
    """Validate ``criteria_path`` and write its pages under ``docs``; return the edition and files changed.

    ``commit`` (from ``generator.site.version.read_commit``) is stamped on the outputs that show it;
    ``pdf`` adds the PDF downloads of the forms."""
    # The PDFs' worker processes start first, and load WeasyPrint while this one reads the criteria.
    with (PdfWorkers.start() if pdf else None) or nullcontext() as workers:
        edition = load_edition(criteria_path)
        check_output_folder(Path(docs), Path(criteria_path), "--docs")
        files = render_edition_files(edition, source_name(criteria_path), commit, pdf, workers)
    changed = write_tree(Path(docs), files, keep=KEEP)
    mark(Path(docs))
    return edition, changed


def site_url_env_problem() -> Msg | None:
    """What is wrong with the public address in KIT_SITE_URL, if set (MkDocs adds a missing final
    slash; Material puts the address in every page's canonical link, unescaped)."""
    address = os.environ.get(SITE_URL_ENV)
    if not address:
        return None
    return site_url_problem(address if address.endswith("/") else address + "/", f"{SITE_URL_ENV}: ")
