"""``python -m bench --only-lighthouse``: the Lighthouse part alone, for the pages named.

For work on one page's speed: it builds the default criteria's site from a snapshot (as the full run
does; or audits a site already built, ``--site``), audits only the pages asked for, and prints each
run's figures beside the median, since the machine is shared and one run says little. It writes
neither BENCHMARKS.md nor bench/results/latest.json (``--json`` writes its results elsewhere).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.lighthouse import run_lighthouse
from bench.machine import machine_info
from bench.project import CriteriaSet, criteria_set, snapshot
from bench.report import text_table
from bench.seeded import sample_scores
from bench.tables import Table
from bench.timing import time_site

__all__ = ["lighthouse_only", "only_table", "select_pages"]


def select_pages(wanted: str, pages: dict[str, str]) -> dict[str, str]:
    """The pages whose name is one of ``wanted`` (comma-separated) or starts with it and " (":
    ``worksheet`` selects the worksheet and the worksheet with agencies saved; empty selects all."""
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    if not names:
        return dict(pages)
    chosen = {page: location for page, location in pages.items()
              if any(page == name or page.startswith(f"{name} (") for name in names)}
    if not chosen:
        raise SystemExit(f"--pages {wanted!r} names none of: {', '.join(pages)}")
    return chosen


def lighthouse_only(args: argparse.Namespace, pages_of: Callable[[CriteriaSet], dict[str, str]],
                    seeded: dict[str, str], agencies: int, scratch: Path) -> dict[str, Any]:
    """Lighthouse of the selected pages: ``pages_of(criteria)`` on a first visit, ``seeded`` ones with
    ``agencies`` saved."""
    project = snapshot(scratch / "project")
    default = criteria_set("default", project / "data" / "criteria.yaml")
    plain = pages_of(default)
    site = Path(args.site) if args.site else scratch / "site-default"
    if not args.site:
        time_site(project, default, scratch, keep=site)
    chosen = select_pages(args.pages, {**plain, **seeded})
    found = run_lighthouse(site, {name: at for name, at in chosen.items() if name in plain}, args.lighthouse_repeat,
                           seeded={name: at for name, at in chosen.items() if name in seeded},
                           storage=sample_scores(default.path, agencies))
    return {"machine": machine_info(), "site": str(site), "method": {"lighthouse_repeat": args.lighthouse_repeat},
            "lighthouse": found}


def only_table(results: dict[str, Any]) -> str:
    """Median and every run of performance, LCP and TBT per page (or why Lighthouse was skipped)."""
    found = results["lighthouse"]
    if "skipped" in found:
        return f"Lighthouse skipped: {found['skipped']}\n"
    head = ["Page", "Performance", "runs", "LCP s", "runs", "TBT ms", "runs", "CLS", "Accessibility"]
    rows = []
    for page, item in found["pages"].items():
        runs = item.get("runs", [])
        rows.append([page, f"{item['performance']:.0f}", " ".join(f"{r['performance']:.0f}" for r in runs),
                     f"{item['lcp_s']:.2f}", " ".join(f"{r['lcp_s']:.2f}" for r in runs),
                     f"{item['tbt_ms']:.0f}", " ".join(f"{r['tbt_ms']:.0f}" for r in runs),
                     f"{item['cls']:.3f}", f"{item['accessibility']:.0f}"])
    table: Table = (head, rows)
    load = " ".join(str(v) for v in results["machine"]["load_average"])
    return f"Lighthouse {found['version']}, mobile, median of {results['method']['lighthouse_repeat']} " \
           f"(load average {load})\n{text_table(table)}\n"
