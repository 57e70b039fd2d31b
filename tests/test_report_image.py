"""The report's picture (scorer/image.js, linebreak.js; issue 23).

The line breaker runs in a module worker (no DOM): no line starts with closing punctuation and no
line ends with opening punctuation, as Chinese line-breaking rules ask, on small cases and on
every text of the default criteria at many widths, measured by a fixed rule and by a real canvas
font. In Chromium, the picture's bars carry a legend (pattern, name, entry number) and labels
with the agency's name, and the hint next to the picture says only what works.
"""

from __future__ import annotations

from typing import Any

import pytest
import scorer_pages as sp
import test_report as tr
from editions import context, label
from test_report import phone  # noqa: F401  (the fixture: a phone page that fails on console errors)

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.render.report import report_data
from generator.scoring import display, score_criteria

CRITERIA = load_criteria(DEFAULT_CRITERIA)
NO_START = set("!%),.:;?]}¢°·’”‰′″℃、。〃〉》」』】〕〗〙〛〞〟！％），．：；？］｝～｡｣､…‥—–・")
NO_END = set("([{£¥‘“〈《「『【〔〖〘〚〝（［｛＄￡￥｢")


def _texts(lang: str) -> list[str]:
    """Every text of the default criteria a report or its picture shows, and more of the same kind."""
    out = [CRITERIA.meta.title(lang)]
    for k in CRITERIA.criteria:
        out += [k.title(lang), *(t(lang) for t in (*k.all_questions, *k.red_flags, *k.evidence, *k.after_signing))]
        out += [d.text(lang) for d in k.levels]
    return out


@pytest.fixture(scope="module")
def run(browser: Any, serve_dir: Any) -> Any:
    yield from sp.module_worker(browser, serve_dir, {}, b="linebreak.js")


# measure: CJK two units, anything else one (fixed, so the cases below are exact).
UNITS = "const measure = (s) => [...s].reduce((n, c) => n + (/[\\u2e80-\\uffef]/.test(c) ? 2 : 1), 0);"


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("甲乙丙，丁戊", 6, ["甲乙", "丙，丁", "戊"]),          # the comma takes 丙 along
    ("甲乙丙。」丁", 6, ["甲乙", "丙。」", "丁"]),        # two closing marks in a row
    ("甲乙（丙丁）", 6, ["甲乙", "（丙", "丁）"]),        # the opening bracket goes with 丙, 丁 with the closing one
    ("甲乙丙（丁）", 6, ["甲乙丙", "（丁）"]),
    ("甲乙丙、丁", 6, ["甲乙", "丙、丁"]),
    ("甲乙丙", 6, ["甲乙丙"]),
    ("甲，", 2, ["甲，"]),                                 # nothing to take along: the mark hangs
    ("one two three", 7, ["one two", "three"]),
    ("a (bc) de", 4, ["a", "(bc)", "de"]),
    ("中文 English，好", 8, ["中文", "English，", "好"]),
])
def test_line_breaker_cases(run: Any, text: str, width: int, lines: list[str]) -> None:
    assert run(f"{UNITS} return b.wrap(measure, data[0], data[1]);", [text, width]) == lines


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_no_line_starts_with_a_closing_mark_in_any_text(run: Any, lang: str) -> None:
    texts = _texts(lang)
    out = run(f"""{UNITS}
      const [texts, widths] = data;
      // The fixed measure at many widths, then a real font at the picture's widths.
      const canvas = new OffscreenCanvas(10, 10).getContext('2d');
      canvas.font = '700 36px sans-serif';
      const real = (s) => canvas.measureText(s).width;
      const broken = [];
      for (const text of texts) {{
        for (const width of widths) broken.push([text, width, b.wrap(measure, text, width)]);
        for (const width of [968, 838, 916]) broken.push([text, width, b.wrap(real, text, width), true]);
      }}
      return broken.map(([text, width, lines, font]) => [text, width, lines, font ? lines.map(real) : lines.map(measure)]);
    """, [texts, list(range(6, 61, 3))])
    assert len(out) > 1000
    for text, width, lines, widths in out:
        assert lines, text
        starts = [line for line in lines[1:] if line[0] in NO_START]
        assert starts == [], (text, width, lines)
        ends = [line for line in lines[:-1] if line[-1] in NO_END]
        assert ends == [], (text, width, lines)
        joined = "".join(lines) if lang != "en" else " ".join(lines)
        assert joined.replace(" ", "") == text.replace(" ", "").replace("\n", ""), (text, width, lines)
        # Over the width only by a mark's width, where a word and its mark could not be parted.
        over = 40 if width > 100 else 2
        assert all(w <= width + over for w in widths), (text, width, lines, widths)


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_picture_has_a_legend_labelled_bars_and_an_honest_hint(phone: Any, base: str, lang: str) -> None:  # noqa: F811
    page = tr._report(phone, base, lang)
    hint = page.locator(".kit-rp-picture figcaption")
    assert hint.inner_text() == label(lang, "rp_picture_hint")
    assert page.locator(".kit-rp-actions > .kit-rp-hint").inner_text() == label(lang, "rp_image_hint")
    with page.expect_download():
        page.locator('#kit-report button[data-action="image"]').tap()
    lines = page.evaluate("window.kitScoring.report.lastImage.lines")
    names = [name for name, _, _ in tr.AGENCIES]
    data = report_data(context(CRITERIA, lang))
    legend = [f"{name} · {label(lang, 'rp_entry', n=i + 1)}" for i, name in enumerate(names)]
    assert all(line in lines for line in legend), "a legend keys each pattern to the agency"
    heading = lines.index(data["strings"]["sections"])
    assert lines[heading + 1:heading + 4] == legend, "the legend sits above the bars"
    sections = CRITERIA.scored_sections
    answers = tr._answers()
    for si, section in enumerate(sections):
        at = lines.index(f"{si + 1}. {section.title(lang)}", heading)
        for i, name in enumerate(names):
            value = display(score_criteria(CRITERIA, answers[i]).sections[si].value)
            bar = lines[at + 1 + i]
            assert bar == f"{value} {name}", (section.id, bar)  # a long name would end in …
    # (A bar without a value is labelled "— name": the dash is the value, not a broken line.)
    assert not [line for line in lines if line[0] in NO_START and not line.startswith("— ")], \
        "no line starts with a closing mark"
    ranking = lines[lines.index(data["strings"]["ranking"]):heading]
    assert not any(line.startswith(f"{i + 1} · ") for i in range(3) for line in ranking), \
        "no entry number that reads as a rank"


def test_the_picture_is_drawn_only_when_it_nears_the_screen(phone: Any, base: str) -> None:  # noqa: F811
    """Drawing a tall picture right after loading blocked a phone's page for seconds (issue 30)."""
    page = tr._report(phone, base, "zh")
    figure = page.locator("#kit-report .kit-rp-picture")
    top = page.evaluate("document.querySelector('#kit-report .kit-rp-picture').getBoundingClientRect().top")
    assert top > 2 * 844, "the picture starts more than a screen below the first one"
    page.wait_for_timeout(800)
    assert figure.locator("img").count() == 0 and figure.get_attribute("aria-busy") == "true", "not drawn yet"
    figure.scroll_into_view_if_needed()
    figure.locator("img").wait_for()
    assert figure.get_attribute("aria-busy") is None
