"""Which must-ask questions go on which sitting's form, and which checks on which day after signing.

The sittings and days are data (``sitting`` and ``check_day`` in the criteria file, see
generator.model); files without them keep the old behaviour: the phone screen picks its
questions by weight (generator.render.forms.quick_questions), every other must-ask question
goes to the visit, and every after-signing check to day 30.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from generator.model import CHECK_DAYS, Criteria, Criterion, Text

__all__ = ["SITTING_FORMS", "day_groups", "phone_items", "sitting_items"]

SITTING_FORMS: Mapping[str, str] = MappingProxyType({"desk-check": "desk", "visit": "visit",
                                                     "contract-review": "contract"})
"""The printed form of each sitting but the phone screen (whose form is the checklist)."""

Item = tuple[str, Criterion, tuple[Text, ...]]
"""(number as on the questionnaire, criterion, its must-ask questions in this sitting)."""


def sitting_items(criteria: Criteria, sitting: str) -> list[Item]:
    """The scored criteria with must-ask questions in ``sitting``, in display order; knock-outs first."""
    items = [(f"{si}.{ci}", k, k.asked_in(sitting)) for si, s in enumerate(criteria.scored_sections, 1)
             for ci, k in enumerate(s.criteria, 1)]
    return sorted((item for item in items if item[2]), key=lambda item: not item[1].knockout)


def phone_items(criteria: Criteria) -> list[Item]:
    """The phone screen: the ``phone`` questions, or, in a file without sittings, the weight-picked checklist."""
    if any(k.sittings for k in criteria.scored_criteria):
        return sitting_items(criteria, "phone")
    from generator.render.forms import quick_questions  # forms imports this module

    return [(n, k, k.must_ask_questions) for n, k in quick_questions(criteria)]


def day_groups(criteria: Criteria) -> list[tuple[int, list[tuple[Criterion, Text]]]]:
    """Each day after signing with its (criterion, check) pairs in display order; days without checks left out."""
    groups = [(day, [(k, a) for k in criteria.criteria for a in k.checks_on(day)]) for day in CHECK_DAYS]
    return [(day, pairs) for day, pairs in groups if pairs]
