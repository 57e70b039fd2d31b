"""The printable forms' generated pages: structure for later scripting, escaping, the paper formula, the checklist."""

from __future__ import annotations

import dataclasses
import random
from fractions import Fraction
from html.parser import HTMLParser

import pytest
from editions import context

from conftest import DEFAULT_CRITERIA, MINIMAL
from generator.edition import edition_of
from generator.load import load_criteria, parse_criteria
from generator.model import Criteria, Level, Scale
from generator.render.base import Context, Files, css_string
from generator.render.forms import AGENCIES, render_form
from generator.render.pages import FORMS
from generator.render.sittings import QUICK_LIMIT, quick_questions
from generator.scoring import NA, Answer, score_criteria
from generator.site.nav import site_nav
from generator.site.outputs import render_all


class _Elements(HTMLParser):
    """Every start tag as (tag, attributes), in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))



def _forms(ctx: Context) -> Files:
    """The three form pages about the agencies."""
    return {path: page for form in FORMS for path, page in render_form(ctx, form).items()}

def _elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


def test_worksheet_has_a_stable_structure_per_criterion() -> None:
    criteria = load_criteria(DEFAULT_CRITERIA)
    for lang in criteria.meta.languages:
        found = _elements(render_form(context(criteria, lang, "c.yaml"), "worksheet")["worksheet.md"])
        sections = [a["data-section"] for t, a in found if t == "tbody" and "data-section" in a]
        assert sections == [s.id for s in criteria.scored_sections]  # no self-check section on the worksheet
        assert all(("tbody", {"class": "kit-ws-section", "id": f"ws-{s}", "data-section": s}) in found
                   for s in sections)
        rows = {a["data-criterion"]: a for t, a in found if t == "tr" and "data-criterion" in a}
        assert list(rows) == [k.id for k in criteria.scored_criteria]
        for section in criteria.scored_sections:
            for k in section.criteria:
                assert rows[k.id]["data-weight"] == str(k.weight) and rows[k.id]["id"] == f"ws-{k.id}"
                assert rows[k.id]["data-knockout"] == ("true" if k.knockout else "false")
                assert rows[k.id]["data-section"] == section.id
        boxes = [(a["data-agency"], a["data-score"]) for t, a in found if t == "td" and "data-score" in a]
        scores = [str(level.score) for level in criteria.scale.levels]
        # No N/A box on a knock-out criterion: it must be checked.
        assert boxes == [(a, s) for k in criteria.scored_criteria for a in AGENCIES
                         for s in scores + ([] if k.knockout else [NA])]
        ids = [a["id"] for _, a in found if a.get("id")]
        assert len(ids) == len(set(ids))


def test_forms_escape_data_text() -> None:
    hostile = '<b>x</b> & "q" </style><script>alert(1)</script>'
    raw = MINIMAL.read_text(encoding="utf-8").replace("zh: 最小示例", f"zh: '{hostile}'")
    raw = raw.replace("zh: 营业执照, en: Business licence", f"zh: '{hostile}', en: Business licence")
    criteria = parse_criteria(raw.encode("utf-8"), "hostile.yaml")
    for name, page in _forms(context(criteria, "zh", "hostile.yaml")).items():
        assert "<b>x</b>" not in page and "<script>" not in page, name
        assert "&lt;b&gt;x&lt;/b&gt; &amp; &#34;q&#34;" in page, name
        style = page[page.index("<style>") + 7: page.index("</style>")]
        assert "<" not in style and "&" not in style, name


def test_css_string_escapes_everything_that_could_end_it() -> None:
    assert css_string('a"b\\c</style>\n中文') == '"a\\000022b\\00005cc\\00003c\\00002fstyle\\00003e\\00000a中文"'


def _paper(criteria: Criteria, answers: dict[str, Answer]) -> tuple[list[Fraction | None], Fraction | None]:
    """Section scores and total the way the printed worksheet tells a person to compute them."""
    low, high = criteria.scale.min_score, criteria.scale.max_score
    sums: list[tuple[Fraction, Fraction]] = []
    for section in criteria.sections:
        scored = [(Fraction(repr(k.weight)), answers.get(k.id)) for k in section.criteria]
        scored = [(w, a) for w, a in scored if isinstance(a, int)]
        sums.append((sum((w * (a - low) for w, a in scored), Fraction(0)), sum((w for w, _ in scored), Fraction(0))))

    def value(points: Fraction, weights: Fraction) -> Fraction | None:
        return points / weights / (high - low) * 100 if weights else None

    total = value(sum((p for p, _ in sums), Fraction(0)), sum((w for _, w in sums), Fraction(0)))
    return [value(p, w) for p, w in sums], total


@pytest.mark.parametrize("low", [0, 1])
def test_printed_formula_agrees_with_the_scoring_rule(low: int) -> None:
    base = load_criteria(DEFAULT_CRITERIA).scored  # the worksheet leaves self-check sections out
    levels = tuple(Level(low + i, lv.label, lv.description) for i, lv in enumerate(base.scale.levels))
    criteria = dataclasses.replace(base, scale=Scale(levels))
    choices: list[Answer] = [lv.score for lv in levels] + [NA, None]
    rng = random.Random(4)
    for _ in range(200):
        answers = {k.id: rng.choice(choices) for k in criteria.criteria}
        result = score_criteria(criteria, answers)
        sections, total = _paper(criteria, answers)
        assert sections == [s.value for s in result.sections] and total == result.total
    span = levels[-1].score - levels[0].score
    for lang, points in [("zh", "得分" if low == 0 else f"(得分 − {low})"),
                         ("en", "score" if low == 0 else f"(score − {low})")]:
        page = render_form(context(criteria, lang, "c.yaml"), "worksheet")["worksheet.md"]
        assert f"× {points}) ÷ " in page and f"÷ {span} × 100" in page


def test_checklist_picks_decisive_questions_from_data() -> None:
    criteria = load_criteria(DEFAULT_CRITERIA)
    quick = [k for _, k in quick_questions(criteria)]
    top = max(k.weight for k in criteria.criteria)
    knockouts = [k for k in criteria.criteria if k.knockout]
    assert 0 < len(quick) <= QUICK_LIMIT
    assert all(k.knockout or k.weight == top for k in quick)
    assert quick == [k for k in criteria.criteria if k in quick]  # display order
    if len(knockouts) <= QUICK_LIMIT:
        assert all(k in quick for k in knockouts)
    with_candidates = [s for s in criteria.sections if any(k.knockout or k.weight == top for k in s.criteria)]
    # Every knock-out first; the places left go to sections no knock-out covers yet.
    uncovered = [s for s in with_candidates if not any(k.knockout for k in s.criteria)]
    if len(knockouts) + len(uncovered) <= QUICK_LIMIT:
        assert all(any(k in quick for k in s.criteria) for s in with_candidates)
    assert sum(any(k in quick for k in s.criteria) for s in uncovered) == min(len(uncovered),
                                                                              QUICK_LIMIT - len(knockouts))


def test_checklist_with_few_candidates_takes_them_all() -> None:
    criteria = load_criteria(MINIMAL)
    assert [k.id for _, k in quick_questions(criteria)] == ["licence"]  # knock-out and the top weight (3)


def test_forms_are_in_navigation_and_linked_from_home() -> None:
    criteria = load_criteria(MINIMAL)
    files = render_all(criteria, "c.yaml")
    for lang in criteria.meta.languages:
        assert all(f"{lang}/{form}.md" in files for form in FORMS)
        home = str(files[f"{lang}/index.md"])
        assert all(f"]({form}.md)" in home for form in FORMS)
        linked = [path for entry in site_nav(edition_of(criteria), lang) for value in entry.values()
                  if isinstance(value, list) for item in value for path in item.values()]
        assert all(f"{form}.md" in linked for form in FORMS)


def test_weights_print_as_written() -> None:
    criteria = load_criteria(MINIMAL)
    page = render_form(context(criteria, "en", "c.yaml"), "worksheet")["worksheet.md"]
    assert 'data-weight="1.5"' in page and 'data-weight="3"' in page
    assert 'class="kit-ws-weight">1.5<' in page and 'class="kit-ws-weight">3<' in page
