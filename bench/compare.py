"""Before and after: the issue-30 figures of a saved earlier run (``--baseline``) beside this run's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["FIGURES", "before_after"]

Figure = tuple[str, Callable[[dict[str, Any]], float], str, str]

FIGURES: tuple[Figure, ...] = (
    ("HTML site build CPU s", lambda s: s["build"]["site"]["cpu"], "{:.2f}", ""),
    ("PDFs CPU s", lambda s: s["build"]["pdf"]["cpu"], "{:.2f}", ""),
    ("PDFs ÷ HTML site build, CPU", lambda s: s["build"]["pdf"]["cpu"] / s["build"]["site"]["cpu"], "{:.2f}×", "≤ 2×"),
    ("PDFs ÷ HTML site build, wall", lambda s: s["build"]["pdf"]["wall"] / s["build"]["site"]["wall"], "{:.2f}×",
     "≤ 1×"),
    ("PDFs of the forms, KiB (all languages)", lambda s: s["build"]["pdf"]["bytes"] / 1024, "{:,.0f}", ""),
    ("Guide page, first visit: requests", lambda s: s["weights"]["section"]["requests"], "{:.0f}", ""),
    ("Guide page, first visit: KiB gzip", lambda s: s["weights"]["section"]["total_gzip"] / 1024, "{:.1f}", "≤ 90"),
    ("Home page, first visit: KiB gzip", lambda s: s["weights"]["home"]["total_gzip"] / 1024, "{:.1f}", ""),
    ("Worksheet, first visit: KiB gzip", lambda s: s["weights"]["worksheet"]["total_gzip"] / 1024, "{:.1f}", ""),
    ("Search index KiB (all languages)", lambda s: s["search"]["index_bytes"] / 1024, "{:.1f}", ""),
    ("Search index ÷ indexed text", lambda s: s["search"]["ratio"], "{:.2f}×", "≤ 1.3×"),
)
"""Row label, how to read it from one criteria set's results, format, target."""


def _value(figure: Figure, item: dict[str, Any] | None) -> str:
    _, read, form, _ = figure
    try:
        return form.format(read(item)) if item else ""
    except (KeyError, ZeroDivisionError):
        return ""


def before_after(baseline: dict[str, Any], results: dict[str, Any], name: str = "default") -> list[list[str]]:
    """Rows of label, before, after, target for criteria set ``name``."""
    before, after = baseline.get("sets", {}).get(name), results["sets"].get(name)
    return [[figure[0], _value(figure, before), _value(figure, after), figure[3]] for figure in FIGURES]
