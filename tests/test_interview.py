"""The interview page as generated: its data, and the links to it (issue 16)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from editions import context, label

from conftest import DEFAULT_CRITERIA, MINIMAL
from generator.edition import edition_of
from generator.load import load_criteria
from generator.model import SITTINGS
from generator.render.interview import ELEMENT_ID, STRINGS, interview_data, render_interview
from generator.render.scoring_data import scoring_data
from generator.site.nav import language_root, site_nav

CRITERIA = load_criteria(DEFAULT_CRITERIA)


def _data(page: str) -> dict[str, object]:
    found = re.search(rf'<template id="{ELEMENT_ID}" data-search-exclude>(.*?)</template>', page, re.S)
    assert found, "the page holds the interview's data"
    return dict(json.loads(found.group(1)))


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_data_is_the_scorers_with_every_text_of_the_scored_criteria(lang: str) -> None:
    data = _data(render_interview(context(CRITERIA, lang, "data/criteria.yaml"))["interview.md"])
    scorer = scoring_data(context(CRITERIA, lang))
    assert {k: v for k, v in data.items() if k not in ("sections", "strings", "sittings")} == \
        {k: v for k, v in scorer.items() if k not in ("sections", "strings")}
    assert data["sittings"] == [s for s in SITTINGS if any(s in k.sittings for k in CRITERIA.scored_criteria)]
    cards = [c for s in data["sections"] for c in s["criteria"]]  # type: ignore[attr-defined]
    scored = CRITERIA.scored_criteria
    assert [c["id"] for c in cards] == [k.id for k in scored], "scored criteria only, in order"
    for card, k in zip(cards, scored, strict=True):
        assert card["must"] == [q(lang) for q in k.must_ask_questions]
        assert card["sittings"] == list(k.sittings), "each must-ask question's sitting"
        assert card["must"] + card["more"] == [q(lang) for q in k.must_ask_questions + k.other_questions]
        assert card["flags"] == [r(lang) for r in k.red_flags]
        assert card["evidence"] == [e(lang) for e in k.evidence]
        assert card["levels"] == {str(d.score): d.text(lang) for d in k.levels}
        # A knock-out's card says at which level it eliminates when that is not the lowest (fake orders: 1).
        if k.knockout_below is not None:
            level = max((lv for lv in CRITERIA.scale.levels if lv.score < k.knockout_below), key=lambda lv: lv.score)
            assert card["koRule"] == label(lang, "ko_level", level=label(
                lang, "level_named", score=level.score, label=level.label(lang)))
        elif k.knockout:
            assert card["koRule"] == label(lang, "knockout")
        else:
            assert "koRule" not in card
    assert any(k.knockout_below is not None for k in scored), "the default criteria have a raised knock-out"
    strings = data["strings"]
    assert isinstance(strings, dict)
    assert set(scorer["strings"]) | set(STRINGS) == set(strings)
    assert strings["ivProgress"] == label(lang, "iv_progress", n="{n}", total="{total}", scored="{scored}")


def test_self_check_sections_get_no_card() -> None:
    own = {k.id for s in CRITERIA.self_check_sections for k in s.criteria}
    assert own, "the default criteria have a self-check section"
    cards = {c["id"] for s in interview_data(context(CRITERIA, "zh"))["sections"] for c in s["criteria"]}
    assert not own & cards


def test_data_is_deterministic_and_safe_as_html() -> None:
    first = render_interview(context(CRITERIA, "en", "data/criteria.yaml"))
    assert first == render_interview(context(CRITERIA, "en", "data/criteria.yaml"))
    page = first["interview.md"]
    body = page.split('data-search-exclude>', 1)[1].split("</template>", 1)[0]
    assert "<" not in body and "&" not in body


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_linked_from_home_navigation_and_worksheet(built_site: Path, lang: str) -> None:
    root = built_site / language_root(CRITERIA, lang).strip("/")
    page = (root / "interview" / "index.html").read_text(encoding="utf-8")
    assert f'<h1 id="interview">{html.escape(label(lang, "interview"))}</h1>' in page
    assert 'href="../questionnaire/"' in page, "without scripts, the printable questionnaire"
    assert f'<a href="#interview" class="md-skip kit-skip">{html.escape(label(lang, "skip_to_form"))}</a>' in page
    home = (root / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="kit-home-go" href="interview/">' + re.escape(html.escape(label(lang, "interview")))
                     + "</a>", home)
    assert html.escape(label(lang, "interview_about")) in home
    sheet = (root / "worksheet" / "index.html").read_text(encoding="utf-8")
    link = {"text": label(lang, "iv_from_worksheet"), "link": label(lang, "interview"), "href": "../interview/"}
    assert json.dumps(link, ensure_ascii=False, separators=(",", ":")) in sheet, "the scorer links the interview"
    titles = [str(title) for item in site_nav(edition_of(CRITERIA), lang) for title in item]
    assert label(lang, "interview") in titles
    assert re.search(r'class="md-nav__link"[^>]*href="\.\./interview/"|href="\.\./interview/"[^>]*md-nav__link',
                     sheet), "the navigation of every page links it"


def test_a_file_without_sittings_gives_no_sitting_modes() -> None:
    minimal = load_criteria(MINIMAL)
    assert not any(k.sittings for k in minimal.scored_criteria)
    data = interview_data(context(minimal, minimal.meta.languages[0]))
    assert data["sittings"] == []
    cards = [c for s in data["sections"] for c in s["criteria"]]
    assert all(c["sittings"] == ["visit"] * len(c["must"]) for c in cards), "as on the printed forms"
