"""Spreadsheet formulas of the scoring workbook: the rule of generator.scoring in Excel syntax.

Only functions that Excel (2007 and later), WPS and LibreOffice all have are
used: SUMPRODUCT, ISNUMBER, MATCH, IF, INT, LEN. Nothing needs to be entered
as an array formula: SUMPRODUCT evaluates its arguments as arrays everywhere.

Ranges span a block of rows in which only criterion rows carry a weight, so
section headers and subtotal rows in between count for nothing. An answer
counts as scored only if it is one of the scale's level scores (a number);
"N/A" and blanks are left out of both sums, anything else is counted as
invalid and also left out (generator.scoring refuses such answers).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from generator.scoring import rounded

__all__ = [
    "NA_TEXT",
    "average",
    "blank_count",
    "cached",
    "invalid_count",
    "na_count",
    "ref",
    "scored_count",
]

NA_TEXT = "N/A"
"""What the dropdowns offer for "not applicable" (as the guide tells users to write)."""


def ref(sheet: str, cell: str) -> str:
    """A reference to ``cell`` on another sheet, quoted as Excel wants for any name."""
    return "'" + sheet.replace("'", "''") + "'!" + cell


def _levels(scores: Sequence[int]) -> str:
    return "{" + ",".join(str(s) for s in scores) + "}"


def _valid(answers: str, scores: Sequence[int]) -> str:
    return f"--ISNUMBER(MATCH({answers},{_levels(scores)},0))"


def average(weights: str, answers: str, scores: Sequence[int]) -> str:
    """Weighted average percent of the valid answers, rounded half up to 0.1; "" if none."""
    low, span = scores[0], scores[-1] - scores[0]
    den = f"SUMPRODUCT({weights},{_valid(answers, scores)})"
    points = f"SUMPRODUCT({weights},{_valid(answers, scores)},{answers})"
    shifted = f"({points}-{low}*{den})" if low else points
    exact = f"{shifted}*100/({span}*{den})"
    return f'=IF({den}=0,"",INT({exact}*10+0.5+1E-9)/10)'


def scored_count(weights: str, answers: str, scores: Sequence[int]) -> str:
    """How many criteria hold a valid score."""
    return f"=SUMPRODUCT(--({weights}>0),{_valid(answers, scores)})"


def na_count(weights: str, answers: str, knockouts: str) -> str:
    """How many criteria are answered N/A (on a knock-out criterion, N/A is an invalid entry instead)."""
    return f'=SUMPRODUCT(--({weights}>0),--({answers}="{NA_TEXT}"),1-ISNUMBER({knockouts}))'


def blank_count(weights: str, answers: str) -> str:
    """How many criteria are still empty."""
    return f"=SUMPRODUCT(--({weights}>0),--(LEN({answers})=0))"


def invalid_count(criteria: int, scored: str, na: str, blank: str) -> str:
    """Criteria holding something that is neither a level score, N/A nor blank."""
    return f"={criteria}-{scored}-{na}-{blank}"


def cached(value: Fraction | int | None) -> float | int | str:
    """The cached result a formula cell stores: rounded percent, a count, or "" for no score."""
    if value is None:
        return ""
    if isinstance(value, Fraction):
        return float(rounded(value))
    return value
