"""Console table and the Markdown report (BENCHMARKS.md); same results, same text, every time."""

from __future__ import annotations

import re
from typing import Any

from bench.tables import (
    Table,
    build_table,
    lighthouse_table,
    pdf_table,
    refresh_table,
    size_table,
    target_table,
    weight_table,
)
from bench.targets import miss_notes

__all__ = ["markdown", "markdown_table", "text_report", "text_table"]

_NUMBER = re.compile(r"^[0-9][0-9,.]*( %|×| KiB| ms)?$")

METHOD = """\
- Everything is measured in one run, on a snapshot of the project (code, templates, config) in a
  temporary folder, so nobody's edits in the working tree interfere; ratios compare figures of that run.
- Criteria sets: the default `data/criteria.yaml` and synthetic forks made by `scripts/synthetic_fork.py`
  (zh + en, 10 criteria per section). Timed commands run {repeat} times (interleaved); refresh edits
  {serve_repeat} times each (alternating). Tables show the **median**. The machine is shared and noisy.
- *Generator*: `python -m generator build` into an empty docs folder. *Site build*:
  `python -m generator site --no-pdf` (generate + strict MkDocs build of every language) from an empty
  docs folder. *PDFs* (default criteria): `build --pdf` less `build`, run back to back, i.e. what the
  forms' PDFs (WeasyPrint) add to `make site`; share = PDFs ÷ (site build + PDFs). `make serve` makes no
  PDFs, so the refresh figures below do not include them.
  Wall = elapsed time; CPU = user + system time of the command and its children. The build target is
  judged on CPU time, which other people's load on the machine does not inflate. The start-up row is a
  fresh interpreter importing `generator.cli` (part of the generator's figure).
- *Content bytes*: site bytes minus each language's `assets/` folder (theme CSS/JS/fonts, the same for
  any criteria file). *Search index*: every `search/search_index.json`. *Indexed text*: UTF-8 bytes of the
  whitespace-normalised text of the `<article>` of every page with an index entry (all languages).
- *Page weight*: a first visit to a page of the main language: its HTML, the CSS and JS it loads
  (the ES modules they import included, and Material's search worker) and its language's search index
  if the page requests it as it loads (in brackets and not in the total when it waits until search
  opens); gzip = each file at level 6. tests/test_first_visit.py checks the same in Chromium.
- *Before and after*: the same figures from `bench/results/before-issue-30.json`, a run of this
  benchmark on the code before issue 30 (`--baseline`); ratios compare figures of the same run.
- *Refresh*: `mkdocs serve` on 127.0.0.1 with KIT_CRITERIA/KIT_DOCS on temporary copies of the default
  criteria. Criteria edit: a criterion title changes; done when its section page shows the new title.
  Plain edit: a line is appended to the generated `<docs>/<main language>/how-to-use.md`; the hook
  regenerates every page on every rebuild (so that edit is overwritten), hence both edits go through
  the same generate + build. Done when the page is served from a build started after the edit (MkDocs'
  live-reload epoch). Each edit waits until the server has been idle for 2 s. Judged on the server's
  CPU time from edit to refreshed page (wall time also counts other people's load; the watcher's
  0.5 s polling and 0.1 s debounce add the same wall time to both edits).
- *Lighthouse* (optional; `bench/node_modules`, installed by `make bench`): mobile preset, simulated
  throttling, pages served gzipped (level 6, as static hosts serve them) and never cached, {lighthouse_repeat} runs
  per page, median; the worksheet and report also with ten agencies saved (localStorage seeded).
"""


def markdown_table(table: Table) -> str:
    """A GitHub Markdown table, numbers right-aligned."""
    head, rows = table
    numeric = [bool(rows) and all(_NUMBER.match(row[i]) for row in rows if row[i]) for i in range(len(head))]
    align = ["---:" if flag else "---" for flag in numeric]
    lines = [head, align, *rows]
    return "\n".join("| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |" for line in lines)


def text_table(table: Table) -> str:
    """A plain-text table with aligned columns, for the console."""
    head, rows = table
    widths = [max(len(str(line[i])) for line in [head, *rows]) for i in range(len(head))]
    lines = [head, ["-" * width for width in widths], *rows]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


def _sections(results: dict[str, Any]) -> list[tuple[str, Table]]:
    found = [("Targets", target_table(results)),
             *([(f"Before and after (before: {results['baseline']['note'] or results['baseline']['file']}, "
                 f"{results['baseline']['date']})",
                 (["Figure (default criteria)", "Before", "After", "Target"], results["baseline"]["rows"]))]
               if results.get("baseline") else []), ("Build cost (median seconds)", build_table(results)),
             ("Size (KiB, all languages)", size_table(results)),
             ("Page weight, first visit, main language (KiB)", weight_table(results))]
    if pdf_table(results)[1]:
        after_sizes = [title for title, _ in found].index("Size (KiB, all languages)") + 1
        found.insert(after_sizes, ("PDF downloads of the forms (median seconds)", pdf_table(results)))
    if results.get("refresh"):
        found.append((f"Refresh latency of mkdocs serve ({results['refresh']['set']} criteria)",
                      refresh_table(results)))
    if results.get("lighthouse", {}).get("pages"):
        found.append((f"Lighthouse {results['lighthouse']['version']}, mobile, default criteria (median)",
                      lighthouse_table(results)))
    return found


def text_report(results: dict[str, Any]) -> str:
    """Every table, for the console."""
    return "\n\n".join(f"{title}\n{text_table(table)}" for title, table in _sections(results)) + "\n"


def _machine(info: dict[str, Any]) -> str:
    rows = [["Date", info["date"]], ["CPU", info["cpu"]], ["Cores", str(info["cores"])],
            ["Memory", f"{info['memory_gib']} GiB"], ["OS", info["os"]], ["Python", info["python"]],
            ["MkDocs", info["mkdocs"]], ["Material for MkDocs", info["mkdocs_material"]],
            ["Load average at start", " ".join(str(v) for v in info["load_average"])]]
    return markdown_table((["Machine", ""], rows))


def markdown(results: dict[str, Any]) -> str:
    """BENCHMARKS.md: machine, method, targets (with notes on misses) and every table."""
    method = results["method"]
    parts = ["# Benchmarks", "Written by `make bench` (`python -m bench`, see `bench/`); rerun it rather than "
             "editing this file. Raw figures: `bench/results/latest.json`.", _machine(results["machine"]),
             "## Method", METHOD.format(**{"lighthouse_repeat": method["repeat"], **method}).rstrip()]
    for title, table in _sections(results):
        parts += [f"## {title}", markdown_table(table)]
        if title == "Targets":
            notes = miss_notes(results["targets"])
            if notes:
                parts.append("\n".join(f"- {note}" for note in notes))
    skipped = results.get("lighthouse", {}).get("skipped")
    if skipped:
        parts += ["## Lighthouse", f"Skipped: {skipped}."]
    return "\n\n".join(parts) + "\n"
