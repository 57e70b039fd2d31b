"""The default criteria are complete: the shape the guide promises merchants."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.scoring import display, score

CRITERIA = load_criteria(DEFAULT_CRITERIA)


def test_size_is_in_the_expected_range() -> None:
    assert 6 <= len(CRITERIA.sections) <= 9
    assert 30 <= len(CRITERIA.criteria) <= 50


def test_every_criterion_is_complete() -> None:
    for c in CRITERIA.criteria:
        assert len(c.questions) >= 3, c.id
        assert c.evidence and c.red_flags and c.weight_reason is not None, c.id
        assert [d.score for d in c.levels] == [lv.score for lv in CRITERIA.scale.levels], c.id
        for text in (c.title, c.why, *c.questions, *c.evidence, *c.red_flags, *(d.text for d in c.levels)):
            assert [lang for lang, value in text.values if value.strip()] == ["zh", "en"], c.id


def test_sources_are_cited_and_knockouts_are_rare() -> None:
    cited = {ref for c in CRITERIA.criteria for ref in c.sources}
    assert cited == {"sohu-article", "general-practice"}
    assert 1 <= sum(c.knockout for c in CRITERIA.criteria) <= 8


def test_article_points_and_signing_practice_are_covered() -> None:
    ids = {c.id for c in CRITERIA.criteria}
    article = {c.id for c in CRITERIA.criteria if "sohu-article" in c.sources}
    # the six points of the source article
    assert {"business-licence", "alibaba-authorisation", "office-and-scale", "video-visit",
            "same-category-clients", "process-steps", "sales-ops-ratio", "realistic-results",
            "merchant-knowledge"} <= article
    # what a merchant who signs also needs (general practice)
    assert {"scope-and-kpis", "fee-structure", "ad-spend-control", "reporting", "data-access",
            "account-ownership", "sub-accounts", "asset-ownership", "trial-period", "exit-terms"} <= ids


def test_scoring_page_example_agrees_with_scoring_module(built_site: Path) -> None:
    for lang in CRITERIA.meta.languages:
        root = built_site if lang == CRITERIA.meta.languages[0] else built_site / lang
        html = (root / "scoring" / "index.html").read_text(encoding="utf-8")
        example = html[html.index('id="example"'):]
        rows = re.findall(r"<tr>\s*<td>(\w)</td>\s*<td>(c\d)[^<]*</td>\s*<td>([\d.]+)</td>\s*<td>([^<]+)</td>", example)
        assert len(rows) == 5, rows
        items = [(s, i, float(w) if "." in w else int(w), "(" in _cell(example, i)) for s, i, w, _ in rows]
        answers = {i: ("na" if a.strip() == "N/A" else int(a)) for _, i, _, a in rows}
        result = score(items, 0, 3, answers)  # type: ignore[arg-type]
        shown = re.findall(r"<strong>([\d.]+)</strong>", example)
        assert shown == [display(r.value) for r in result.sections] + [display(result.total)]
        assert result.total == Fraction(1100, 21)


def _cell(example: str, ident: str) -> str:
    start = example.index(f"<td>{ident}")
    return example[start: example.index("</td>", start)]
