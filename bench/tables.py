"""The result tables, as header + rows of strings, shared by the console and BENCHMARKS.md."""

from __future__ import annotations

from typing import Any

__all__ = ["Table", "build_table", "lighthouse_table", "ordered_sets", "pdf_table", "refresh_table", "size_table",
           "target_table", "weight_table"]

Table = tuple[list[str], list[list[str]]]
PAGE_ORDER = ("home", "guide", "section", "scoring", "questionnaire", "checklist", "worksheet", "report",
              "report (scored)", "interview")
"""Row order of page tables, whatever order the (JSON) results hold them in."""


def ordered_sets(results: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Criteria sets in report order: the default first, then forks by size."""
    return sorted(results["sets"].items(), key=lambda pair: (pair[1]["synthetic"], pair[1]["criteria"], pair[0]))


def _pages(pages: dict[str, Any]) -> list[tuple[str, Any]]:
    return sorted(pages.items(), key=lambda pair: (PAGE_ORDER.index(pair[0]) if pair[0] in PAGE_ORDER else 99, pair[0]))


def _s(seconds: float) -> str:
    return f"{seconds:.2f}"


def _kib(size: float) -> str:
    return f"{size / 1024:,.1f}"


def _pct(share: float) -> str:
    return f"{share * 100:.1f} %"


_UNITS: dict[str, Any] = {"%": _pct, "×": lambda value: f"{value:.2f}×", "KiB": lambda value: f"{value:.1f} KiB",
                          "ms": lambda value: f"{value:.0f} ms", "score": lambda value: f"{value:.0f}"}
"""How a target's figures are shown, by unit."""


def build_table(results: dict[str, Any]) -> Table:
    """Generator vs. full site build, per criteria set (median seconds)."""
    head = ["Criteria set", "Criteria", "Sections", "Generator wall s", "Site wall s", "Share wall",
            "Generator CPU s", "Site CPU s", "Share CPU"]
    rows = []
    for name, item in ordered_sets(results):
        build = item["build"]
        rows.append([name, str(item["criteria"]), str(item["sections"]), _s(build["generator"]["wall"]),
                     _s(build["site"]["wall"]), _pct(build["generator_share_wall"]), _s(build["generator"]["cpu"]),
                     _s(build["site"]["cpu"]), _pct(build["generator_share_cpu"])])
    start = results["import"]
    rows.append(["(start-up: import generator.cli)", "", "", _s(start["wall"]), "", "", _s(start["cpu"]), "", ""])
    return head, rows


def pdf_table(results: dict[str, Any]) -> Table:
    """What the forms' PDFs add to a site build (``build --pdf`` less ``build``), and their share
    of the whole build with PDFs (the HTML site's time plus theirs)."""
    head = ["Criteria set", "PDFs wall s", "Share wall", "PDFs CPU s", "Share CPU"]
    rows = [[name, _s(item["build"]["pdf"]["wall"]), _pct(item["build"]["pdf_share_wall"]),
             _s(item["build"]["pdf"]["cpu"]), _pct(item["build"]["pdf_share_cpu"])]
            for name, item in ordered_sets(results) if "pdf" in item["build"]]
    return head, rows


def size_table(results: dict[str, Any]) -> Table:
    """Site bytes, content bytes per criterion and search index vs. indexed text (KiB)."""
    head = ["Criteria set", "Site KiB", "Content KiB", "Site KiB/criterion", "Content KiB/criterion",
            "Search index KiB", "Indexed text KiB", "Index ÷ text"]
    rows = []
    for name, item in ordered_sets(results):
        sizes, search = item["sizes"], item["search"]
        rows.append([name, _kib(sizes["site_bytes"]), _kib(sizes["content_bytes"]),
                     _kib(sizes["site_bytes_per_criterion"]), _kib(sizes["content_bytes_per_criterion"]),
                     _kib(search["index_bytes"]), _kib(search["text_bytes"]), f"{search['ratio']:.2f}"])
    return head, rows


def weight_table(results: dict[str, Any]) -> Table:
    """First-visit weight per page type in the main language (KiB)."""
    head = ["Criteria set", "Page", "Requests", "HTML", "CSS", "JS", "Search index", "Total", "HTML gzip",
            "Total gzip"]
    rows = []
    for name, item in ordered_sets(results):
        for page, weight in _pages(item["weights"]):
            index = _kib(weight["index"]) if weight.get("index_at_load", True) else f"({_kib(weight['index'])})"
            rows.append([name, page, str(weight.get("requests", "")), _kib(weight["html"]), _kib(weight["css"]),
                         _kib(weight["js"]), index, _kib(weight["total"]), _kib(weight["html_gzip"]),
                         _kib(weight["total_gzip"])])
    return head, rows


def refresh_table(results: dict[str, Any]) -> Table:
    """``mkdocs serve`` refresh after each kind of edit."""
    head = ["Edit", "Median wall s", "Runs wall s", "Median server CPU s", "Runs server CPU s"]
    refresh = results["refresh"]
    rows = [[label, _s(refresh[kind]["wall"]), " ".join(f"{w:.2f}" for w in refresh[kind]["walls"]),
             _s(refresh[kind]["cpu"]), " ".join(f"{c:.2f}" for c in refresh[kind].get("cpus", []))]
            for kind, label in (("criteria", "criteria file"), ("plain", "plain Markdown page"))]
    rows.append(["ratio criteria ÷ plain", f"{refresh['ratio_wall']:.2f}", "", f"{refresh['ratio_cpu']:.2f}", ""])
    return head, rows


def target_table(results: dict[str, Any]) -> Table:
    """Each target with its measured value and PASS/MISS."""
    head = ["Target", "Measured", "Limit", "Result"]
    rows = []
    for target in results["targets"]:
        show = _UNITS[target.get("unit", "%" if target["key"] == "generator_share" else "×")]
        rows.append([target["target"], show(target["measured"]), show(target["limit"]), target["status"]])
    return head, rows


def lighthouse_table(results: dict[str, Any]) -> Table:
    """Median Lighthouse mobile scores and metrics per page."""
    head = ["Page", "Performance", "Accessibility", "Best practices", "SEO", "FCP s", "LCP s", "TBT ms", "CLS",
            "Transfer KiB"]
    rows = [[page, *(f"{item[c]:.0f}" for c in ("performance", "accessibility", "best-practices", "seo")),
             f"{item['fcp_s']:.1f}", f"{item['lcp_s']:.1f}", f"{item['tbt_ms']:.0f}", f"{item['cls']:.3f}",
             _kib(item["transfer_bytes"])]
            for page, item in _pages(results["lighthouse"]["pages"])]
    return head, rows
