"""Spreadsheet formulas of the verdict (generator.verdict) on the scoring and comparison sheets.

Column D of the scoring sheet holds each knock-out criterion's eliminating level (blank for
other criteria). Per agency the scoring sheet counts the knock-outs at or below it, the
knock-outs not scored (blank, N/A or invalid), the percent of the weight not scored and the
sections under their minimum, and from them a verdict code: 0 ranked, 1 below a section
minimum, 2 incomplete, 3 eliminated (the order of generator.verdict.GROUPS). The comparison
sheet ranks by (code, rounded total) and writes the verdict in words, naming the criteria or
sections, with the functions the other formulas use plus MID.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from generator.model import Criteria, numbered_sections
from generator.render.workbook.formulas import NA_TEXT, ref
from generator.scoring import eliminates_at
from generator.verdict import GROUPS, Verdict
from generator.words.texts import Texts

__all__ = ["MAX_FORMULA", "below_count", "knocked_count", "rank", "unchecked_count", "unscored_share",
           "verdict_code", "verdict_text", "verdict_words"]

MAX_FORMULA = 8000
"""Longest formula written (Excel's limit is 8,192 characters); a longer verdict leaves its list out."""


def _valid(cell: str, scores: Sequence[int]) -> str:
    return f"ISNUMBER(MATCH({cell},{{{','.join(str(s) for s in scores)}}},0))"


def knocked_count(levels: str, answers: str, scores: Sequence[int]) -> str:
    """How many knock-out criteria hold a valid score at or below their eliminating level."""
    return f"=SUMPRODUCT(--ISNUMBER({levels}),--{_valid(answers, scores)},--({answers}<={levels}))"


def unchecked_count(levels: str, answers: str, scores: Sequence[int]) -> str:
    """How many knock-out criteria hold no valid score (blank, N/A or anything else)."""
    return f"=SUMPRODUCT(--ISNUMBER({levels}),1-{_valid(answers, scores)})"


def unscored_share(weights: str, levels: str, answers: str, scores: Sequence[int]) -> str:
    """Percent of the weight without a valid score, N/A on other criteria than knock-outs excepted."""
    unscored = f'(1-{_valid(answers, scores)})*(1-({answers}="{NA_TEXT}")*(1-ISNUMBER({levels})))'
    return f"=IF(SUMPRODUCT({weights})=0,0,SUMPRODUCT({weights},{unscored})*100/SUMPRODUCT({weights}))"


def below_count(subtotals: Sequence[tuple[str, Fraction]]) -> str:
    """How many sections have a (rounded) subtotal under their minimum; subtotals are (cell, minimum)."""
    terms = [f"IF(ISNUMBER({cell}),--({cell}+1E-9<{float(low)!r}),0)" for cell, low in subtotals]
    return "=" + ("+".join(terms) or "0")


def verdict_code(knocked: str, unchecked: str, share: str, below: str, limit: Fraction) -> str:
    """0 ranked, 1 below a section minimum, 2 incomplete, 3 eliminated."""
    return f"=IF({knocked}>0,3,IF({unchecked}>0,2,IF({share}>{float(limit)!r}+1E-9,2,IF({below}>0,1,0))))"


def rank(totals: str, codes: str, total: str, code: str) -> str:
    """Rank by (verdict code, rounded total), as generator.verdict.judge_all; "" without a total."""
    counted = f"--ISNUMBER({totals})"
    ahead = f"SUMPRODUCT({counted},--({codes}<{code}))+SUMPRODUCT({counted},--({codes}={code}),--({totals}>{total}))"
    return f'=IF(ISNUMBER({total}),1+{ahead},"")'


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _around(texts: Texts, key: str, name: str, **values: object) -> tuple[str, str]:
    """The label's text before and after its ``{name}`` placeholder."""
    marker = "\x00"
    before, _, after = texts.label(key, **{name: marker}, **values).partition(marker)
    return before, after


def _listed(texts: Texts, items: Sequence[tuple[str, str]]) -> str:
    """A formula listing the names whose condition holds, separated as the language does."""
    sep = texts.label("list_sep")
    parts = "&".join(f'IF({cond},{_quote(sep + name)},"")' for cond, name in items)
    return f"MID({parts or chr(34) * 2},{len(sep) + 1},4000)"


def verdict_text(criteria: Criteria, texts: Texts, scoring: str, col: Callable[[int], str],
                 rows: dict[str, int]) -> str:
    """The verdict in words; ``col(row)`` is the agency's cell on the scoring sheet, ``rows`` the row of
    each criterion id, section id and of "code", "unchecked" and "share"."""
    scores = [lv.score for lv in criteria.scale.levels]
    there = {key: ref(scoring, col(row)) for key, row in rows.items()}
    knockouts = [(c, eliminates_at(criteria, c)) for c in criteria.criteria if c.knockout]
    numbered = numbered_sections(criteria.sections)
    number = {c.id: n for _, _, ks in numbered for n, c in ks}
    name = {c.id: f"{number[c.id]} {c.title(texts.lang)}" for c, _ in knockouts}
    out = [(f"IF({_valid(there[c.id], scores)},{there[c.id]}<={at},0)", name[c.id]) for c, at in knockouts]
    open_ = [(f"1-{_valid(there[c.id], scores)}", name[c.id]) for c, _ in knockouts]
    below = [(f"IF(ISNUMBER({there[s.id]}),{there[s.id]}+1E-9<{float(s.minimum)!r},0)",
              f"{sn}. {s.title(texts.lang)}") for sn, s, _ in numbered if s.minimum is not None]
    share = f"INT({there['share']}*10+0.5+1E-9)/10"
    limit = _number(Fraction(repr(criteria.verdict.unscored_limit)))

    def phrase(key: str, name: str, inner: str, **values: object) -> str:
        before, after = _around(texts, key, name, **values)
        return f"{_quote(before)}&{inner}&{_quote(after)}"

    def build(lists: bool) -> str:
        def listed(items: Sequence[tuple[str, str]]) -> str:
            return _listed(texts, items) if lists else '""'

        return (f"=IF({there['code']}=3,{phrase('vd_eliminated', 'ids', listed(out))},"
                f"IF({there['code']}=2,IF({there['unchecked']}>0,{phrase('vd_incomplete', 'ids', listed(open_))},"
                f"{phrase('vd_incomplete_share', 'share', share, max=limit)}),"
                f"IF({there['code']}=1,{phrase('vd_below', 'names', listed(below))},"
                f"{_quote(texts.label('vd_ranked'))})))")

    full = build(True)
    return full if len(full) <= MAX_FORMULA else build(False)


def _number(value: Fraction) -> str:
    """A number as a spreadsheet shows it when joined to text: 20, 22.5."""
    return str(value.numerator) if value.denominator == 1 else repr(float(value))


def verdict_words(criteria: Criteria, texts: Texts, verdict: Verdict, share: Fraction) -> str:
    """What ``verdict_text`` shows for ``verdict`` (the cached value of a fresh workbook)."""
    numbered = numbered_sections(criteria.sections)
    number = {c.id: f"{n} {c.title(texts.lang)}" for _, _, ks in numbered for n, c in ks}
    sections = {s.id: f"{sn}. {s.title(texts.lang)}" for sn, s, _ in numbered}
    sep = texts.label("list_sep")
    if verdict.kind == "eliminated":
        return texts.label("vd_eliminated", ids=sep.join(number[i] for i in verdict.criteria))
    if verdict.kind == "incomplete" and verdict.criteria:
        return texts.label("vd_incomplete", ids=sep.join(number[i] for i in verdict.criteria))
    if verdict.kind == "incomplete":
        tenths = Fraction(int(share * 10 + Fraction(1, 2)), 10)
        return texts.label("vd_incomplete_share", share=_number(tenths),
                           max=_number(Fraction(repr(criteria.verdict.unscored_limit))))
    if verdict.kind == "below_minimum":
        return texts.label("vd_below", names=sep.join(sections[i] for i in verdict.sections))
    assert verdict.kind == GROUPS[0]
    return texts.label("vd_ranked")
