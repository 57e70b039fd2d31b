"""``python -m bench``: measure, print the tables, write bench/results/latest.json and BENCHMARKS.md."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.compare import before_after
from bench.lighthouse import run_lighthouse
from bench.machine import machine_info
from bench.only import lighthouse_only, only_table
from bench.project import ROOT, CriteriaSet, criteria_set, fork_sets, snapshot
from bench.report import markdown, text_report
from bench.seeded import sample_scores
from bench.serve import measure_refresh
from bench.sizes import search_stats, site_sizes
from bench.targets import evaluate
from bench.timing import Sample, pdf_bytes, summarise, time_generator, time_import, time_pdf, time_site
from bench.weight import weights

__all__ = ["AGENCIES", "BASELINE", "SEEDED_PAGES", "lighthouse_pages", "main", "measure_builds", "measure_sets"]

LATEST = ROOT / "bench" / "results" / "latest.json"
BASELINE = ROOT / "bench" / "results" / "before-issue-30.json"
"""The run on the code before issue 30's changes (main at 436f5b6, measured with this bench)."""


AGENCIES = 10
"""Agencies saved for the seeded Lighthouse pages: the most the worksheet compares (issue 30: its TBT with ten)."""
SEEDED_PAGES = {"worksheet (10 agencies)": "worksheet/", "report (10 agencies)": "report/"}
"""Pages audited with AGENCIES agencies saved (bench/seeded.py), by name."""


def lighthouse_pages(cset: CriteriaSet) -> dict[str, str]:
    """The pages issue 30 audits (first visit, nothing saved), by name."""
    return {"home": "", "guide": f"sections/{cset.first_section}/", "scoring": "scoring/",
            "questionnaire": "questionnaire/", "worksheet": "worksheet/", "interview": "interview/",
            "report": "report/"}


def measure_builds(project: Path, sets: list[CriteriaSet], scratch: Path, repeat: int,
                   pdf: bool = True) -> dict[str, Any]:
    """Time generator and site build ``repeat`` times per set (interleaved); keep each set's last site.
    With ``pdf``, also what the forms' PDFs add, for the default criteria only (forks of 1,000
    criteria would print questionnaires of hundreds of pages)."""
    samples: dict[str, dict[str, list[Sample]]] = {s.name: {"generator": [], "site": [], "pdf": []} for s in sets}
    for _ in range(repeat):
        for cset in sets:
            samples[cset.name]["generator"].append(time_generator(project, cset, scratch))
            samples[cset.name]["site"].append(time_site(project, cset, scratch, keep=scratch / f"site-{cset.name}"))
            if pdf and cset.name == "default":
                samples[cset.name]["pdf"].append(time_pdf(project, cset, scratch))
    result = {}
    for name, runs in samples.items():
        gen, site = summarise(runs["generator"]), summarise(runs["site"])
        result[name] = {"generator": gen, "site": site, "generator_share_wall": gen["wall"] / site["wall"],
                        "generator_share_cpu": gen["cpu"] / site["cpu"]}
        if runs["pdf"]:
            pdfs = {**summarise(runs["pdf"]), "bytes": pdf_bytes(project, next(s for s in sets if s.name == name),
                                                                   scratch)}
            # Share of the whole site build that `make site` runs: the HTML site plus the PDFs.
            result[name].update(pdf=pdfs, pdf_share_wall=pdfs["wall"] / (site["wall"] + pdfs["wall"]),
                                pdf_share_cpu=pdfs["cpu"] / (site["cpu"] + pdfs["cpu"]))
    return result


def measure_sets(project: Path, sets: list[CriteriaSet], scratch: Path, repeat: int,
                 pdf: bool = True) -> dict[str, Any]:
    """Build cost, sizes, search index and page weight of every criteria set."""
    builds = measure_builds(project, sets, scratch, repeat, pdf)
    found = {}
    for cset in sets:
        site = scratch / f"site-{cset.name}"
        found[cset.name] = {"criteria": cset.criteria, "sections": cset.sections,
                            "synthetic": cset.name != "default", "build": builds[cset.name],
                            "sizes": site_sizes(site, cset.criteria), "search": search_stats(site),
                            "weights": weights(site, cset.first_section)}
    return found


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--forks", default="100,1000", help="synthetic fork sizes (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timed build (default: %(default)s)")
    parser.add_argument("--serve-repeat", type=int, default=5, help="edits of each kind (default: %(default)s)")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve refresh benchmark")
    parser.add_argument("--no-pdf", action="store_true", help="skip timing the forms' PDFs")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the optional Lighthouse scores")
    parser.add_argument("--lighthouse-repeat", type=int, default=3,
                        help="Lighthouse runs per page (default: %(default)s; issue 30: the median of 3)")
    parser.add_argument("--only-lighthouse", action="store_true",
                        help="only Lighthouse of --pages; writes neither BENCHMARKS.md nor latest.json")
    parser.add_argument("--pages", default="", help="with --only-lighthouse: page names, comma-separated, e.g. "
                        "worksheet,report (each with its seeded variant; default: all)")
    parser.add_argument("--site", help="with --only-lighthouse: audit this built site instead of building one")
    parser.add_argument("--json", help=f"JSON output (default: {LATEST}; with --only-lighthouse: none)")
    parser.add_argument("--markdown", default=str(ROOT / "BENCHMARKS.md"), help="Markdown report output")
    parser.add_argument("--baseline", default=str(BASELINE),
                        help="an earlier run's JSON to show before and after (default: %(default)s, if present)")
    return parser


def run(args: argparse.Namespace, scratch: Path) -> dict[str, Any]:
    """Every measurement of one run, as JSON-ready data (targets included)."""
    info = machine_info()
    project = snapshot(scratch / "project")
    default = criteria_set("default", project / "data" / "criteria.yaml")
    sizes = [int(size) for size in args.forks.split(",") if size.strip()]
    sets = [default, *fork_sets(scratch, sizes)]
    imports = summarise([time_import(project) for _ in range(args.repeat)])
    results: dict[str, Any] = {
        "machine": info, "method": {"repeat": args.repeat, "serve_repeat": args.serve_repeat,
                                    "lighthouse_repeat": args.lighthouse_repeat},
        "import": imports, "sets": measure_sets(project, sets, scratch, args.repeat, not args.no_pdf)}
    if not args.no_serve:
        refresh = measure_refresh(project, default, scratch, repeat=args.serve_repeat)
        refresh.update({"set": default.name, "ratio_wall": refresh["criteria"]["wall"] / refresh["plain"]["wall"],
                        "ratio_cpu": refresh["criteria"]["cpu"] / refresh["plain"]["cpu"]})
        results["refresh"] = refresh
    if not args.no_lighthouse:
        results["lighthouse"] = run_lighthouse(scratch / "site-default", lighthouse_pages(default),
                                               args.lighthouse_repeat, seeded=SEEDED_PAGES,
                                               storage=sample_scores(default.path, AGENCIES))
    results["targets"] = evaluate(results)
    baseline = Path(args.baseline)
    if baseline.is_file():
        before = json.loads(baseline.read_text(encoding="utf-8"))
        results["baseline"] = {"file": baseline.name, "date": before["machine"]["date"],
                               "note": before.get("note", ""), "rows": before_after(before, results)}
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the tables; write the JSON and Markdown reports."""
    args = _parser().parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    try:
        if args.only_lighthouse:
            results = lighthouse_only(args, lighthouse_pages, SEEDED_PAGES, AGENCIES, scratch)
        else:
            results = run(args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    sys.stdout.write(only_table(results) if args.only_lighthouse else text_report(results))
    outputs = [] if args.only_lighthouse else [(Path(args.markdown), markdown(results))]
    if args.json or not args.only_lighthouse:
        outputs.insert(0, (Path(args.json or LATEST),
                           json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n"))
    for path, text in outputs:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path}")
    return 0
