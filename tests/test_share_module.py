"""The share link's modules (scorer/share.js, share-take.js) run with no page, in a module worker (no DOM, no storage).

Payload by position and back, checks against another edition or version of the criteria, the FNV-1a
check, and taking received agencies in (added, or in place of those with the same names).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import scorer_pages as sp
from editions import context

from conftest import DEFAULT_CRITERIA
from generator.load import load_criteria
from generator.render.scoring_data import scoring_data

SCORER = sp.SCORER
CRITERIA = load_criteria(DEFAULT_CRITERIA)
DATA = scoring_data(context(CRITERIA, "en"))
IDS = [k.id for k in CRITERIA.scored_criteria]

HARNESS = """
onmessage = async ({ data: [base, data, body] }) => {
  try {
    const s = { ...(await import(base + 'share.js')), ...(await import(base + 'share-take.js')) };
    const run = new (Object.getPrototypeOf(async function () {}).constructor)('s', 'data', body);
    postMessage({ ok: await run(s, data), dom: typeof document + ' ' + typeof window });
  } catch (error) {
    postMessage({ error: String(error && error.stack || error) });
  }
};
"""


@pytest.fixture(scope="module")
def run(browser: Any, serve_dir: Any) -> Iterator[Any]:
    """run(body): the async JavaScript function body run in a module worker with s (share.js and share-take.js)
    and data."""
    base = str(serve_dir(SCORER))
    page = browser.new_page()
    page.goto(base)

    yield sp.worker_runner(page, base, HARNESS, DATA)
    page.close()


DOC = f"""
const doc = {{ format: 'kit-scoring', formatVersion: 1, criteria: {{ id: data.criteria.id, version: data.criteria.version,
  ids: [] }}, agencies: [
  {{ id: 'x', name: 'Alpha', scores: {{ '{IDS[0]}': 3, '{IDS[1]}': 'na', 'gone': 2 }}, notes: {{ '{IDS[0]}': '看过' }},
    flags: {{ '{IDS[2]}': [0, 1] }} }},
  {{ id: 'y', name: 'Beta', scores: {{ '{IDS[3]}': 1 }}, notes: {{}}, flags: {{}} }}] }};
"""


def test_a_payload_reads_back_to_the_same_scores(run: Any) -> None:
    out = run(DOC + """
      const { link, compressed } = await s.makeLink('http://x/worksheet/', s.payload(data, doc, { notes: true }));
      const got = await s.readLink(data, link.slice(link.indexOf('#')));
      return { compressed, agencies: got.doc.agencies, notes: got.notes, count: s.contents(s.payload(data, doc)) };
    """)
    assert out["compressed"] is True and out["notes"] is True
    assert [(a["name"], a["scores"], a["notes"], a["flags"]) for a in out["agencies"]] == [
        ("Alpha", {IDS[0]: 3, IDS[1]: "na"}, {IDS[0]: "看过"}, {IDS[2]: [0, 1]}),
        ("Beta", {IDS[3]: 1}, {}, {})]
    assert out["count"] == {"agencies": ["Alpha", "Beta"], "scores": 3, "flags": 2, "notes": 0}


@pytest.mark.parametrize(("change", "kind", "values"), [
    ("data.criteria.id = 'other-kit'", "otherCriteria", {"id": DATA["criteria"]["id"]}),
    ("data.criteria.version = '9.9.9'; data.sections[0].criteria.reverse()", "otherVersion",
     {"old": DATA["criteria"]["version"], "new": "9.9.9"}),
])
def test_a_link_for_other_criteria_is_refused_by_name(run: Any, change: str, kind: str, values: dict[str, str]) -> None:
    out = run(DOC + f"""
      const {{ link }} = await s.makeLink('http://x/', s.payload(data, doc));
      {change};
      try {{ await s.readLink(data, link.slice(link.indexOf('#'))); return 'read'; }}
      catch (e) {{ return [e.kind, e.values]; }}
    """)
    assert out == [kind, values]


def test_received_agencies_are_added_or_replace_those_with_the_same_names(run: Any) -> None:
    out = run(DOC + f"""
      const here = {{ ...doc, agencies: [{{ id: 'h', name: ' Alpha ', scores: {{ '{IDS[9]}': 2 }}, notes: {{ '{IDS[9]}': 'mine' }},
        flags: {{}} }}] }};
      const added = s.takeIn(here, doc, 'add', false);
      const replaced = s.takeIn(here, doc, 'replace', false);
      const withNotes = s.takeIn(here, doc, 'replace', true);
      const many = {{ ...doc, agencies: Array.from({{ length: 10 }}, (_, i) => ({{ ...doc.agencies[1], name: 'N' + i }})) }};
      return {{ added: added.agencies.map((a) => [a.name, a.scores]), replaced: replaced.agencies.map((a) => [a.name, a.scores, a.notes]),
        notes: withNotes.agencies[0].notes, full: s.takeIn(here, many, 'add', false) === null,
        ids: new Set(added.agencies.map((a) => a.id)).size }};
    """)
    alpha = {IDS[0]: 3, IDS[1]: "na", "gone": 2}
    assert out["added"] == [[" Alpha ", {IDS[9]: 2}], ["Alpha (2)", alpha], ["Beta", {IDS[3]: 1}]]
    assert out["ids"] == 3
    assert out["replaced"] == [[" Alpha ", alpha, {IDS[9]: "mine"}], ["Beta", {IDS[3]: 1}, {}]]
    assert out["notes"] == {IDS[0]: "看过"}
    assert out["full"] is True
