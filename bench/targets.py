"""The targets a run is judged against, from figures measured in that same run."""

from __future__ import annotations

from typing import Any

from bench.tables import ordered_sets

__all__ = ["NOTES", "evaluate", "miss_notes"]

NOTES = {
    "generator_share": "The generator now parses with libyaml and is parsed once per build; what is left is "
                       "fixed cost and more output than the target's baseline assumed. A fresh interpreter "
                       "importing jsonschema, Jinja and XlsxWriter takes about 0.15 s (some 6 % of the "
                       "default build on its own), compiling the templates about 0.08 s, and besides the guide "
                       "the generator renders two xlsx workbooks, three printable forms and the JSON/CSV "
                       "exports. The MkDocs build it is compared with is small (2 languages, ~20 pages "
                       "each). Ways down: a Jinja bytecode cache, lazy imports, or rendering the downloads "
                       "only in `site` and not in every `serve` rebuild.",
    "linear_growth": "Something on every page grows with the number of criteria; compare the page-weight "
                     "table between the forks to find which page type does.",
    "refresh": "A criteria edit makes the hook rewrite many generated pages and downloads in every language, "
               "a plain edit one; MkDocs rebuilds everything either way.",
    "search_index": "The excess is mostly jieba's invisible U+200B separator between Chinese words (3 bytes "
                    "each; Material adds them at build time so that Chinese words can be searched) and the HTML "
                    "tags Material keeps in each entry's text. Stripping tags would help a little; splitting "
                    "every Chinese character with the search `separator` instead of jieba would drop the "
                    "separators, at the cost of matching characters rather than words.",
}
"""Why a target is missed and what would fix it, shown next to a MISS (see BENCHMARKS.md)."""


def _target(key: str, label: str, measured: float, limit: float, detail: str = "") -> dict[str, Any]:
    passed = measured <= limit
    return {"key": key, "target": label, "measured": measured, "limit": limit,
            "status": "PASS" if passed else "MISS", "note": "" if passed else NOTES[key],
            "detail": "" if passed else detail}


def evaluate(results: dict[str, Any]) -> list[dict[str, Any]]:
    """PASS/MISS for each target.

    Build cost and refresh are judged on CPU time: the machine is shared, so
    wall time includes waiting for other people's work. For the refresh that is
    the server's CPU time from edit to refreshed page; the watcher's polling and
    debounce add the same wall time to both kinds of edit, so judging on CPU is
    the stricter test. Wall-clock figures are reported beside it.
    """
    sets = ordered_sets(results)
    found: list[dict[str, Any]] = []
    for name, item in sets:
        found.append(_target("generator_share", f"generator ≤ 10 % of the full build ({name}, CPU)",
                             item["build"]["generator_share_cpu"], 0.10))
    forks = [item for _, item in sets if item["synthetic"]]
    if len(forks) >= 2:
        small, large = forks[0], forks[-1]
        growth = large["sizes"]["content_bytes_per_criterion"] / small["sizes"]["content_bytes_per_criterion"]
        found.append(_target("linear_growth", f"content bytes per criterion at {large['criteria']} ≤ 1.3 × "
                             f"at {small['criteria']}", growth, 1.3))
    if results.get("refresh"):
        refresh = results["refresh"]
        found.append(_target("refresh", "refresh after a criteria edit ≤ 1.2 × after a plain page edit (CPU)",
                             refresh["criteria"]["cpu"] / refresh["plain"]["cpu"], 1.2))
    for name, item in sets:
        search = item["search"]
        share = {key: search.get(key, 0) / search["index_bytes"] for key in ("separator_bytes", "markup_bytes")}
        rest = search["ratio"] * (1 - share["separator_bytes"] - share["markup_bytes"])
        detail = (f"{name}: separators {share['separator_bytes']:.0%}, tags {share['markup_bytes']:.0%} of the "
                  f"index, {rest:.2f}× without them")
        found.append(_target("search_index", f"search index ≤ 1.3 × indexed text ({name})",
                             search["ratio"], 1.3, detail))
    return found


def miss_notes(targets: list[dict[str, Any]]) -> list[str]:
    """One line per kind of missed target: which ones missed, why and what would fix it."""
    lines = []
    for key in NOTES:
        missed = [t for t in targets if t["key"] == key and t["status"] == "MISS"]
        if missed:
            details = "; ".join(t["detail"] for t in missed if t["detail"])
            lines.append(f"{len(missed)} × {missed[0]['target'].split(' (')[0]} missed. {NOTES[key]}"
                         + (f" ({details}.)" if details else ""))
    return lines
