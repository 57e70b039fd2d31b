"""Timed runs of the kit's commands: wall-clock and CPU time, repeated, summarised by the median.

The machine is shared, so wall time includes waiting for other people's
processes. CPU time (user + system of the command and everything it waited
for) is what the same command costs on an idle machine; ratios use both.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.project import CriteriaSet

__all__ = ["BenchError", "Sample", "kit_env", "pdf_bytes", "run_timed", "summarise", "time_generator", "time_import",
           "time_pdf", "time_site"]

PYTHON = sys.executable
TIMEOUT = 1800.0
"""Upper bound for one command, in seconds (a 1,000-criteria site takes about a minute)."""


class BenchError(RuntimeError):
    """A benchmarked command failed; the message carries the end of its output."""


@dataclass(frozen=True)
class Sample:
    """One timed run, in seconds."""

    wall: float
    cpu: float


def kit_env(**extra: str) -> dict[str, str]:
    """The environment for the kit's commands: no git lookup (KIT_COMMIT empty), no stray KIT_* paths."""
    env = {k: v for k, v in os.environ.items() if k not in ("KIT_CRITERIA", "KIT_DOCS", "KIT_PDF")}
    return {**env, "KIT_COMMIT": "", "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **extra}


def run_timed(command: list[str], cwd: Path, timeout: float = TIMEOUT) -> Sample:
    """Run ``command`` to completion; raise BenchError if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=kit_env(), capture_output=True, text=True,
                          timeout=timeout, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed ({done.returncode}):\n{(done.stdout + done.stderr)[-3000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Sample(wall=wall, cpu=cpu)


def time_generator(project: Path, cset: CriteriaSet, scratch: Path, pdf: bool = False) -> Sample:
    """``python -m generator build`` into a new, empty docs folder; with ``pdf``, ``build --pdf``
    (the pages plus the forms' PDFs, as ``site`` generates them)."""
    work = Path(tempfile.mkdtemp(prefix="gen-", dir=scratch))
    try:
        return run_timed([PYTHON, "-m", "generator", "build", "--criteria", str(cset.path),
                          "--docs", str(work / "docs"), *(["--pdf"] if pdf else [])], project)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def time_site(project: Path, cset: CriteriaSet, scratch: Path, keep: Path | None = None) -> Sample:
    """``python -m generator site --no-pdf`` (generate, then the strict MkDocs build of every
    language) from a new, empty docs folder; the site is moved to ``keep`` if given, else deleted.
    The forms' PDFs are timed apart (``time_pdf``), so that this figure compares across sets."""
    work = Path(tempfile.mkdtemp(prefix="site-", dir=scratch))
    try:
        sample = run_timed([PYTHON, "-m", "generator", "site", "--criteria", str(cset.path),
                            "--docs", str(work / "docs"), "--site", str(work / "site"),
                            "--config", str(project / "mkdocs.yml"), "--no-pdf"], project)
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.move(str(work / "site"), keep)
        return sample
    finally:
        shutil.rmtree(work, ignore_errors=True)


def time_pdf(project: Path, cset: CriteriaSet, scratch: Path) -> Sample:
    """What the forms' PDFs add to a build: ``build --pdf`` less ``build``, timed back to back."""
    plain = time_generator(project, cset, scratch)
    with_pdf = time_generator(project, cset, scratch, pdf=True)
    return Sample(wall=with_pdf.wall - plain.wall, cpu=with_pdf.cpu - plain.cpu)


def pdf_bytes(project: Path, cset: CriteriaSet, scratch: Path) -> int:
    """The bytes of every form's PDF of every language, as ``build --pdf`` writes them."""
    work = Path(tempfile.mkdtemp(prefix="pdf-", dir=scratch))
    try:
        run_timed([PYTHON, "-m", "generator", "build", "--criteria", str(cset.path), "--docs", str(work / "docs"),
                   "--pdf"], project)
        return sum(path.stat().st_size for path in (work / "docs").rglob("*.pdf"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def time_import(project: Path) -> Sample:
    """Start-up alone: a fresh interpreter importing the generator's command line."""
    return run_timed([PYTHON, "-c", "import generator.cli"], project)


def summarise(samples: list[Sample]) -> dict[str, Any]:
    """Median wall and CPU seconds, with every run kept for the record."""
    return {
        "n": len(samples),
        "wall": statistics.median(s.wall for s in samples),
        "cpu": statistics.median(s.cpu for s in samples),
        "walls": [round(s.wall, 3) for s in samples],
        "cpus": [round(s.cpu, 3) for s in samples],
    }
