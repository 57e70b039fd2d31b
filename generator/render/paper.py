"""The paper trail's items: the agency's declaration questions and the model contract clauses, numbered.

Both come from the criteria (``declare`` and ``clauses``, see generator.model); the declaration form,
the clauses page and the clauses' Word document (generator.render.clauses_docx) show these lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Criteria, Criterion, Text, numbered_sections

__all__ = ["Clause", "Question", "clause_items", "clause_numbers", "declaration_items"]


@dataclass(frozen=True)
class Question:
    """One question of the declaration: a declared criterion with its must-ask questions."""

    number: int
    """Its number on the declaration, from 1."""
    criterion: Criterion
    """The criterion asked."""
    questions: tuple[Text, ...]
    """What the agency answers: the criterion's must-ask questions but those of the desk sitting."""


@dataclass(frozen=True)
class Clause:
    """One model contract clause."""

    number: int
    """Its number on the clauses page and in the Word document, from 1."""
    text: Text
    """The clause."""
    criterion: Criterion
    """The criterion it serves."""
    criterion_number: str
    """That criterion's number, as on every other page (e.g. "7.4")."""


def declaration_items(criteria: Criteria) -> tuple[Question, ...]:
    """The declaration's questions, in display order (generator.model.Criteria.declared_criteria)."""
    return tuple(Question(n, k, _for_agency(k)) for n, k in enumerate(criteria.declared_criteria, 1))


def _for_agency(criterion: Criterion) -> tuple[Text, ...]:
    """The must-ask questions put to the agency: desk-sitting ones are the merchant's own look-ups."""
    sittings = criterion.sittings or ("",) * len(criterion.must_ask_questions)
    asked = tuple(q for q, s in zip(criterion.must_ask_questions, sittings, strict=True) if s != "desk")
    return asked or criterion.must_ask_questions


def clause_items(criteria: Criteria) -> tuple[Clause, ...]:
    """Every model clause, numbered from 1 in display order, with its criterion and the criterion's number."""
    numbered = [(kn, k) for _, _, ks in numbered_sections(criteria.scored_sections) for kn, k in ks]
    found = [(text, k, kn) for kn, k in numbered for text in k.clauses]
    return tuple(Clause(n, text, k, kn) for n, (text, k, kn) in enumerate(found, 1))


def clause_numbers(criteria: Criteria) -> dict[str, str]:
    """The numbers of each criterion's model clauses, by criterion id, as the contract review shows them ("3, 4")."""
    found: dict[str, list[str]] = {}
    for clause in clause_items(criteria):
        found.setdefault(clause.criterion.id, []).append(str(clause.number))
    return {ident: ", ".join(numbers) for ident, numbers in found.items()}
