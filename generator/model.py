"""The immutable criteria model that every renderer reads.

Names match the keys of ``data/criteria.yaml``; see the JSON Schema in
``generator/schema/criteria.schema.json`` for what each key means.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

__all__ = ["CHECK_DAYS", "DEFAULT_VERDICT", "REQUIRED_FORM", "SITTINGS", "UNSCORED_KEYS", "Borrowed", "Branding",
           "CheckLine", "Criteria", "Criterion", "Descriptor", "Level", "Logo", "Meta", "PageValue", "Release", "Scale",
           "Section", "Source", "Text", "VerdictRules", "numbered_sections"]

REQUIRED_FORM = "worksheet"
"""The form an edition cannot leave out (``meta.forms``): the interview and the comparison report lead to it."""

_T = TypeVar("_T")

UNSCORED_KEYS = ("weight", "knockout", "levels", "clauses", "declare")
"""Criterion keys that a self-check section's criteria never have: nothing in it is scored or asked of an agency."""


@dataclass(frozen=True)
class Text:
    """A text in every language of the file."""

    values: tuple[tuple[str, str], ...]
    """(language, text) pairs in the file's language order."""

    def __call__(self, lang: str) -> str:
        """The text in ``lang``."""
        return dict(self.values)[lang]


@dataclass(frozen=True)
class Source:
    """A source that criteria cite."""

    id: str
    """Stable id, cited from ``criterion.sources``."""
    title: Text
    """Title of the source."""
    publisher: Text | None
    """Who published it, if known."""
    url: str | None
    """Where to read it, if public."""
    note: Text | None
    """Remarks on the source."""


@dataclass(frozen=True)
class Logo:
    """An edition's logo image, read from beside the criteria file."""

    name: str
    """Path as written in ``meta.branding.logo``, relative to the criteria file."""
    data: bytes
    """The image file's bytes."""


@dataclass(frozen=True)
class Branding:
    """An edition's look: Material palette names and an optional logo."""

    primary: str | None
    """Material primary palette name, e.g. "teal"."""
    accent: str | None
    """Material accent palette name, e.g. "amber"."""
    logo: Logo | None
    """Logo image, if any."""


@dataclass(frozen=True)
class Release:
    """One recorded version in the changelog."""

    version: str
    """The version described."""
    date: str
    """Release date, YYYY-MM-DD."""
    note: Text
    """What changed."""


@dataclass(frozen=True)
class Meta:
    """What the criteria file is and where it comes from."""

    id: str
    """Stable id of this edition."""
    title: Text
    """Title shown on every page and sheet."""
    description: Text | None
    """One-paragraph summary for the home page."""
    version: str
    """Version string of these criteria."""
    languages: tuple[str, ...]
    """Language codes; the first is the main language."""
    licence: str | Text
    """Licence of the criteria text: one text for every language, or one per language."""
    sources: tuple[Source, ...]
    """Sources cited by criteria."""
    site_url: str | None
    """Public address of the published site."""
    branding: Branding | None = None
    """Colours and logo of this edition; None for the default look."""
    fallback: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Which languages fill the gaps of a language's labels and page texts, in order: (language, (other, ...))."""
    maintainer_pages: bool = True
    """False to leave the editor pages (make your own edition, criteria file reference) out of the site."""
    forms: tuple[str, ...] | None = None
    """The printable forms to publish (``meta.forms``), or None for all of them."""

    def licence_in(self, lang: str) -> str:
        """The licence as shown in ``lang``."""
        return self.licence if isinstance(self.licence, str) else self.licence(lang)


@dataclass(frozen=True)
class Level:
    """One step of the scoring scale."""

    score: int
    """Points for this level."""
    label: Text
    """Short name, e.g. "Good"."""
    description: Text | None
    """What this level means in general."""


@dataclass(frozen=True)
class Scale:
    """The scoring scale shared by all criteria."""

    levels: tuple[Level, ...]
    """Levels from lowest to highest score."""

    @property
    def min_score(self) -> int:
        """The lowest score; a knock-out criterion scored here disqualifies."""
        return self.levels[0].score

    @property
    def max_score(self) -> int:
        """The highest score."""
        return self.levels[-1].score


@dataclass(frozen=True)
class Descriptor:
    """What an answer at one scale level sounds like, for one criterion."""

    score: int
    """The scale level described."""
    text: Text
    """The description."""


def _each(value: _T | tuple[_T, ...] | None, count: int) -> tuple[_T, ...]:
    """A key that holds one value for all entries, or one per entry, as one per entry."""
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,) * count


@dataclass(frozen=True)
class CheckLine:
    """One after-signing check as the post-signing checklist prints it."""

    text: Text
    """The check."""
    who: Text | None
    """Who makes it; None where the file says nothing (the form leaves the cell blank)."""
    keep: Text | None
    """The document to keep; None where the file says nothing."""


@dataclass(frozen=True)
class Criterion:
    """One thing to assess about an agency."""

    id: str
    """Stable id that never changes meaning."""
    title: Text
    """Short title."""
    why: Text
    """Why it matters."""
    questions: tuple[Text, ...]
    """Interview questions as written under ``questions`` (asked after ``must_ask``)."""
    evidence: tuple[Text, ...]
    """Evidence to request (in a self-check section: what to prepare)."""
    red_flags: tuple[Text, ...]
    """Warning signs (in a self-check section: about yourself)."""
    levels: tuple[Descriptor, ...]
    """One descriptor per scale level, in scale order; empty in a self-check section."""
    weight: int | float
    """Relative weight in section and total scores (> 0); 0 in a self-check section."""
    weight_reason: Text | None
    """Why it has this weight."""
    knockout: bool
    """True if a low score eliminates the agency (see :attr:`knockout_below`); False in a self-check section."""
    sources: tuple[str, ...]
    """Ids of the sources this criterion rests on."""
    must_ask: tuple[Text, ...] = ()
    """The 1–2 must-ask questions as written under ``must_ask``; empty when the key is absent
    (then :attr:`must_ask_questions` is the first of ``questions``)."""
    after_signing: tuple[Text, ...] = ()
    """Checks to make in the first month after signing (0–6)."""
    knockout_below: int | None = None
    """``knockout: {below: n}``: n, a scale score; every lower score eliminates the agency. None with
    ``knockout`` true (``knockout: true``): only the lowest level eliminates."""
    sitting: str | tuple[str, ...] | None = None
    """``sitting`` as written: one sitting (phone, desk, visit, contract) for all must-ask questions, or one each."""
    answer_lines: int = 1
    """Lines to write each must-ask answer on, on the printed sitting forms."""
    check_day: int | tuple[int, ...] | None = None
    """``check_day`` as written: the day after signing (7, 30, 60, 90) of all after-signing checks, or of each."""
    check_who: Text | tuple[Text, ...] | None = None
    """``check_who`` as written: who makes all after-signing checks, or each one (e.g. you, your finance staff)."""
    check_keep: Text | tuple[Text, ...] | None = None
    """``check_keep`` as written: the document to keep from all after-signing checks, or from each."""
    clauses: tuple[Text, ...] = ()
    """Model contract clauses for what this criterion wants the contract to say (0–4)."""
    declare: bool | None = None
    """``declare`` as written: True to ask it on the agency's declaration form; None when the key is absent."""

    @property
    def sittings(self) -> tuple[str, ...]:
        """The sitting of each must-ask question; empty without ``sitting``."""
        return _each(self.sitting, len(self.must_ask_questions))

    @property
    def check_days(self) -> tuple[int, ...]:
        """The day after signing of each after-signing check; empty without ``check_day``."""
        return _each(self.check_day, len(self.after_signing))

    @property
    def check_whos(self) -> tuple[Text, ...]:
        """Who makes each after-signing check; empty without ``check_who``."""
        return _each(self.check_who, len(self.after_signing))

    @property
    def check_keeps(self) -> tuple[Text, ...]:
        """The document to keep from each after-signing check; empty without ``check_keep``."""
        return _each(self.check_keep, len(self.after_signing))

    def asked_in(self, sitting: str) -> tuple[Text, ...]:
        """The must-ask questions asked in ``sitting``; without ``sitting`` in the file, all of them go to the visit."""
        sittings = self.sittings or ("visit",) * len(self.must_ask_questions)
        return tuple(q for q, s in zip(self.must_ask_questions, sittings, strict=True) if s == sitting)

    def check_lines_on(self, day: int) -> tuple[CheckLine, ...]:
        """The after-signing checks made on ``day``, each with who makes it and the document to keep (None
        where the file gives none); without ``check_day`` in the file, all of them on day 30."""
        count = len(self.after_signing)
        days = self.check_days or (30,) * count
        none: tuple[Text | None, ...] = (None,) * count
        whos: tuple[Text | None, ...] = self.check_whos or none
        keeps: tuple[Text | None, ...] = self.check_keeps or none
        return tuple(CheckLine(a, w, k) for a, d, w, k in zip(self.after_signing, days, whos, keeps, strict=True)
                     if d == day)

    @property
    def must_ask_questions(self) -> tuple[Text, ...]:
        """The questions asked first: ``must_ask``, or the first of ``questions`` when it is absent."""
        return self.must_ask or self.questions[:1]

    @property
    def other_questions(self) -> tuple[Text, ...]:
        """The questions asked after the must-ask ones."""
        return self.questions if self.must_ask else self.questions[1:]

    @property
    def all_questions(self) -> tuple[Text, ...]:
        """Every question, must-ask first."""
        return self.must_ask + self.questions


SITTINGS = ("phone", "desk", "visit", "contract")
"""The sittings of an interview, in the order a merchant meets them."""
CHECK_DAYS = (7, 30, 60, 90)
"""Days after signing on which post-signing checks are made (day 0 comes from the page texts)."""


@dataclass(frozen=True)
class Section:
    """A group of criteria with its own page and subtotal."""

    id: str
    """Stable id; also the page's file name."""
    title: Text
    """Section title."""
    intro: Text
    """Introduction shown above its criteria."""
    criteria: tuple[Criterion, ...]
    """Criteria in display order."""
    self_check: bool = False
    """True for the merchant's own readiness self-check: unscored, part of no agency's score."""
    minimum: int | float | None = None
    """Lowest acceptable section score in percent; None for no minimum."""
    minimum_reason: Text | None = None
    """Why the minimum is set (given with every minimum)."""


@dataclass(frozen=True)
class VerdictRules:
    """How verdicts are reached, beyond knock-outs and section minimums (key ``verdict``)."""

    unscored_limit: int | float = 20
    """Largest share of the weight, in percent, left unscored before an agency is incomplete."""
    close_call_margin: int | float = 5
    """Points between the first two ranked totals at or under which the ranking is a close call."""


DEFAULT_VERDICT = VerdictRules()
"""The rules of a file without a ``verdict`` key."""

PageValue = str | tuple[str, ...]
"""One page text: a paragraph, or the items of a list."""


@dataclass(frozen=True)
class Borrowed:
    """What a language of the file shows from the languages it falls back to (``meta.fallback``)."""

    lang: str
    """The language that borrows."""
    sources: tuple[str, ...]
    """The languages it borrows criteria texts from (its first fallback if it borrows none)."""
    texts: int
    """Criteria texts (titles, questions, levels, …) filled from ``sources``."""
    labels: int
    """Interface labels converted to its script from a fallback in the other Chinese script."""
    page_texts: int
    """Page texts converted to its script likewise."""
    script: str | None
    """OpenCC configuration of the conversion (e.g. "s2tw"), or None when nothing is converted."""
    converted: tuple[str, ...] = ()
    """Keys of the converted labels, then ``page.key`` of the converted page texts."""


@dataclass(frozen=True)
class Criteria:
    """A whole criteria file."""

    meta: Meta
    """Title, version, languages, licence, sources."""
    scale: Scale
    """The scoring scale."""
    sections: tuple[Section, ...]
    """Sections in display order."""
    labels: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    """Interface labels the file supplies or rewords, by language: (language, ((key, text), ...))."""
    texts: tuple[tuple[str, tuple[tuple[str, tuple[tuple[str, PageValue], ...]], ...]], ...] = ()
    """Page texts the file supplies or rewords: (language, ((page, ((key, text or texts), ...)), ...))."""
    changelog: tuple[Release, ...] = ()
    """Recorded versions, newest first."""
    verdict: VerdictRules = DEFAULT_VERDICT
    """Unscored share and close-call margin of the verdict."""
    borrowed: tuple[Borrowed, ...] = ()
    """What each language borrows from its fallback chain; texts are already filled in (not part of the file)."""
    converted: tuple[tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, tuple[tuple[str, PageValue], ...]],
                                                                     ...]], ...] = ()
    """Labels and page texts converted to a language's script: (language, labels, page texts)
    in the shapes of ``labels`` and ``texts`` (not part of the file)."""

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """All criteria, in display order, self-check ones included."""
        return tuple(c for s in self.sections for c in s.criteria)

    @property
    def scored_sections(self) -> tuple[Section, ...]:
        """The sections that count towards an agency's score (all but self-check ones)."""
        return tuple(s for s in self.sections if not s.self_check)

    @property
    def self_check_sections(self) -> tuple[Section, ...]:
        """The merchant's own self-check sections, which no score includes."""
        return tuple(s for s in self.sections if s.self_check)

    @property
    def scored_criteria(self) -> tuple[Criterion, ...]:
        """The criteria that count towards an agency's score, in display order."""
        return tuple(c for s in self.scored_sections for c in s.criteria)

    @property
    def declared_criteria(self) -> tuple[Criterion, ...]:
        """The criteria the agency's declaration form asks, in display order: those with ``declare: true``, or,
        in a file without the key, every knock-out criterion and those of the highest weight."""
        scored = self.scored_criteria
        if any(c.declare is not None for c in scored):
            return tuple(c for c in scored if c.declare)
        heaviest = max((c.weight for c in scored), default=0)
        return tuple(c for c in scored if c.knockout or c.weight == heaviest)

    @property
    def clause_criteria(self) -> tuple[Criterion, ...]:
        """The criteria with model contract clauses, in display order."""
        return tuple(c for c in self.criteria if c.clauses)

    @property
    def scored(self) -> Criteria:
        """These criteria without self-check sections: what every scoring output works on."""
        if not self.self_check_sections:
            return self
        return replace(self, sections=self.scored_sections)


def numbered_sections(sections: tuple[Section, ...]) -> list[tuple[str, Section, list[tuple[str, Criterion]]]]:
    """(number, section, [(number, criterion)]) in display order, numbered 1, 1.1, 1.2, ...

    The one place numbers are given: every page, the workbook and the scorer show these."""
    return [(str(si), s, [(f"{si}.{ci}", k) for ci, k in enumerate(s.criteria, 1)])
            for si, s in enumerate(sections, 1)]
