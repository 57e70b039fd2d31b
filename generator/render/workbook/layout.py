"""Where everything sits in the scoring workbook (0-based rows and columns).

The scoring sheet has three header rows, then one block holding, per section,
a header row, one row per criterion and a subtotal row; below the block come
the total and the check rows. Each agency has one column. The comparison
sheet has one row per agency. Tests use this layout to find input and result
cells, so it is the one description of the workbook's geometry.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Criteria

__all__ = ["AGENCIES", "CLOSE_COLUMNS", "FIRST_AGENCY", "HEADER_ROW", "SUMMARY_FIRST", "Layout", "SectionRows",
           "SummaryColumns", "layout"]

AGENCIES = 5
"""Agencies compared side by side."""
FIRST_AGENCY = 4
"""Column of the first agency on the scoring sheet (E); A-D hold number, criterion, weight, knock-out."""
HEADER_ROW = 2
"""Row of the column titles and agency names on the scoring and comparison sheets."""
SUMMARY_FIRST = 3
"""Row of the first agency on the comparison sheet."""
CLOSE_COLUMNS = (FIRST_AGENCY + AGENCIES, FIRST_AGENCY + AGENCIES + 1, FIRST_AGENCY + AGENCIES + 2)
"""Hidden columns of the scoring sheet, right of the agencies, one cell per criterion: whether moving it one
level would swap the first two, how much the two differ on it, and whether the close-call note names it."""


@dataclass(frozen=True)
class SectionRows:
    """Rows of one section on the scoring sheet."""

    id: str
    header: int
    first: int
    """First criterion row."""
    last: int
    """Last criterion row."""
    subtotal: int


@dataclass(frozen=True)
class SummaryColumns:
    """Columns of the comparison sheet."""

    sections: int
    """How many section columns follow the rank column."""

    name: int = 0
    total: int = 1
    out: int = 2
    rank: int = 3
    verdict: int = 4
    """The verdict in words (generator.verdict)."""
    first_section: int = 5

    @property
    def scored(self) -> int:
        """Column of the count of scored criteria (then N/A, blank, invalid)."""
        return self.first_section + self.sections

    @property
    def last(self) -> int:
        """Last used column."""
        return self.scored + 3


@dataclass(frozen=True)
class Layout:
    """Rows and columns of the scoring workbook for one criteria model."""

    criteria: dict[str, int]
    """Row of each criterion, by id."""
    sections: tuple[SectionRows, ...]
    first: int
    """First row of the block (the first section's header)."""
    last: int
    """Last row of the block (the last section's subtotal)."""
    total: int
    knocked: int
    scored: int
    na: int
    blank: int
    invalid: int
    summary: SummaryColumns
    unchecked: int = 0
    """Row of the count of knock-out criteria not scored."""
    share: int = 0
    """Row of the percent of the weight not scored."""
    below: int = 0
    """Row of the count of sections under their minimum."""
    code: int = 0
    """Row of the verdict code (0 ranked, 1 below a minimum, 2 incomplete, 3 eliminated)."""
    points: int = 0
    """Hidden row of the weighted points above the lowest level (the total's numerator, unrounded)."""
    weight: int = 0
    """Hidden row of the weight scored (the total's denominator)."""
    key: int = 0
    """Hidden row of each agency's place among the ranked (generator.render.workbook.close_call)."""
    pair: int = 0
    """Hidden row of the close call: the first two ranked agencies, whether a criterion decides, whether close."""

    @property
    def agencies(self) -> tuple[int, ...]:
        """Column of each agency on the scoring sheet."""
        return tuple(range(FIRST_AGENCY, FIRST_AGENCY + AGENCIES))

    @property
    def summary_rows(self) -> tuple[int, ...]:
        """Row of each agency on the comparison sheet."""
        return tuple(range(SUMMARY_FIRST, SUMMARY_FIRST + AGENCIES))


def layout(criteria: Criteria) -> Layout:
    """The workbook's geometry for ``criteria``; self-check sections have no rows (never scored)."""
    criteria = criteria.scored
    row = HEADER_ROW + 1
    rows: dict[str, int] = {}
    sections = []
    for section in criteria.sections:
        header = row
        for offset, criterion in enumerate(section.criteria, 1):
            rows[criterion.id] = header + offset
        row = header + len(section.criteria) + 1
        sections.append(SectionRows(section.id, header, header + 1, row - 1, row))
        row += 1
    last = row - 1
    total = last + 2
    return Layout(rows, tuple(sections), HEADER_ROW + 1, last, total, total + 1, total + 2, total + 3,
                  total + 4, total + 5, SummaryColumns(len(criteria.sections)),
                  total + 6, total + 7, total + 8, total + 9, total + 10, total + 11, total + 12, total + 13)
