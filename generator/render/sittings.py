"""Which must-ask questions go on which sitting's form, and which checks on which day after signing.

The sittings and days are data (``sitting`` and ``check_day`` in the criteria file, see
generator.model); files without them keep the old behaviour: the phone screen picks its
questions by weight (``quick_questions``), every other must-ask question
goes to the visit, and every after-signing check to day 30.
"""

from __future__ import annotations

from types import MappingProxyType

from generator.model import CHECK_DAYS, CheckLine, Criteria, Criterion, Text, numbered_sections

__all__ = ["QUICK_LIMIT", "SITTING_FORMS", "day_groups", "phone_items", "quick_questions", "sitting_items"]

QUICK_LIMIT = 12
"""Most criteria on the phone screen picked by weight (files without ``sitting``), so that it fits on one A4 page."""
SITTING_FORMS = MappingProxyType({"desk-check": "desk", "visit": "visit", "contract-review": "contract"})
"""The printed form of each sitting but the phone screen (whose form is the checklist)."""

Item = tuple[str, Criterion, tuple[Text, ...]]
"""(number as on the questionnaire, criterion, its must-ask questions in this sitting)."""


def sitting_items(criteria: Criteria, sitting: str) -> list[Item]:
    """The scored criteria with must-ask questions in ``sitting``, in display order; knock-outs first."""
    items = [(n, k, k.asked_in(sitting)) for _, _, ks in numbered_sections(criteria.scored_sections) for n, k in ks]
    return sorted((item for item in items if item[2]), key=lambda item: not item[1].knockout)


def phone_items(criteria: Criteria) -> list[Item]:
    """The phone screen: the ``phone`` questions, or, in a file without sittings, the weight-picked checklist."""
    if any(k.sittings for k in criteria.scored_criteria):
        return sitting_items(criteria, "phone")
    return [(n, k, k.must_ask_questions) for n, k in quick_questions(criteria)]


def day_groups(criteria: Criteria) -> list[tuple[int, list[tuple[Criterion, CheckLine]]]]:
    """Each day after signing with its (criterion, check with who and what to keep) pairs in display order;
    days without checks left out."""
    groups = [(day, [(k, a) for k in criteria.criteria for a in k.check_lines_on(day)]) for day in CHECK_DAYS]
    return [(day, pairs) for day, pairs in groups if pairs]


def quick_questions(criteria: Criteria) -> list[tuple[str, Criterion]]:
    """(number, criterion) pairs for the phone screen of a file without ``sitting``, in display order.

    Candidates are the knock-out criteria and those of the highest weight. If
    there are more than QUICK_LIMIT, knock-outs win (round-robin across
    sections), then the other candidates are taken round-robin across sections
    (each section's first, then its second, ...), sections that a knock-out
    already covers coming one round later, so that the call touches every area.
    """
    numbered = [(kn, sn, k) for sn, _, ks in numbered_sections(criteria.scored_sections) for kn, k in ks]
    top = max(k.weight for _, _, k in numbered)
    candidates = [(n, si, k) for n, si, k in numbered if k.knockout or k.weight == top]
    covered = {si for _, si, k in candidates if k.knockout}
    rank_in_section: dict[tuple[bool, str], int] = {}
    priority = []
    for order, (n, si, k) in enumerate(candidates):
        group = (not k.knockout, si)
        rank_in_section[group] = rank_in_section.get(group, 0) + 1
        rank = rank_in_section[group] + (not k.knockout and si in covered)
        priority.append(((not k.knockout, rank, order), n, k))
    chosen = {n for _, n, _ in sorted(priority, key=lambda p: p[0])[:QUICK_LIMIT]}
    return [(n, k) for n, _, k in candidates if n in chosen]
